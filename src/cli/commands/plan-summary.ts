// What a plan is at a glance for the command line: its settings, the assumptions it rests on
// and its team with person names and open positions (the hiring plan). Printed by `report` and
// by `inspect` when the file is one of the app's own exports.
import { planAssumptions } from '../../shared/planning/edit'
import { quarterLabel } from '../../shared/planning/quarters'
import type { PlanData } from '../../shared/planning/types'
import { euros } from './money'

export function planSummary(data: PlanData) {
  const { plan } = data
  const first = plan.quarters[0] ?? null
  const assumptions = planAssumptions(data)
  return {
    settings: {
      name: plan.name,
      quarters: plan.quarters,
      totalBudgetCents: plan.totalBudgetCents,
      totalBudget: euros(plan.totalBudgetCents),
      chfToEur: plan.chfToEur,
      chfRateEstimate: plan.chfRateEstimate === true,
      softCapBp: plan.softCapBp,
      notes: plan.notes
    },
    assumptions: {
      chfRate: plan.chfRateEstimate === true,
      estimatedSplits: assumptions.filter((a) => a.kind === 'split').length,
      estimatedRiskCosts: assumptions.filter((a) => a.kind === 'risk-cost').length
    },
    team: [...data.roles]
      .sort((a, b) => a.order - b.order)
      .map((r) => ({
        id: r.id,
        name: r.name,
        personName: r.personName ?? null,
        openPosition: r.openPosition === true,
        hireQuarter: r.openPosition ? (r.hireQuarter ?? first) : null,
        costPerFteQuarterCents: r.costPerFteQuarterCents
      }))
  }
}

/** The summary as lines of text, the way `report` and `inspect` print it. */
export function planSummaryLines(data: PlanData): string[] {
  const s = planSummary(data)
  const q = s.settings.quarters
  const lines = [
    `Plan "${s.settings.name}": ${q.length ? `${quarterLabel(q[0])} – ${quarterLabel(q[q.length - 1])}` : 'no quarters'}, total budget ${s.settings.totalBudget} EUR, CHF rate ${s.settings.chfToEur}${s.settings.chfRateEstimate ? ' (estimate)' : ''}, soft cap ${s.settings.softCapBp / 100} %`
  ]
  const est = s.assumptions
  if (est.chfRate || est.estimatedSplits || est.estimatedRiskCosts)
    lines.push(
      `Estimates: ${[
        est.chfRate ? 'the CHF rate' : '',
        est.estimatedSplits ? `${est.estimatedSplits} shared-role splits` : '',
        est.estimatedRiskCosts ? `${est.estimatedRiskCosts} risk costs` : ''
      ]
        .filter(Boolean)
        .join(', ')}`
    )
  const open = s.team.filter((r) => r.openPosition).length
  lines.push(`Team: ${s.team.length} roles${open ? `, ${open} open position${open === 1 ? '' : 's'}` : ''}`)
  for (const r of s.team) {
    const who = r.personName ? ` (${r.personName})` : ''
    const hire = r.openPosition
      ? `  open position, hire from ${r.hireQuarter ? quarterLabel(r.hireQuarter) : 'the start'}`
      : ''
    lines.push(`  ${r.name}${who}${hire}`)
  }
  return lines
}
