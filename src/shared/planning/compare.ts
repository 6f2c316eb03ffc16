// What-if comparison of two plans (usually a base and a scenario cloned from it). Entities
// pair up by `originId ?? id` (see clone.ts), falling back to a readable key (role name,
// phase name, workstream key) for plans built separately, e.g. an imported sheet.
import { budgetSummary, costOfAllocations, toBaseCents, type PhaseBudget } from './budget'
import { contingency } from './risk'
import type { Cents, MonthKey, PlanData, QuarterKey, ShareBp } from './types'
import { overAllocations, type UtilizationCell } from './utilization'

type Matchable = { id: string; originId?: string }

export type Pair<T> = { a: T | null; b: T | null }

/**
 * Pairs entities of two plans: first by shared origin (originId ?? id on either side, or
 * one side's id being the other's origin), then by `fallback` (e.g. name). Each entity is
 * used at most once. Order: b's order, then unpaired a entities.
 */
export function pairEntities<T extends Matchable>(as: T[], bs: T[], fallback: (e: T) => string): Pair<T>[] {
  const byKey = new Map<string, T>()
  const byFallback = new Map<string, T>()
  for (const a of as) {
    const origin = a.originId ?? a.id
    if (!byKey.has(origin)) byKey.set(origin, a)
    if (!byKey.has(a.id)) byKey.set(a.id, a)
    const f = fallback(a)
    if (!byFallback.has(f)) byFallback.set(f, a)
  }
  const used = new Set<T>()
  const free = (e: T | undefined) => (e && !used.has(e) ? e : undefined)
  const pairs: Pair<T>[] = []
  for (const b of bs) {
    const a =
      free(byKey.get(b.originId ?? b.id)) ?? free(byKey.get(b.id)) ?? free(byFallback.get(fallback(b)))
    if (a) used.add(a)
    pairs.push({ a: a ?? null, b })
  }
  for (const a of as) if (!used.has(a)) pairs.push({ a, b: null })
  return pairs
}

export type ShareDelta = {
  roleName: string
  roleIdA: string | null
  roleIdB: string | null
  quarter: QuarterKey
  aBp: ShareBp
  bBp: ShareBp
  /** b − a */
  deltaBp: ShareBp
}

export type BudgetDelta = {
  phaseName: string
  phaseIdA: string | null
  phaseIdB: string | null
  quarter: QuarterKey
  /** Base-currency cents, each side converted with its own plan's CHF rate. */
  aCents: Cents
  bCents: Cents
  deltaCents: Cents
}

export type ScheduleChange = {
  workstreamKey: string
  title: string
  workstreamIdA: string
  workstreamIdB: string
  a: { startMonth: MonthKey; durationWeeks: number }
  b: { startMonth: MonthKey; durationWeeks: number }
}

export type PlanSideSummary = {
  overAllocations: UtilizationCell[]
  capBreaches: PhaseBudget[]
  budgetCents: Cents
  contingencyCents: Cents
  /** Budget + contingency. */
  totalCostCents: Cents
  /** People cost of allocations (roles with a cost only); reported apart from the total. */
  allocationCostCents: Cents
  overPlanBudget: boolean
}

/** An entity one plan has and the other has not (b relative to a: added = only in b). */
export type EntityPresence = {
  kind: 'phase' | 'workstream' | 'role' | 'budgetLine' | 'risk' | 'deliverable'
  name: string
  change: 'added' | 'removed'
}

export type PlanComparison = {
  /** Only non-zero deltas, in role order then quarter order. */
  shareDeltas: ShareDelta[]
  /** Only non-zero deltas, in phase order then quarter order. */
  budgetDeltas: BudgetDelta[]
  scheduleChanges: ScheduleChange[]
  /** Entities added in b or removed from it (allocations show in shareDeltas). */
  addedRemoved: EntityPresence[]
  a: PlanSideSummary
  b: PlanSideSummary
}

function sideSummary(data: PlanData): PlanSideSummary {
  const budget = budgetSummary(data)
  const cont = contingency(data)
  return {
    overAllocations: overAllocations(data),
    capBreaches: budget.capBreaches,
    budgetCents: budget.totals.totalCents,
    contingencyCents: cont.totalCents,
    totalCostCents: budget.totals.totalCents + cont.totalCents,
    allocationCostCents: costOfAllocations(data).totalCents,
    overPlanBudget: budget.overPlanBudget
  }
}

/** Sums `value` per (pair index, quarter) for one side. */
function sumByPairQuarter<T>(
  rows: T[],
  pairIndexOf: Map<string, number>,
  ownerOf: (row: T) => string,
  quarterOf: (row: T) => QuarterKey,
  value: (row: T) => number
): Map<string, number> {
  const out = new Map<string, number>()
  for (const row of rows) {
    const idx = pairIndexOf.get(ownerOf(row))
    const key = `${idx ?? `?${ownerOf(row)}`}|${quarterOf(row)}`
    out.set(key, (out.get(key) ?? 0) + value(row))
  }
  return out
}

function indexPairs<T extends Matchable>(
  pairs: Pair<T>[]
): { a: Map<string, number>; b: Map<string, number> } {
  const a = new Map<string, number>()
  const b = new Map<string, number>()
  pairs.forEach((p, i) => {
    if (p.a) a.set(p.a.id, i)
    if (p.b) b.set(p.b.id, i)
  })
  return { a, b }
}

function deltaKeys(x: Map<string, number>, y: Map<string, number>): { idx: number; quarter: QuarterKey }[] {
  const keys = new Set([...x.keys(), ...y.keys()])
  const out: { idx: number; quarter: QuarterKey }[] = []
  for (const k of keys) {
    const [idx, quarter] = k.split('|')
    // Rows owned by an entity missing from its own plan have no pair and are left out.
    if (idx.startsWith('?')) continue
    out.push({ idx: Number(idx), quarter: quarter as QuarterKey })
  }
  return out.sort((p, q) => p.idx - q.idx || (p.quarter < q.quarter ? -1 : p.quarter > q.quarter ? 1 : 0))
}

export function comparePlans(a: PlanData, b: PlanData): PlanComparison {
  const byOrder = <T extends { order: number }>(xs: T[]) => [...xs].sort((p, q) => p.order - q.order)

  const rolePairs = pairEntities(
    byOrder(a.roles),
    byOrder(b.roles),
    (r) => `name:${r.name.trim().toLowerCase()}`
  )
  const roleIdx = indexPairs(rolePairs)
  const shareA = sumByPairQuarter(
    a.allocations,
    roleIdx.a,
    (x) => x.roleId,
    (x) => x.quarter,
    (x) => x.shareBp
  )
  const shareB = sumByPairQuarter(
    b.allocations,
    roleIdx.b,
    (x) => x.roleId,
    (x) => x.quarter,
    (x) => x.shareBp
  )
  const shareDeltas: ShareDelta[] = []
  for (const { idx, quarter } of deltaKeys(shareA, shareB)) {
    const k = `${idx}|${quarter}`
    const aBp = shareA.get(k) ?? 0
    const bBp = shareB.get(k) ?? 0
    if (aBp === bBp) continue
    const p = rolePairs[idx]
    shareDeltas.push({
      roleName: (p.b ?? p.a)!.name,
      roleIdA: p.a?.id ?? null,
      roleIdB: p.b?.id ?? null,
      quarter,
      aBp,
      bBp,
      deltaBp: bBp - aBp
    })
  }

  const phasePairs = pairEntities(
    byOrder(a.phases),
    byOrder(b.phases),
    (p) => `name:${p.name.trim().toLowerCase()}`
  )
  const phaseIdx = indexPairs(phasePairs)
  const budA = sumByPairQuarter(
    a.budgetLines,
    phaseIdx.a,
    (l) => l.phaseId,
    (l) => l.quarter,
    (l) => toBaseCents(l, a.plan)
  )
  const budB = sumByPairQuarter(
    b.budgetLines,
    phaseIdx.b,
    (l) => l.phaseId,
    (l) => l.quarter,
    (l) => toBaseCents(l, b.plan)
  )
  const budgetDeltas: BudgetDelta[] = []
  for (const { idx, quarter } of deltaKeys(budA, budB)) {
    const k = `${idx}|${quarter}`
    const aCents = budA.get(k) ?? 0
    const bCents = budB.get(k) ?? 0
    if (aCents === bCents) continue
    const p = phasePairs[idx]
    budgetDeltas.push({
      phaseName: (p.b ?? p.a)!.name,
      phaseIdA: p.a?.id ?? null,
      phaseIdB: p.b?.id ?? null,
      quarter,
      aCents,
      bCents,
      deltaCents: bCents - aCents
    })
  }

  const scheduleChanges: ScheduleChange[] = []
  for (const { a: wa, b: wb } of pairEntities(
    byOrder(a.workstreams),
    byOrder(b.workstreams),
    (w) => `key:${w.key}`
  )) {
    if (!wa || !wb) continue
    if (wa.startMonth === wb.startMonth && wa.durationWeeks === wb.durationWeeks) continue
    scheduleChanges.push({
      workstreamKey: wb.key,
      title: wb.title,
      workstreamIdA: wa.id,
      workstreamIdB: wb.id,
      a: { startMonth: wa.startMonth, durationWeeks: wa.durationWeeks },
      b: { startMonth: wb.startMonth, durationWeeks: wb.durationWeeks }
    })
  }

  const addedRemoved: EntityPresence[] = []
  const presence = <T extends Matchable>(
    kind: EntityPresence['kind'],
    pairs: Pair<T>[],
    name: (e: T) => string
  ) => {
    for (const p of pairs) {
      if (p.a && !p.b) addedRemoved.push({ kind, name: name(p.a), change: 'removed' })
      if (p.b && !p.a) addedRemoved.push({ kind, name: name(p.b), change: 'added' })
    }
  }
  presence('phase', phasePairs, (p) => p.name)
  presence(
    'workstream',
    pairEntities(byOrder(a.workstreams), byOrder(b.workstreams), (w) => `key:${w.key}`),
    (w) => w.key
  )
  presence('role', rolePairs, (r) => r.name)
  presence(
    'budgetLine',
    pairEntities(a.budgetLines, b.budgetLines, (l) => `line:${l.title}|${l.quarter}|${l.amountCents}`),
    (l) => l.title
  )
  presence(
    'risk',
    pairEntities(a.risks, b.risks, (r) => `risk:${r.title}`),
    (r) => r.title
  )
  presence(
    'deliverable',
    pairEntities(a.deliverables, b.deliverables, (d) => `del:${d.quarter}|${d.title}`),
    (d) => d.title
  )

  return { shareDeltas, budgetDeltas, scheduleChanges, addedRemoved, a: sideSummary(a), b: sideSummary(b) }
}
