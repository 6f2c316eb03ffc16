// Risk contingency: each risk's expected cost (probability × impact) spread over the
// quarters it concerns, in whole cents whose sum is exactly the expected cost.
import { quarterRange } from './quarters'
import { workstreamQuarters } from './schedule'
import type { Cents, PlanData, QuarterKey, Risk } from './types'

/** probabilityPct × impactCents / 100, rounded to the cent. */
export function expectedCostCents(risk: Pick<Risk, 'probabilityPct' | 'impactCents'>): Cents {
  return Math.round((risk.probabilityPct * risk.impactCents) / 100)
}

/** Splits `total` into `parts` whole amounts: equal floors, the remainder on the last part. */
export function spreadEvenly(total: Cents, parts: number): Cents[] {
  if (parts <= 0) return []
  const each = Math.floor(total / parts)
  const out = new Array<Cents>(parts).fill(each)
  out[parts - 1] = total - each * (parts - 1)
  return out
}

/**
 * Quarters a risk concerns: the spans of its linked phases and the schedules of its linked
 * workstreams, sorted and without repeats. A risk linked to nothing concerns the whole plan.
 */
export function riskQuarters(data: PlanData, risk: Risk): QuarterKey[] {
  const set = new Set<QuarterKey>()
  for (const id of risk.phaseIds) {
    const p = data.phases.find((x) => x.id === id)
    if (p) for (const q of quarterRange(p.startQuarter, p.endQuarter)) set.add(q)
  }
  for (const id of risk.workstreamIds) {
    const w = data.workstreams.find((x) => x.id === id)
    if (w) for (const q of workstreamQuarters(w)) set.add(q)
  }
  if (set.size === 0) for (const q of data.plan.quarters) set.add(q)
  return [...set].sort()
}

export type RiskContingency = {
  riskId: string
  expectedCents: Cents
  quarters: QuarterKey[]
  byQuarter: Map<QuarterKey, Cents>
}

export type Contingency = {
  totalCents: Cents
  byQuarter: Map<QuarterKey, Cents>
  byRisk: RiskContingency[]
}

export function contingency(data: PlanData): Contingency {
  const out: Contingency = { totalCents: 0, byQuarter: new Map(), byRisk: [] }
  for (const risk of data.risks) {
    const expectedCents = expectedCostCents(risk)
    const quarters = riskQuarters(data, risk)
    const amounts = spreadEvenly(expectedCents, quarters.length)
    const byQuarter = new Map<QuarterKey, Cents>()
    quarters.forEach((q, i) => {
      byQuarter.set(q, amounts[i])
      out.byQuarter.set(q, (out.byQuarter.get(q) ?? 0) + amounts[i])
    })
    // A plan without quarters has nowhere to spread to; the total still counts the risk.
    out.totalCents += expectedCents
    out.byRisk.push({ riskId: risk.id, expectedCents, quarters, byQuarter })
  }
  return out
}
