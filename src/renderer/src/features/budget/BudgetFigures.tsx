// The Budget view's four figures: planned, plan budget, remaining and caps exceeded.
import { useTranslation } from 'react-i18next'
import type { BudgetSummary } from '@shared/planning/budget'
import { formatMoney, formatNumber } from '../../lib/format'
import './strings'

export function BudgetFigures({ summary }: { summary: BudgetSummary }) {
  const { t } = useTranslation('budget')
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  return (
    <section className="figures-row" aria-label={t('planned')}>
      <div className="card">
        <div className="figure-label">{t('planned')}</div>
        <div className="figure" data-testid="budget-total">
          {money(summary.totals.totalCents)}
        </div>
      </div>
      <div className="card">
        <div className="figure-label">{t('planBudget')}</div>
        <div className="figure" data-testid="budget-plan">
          {money(summary.planBudgetCents)}
        </div>
      </div>
      <div className="card">
        <div className="figure-label">{t('remaining')}</div>
        <div
          className={`figure ${summary.planRemainingCents < 0 ? 'text-danger' : ''}`}
          data-testid="budget-remaining"
        >
          {money(summary.planRemainingCents)}
        </div>
        {summary.overPlanBudget && (
          <div className="field-error">{t('overBudget', { amount: money(-summary.planRemainingCents) })}</div>
        )}
      </div>
      <div className="card">
        <div className="figure-label">{t('breaches')}</div>
        <div className={`figure ${summary.capBreaches.length ? 'text-danger' : 'text-ok'}`}>
          {formatNumber(summary.capBreaches.length)}
        </div>
        {summary.capBreaches.length === 0 && <div className="figure-label">{t('noBreaches')}</div>}
      </div>
    </section>
  )
}
