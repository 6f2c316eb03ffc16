// The budget board's two summary cards: the grand total against the plan budget, and the caps.
import { useTranslation } from 'react-i18next'
import type { Cents } from '@shared/planning/types'
import './strings'

export function BudgetSummary({
  totalCents,
  planBudgetCents,
  breaches,
  money
}: {
  totalCents: Cents
  planBudgetCents: Cents
  breaches: number
  money: (c: Cents) => string
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
      <div className={`card summary-card ${breaches > 0 ? 'bad' : ''}`} data-testid="caps-summary">
        <div className="figure-label">{t('cap')}</div>
        <div className="figure small-figure">
          {breaches > 0 ? t('capsBreached', { count: breaches }) : t('capsOk')}
        </div>
      </div>
    </div>
  )
}
