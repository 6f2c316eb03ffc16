// What-if scenarios: branching a plan, renaming, duplicating, deleting with a restorable
// snapshot, promoting a scenario to baseline and applying chosen history entries onto the base.
// A scenario is a plan with baseId set; its entities are full copies with their own ids.
import { useLiveQuery } from 'dexie-react-hooks'
import type { Allocation, HistoryEntry, Plan, PlanData } from '@shared/planning/types'
import { clonePlanData } from '@shared/planning/clone'
import { newId } from '@shared/planning/ids'
import { dependencyViolations, type DependencyViolation } from '@shared/planning/schedule'
import { baselineChanges, entriesOntoBase, type ApplyProblem } from '@shared/scenarios/to-base'
import { db, describeStorageError, PLAN_TABLES, problemMessage, SIDE_TABLES, type StorageProblem } from './db'
import { CommitError, commitChanges, latestActiveSeq, nextRedoSeq, redo, undo } from './commit'
import { loadPlanData } from './plan-data'
import { deletePlansRows, PLAN_STORES, planRows, plansRows, putRows, type Row } from './rows'
import { createPlanFromData } from './plans'
import { keepActualsAttached } from './actuals'
import {
  allWithChanges,
  deleteEntries,
  deletePlanHistory,
  HISTORY_TABLES,
  loadEntry,
  storeEntries
} from './history-store'

type PlanTable = (typeof PLAN_TABLES)[number] | (typeof SIDE_TABLES)[number]
/** A plan's rows: PlanData's and its actuals and cost centres (which go and come back with it). */
const ROW_TABLES = [...PLAN_TABLES, ...SIDE_TABLES] as const
// Side tables too: commitChanges runs inside these transactions and may write them.
const ALL_TABLES = ['plans', ...HISTORY_TABLES, ...PLAN_STORES, ...SIDE_TABLES] as const
/** A promotion also keeps what undoing it needs beside its entry (see undoLatest). */
const PROMOTION_TABLES = [...ALL_TABLES, 'settings'] as const
const PROMOTION_PREFIX = 'promotion:'
const promotionKey = (seq: number) => `${PROMOTION_PREFIX}${seq}`

export class ScenarioError extends Error {
  constructor(
    public readonly code: 'not-found' | 'not-a-scenario' | 'invalid-name' | 'storage' | 'stale',
    /** Why, for the window to say in its language (components/error-text.ts). */
    public readonly problem: StorageProblem
  ) {
    super(problemMessage(problem))
    this.name = 'ScenarioError'
  }
}

/** Newest history seq of a plan (0 when it has none): the point a branch starts from. */
export async function latestSeq(planId: string): Promise<number> {
  const last = await db.history.where('[planId+seq]').between([planId, -Infinity], [planId, Infinity]).last()
  return last?.seq ?? 0
}

function cleanName(name: string): string {
  const n = name.trim()
  if (!n) throw new ScenarioError('invalid-name', { key: 'nameEmpty' })
  if (n.length > 120) throw new ScenarioError('invalid-name', { key: 'nameTooLong', values: { max: '120' } })
  return n
}

async function mustLoad(planId: string): Promise<PlanData> {
  const data = await loadPlanData(planId)
  if (!data) throw new ScenarioError('not-found', { key: 'planGone' })
  return data
}

/**
 * Branches any plan (a baseline or another scenario) into a named scenario: a full copy that
 * remembers its base and the base's newest history seq at this moment. Resolves to its id.
 */
export async function branchScenario(baseId: string, name: string): Promise<string> {
  const clean = cleanName(name)
  return db.transaction('rw', [...ALL_TABLES], async () => {
    const base = await mustLoad(baseId)
    const copy = clonePlanData(base, {
      newPlanId: newId(),
      name: clean,
      baseId,
      branchedAtSeq: await latestSeq(baseId)
    })
    return createPlanFromData(copy)
  })
}

/**
 * A second copy of a scenario, beside it under the same base and from the same branch point.
 * Its history starts empty: the copy holds the result of the original's changes, not the steps.
 */
export async function duplicateScenario(planId: string, name: string): Promise<string> {
  const clean = cleanName(name)
  return db.transaction('rw', [...ALL_TABLES], async () => {
    const source = await mustLoad(planId)
    const copy = clonePlanData(source, {
      newPlanId: newId(),
      name: clean,
      baseId: source.plan.baseId ?? planId,
      branchedAtSeq: source.plan.baseId ? source.plan.branchedAtSeq : await latestSeq(planId)
    })
    return createPlanFromData(copy)
  })
}

/**
 * Renames a plan as an ordinary history entry of that plan (so Ctrl+Z and revert work, and
 * later undos of the plan row still match it). Promoting entries never carries a name onto
 * the base (see PLAN_IDENTITY_FIELDS). Resolves to the entry's seq, or undefined if unchanged.
 */
export async function renamePlan(planId: string, name: string): Promise<number | undefined> {
  const clean = cleanName(name)
  // commitChanges opens its own transaction; wrapped in another one, its wait for the in-memory
  // plan let IndexedDB commit the outer one early ("Transaction committed too early").
  const plan = await db.plans.get(planId)
  if (!plan) throw new ScenarioError('not-found', { key: 'planGone' })
  if (plan.name === clean) return undefined
  return commitChanges(
    planId,
    'edit',
    { key: 'history.renamePlan', values: { from: plan.name, to: clean } },
    [{ table: 'plans', id: planId, before: plan, after: { ...plan, name: clean } }]
  )
}

/** Moves a plan into or out of the archive, as a history entry of that plan. */
export async function setArchived(planId: string, archived: boolean): Promise<number | undefined> {
  const plan = await db.plans.get(planId)
  if (!plan) throw new ScenarioError('not-found', { key: 'planGone' })
  if (plan.archived === archived) return undefined
  return commitChanges(
    planId,
    'edit',
    { key: archived ? 'history.archivePlan' : 'history.unarchivePlan', values: { name: plan.name } },
    [{ table: 'plans', id: planId, before: plan, after: { ...plan, archived } }]
  )
}

/** Everything needed to put deleted plans back exactly as they were, history included. */
export type PlanSnapshot = {
  plans: Plan[]
  rows: Record<PlanTable, unknown[]>
  history: HistoryEntry[]
}

/** The plan and every plan branched from it, directly or through other scenarios. */
async function treeIds(rootId: string): Promise<string[]> {
  const all = await db.plans.toArray()
  const ids = [rootId]
  for (let i = 0; i < ids.length; i++) {
    for (const p of all) if (p.baseId === ids[i] && !ids.includes(p.id)) ids.push(p.id)
  }
  return ids
}

async function snapshotOf(ids: string[]): Promise<PlanSnapshot> {
  const plans = (await db.plans.bulkGet(ids)).filter((p): p is Plan => p !== undefined)
  const rows = {} as Record<PlanTable, unknown[]>
  for (const t of ROW_TABLES) rows[t] = await plansRows(t, ids)
  const history = await allWithChanges(await db.history.where('planId').anyOf(ids).toArray())
  return { plans, rows, history }
}

async function removePlans(ids: string[]): Promise<void> {
  for (const t of ROW_TABLES) await deletePlansRows(t, ids)
  await deletePlanHistory(ids)
  await db.plans.bulkDelete(ids)
}

/**
 * Deletes a plan together with the scenarios branched from it, in one transaction, and
 * resolves to a snapshot that restoreSnapshot() puts back (the "Undo" of the toast).
 */
export async function deletePlanTree(
  planId: string,
  options: { keep?: boolean } = {}
): Promise<PlanSnapshot> {
  try {
    return await db.transaction('rw', [...ALL_TABLES, 'settings'], async () => {
      const ids = await treeIds(planId)
      const snapshot = await snapshotOf(ids)
      if (snapshot.plans.length === 0) throw new ScenarioError('not-found', { key: 'planGone' })
      await removePlans(ids)
      if (options.keep) await keepDeleted(snapshot)
      return snapshot
    })
  } catch (err) {
    if (err instanceof ScenarioError) throw err
    throw new ScenarioError('storage', describeStorageError(err))
  }
}

/** A plan the user deleted, kept in the database so it can be brought back, also after a restart. */
export type DeletedPlan = {
  key: string
  name: string
  deletedAt: string
  planCount: number
  snapshot: PlanSnapshot
}

const DELETED_PREFIX = 'deleted:'
/** Deleted plans kept; older ones are dropped (each also sits in the automatic backup before its delete). */
export const KEEP_DELETED = 20

async function keepDeleted(snapshot: PlanSnapshot): Promise<void> {
  const root = snapshot.plans[0]!
  const deletedAt = new Date().toISOString()
  const value: DeletedPlan = {
    key: `${DELETED_PREFIX}${deletedAt}:${root.id}`,
    name: root.name,
    deletedAt,
    planCount: snapshot.plans.length,
    snapshot
  }
  await db.settings.put({ key: value.key, value })
  const keys = (await db.settings.where('key').startsWith(DELETED_PREFIX).primaryKeys()) as string[]
  // Keys sort by time of deletion.
  const old = keys.sort().slice(0, Math.max(0, keys.length - KEEP_DELETED))
  if (old.length) await db.settings.bulkDelete(old)
}

/** Recently deleted plans, newest first, live. */
export function useDeletedPlans(): DeletedPlan[] | undefined {
  return useLiveQuery(async () =>
    (await db.settings.where('key').startsWith(DELETED_PREFIX).toArray())
      .map((s) => s.value as DeletedPlan)
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt))
  )
}

/**
 * Brings a deleted plan (and its scenarios) back with their ids, rows and history, and drops it
 * from the recently deleted list. Refused when a plan with one of its ids exists again.
 */
export async function restoreDeleted(key: string): Promise<DeletedPlan> {
  try {
    return await db.transaction('rw', [...ALL_TABLES, 'settings'], async () => {
      const deleted = (await db.settings.get(key))?.value as DeletedPlan | undefined
      if (!deleted) throw new ScenarioError('not-found', { key: 'deletedGone' })
      const ids = deleted.snapshot.plans.map((p) => p.id)
      if ((await db.plans.bulkGet(ids)).some((p) => p !== undefined))
        throw new ScenarioError('stale', { key: 'identityExists' })
      await restoreSnapshot(deleted.snapshot)
      await db.settings.delete(key)
      return deleted
    })
  } catch (err) {
    if (err instanceof ScenarioError) throw err
    throw new ScenarioError('storage', describeStorageError(err))
  }
}

/** The kept copy of a snapshot just deleted (the toast's Undo restores through it). */
export async function deletedKeyOf(snapshot: PlanSnapshot): Promise<string | undefined> {
  const rootId = snapshot.plans[0]?.id
  const keys = (await db.settings.where('key').startsWith(DELETED_PREFIX).primaryKeys()) as string[]
  return keys
    .filter((k) => k.endsWith(`:${rootId}`))
    .sort()
    .pop()
}

/** Recreates deleted plans with their ids, rows and history (history seqs included). */
export async function restoreSnapshot(snapshot: PlanSnapshot): Promise<void> {
  try {
    await db.transaction('rw', [...ALL_TABLES], async () => {
      await db.plans.bulkPut(snapshot.plans)
      // Snapshots kept before side tables existed have no rows for them.
      for (const t of ROW_TABLES) if (snapshot.rows[t]?.length) await putRows(t, snapshot.rows[t] as Row[])
      await storeEntries(snapshot.history)
    })
  } catch (err) {
    throw new ScenarioError('storage', describeStorageError(err))
  }
}

export type PromotionResult = {
  baseId: string
  /** The archived copy of the old baseline. */
  archivedId: string
  /** Its name and the base's seq it was taken at, to make it again on redo (kept since redo came). */
  archivedName?: string
  archivedAtSeq?: number
  /** History seq of the 'promote' entry on the base; undefined when nothing differed. */
  seq: number | undefined
  /** The promoted scenario (and its own scenarios' old plan rows), for undoPromotion. */
  snapshot: PlanSnapshot
  /**
   * Set while the promotion is undone: the restored scenario's newest and newest active seq then.
   * Redo makes it the baseline again only while those still hold (nothing was done in it since).
   */
  undone?: { scenarioSeq: number; scenarioActive: number | undefined }
}

/**
 * Makes a scenario the new baseline. The base keeps its id and name (other scenarios, the
 * built-in plan id and its history stay valid) and takes the scenario's content in one
 * 'promote' history entry; the old content is kept as an archived scenario of the base; the
 * scenario itself is removed (its scenarios move under the base). One transaction.
 */
export async function promoteToBaseline(scenarioId: string, archivedName: string): Promise<PromotionResult> {
  const name = cleanName(archivedName)
  try {
    return await db.transaction('rw', [...PROMOTION_TABLES], async () => {
      const scenario = await mustLoad(scenarioId)
      const baseId = scenario.plan.baseId
      if (!baseId) throw new ScenarioError('not-a-scenario', { key: 'notAScenario' })
      const base = await mustLoad(baseId)
      const history = await allWithChanges(await db.history.where('planId').equals(scenarioId).toArray())
      const changes = baselineChanges(base, scenario, history)
      // A phase the scenario removed takes the base's actuals along to where its work went.
      changes.push(...(await keepActualsAttached(base, changes)))
      const seqBefore = await latestSeq(baseId)
      await dropStalePromotions()

      const archivedId = newId()
      const snapshot = await replaceByScenario(base, scenarioId, archivedId, name, seqBefore)
      const seq = await commitChanges(
        baseId,
        'promote',
        { key: 'history.promoteScenario', values: { name: scenario.plan.name } },
        changes
      )
      const result: PromotionResult = {
        baseId,
        archivedId,
        archivedName: name,
        archivedAtSeq: seqBefore,
        seq,
        snapshot
      }
      if (seq !== undefined) await db.settings.put({ key: promotionKey(seq), value: result })
      return result
    })
  } catch (err) {
    if (err instanceof ScenarioError || err instanceof CommitError) throw err
    throw new ScenarioError('storage', describeStorageError(err))
  }
}

/**
 * The part of a promotion beside the base's entry: the base's content kept as an archived scenario
 * of it, the scenario's own scenarios moved under the base, the scenario removed. Resolves to the
 * snapshot that brings the scenario (and where its scenarios hung) back.
 */
async function replaceByScenario(
  base: PlanData,
  scenarioId: string,
  archivedId: string,
  archivedName: string,
  archivedAtSeq: number
): Promise<PlanSnapshot> {
  const baseId = base.plan.id
  const archived = clonePlanData(base, {
    newPlanId: archivedId,
    name: archivedName,
    baseId,
    branchedAtSeq: archivedAtSeq
  })
  archived.plan.archived = true
  await createPlanFromData(archived)
  const children = await db.plans.where('baseId').equals(scenarioId).toArray()
  const snapshot = await snapshotOf([scenarioId])
  snapshot.plans.push(...children)
  for (const c of children) await db.plans.update(c.id, { baseId, branchedAtSeq: archivedAtSeq })
  await removePlans([scenarioId])
  return snapshot
}

/** Promotions kept for an entry that is gone (a new change on the base discarded the undone one). */
async function dropStalePromotions(): Promise<void> {
  const keys = (await db.settings.where('key').startsWith(PROMOTION_PREFIX).primaryKeys()) as string[]
  const seqs = keys.map((k) => Number(k.slice(PROMOTION_PREFIX.length)))
  const entries = await db.history.bulkGet(seqs)
  const stale = keys.filter((_, i) => entries[i] === undefined)
  if (stale.length) await db.settings.bulkDelete(stale)
}

/**
 * Takes a promotion back: undoes the base's 'promote' entry (only while it is still the
 * newest change), removes the archived copy and restores the scenario. The entry stays, undone,
 * with what redoing it needs (redoLatest).
 */
export async function undoPromotion(result: PromotionResult): Promise<void> {
  await db.transaction('rw', [...PROMOTION_TABLES], async () => {
    const kept = result.seq === undefined ? undefined : await storedPromotion(result.baseId, result.seq)
    const promotion = kept ?? result
    if (promotion.seq !== undefined) {
      if ((await latestActiveSeq(promotion.baseId)) !== promotion.seq) {
        throw new ScenarioError('stale', {
          key: 'undoPromotionStale',
          values: { name: promotion.snapshot.plans[0]?.name ?? '' }
        })
      }
      await undo(promotion.baseId)
    }
    await removePlans([promotion.archivedId])
    await restoreSnapshot(promotion.snapshot)
    const scenarioId = promotion.snapshot.plans[0]?.id
    if (promotion.seq === undefined || !scenarioId) return
    if (promotion.archivedName === undefined || promotion.archivedAtSeq === undefined) {
      // Kept by a version without redo: it cannot be made again, so the entry goes as it did then.
      await deleteEntries([promotion.seq])
      await db.settings.delete(promotionKey(promotion.seq))
      return
    }
    const undone = {
      scenarioSeq: await latestSeq(scenarioId),
      scenarioActive: await latestActiveSeq(scenarioId)
    }
    await db.settings.put({ key: promotionKey(promotion.seq), value: { ...promotion, undone } })
  })
}

/**
 * The undone promotion a redo on this plan makes again: the base's next redo is its entry, and
 * on the restored scenario only while nothing was done in it since the undo.
 */
async function promotionToRedo(planId: string): Promise<PromotionResult | undefined> {
  const kept = (await db.settings.where('key').startsWith(PROMOTION_PREFIX).toArray()).map(
    (s) => s.value as PromotionResult
  )
  for (const p of kept) {
    if (!p.undone || p.seq === undefined) continue
    const scenarioId = p.snapshot.plans[0]?.id
    if (p.baseId !== planId && scenarioId !== planId) continue
    if ((await nextRedoSeq(p.baseId)) !== p.seq) continue
    if (p.baseId === planId || (await scenarioUnchanged(p))) return p
  }
  return undefined
}

async function scenarioUnchanged(p: PromotionResult): Promise<boolean> {
  const scenarioId = p.snapshot.plans[0]?.id
  if (!scenarioId || !p.undone || !(await db.plans.get(scenarioId))) return false
  return (
    (await latestSeq(scenarioId)) === p.undone.scenarioSeq &&
    (await latestActiveSeq(scenarioId)) === p.undone.scenarioActive
  )
}

/** Makes an undone promotion again: the archived copy, the scenario gone, the base's entry redone. */
async function redoPromotion(kept: PromotionResult): Promise<UndoResult> {
  return db.transaction('rw', [...PROMOTION_TABLES], async () => {
    const scenarioId = kept.snapshot.plans[0]!.id
    if (!(await scenarioUnchanged(kept)))
      throw new CommitError('conflict', {
        key: 'redoPromotionStale',
        values: { name: kept.snapshot.plans[0]?.name ?? '' }
      })
    const base = await mustLoad(kept.baseId)
    const snapshot = await replaceByScenario(
      base,
      scenarioId,
      kept.archivedId,
      kept.archivedName!,
      kept.archivedAtSeq!
    )
    const promotion: PromotionResult = { ...kept, snapshot }
    delete promotion.undone
    await db.settings.put({ key: promotionKey(kept.seq!), value: promotion })
    const entry = await redo(kept.baseId)
    return { entry, promotion }
  })
}

/**
 * What a promotion needs to be taken back, kept beside its 'promote' entry (in settings, so a
 * backup and restore carry it with the history): Ctrl+Z, the toolbar and the Edit menu then
 * restore exactly what the toast's Undo restores, also after a restart.
 */

async function storedPromotion(planId: string, seq: number): Promise<PromotionResult | undefined> {
  const stored = (await db.settings.get(promotionKey(seq)))?.value as PromotionResult | undefined
  return stored && stored.baseId === planId && stored.seq === seq ? stored : undefined
}

/**
 * The steps the promoted scenario had taken (its own history, oldest first, undone ones left
 * out), read from what the promotion kept beside its entry (also while the promotion is undone).
 */
export async function promotedSteps(planId: string, seq: number): Promise<HistoryEntry[]> {
  const stored = await storedPromotion(planId, seq)
  const scenarioId = stored?.snapshot.plans[0]?.id
  if (!stored || !scenarioId) return []
  return stored.snapshot.history
    .filter((e) => e.planId === scenarioId && !e.undone)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
}

export type UndoResult = { entry: HistoryEntry; promotion?: PromotionResult }

/**
 * Undo as every undo path does it: the plan's newest entry, and when that entry made a scenario
 * the baseline, the whole promotion (scenario back, archived copy gone), as the toast's Undo does.
 */
export async function undoLatest(planId: string): Promise<UndoResult> {
  const seq = await latestActiveSeq(planId)
  const entry = seq === undefined ? undefined : await db.history.get(seq)
  const promotion =
    entry?.kind === 'promote' && seq !== undefined ? await storedPromotion(planId, seq) : undefined
  if (!promotion) return { entry: await undo(planId) }
  const undone = (await loadEntry(seq!))!
  await undoPromotion(promotion)
  return { entry: undone, promotion }
}

/**
 * Redo as every redo path does it: the change undone last, and when that was a promotion (on its
 * base, or on the scenario it brought back), the whole promotion again, archived copy included.
 */
export async function redoLatest(planId: string): Promise<UndoResult> {
  const promotion = await promotionToRedo(planId)
  if (!promotion) return { entry: await redo(planId) }
  return redoPromotion(promotion)
}

export type ApplyEntriesResult =
  | { ok: true; seq: number | undefined; applied: number[] }
  | { ok: false; problems: ApplyProblem[]; base: PlanData; scenario: PlanData; history: HistoryEntry[] }

/**
 * Applies chosen entries of a scenario's history onto its base as one 'promote' entry, or
 * nothing at all when any entry no longer fits the base (the problems say which and why).
 */
export async function applyEntriesToBase(scenarioId: string, seqs: number[]): Promise<ApplyEntriesResult> {
  return db.transaction('rw', [...ALL_TABLES], async () => {
    const scenario = await mustLoad(scenarioId)
    const baseId = scenario.plan.baseId
    if (!baseId) throw new ScenarioError('not-a-scenario', { key: 'notAScenario' })
    const base = await mustLoad(baseId)
    const history = await allWithChanges(await db.history.where('planId').equals(scenarioId).sortBy('seq'))
    const out = entriesOntoBase(base, scenario, history, seqs)
    if (out.problems.length > 0)
      return { ok: false as const, problems: out.problems, base, scenario, history }
    const seq = await commitChanges(
      baseId,
      'promote',
      { key: 'history.applyScenarioEntries', values: { count: out.seqs.length, name: scenario.plan.name } },
      [...out.changes, ...(await keepActualsAttached(base, out.changes))]
    )
    return { ok: true as const, seq, applied: out.seqs }
  })
}

/** A plan's history, oldest first, live. */
export function usePlanHistory(planId: string | null | undefined): HistoryEntry[] | undefined {
  return useLiveQuery(
    () =>
      planId
        ? db.history
            .where('[planId+seq]')
            .between([planId, -Infinity], [planId, Infinity])
            .toArray()
            .then(allWithChanges)
        : Promise.resolve([] as HistoryEntry[]),
    [planId]
  )
}

/** Newest history seq of a plan, live (0 when none). */
export function useLatestSeq(planId: string | null | undefined): number | undefined {
  return useLiveQuery(() => (planId ? latestSeq(planId) : Promise.resolve(0)), [planId])
}

/**
 * Dependency violations of a plan from its workstreams and allocations only, so the sidebar can
 * badge every scenario without loading whole plans.
 */
export function useDependencyViolations(planId: string): DependencyViolation[] | undefined {
  return useLiveQuery(async () => {
    const [workstreams, allocations] = await Promise.all([
      db.workstreams.where('planId').equals(planId).toArray(),
      planRows<Allocation>('allocations', planId)
    ])
    return dependencyViolations({ workstreams, allocations } as PlanData)
  }, [planId])
}
