// Adding a bookings import to a plan's actuals: replace what the same quarters held, or add onto it.
import type { QuarterKey } from '../planning/types'
import { chfToEurCents } from './currency'
import type { Actual, ActualSource, ActualSum, CostCentreMapping } from './types'

/** One key per plan, phase, workstream, quarter and category: the id of its actual. */
export function actualId(
  planId: string,
  s: Pick<ActualSum, 'phaseId' | 'workstreamId' | 'quarter' | 'category'>
) {
  return `${planId}:actual:${s.phaseId}:${s.workstreamId ?? '-'}:${s.quarter}:${s.category}`
}

/** Quarters of the import that already hold actuals: the user chooses replace or add for them. */
export function overlappingQuarters(
  existing: readonly Actual[],
  quarters: readonly QuarterKey[]
): QuarterKey[] {
  const had = new Set(existing.map((a) => a.quarter))
  return quarters.filter((q) => had.has(q))
}

export type MergeMode = 'replace' | 'add'

export type ActualChange = { id: string; before: Actual | null; after: Actual | null }

/**
 * The changes that bring a plan's actuals to include the import. 'replace' drops every actual of
 * the imported quarters first; 'add' adds the sums onto actuals with the same key.
 */
export function mergeActuals(
  existing: readonly Actual[],
  sums: readonly ActualSum[],
  planId: string,
  source: ActualSource,
  mode: MergeMode
): ActualChange[] {
  const quarters = new Set(sums.map((s) => s.quarter))
  const byId = new Map(existing.map((a) => [a.id, a]))
  const changes = new Map<string, ActualChange>()
  if (mode === 'replace') {
    for (const a of existing)
      if (quarters.has(a.quarter)) changes.set(a.id, { id: a.id, before: a, after: null })
  }
  for (const s of sums) {
    const id = actualId(planId, s)
    const before = byId.get(id) ?? null
    const base = mode === 'add' && before ? before : null
    // CHF already there, per booking at this rate; converted as one sum if it was at another.
    const baseChf = !base?.chfCents
      ? 0
      : base.chfBaseCents !== undefined && base.chfToEur === s.chfToEur
        ? base.chfBaseCents
        : chfToEurCents(base.chfCents, s.chfToEur)
    const after: Actual = {
      id,
      planId,
      phaseId: s.phaseId,
      workstreamId: s.workstreamId,
      quarter: s.quarter,
      category: s.category,
      eurCents: (base?.eurCents ?? 0) + s.eurCents,
      chfCents: (base?.chfCents ?? 0) + s.chfCents,
      chfBaseCents: baseChf + s.chfBaseCents,
      chfToEur: s.chfToEur,
      bookings: (base?.bookings ?? 0) + s.bookings,
      source
    }
    changes.set(id, { id, before, after })
  }
  return [...changes.values()]
}

/** Applies actual changes to a list (the command line and tests; the window commits them). */
export function applyActualChanges(existing: readonly Actual[], changes: readonly ActualChange[]): Actual[] {
  const byId = new Map(existing.map((a) => [a.id, a]))
  for (const c of changes) {
    if (c.after) byId.set(c.id, c.after)
    else byId.delete(c.id)
  }
  return [...byId.values()]
}

/** Centres the user placed (or accepted) in an import, as rows of the plan's table. */
export function centreMappingId(planId: string, centre: string): string {
  return `${planId}:centre:${centre}`
}

export function centreMapping(
  planId: string,
  centre: string,
  label: string,
  at: { phaseId: string; workstreamId: string | null }
): CostCentreMapping {
  return { id: centreMappingId(planId, centre), planId, centre, label, ...at }
}
