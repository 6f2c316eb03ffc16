// A comparison of two plans with every id resolved to a name: what the Scenarios view shows
// and what main writes to the xlsx sheet. Built from comparePlans, contingency and
// dependencyViolations; only real deltas are listed.
import { planVsActual } from '../actuals/variance'
import type { Actual } from '../actuals/types'
import { budgetTotals } from '../planning/budget'
import { comparePlans, type EntityPresence } from '../planning/compare'
import { contingency } from '../planning/risk'
import { dependencyViolations } from '../planning/schedule'
import type { Cents, MonthKey, PlanData, QuarterKey, ShareBp } from '../planning/types'

export type DependencyWarning =
  | {
      kind: 'schedule'
      workstream: string
      dependsOn: string
      /** Month the dependent starts; the dependency's last month (null: dependency missing). */
      start: MonthKey
      dependencyEnd: MonthKey | null
    }
  | {
      kind: 'allocation'
      workstream: string
      dependsOn: string
      quarter: QuarterKey
      dependencyEnd: QuarterKey
    }

/** A side's spend so far and forecast at completion, from the actuals it sees (a scenario: its base's). */
export type SideForecast = {
  actualCents: Cents
  /** Actual to date plus the plan of the open quarters. */
  atCompletionCents: Cents
  /** Actual to date plus the open plan at the rate spent so far. */
  runRateCents: Cents
  /** Last quarter whose actuals count as final; null: none yet. */
  closedThrough: QuarterKey | null
  bookings: number
}

export type SideReport = {
  planId: string
  name: string
  budgetCents: Cents
  contingencyCents: Cents
  totalCostCents: Cents
  planBudgetCents: Cents
  overPlanBudget: boolean
  allocationCostCents: Cents
  overAllocations: { role: string; quarter: QuarterKey; allocatedBp: ShareBp; capacityBp: ShareBp }[]
  capBreaches: { phase: string; spentCents: Cents; capCents: Cents }[]
  dependencyWarnings: DependencyWarning[]
  /** Null when the side sees no actuals. */
  forecast: SideForecast | null
}

export type ComparisonReport = {
  a: SideReport
  b: SideReport
  shareDeltas: { role: string; quarter: QuarterKey; aBp: ShareBp; bBp: ShareBp; deltaBp: ShareBp }[]
  budgetDeltas: { phase: string; quarter: QuarterKey; aCents: Cents; bCents: Cents; deltaCents: Cents }[]
  scheduleChanges: {
    workstream: string
    title: string
    a: { startMonth: MonthKey; durationWeeks: number }
    b: { startMonth: MonthKey; durationWeeks: number }
  }[]
  /** Phases, workstreams, roles, lines, risks and deliverables only one side has. */
  addedRemoved: EntityPresence[]
  /** Budget and risk contingency per quarter of either plan, both sides. */
  quarters: {
    quarter: QuarterKey
    aBudgetCents: Cents
    aContingencyCents: Cents
    bBudgetCents: Cents
    bContingencyCents: Cents
  }[]
  /** True when shares, budget, schedule and every side figure are the same. */
  identical: boolean
}

function warnings(data: PlanData): DependencyWarning[] {
  const keys = new Map(data.workstreams.map((w) => [w.id, w.key]))
  const key = (id: string) => keys.get(id) ?? id
  return dependencyViolations(data).map((v) =>
    v.kind === 'schedule'
      ? {
          kind: 'schedule' as const,
          workstream: key(v.workstreamId),
          dependsOn: key(v.dependsOnId),
          start: v.startMonth,
          dependencyEnd: v.dependencyEndMonth
        }
      : {
          kind: 'allocation' as const,
          workstream: key(v.workstreamId),
          dependsOn: key(v.dependsOnId),
          quarter: v.quarter,
          dependencyEnd: v.dependencyEndQuarter
        }
  )
}

/** One message per (workstream, dependency, kind): ten chips in one quarter are one warning. */
function dedupe(ws: DependencyWarning[]): DependencyWarning[] {
  const seen = new Set<string>()
  return ws.filter((w) => {
    const k =
      w.kind === 'schedule'
        ? `s|${w.workstream}|${w.dependsOn}`
        : `a|${w.workstream}|${w.dependsOn}|${w.quarter}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function sideForecast(data: PlanData, actuals: readonly Actual[] | undefined): SideForecast | null {
  if (!actuals?.length) return null
  const r = planVsActual(data, actuals)
  return {
    actualCents: r.total.actualCents,
    atCompletionCents: r.total.forecast.atCompletionCents,
    runRateCents: r.total.forecast.runRateCents,
    closedThrough: r.closed.at(-1) ?? null,
    bookings: r.bookings
  }
}

/**
 * `actuals`: what each side sees (actualsForPlan of its base plan's actuals), so both sides show
 * their forecast at completion: the same spend so far, each with its own plan for the rest.
 */
export function buildComparisonReport(
  a: PlanData,
  b: PlanData,
  actuals?: { a: readonly Actual[]; b: readonly Actual[] }
): ComparisonReport {
  const cmp = comparePlans(a, b)
  const side = (data: PlanData, s: typeof cmp.a, seen?: readonly Actual[]): SideReport => {
    const roles = new Map(data.roles.map((r) => [r.id, r.name]))
    const phases = new Map(data.phases.map((p) => [p.id, p.name]))
    const roleName = (id: string) => roles.get(id) ?? id
    const phaseName = (id: string) => phases.get(id) ?? id
    return {
      planId: data.plan.id,
      name: data.plan.name,
      budgetCents: s.budgetCents,
      contingencyCents: s.contingencyCents,
      totalCostCents: s.totalCostCents,
      planBudgetCents: data.plan.totalBudgetCents,
      overPlanBudget: s.overPlanBudget,
      allocationCostCents: s.allocationCostCents,
      overAllocations: s.overAllocations.map((c) => ({
        role: roleName(c.roleId),
        quarter: c.quarter,
        allocatedBp: c.allocatedBp,
        capacityBp: c.capacityBp
      })),
      capBreaches: s.capBreaches.map((p) => ({
        phase: phaseName(p.phaseId),
        spentCents: p.spentCents,
        capCents: p.capCents
      })),
      dependencyWarnings: dedupe(warnings(data)),
      forecast: sideForecast(data, seen)
    }
  }
  const ta = budgetTotals(a)
  const tb = budgetTotals(b)
  const ca = contingency(a)
  const cb = contingency(b)
  const qs = new Set<QuarterKey>([
    ...a.plan.quarters,
    ...b.plan.quarters,
    ...ta.byQuarter.keys(),
    ...tb.byQuarter.keys()
  ])
  const quarters = [...qs].sort().map((quarter) => ({
    quarter,
    aBudgetCents: ta.byQuarter.get(quarter) ?? 0,
    aContingencyCents: ca.byQuarter.get(quarter) ?? 0,
    bBudgetCents: tb.byQuarter.get(quarter) ?? 0,
    bContingencyCents: cb.byQuarter.get(quarter) ?? 0
  }))
  const sa = side(a, cmp.a, actuals?.a)
  const sb = side(b, cmp.b, actuals?.b)
  const sameSides =
    JSON.stringify({ ...sa, planId: '', name: '' }) === JSON.stringify({ ...sb, planId: '', name: '' }) &&
    quarters.every((q) => q.aBudgetCents === q.bBudgetCents && q.aContingencyCents === q.bContingencyCents)
  return {
    a: sa,
    b: sb,
    shareDeltas: cmp.shareDeltas.map((d) => ({
      role: d.roleName,
      quarter: d.quarter,
      aBp: d.aBp,
      bBp: d.bBp,
      deltaBp: d.deltaBp
    })),
    budgetDeltas: cmp.budgetDeltas.map((d) => ({
      phase: d.phaseName,
      quarter: d.quarter,
      aCents: d.aCents,
      bCents: d.bCents,
      deltaCents: d.deltaCents
    })),
    scheduleChanges: cmp.scheduleChanges.map((s) => ({
      workstream: s.workstreamKey,
      title: s.title,
      a: s.a,
      b: s.b
    })),
    addedRemoved: cmp.addedRemoved,
    quarters,
    identical:
      cmp.shareDeltas.length === 0 &&
      cmp.addedRemoved.length === 0 &&
      cmp.budgetDeltas.length === 0 &&
      cmp.scheduleChanges.length === 0 &&
      sameSides
  }
}
