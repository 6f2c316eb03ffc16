// A toolbar button for a registered action: its label, its first shortcut as the tooltip, greyed
// while the action is disabled.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatShortcut, isEnabled, runAction, useActions } from './actions'

export function ActionButton({
  id,
  icon,
  className = 'btn btn-ghost'
}: {
  id: string
  icon?: ReactNode
  className?: string
}) {
  const { t } = useTranslation()
  const action = useActions().find((a) => a.id === id)
  if (!action) return null
  const shortcut = action.shortcuts?.[0]
  return (
    <button
      className={className}
      onClick={() => runAction(id, { source: 'toolbar' })}
      disabled={!isEnabled(action)}
      title={shortcut ? formatShortcut(shortcut) : undefined}
    >
      {icon} {t(action.label)}
    </button>
  )
}
