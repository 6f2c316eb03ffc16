// Writing a plan: every user action is one transaction that applies its entity changes and appends
// a typed history entry, so it can be undone, redone and reverted, also after a restart.
import type { ChangeKind, EntityChange, HistoryEntry, PlanData } from '@shared/planning/types'
import { applyChanges, deepEqual, invertChanges, invertChangesStepwise } from '@shared/planning/changes'
import { strandedReferences, type EntityRef } from '@shared/planning/references'
import { db, describeStorageError, PLAN_TABLES, problemMessage, SIDE_TABLES, type StorageProblem } from './db'
import { applyLocally, applyLocallyInSlices, holdLiveUpdates, loadPlanData } from './plan-data'
import { deleteEntries, HISTORY_TABLES, loadEntry, storeEntry } from './history-store'
import { trackWrite } from './pending'
import { addRows, eachCurrentRow, PLAN_STORES, runInTransaction, writeChanges, type PacksRead } from './rows'

export { WRITE_CHUNK } from './rows'

export class CommitError extends Error {
  constructor(
    public readonly code: 'storage' | 'conflict' | 'nothing-to-undo' | 'nothing-to-redo' | 'not-found',
    /** Why, for the window to say in its language (components/error-text.ts). */
    public readonly problem: StorageProblem,
    /** For a refused revert: entities later changes made that refer to what it would remove. */
    public readonly referents: readonly EntityRef[] = []
  ) {
    super(problemMessage(problem))
  }
}

export type Summary = HistoryEntry['summary']

const TABLES = ['plans', ...HISTORY_TABLES, ...PLAN_STORES, ...SIDE_TABLES] as const

/** The plan row's updatedAt moves with every commit; it never makes a change conflict. */
function comparable(table: string, row: unknown): unknown {
  if (table !== 'plans' || row === null || typeof row !== 'object') return row
  return { ...(row as Record<string, unknown>), updatedAt: undefined }
}

/** Changes whose entity no longer looks as expected (another edit came in between). */
async function conflicts(
  changes: EntityChange[],
  expect: 'before' | 'after'
): Promise<{ clashing: EntityChange[]; read: PacksRead }> {
  // Current rows read a pack (or a chunk of keys) per request, each compared as it arrives: an
  // import's undo checks 100,000 of them, and no step reads or compares them all at once.
  const clashing = new Set<EntityChange>()
  const read = await eachCurrentRow(changes, (c, row) => {
    if (!deepEqual(comparable(c.table, row ?? null), comparable(c.table, c[expect]))) clashing.add(c)
  })
  return { clashing: clashing.size ? changes.filter((c) => clashing.has(c)) : [], read }
}

function touchPlan(planId: string) {
  return db.plans.update(planId, { updatedAt: new Date().toISOString() })
}

/** Adds a whole plan's rows; inside a transaction over the plan tables (a conflict fails it). */
export async function addPlanRows(data: PlanData): Promise<void> {
  await db.plans.add(data.plan)
  for (const t of PLAN_TABLES) await addRows(t, data[t])
}

/**
 * Applies changes to a plan and records them in its history, all or nothing.
 * Entries undone before this commit are discarded: history stays linear.
 * With `createPlan`, that plan is written first in the same transaction (an import into a new
 * plan): a failure leaves neither the plan nor the changes behind.
 */
export function commitChanges(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  changes: EntityChange[],
  options: { createPlan?: PlanData } = {}
): Promise<number | undefined> {
  if (changes.length === 0) return Promise.resolve(undefined)
  // Pending from now: the edit shows in memory before its transaction has even started.
  return trackWrite(() => commitNow(planId, kind, summary, changes, options))
}

/** In-place edits waiting for the ones before them (see commitQueued). */
let queued: Promise<unknown> = Promise.resolve()

/**
 * Commits the changes `compute` makes on the plan as stored once every earlier queued edit is
 * written: values edited in quick succession (Tab from field to field) each see the one before.
 * A planning error comes back as it is thrown: the in-place field says it by its code.
 */
export function commitQueued(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  compute: (data: PlanData) => EntityChange[]
): Promise<void> {
  const run = async () => {
    const data = await loadPlanData(planId)
    if (!data) throw new CommitError('not-found', { key: 'planGone' })
    await commitChanges(planId, kind, summary, compute(data))
  }
  const result = queued.then(run, run)
  queued = result.catch(() => undefined)
  return result
}

async function commitNow(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  changes: EntityChange[],
  options: { createPlan?: PlanData } = {}
): Promise<number | undefined> {
  const { createPlan } = options
  const release = holdLiveUpdates(planId, changes)
  try {
    await applyLocallyInSlices(planId, changes)
  } catch (err) {
    release([])
    throw err
  }
  let written: EntityChange[] = []
  try {
    const seq = await db.transaction('rw', [...TABLES], async () => {
      if (createPlan) await addPlanRows(createPlan)
      await writeChanges(changes)
      await deleteEntries(await undoneSeqs(planId))
      const seq = await storeEntry({
        planId,
        at: new Date().toISOString(),
        kind,
        summary,
        changes,
        undone: false
      })
      await touchPlan(planId)
      return seq
    })
    written = changes
    return seq
  } catch (err) {
    applyLocally(planId, invertChanges(changes))
    throw new CommitError('storage', describeStorageError(err))
  } finally {
    release(written)
  }
}

/** Sequence numbers of the plan's undone entries, ascending, read from the index alone. */
async function undoneSeqs(planId: string): Promise<number[]> {
  const keys = (await db.history.where('undoneOf').equals(planId).primaryKeys()) as number[]
  return keys.sort((a, b) => a - b)
}

/**
 * The entry undo (newest not undone) or redo (oldest undone) would take. Only keys are read to
 * find it; the one entry is then loaded, however long other entries' change lists are.
 */
async function lastSeq(planId: string, undone: boolean): Promise<number | undefined> {
  const undoneList = await undoneSeqs(planId)
  if (undone) return undoneList[0]
  const skip = new Set(undoneList)
  const seqs = (await db.history
    .where('[planId+seq]')
    .between([planId, -Infinity], [planId, Infinity])
    .primaryKeys()) as number[]
  for (let i = seqs.length - 1; i >= 0; i--) if (!skip.has(seqs[i]!)) return seqs[i]
  return undefined
}

async function lastEntry(planId: string, undone: boolean): Promise<HistoryEntry | undefined> {
  const seq = await lastSeq(planId, undone)
  return seq === undefined ? undefined : loadEntry(seq)
}

/** The newest entry of the plan that is not undone. */
export function latestActiveSeq(planId: string): Promise<number | undefined> {
  return lastSeq(planId, false)
}

/** The entry redo would take next (the oldest undone one). */
export function nextRedoSeq(planId: string): Promise<number | undefined> {
  return lastSeq(planId, true)
}

export async function canUndo(planId: string): Promise<boolean> {
  return (await lastSeq(planId, false)) !== undefined
}
export async function canRedo(planId: string): Promise<boolean> {
  return (await lastSeq(planId, true)) !== undefined
}

/** Every table of a plan: undo and redo learn which they write only inside their transaction. */
const ALL_PLAN_TABLES = PLAN_TABLES.map((table) => ({ table }))

/** Undoes the newest change of the plan. Resolves to the entry undone. */
export const undo = (planId: string): Promise<HistoryEntry> => trackWrite(() => step(planId, 'undo'))

/** Redoes the change undone last. */
export const redo = (planId: string): Promise<HistoryEntry> => trackWrite(() => step(planId, 'redo'))

const STEP = {
  undo: {
    expect: 'after',
    none: () => new CommitError('nothing-to-undo', { key: 'nothingToUndo' }),
    conflict: 'undoConflict'
  },
  redo: {
    expect: 'before',
    none: () => new CommitError('nothing-to-redo', { key: 'nothingToRedo' }),
    conflict: 'redoConflict'
  }
} as const

/**
 * Undo or redo: writes the entry's changes (inverted for undo) and flips its undone flag in one
 * transaction, then shows them in memory once it has ended (a long entry a slice per task).
 */
async function step(planId: string, direction: 'undo' | 'redo'): Promise<HistoryEntry> {
  const how = STEP[direction]
  const release = holdLiveUpdates(planId, ALL_PLAN_TABLES)
  let written: EntityChange[] = []
  try {
    const { entry, applied } = await db.transaction('rw', [...TABLES], async () => {
      const entry = await lastEntry(planId, direction === 'redo')
      if (!entry) throw how.none()
      const { clashing, read } = await conflicts(entry.changes, how.expect)
      if (clashing.length > 0) throw new CommitError('conflict', { key: how.conflict })
      const applied =
        direction === 'undo' ? await runInTransaction(invertChangesStepwise(entry.changes)) : entry.changes
      // The packs the check just read, in this same transaction, are the ones the write changes.
      await writeChanges(applied, read)
      await db.history.update(entry.seq!, { undone: direction === 'undo' })
      await touchPlan(planId)
      return { entry, applied }
    })
    await applyLocallyInSlices(planId, applied)
    written = applied
    return entry
  } finally {
    release(written)
  }
}

/**
 * Reverts any past entry by committing its inverse as a new 'revert' entry.
 * Refused, with the reason, when later changes touched the same things.
 */
export async function revertEntry(seq: number): Promise<number | undefined> {
  const entry = await loadEntry(seq)
  if (!entry) throw new CommitError('not-found', { key: 'entryGone' })
  if (entry.undone) throw new CommitError('conflict', { key: 'alreadyUndone' })
  const { clashing } = await conflicts(entry.changes, 'after')
  if (clashing.length > 0) {
    throw new CommitError('conflict', {
      key: 'revertTouched',
      values: { touched: clashing.length, total: entry.changes.length }
    })
  }
  const inverse = invertChanges(entry.changes)
  // Reverting an add removes what later changes may have built on (work on an added role): refuse
  // rather than leave those pointing at nothing. Only reverts that remove something read the plan.
  if (inverse.some((c) => c.after === null && c.table !== 'plans')) {
    const data = await loadPlanData(entry.planId)
    const stranded = data ? strandedReferences(applyChanges(data, inverse), inverse) : []
    if (stranded.length > 0) {
      throw new CommitError(
        'conflict',
        { key: 'revertReferenced', values: { count: stranded.length } },
        stranded.map((s) => s.by)
      )
    }
  }
  return commitChanges(
    entry.planId,
    'revert',
    { key: 'history.revertOf', values: { seq, key: entry.summary.key } },
    inverse
  )
}
