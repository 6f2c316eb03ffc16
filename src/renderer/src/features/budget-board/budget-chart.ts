// Options of the budget board's charts, from the totals computed once per data change.
import type { BudgetTotals } from '@shared/planning/budget'
import type { Cents, PlanData, QuarterKey } from '@shared/planning/types'

export const PHASE_COLORS: Record<string, string> = {
  P0: '#c62f2f',
  P1: '#e07b00',
  P2: '#2457c5',
  P3: '#7a4cc2',
  P4: '#1e8e7e'
}

export type QuarterPeak = { quarter: QuarterKey; cents: Cents } | null

export function busiestQuarter(data: PlanData, totals: BudgetTotals): QuarterPeak {
  let best: QuarterPeak = null
  for (const q of data.plan.quarters) {
    const c = totals.byQuarter.get(q) ?? 0
    if (!best || c > best.cents) best = { quarter: q, cents: c }
  }
  return best
}

/** Stacked bars: one series per phase, one bar per quarter, in euros. */
export function stackedSeries(data: PlanData, totals: BudgetTotals) {
  return [...data.phases]
    .sort((a, b) => a.order - b.order)
    .map((p) => ({
      name: p.name,
      type: 'bar',
      stack: 'budget',
      itemStyle: { color: PHASE_COLORS[p.priority] ?? '#2457c5' },
      emphasis: { focus: 'series' },
      data: data.plan.quarters.map((q) => (totals.byPhaseQuarter.get(p.id)?.get(q) ?? 0) / 100)
    }))
}
