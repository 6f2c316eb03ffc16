// A toolbar button for a registered action: its label, the label and first shortcut as the tooltip,
// greyed while the action is disabled. The label is its own span so a narrow top bar can show the
// icon alone (styles.css); the button keeps its name for screen readers either way.
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
  const label = t(action.label)
  return (
    <button
      className={className}
      onClick={() => runAction(id, { source: 'toolbar' })}
      disabled={!isEnabled(action)}
      aria-label={label}
      title={shortcut ? `${label} (${formatShortcut(shortcut)})` : label}
    >
      {icon !== undefined && <span aria-hidden="true">{icon}</span>}{' '}
      <span className="btn-label">{label}</span>
    </button>
  )
}
