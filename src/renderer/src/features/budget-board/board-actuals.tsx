// Plan against actual on the budget board: each phase and workstream cell's actual and what is
// left (over plan in red), and a summary card with spent and the forecast at completion. The
// figures come from planVsActual through the same hook the Budget view uses; a scenario shows
// the actuals of the plan it was branched from.
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Cents, PlanData, QuarterKey } from '@shared/planning/types'
import type { Figures, PlanVsActual } from '@shared/actuals/variance'
import { usePlanVsActual } from '../../lib/use-plan-vs-actual'
import { useActuals } from '../../db/actuals'
import { formatMoney, formatQuarter } from '../../lib/format'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { BudgetIndex } from '@shared/planning/budget-index'
import './strings'

/** What a total cell shows of the actuals: primitives, so the memoized cells stay put. */
export type CellActual = {
  actualText: string
  remainingText: string
  actualOver: boolean
  actualLabel: string
}

const whole = (c: Cents) => formatMoney(c, 'EUR', { whole: true })
const exact = (c: Cents) => formatMoney(c, 'EUR')

/**
 * The board's plan against actual, undefined while loading or when the plan has no actuals.
 * `index` null: the plan's lines are still being counted; `pending` then says whether actuals wait.
 */
export function useBoardActuals(planId: string, data: PlanData, index: BudgetIndex | null) {
  const { t, i18n } = useTranslation('budgetBoard')
  const stored = useActuals(planId)
  // Without actuals the board shows none: plan against actual is not computed on every drop.
  const { pva, actuals } = usePlanVsActual(
    data,
    stored?.length && index ? stored : undefined,
    index ?? undefined
  )
  const shown = actuals && actuals.length > 0 ? pva : undefined
  const cellActual = useCallback(
    (row: BudgetRow, q: QuarterKey): CellActual | undefined => {
      if (!shown) return undefined
      let f: Figures | undefined
      if (row.kind === 'phase') f = shown.byPhase.get(row.phaseId)?.byQuarter.get(q)
      // Actuals without a workstream are on the phase only (byWorkstream's null spans all phases).
      else if (row.kind === 'workstream' && row.workstreamId !== null)
        f = shown.byWorkstream.get(row.workstreamId)?.byQuarter.get(q)
      if (!f || (f.actualCents === 0 && !shown.closed.includes(q))) return undefined
      const remaining = f.over
        ? t('actualOver', { amount: whole(-f.remainingCents) })
        : t('actualLeft', { amount: whole(f.remainingCents) })
      return {
        actualText: t('actualIn', { amount: whole(f.actualCents) }),
        remainingText: remaining,
        actualOver: f.over,
        actualLabel: t('actualCellLabel', {
          quarter: formatQuarter(q),
          actual: exact(f.actualCents),
          plan: exact(f.planCents),
          remaining: f.over
            ? t('actualOver', { amount: exact(-f.remainingCents) })
            : t('actualLeft', { amount: exact(f.remainingCents) })
        })
      }
    },
    // i18n.language: the texts follow the UI language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, t, i18n.language]
  )
  return { pva: shown, cellActual, pending: !index && Boolean(stored?.length) }
}

/** Spent so far and the forecast at completion, beside the board's plan total. */
export function ActualsSummaryCard({
  pva,
  planBudgetCents
}: {
  /** Undefined while the plan's lines are still being counted. */
  pva: PlanVsActual | undefined
  planBudgetCents: Cents
}) {
  const { t } = useTranslation('budgetBoard')
  const through = useMemo(() => pva?.closed.at(-1), [pva])
  if (!pva)
    return (
      <div className="card summary-card" data-testid="board-actuals" aria-busy="true">
        <div className="figure-label">{t('actualSpent')}</div>
        <div className="figure small-figure">{t('board:countingShort')}</div>
      </div>
    )
  const f = pva.total.forecast
  const overForecast = f.atCompletionCents > planBudgetCents
  return (
    <div className={`card summary-card ${overForecast ? 'bad' : ''}`} data-testid="board-actuals">
      <div className="figure-label">
        {through ? t('actualThrough', { quarter: formatQuarter(through) }) : t('actualSpent')}
      </div>
      <div className={`figure ${pva.total.over ? 'text-danger' : ''}`}>{exact(pva.total.actualCents)}</div>
      {/* Two lines, so the card stays as narrow as the others and they share a row at 960 px. */}
      <div className="muted small">{t('actualForecast', { amount: exact(f.atCompletionCents) })}</div>
      <div className="muted small">{t('actualRunRate', { amount: exact(f.runRateCents) })}</div>
    </div>
  )
}
