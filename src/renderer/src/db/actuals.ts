// A plan's actual costs and cost-centre table: read live, and written as one undoable import
// entry through the commit path. A scenario reads the actuals of the plan it was branched from.
import { useLiveQuery } from 'dexie-react-hooks'
import type {
  Actual,
  ActualSource,
  CostCentreMapping,
  EntityChange,
  PlanData,
  QuarterKey,
  SideChange
} from '@shared/planning/types'
import { applyChanges } from '@shared/planning/changes'
import { actualsForPlan } from '@shared/actuals/variance'
import { reattachActuals } from '@shared/actuals/reattach'
import { mergeActuals, overlappingQuarters, type MergeMode } from '@shared/actuals/merge'
import type { ActualSum } from '@shared/actuals/types'
import { db } from './db'
import { commitChanges } from './commit'

/** The plan that owns a plan's actuals: itself, or the first plan up its branch without a base. */
export async function actualsOwner(planId: string): Promise<string> {
  let id = planId
  const seen = new Set<string>()
  for (;;) {
    seen.add(id)
    const plan = await db.plans.get(id)
    if (!plan?.baseId || seen.has(plan.baseId)) return id
    id = plan.baseId
  }
}

/** The owner's actuals, live; undefined while loading. */
/** actualsOwner as a live query (undefined while loading). */
export function useActualsOwner(planId: string): string | undefined {
  return useLiveQuery(() => actualsOwner(planId), [planId])
}

export function useActuals(planId: string | null | undefined): Actual[] | undefined {
  return useLiveQuery(async () => {
    if (!planId) return []
    return db.actuals
      .where('planId')
      .equals(await actualsOwner(planId))
      .toArray()
  }, [planId])
}

/** The owner's cost-centre table, live. */
export function useCostCentres(planId: string | null | undefined): CostCentreMapping[] | undefined {
  return useLiveQuery(async () => {
    if (!planId) return []
    return db.costCentres
      .where('planId')
      .equals(await actualsOwner(planId))
      .toArray()
  }, [planId])
}

/** The actuals a plan shows (a scenario: its base's, on its own phases), for exports. */
export async function readActualsFor(
  data: Pick<PlanData, 'plan' | 'phases' | 'workstreams'>
): Promise<Actual[]> {
  const owner = await actualsOwner(data.plan.id)
  return actualsForPlan(data, await db.actuals.where('planId').equals(owner).toArray())
}

/**
 * The side changes that keep a plan's own actuals and cost centres attached when `changes` remove a
 * phase or workstream (src/shared/actuals/reattach.ts); [] for a scenario, whose actuals are its
 * base's. Read inside the caller's transaction, committed with its changes as one entry.
 */
export async function keepActualsAttached(
  data: PlanData,
  changes: readonly EntityChange[]
): Promise<SideChange[]> {
  if (data.plan.baseId) return []
  const removes = changes.some(
    (c) => c.after === null && c.before !== null && (c.table === 'phases' || c.table === 'workstreams')
  )
  if (!removes) return []
  const [actuals, centres] = await Promise.all([
    db.actuals.where('planId').equals(data.plan.id).toArray(),
    db.costCentres.where('planId').equals(data.plan.id).toArray()
  ])
  if (actuals.length === 0 && centres.length === 0) return []
  return reattachActuals(applyChanges(data, changes), changes, actuals, centres)
}

export async function readCostCentres(planId: string): Promise<CostCentreMapping[]> {
  return db.costCentres
    .where('planId')
    .equals(await actualsOwner(planId))
    .toArray()
}

/** Quarters of an import that already hold actuals of the plan: replace or add is asked for them. */
export async function actualsOverlap(planId: string, quarters: readonly QuarterKey[]): Promise<QuarterKey[]> {
  if (!quarters.length) return []
  const owner = await actualsOwner(planId)
  const existing = await db.actuals
    .where('[planId+quarter]')
    .anyOf(quarters.map((q) => [owner, q]))
    .toArray()
  return overlappingQuarters(existing, quarters)
}

export type ActualsImport = {
  planId: string
  sums: readonly ActualSum[]
  source: ActualSource
  mode: MergeMode
  /** Centres to remember (new or re-placed), keyed by id. */
  centres: readonly CostCentreMapping[]
  /** Bookings added up, for the history sentence. */
  bookings: number
}

/**
 * Commits an actuals import as one history entry of the owning plan: the actuals of the imported
 * quarters replaced or added to, and the centres remembered. Resolves to the entry's seq.
 */
export async function commitActualsImport(imp: ActualsImport): Promise<number | undefined> {
  const owner = await actualsOwner(imp.planId)
  const quarters = [...new Set(imp.sums.map((s) => s.quarter))]
  // Replace removes every actual of the imported quarters; add touches only matching keys.
  const existing = await db.actuals
    .where('[planId+quarter]')
    .anyOf(quarters.map((q) => [owner, q]))
    .toArray()
  const changes: EntityChange[] = mergeActuals(existing, imp.sums, owner, imp.source, imp.mode).map((c) => ({
    table: 'actuals' as const,
    ...c
  }))
  const known = new Map(
    (await db.costCentres.bulkGet(imp.centres.map((c) => c.id))).map((c, i) => [imp.centres[i].id, c])
  )
  for (const c of imp.centres) {
    const before = known.get(c.id) ?? null
    const after = { ...c, planId: owner }
    if (before && before.phaseId === after.phaseId && before.workstreamId === after.workstreamId) continue
    changes.push({ table: 'costCentres', id: c.id, before, after })
  }
  return commitChanges(
    owner,
    'import',
    { key: 'importActuals', values: { count: imp.bookings, file: imp.source.fileName } },
    changes
  )
}
