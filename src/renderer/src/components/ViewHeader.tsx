// The title row of a view: its name, a one-line explanation and optional actions at the right.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export function ViewHeader({
  view,
  actions,
  children
}: {
  view: string
  actions?: ReactNode
  children?: ReactNode
}) {
  const { t } = useTranslation('common')
  return (
    <header className="view-header">
      <div>
        <h1>{t(`nav.${view}`)}</h1>
        <p className="view-lead">{t(`lead.${view}`)}</p>
        {children}
      </div>
      {actions && <div className="view-actions">{actions}</div>}
    </header>
  )
}
