// The budget board's summary cards: the grand total against the plan budget, the actuals when
// the plan has some (children), and the caps.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Cents } from '@shared/planning/types'
import './strings'

export function BudgetSummary({
  totalCents,
  planBudgetCents,
  breaches,
  money,
  children
}: {
  totalCents: Cents
  planBudgetCents: Cents
  breaches: number
  money: (c: Cents) => string
  children?: ReactNode
}) {
  const { t } = useTranslation('budgetBoard')
  const overPlan = totalCents > planBudgetCents
  return (
    <div className="budget-summary">
      <div className={`card summary-card ${overPlan ? 'bad' : ''}`} data-testid="grand-total">
        <div className="figure-label">{t('total')}</div>
        <div className="figure">{money(totalCents)}</div>
        <div className="muted small">
          {t('grandTotal', { total: money(totalCents), plan: money(planBudgetCents) })} ·{' '}
          {overPlan
            ? t('overBy', { amount: money(totalCents - planBudgetCents) })
            : t('remaining', { amount: money(planBudgetCents - totalCents) })}
        </div>
      </div>
      {children}
      <div className={`card summary-card ${breaches > 0 ? 'bad' : ''}`} data-testid="caps-summary">
        <div className="figure-label">{t('cap')}</div>
        <div className="figure small-figure">
          {breaches > 0 ? t('capsBreached', { count: breaches }) : t('capsOk')}
        </div>
      </div>
    </div>
  )
}
