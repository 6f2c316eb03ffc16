// Budget totals in the plan's base currency (EUR): every CHF line is converted once with
// Math.round, then only integers are added, so totals are exact and order-independent.
import { runToEnd, type Stepwise } from '../stepwise'
import { allocatedByRole, isStaffed } from './utilization'
import type { BudgetLine, Cents, Plan, PlanData, QuarterKey } from './types'
import { FULL_FTE } from './types'

/** A line's amount in base-currency cents (CHF × plan.chfToEur, rounded to the cent). */
export function toBaseCents(
  line: Pick<BudgetLine, 'amountCents' | 'currency'>,
  plan: Pick<Plan, 'chfToEur'>
): Cents {
  return line.currency === 'CHF' ? Math.round(line.amountCents * plan.chfToEur) : line.amountCents
}

export type BudgetTotals = {
  totalCents: Cents
  byPhase: Map<string, Cents>
  byQuarter: Map<QuarterKey, Cents>
  /** phaseId → quarter → cents */
  byPhaseQuarter: Map<string, Map<QuarterKey, Cents>>
  byCategory: Map<string, Cents>
  /** Key null: lines not linked to a workstream. */
  byWorkstream: Map<string | null, Cents>
  /** Native (unconverted) totals per currency, for display next to the converted figures. */
  byCurrency: Map<BudgetLine['currency'], Cents>
}

const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v)

export function budgetTotals(data: PlanData): BudgetTotals {
  return runToEnd(budgetTotalsStepwise(data, Infinity))
}

/** budgetTotals, yielding after every `step` lines (the window adds up big plans a slice per task). */
export function* budgetTotalsStepwise(data: PlanData, step: number): Stepwise<BudgetTotals> {
  // Sums kept in boxes while adding, one map lookup per dimension and line (a plan may hold
  // 100,000 imported lines); turned into plain maps of the few distinct keys at the end.
  type Box = { c: number }
  const box = <K>(m: Map<K, Box>, k: K): Box => {
    let b = m.get(k)
    if (!b) m.set(k, (b = { c: 0 }))
    return b
  }
  const byPhaseQuarter = new Map<string, Map<QuarterKey, Box>>()
  const byCategory = new Map<string, Box>()
  const byWorkstream = new Map<string | null, Box>()
  const byCurrency = new Map<BudgetLine['currency'], Box>()
  let totalCents = 0
  let n = 0
  for (const line of data.budgetLines) {
    if (++n > step) {
      n = 1
      yield
    }
    const c = toBaseCents(line, data.plan)
    totalCents += c
    let pq = byPhaseQuarter.get(line.phaseId)
    if (!pq) byPhaseQuarter.set(line.phaseId, (pq = new Map()))
    box(pq, line.quarter).c += c
    box(byCategory, line.category).c += c
    box(byWorkstream, line.workstreamId).c += c
    box(byCurrency, line.currency).c += line.amountCents
  }
  const plain = <K>(m: Map<K, Box>) => new Map([...m].map(([k, b]) => [k, b.c] as const))
  const t: BudgetTotals = {
    totalCents,
    byPhase: new Map(),
    byQuarter: new Map(),
    byPhaseQuarter: new Map(),
    byCategory: plain(byCategory),
    byWorkstream: plain(byWorkstream),
    byCurrency: plain(byCurrency)
  }
  for (const [phaseId, quarters] of byPhaseQuarter) {
    const perQuarter = plain(quarters)
    t.byPhaseQuarter.set(phaseId, perQuarter)
    for (const [q, c] of perQuarter) {
      add(t.byPhase, phaseId, c)
      add(t.byQuarter, q, c)
    }
  }
  return t
}

export type PhaseBudget = {
  phaseId: string
  capCents: Cents
  spentCents: Cents
  /** cap − spent; negative when the cap is breached. */
  remainingCents: Cents
  breached: boolean
}

export type BudgetSummary = {
  totals: BudgetTotals
  /** In phase order. */
  phases: PhaseBudget[]
  capBreaches: PhaseBudget[]
  planBudgetCents: Cents
  planRemainingCents: Cents
  overPlanBudget: boolean
}

export function budgetSummary(data: PlanData, totals: BudgetTotals = budgetTotals(data)): BudgetSummary {
  const phases = [...data.phases]
    .sort((a, b) => a.order - b.order)
    .map((p): PhaseBudget => {
      const spentCents = totals.byPhase.get(p.id) ?? 0
      return {
        phaseId: p.id,
        capCents: p.capCents,
        spentCents,
        remainingCents: p.capCents - spentCents,
        breached: spentCents > p.capCents
      }
    })
  return {
    totals,
    phases,
    capBreaches: phases.filter((p) => p.breached),
    planBudgetCents: data.plan.totalBudgetCents,
    planRemainingCents: data.plan.totalBudgetCents - totals.totalCents,
    overPlanBudget: totals.totalCents > data.plan.totalBudgetCents
  }
}

/** budgetSummary, its totals added up stepwise (see budgetTotalsStepwise). */
export function* budgetSummaryStepwise(data: PlanData, step: number): Stepwise<BudgetSummary> {
  return budgetSummary(data, yield* budgetTotalsStepwise(data, step))
}

/** Phases whose lines add up to more than their cap. */
export function capBreaches(data: PlanData): PhaseBudget[] {
  return budgetSummary(data).capBreaches
}

export type AllocationCost = {
  totalCents: Cents
  byQuarter: Map<QuarterKey, Cents>
  /** roleId → quarter → cents */
  byRoleQuarter: Map<string, Map<QuarterKey, Cents>>
}

/**
 * People cost of allocations for roles with costPerFteQuarterCents: cost × share / 10,000.
 * Shares are summed per role and quarter first and rounded once there, so moving a share
 * between workstreams never changes the cost by a rounding cent.
 */
export function costOfAllocations(data: PlanData): AllocationCost {
  const out: AllocationCost = { totalCents: 0, byQuarter: new Map(), byRoleQuarter: new Map() }
  const sums = allocatedByRole(data)
  for (const role of data.roles) {
    const cost = role.costPerFteQuarterCents
    const byQ = sums.get(role.id)
    if (cost === null || cost === undefined || !byQ) continue
    const perQ = new Map<QuarterKey, Cents>()
    for (const [q, bp] of byQ) {
      if (!isStaffed(role, q)) continue
      const c = Math.round((cost * bp) / FULL_FTE)
      perQ.set(q, c)
      add(out.byQuarter, q, c)
      out.totalCents += c
    }
    out.byRoleQuarter.set(role.id, perQ)
  }
  return out
}
