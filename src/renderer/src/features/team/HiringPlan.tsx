// The hiring plan: each open position with the quarter it starts and the work planned for it.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import { hiringPlan } from '@shared/planning/edit'
import { formatFte, formatMoney, formatQuarter } from '../../lib/format'
import './strings'

export function HiringPlan({ data }: { data: PlanData }) {
  const { t } = useTranslation('team')
  const hiring = useMemo(() => hiringPlan(data), [data])
  return (
    <section className="card hiring-plan" aria-label={t('hiringTitle')}>
      <h2>{t('hiringTitle')}</h2>
      {hiring.length === 0 ? (
        <p className="muted small">{t('hiringNone')}</p>
      ) : (
        <ul data-testid="hiring-plan">
          {hiring.map((h) => (
            <li key={h.role.id}>
              {t('hiringItem', {
                role: h.role.name,
                quarter: formatQuarter(h.startQuarter),
                fte: formatFte(h.allocatedBp)
              })}
              {h.role.costPerFteQuarterCents !== null && (
                <span className="muted"> · {t('hiringCost', { cost: formatMoney(h.costCents) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
