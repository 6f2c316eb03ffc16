// Applying, inverting and checking EntityChange lists on an in-memory PlanData.
// The renderer writes the same changes to Dexie; these functions let scenarios, previews,
// tests and the CLI work on plain data with identical semantics.
import { runToEnd, type Stepwise } from '../stepwise'
import { PlanningError } from './errors'
import type { EntityChange, EntityTable, Plan, PlanData } from './types'
import { ENTITY_TABLES, isSideTable } from './types'

type AnyEntity = { id: string }
type Table = EntityTable | 'plans'

/**
 * Structural equality that ignores key order. A key holding `undefined` counts as absent,
 * because stores and JSON round-trips drop or keep such keys unpredictably.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false
    return true
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const aKeys = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bKeys = Object.keys(bo).filter((k) => bo[k] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  for (const k of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(bo, k) || !deepEqual(ao[k], bo[k])) return false
  }
  return true
}

/**
 * True when two PlanData hold the same plan row and the same entities, whatever the order
 * of the table arrays (tables are sets keyed by id; a deleted-then-restored entity comes
 * back at the end of its array).
 */
export function planDataEqual(a: PlanData, b: PlanData): boolean {
  if (!deepEqual(a.plan, b.plan)) return false
  for (const t of ENTITY_TABLES) {
    const rowsA = a[t] as AnyEntity[]
    const rowsB = b[t] as AnyEntity[]
    if (rowsA.length !== rowsB.length) return false
    const byId = new Map(rowsB.map((r) => [r.id, r]))
    if (byId.size !== rowsB.length) return false
    for (const r of rowsA) if (!deepEqual(r, byId.get(r.id))) return false
  }
  return true
}

/** The entity a change refers to as it is now in `data`, or null when absent. */
export function getEntity(data: PlanData, table: Table, id: string): AnyEntity | null {
  if (table === 'plans') return data.plan.id === id ? data.plan : null
  const rows = data[table] as AnyEntity[]
  return rows.find((r) => r.id === id) ?? null
}

/**
 * Returns a new PlanData with the changes applied in order. Untouched tables keep their
 * array identity (cheap for React memo); touched tables are copied. after = null deletes,
 * otherwise the entity is replaced in place or appended when new.
 */
export function applyChanges(data: PlanData, changes: readonly EntityChange[]): PlanData {
  return runToEnd(applyChangesStepwise(data, changes, Infinity))
}

/**
 * applyChanges in steps, for change lists long enough to stall a window (an import of 100,000
 * rows): the generator pauses (yields) after about `step` units of work (an index entry or a
 * change), so the caller can let the window paint in between. The result is applyChanges'.
 */
export function* applyChangesStepwise(
  data: PlanData,
  changes: readonly EntityChange[],
  step: number
): Stepwise<PlanData> {
  if (changes.length === 0) return data
  const next: PlanData = { ...data }
  let work = 0
  // Per touched table: a working copy, plus an id → index map once a table gets many
  // changes (a drag of one chip in a 20,000-row table stays a linear scan, no map build).
  const perTable = new Map<EntityTable, number>()
  for (const c of changes) {
    if (c.table !== 'plans' && !isSideTable(c.table)) perTable.set(c.table, (perTable.get(c.table) ?? 0) + 1)
    if (++work >= step) {
      work = 0
      yield
    }
  }
  /** deleted: some rows were set to null, to be filtered out at the end. */
  type Work = { rows: (AnyEntity | null)[]; index: Map<string, number> | null; deleted: boolean }
  const tables = new Map<EntityTable, Work>()
  for (const [t, count] of perTable) {
    if (!(ENTITY_TABLES as readonly string[]).includes(t)) continue // refused in the loop below
    const rows = (data[t] as AnyEntity[]).slice()
    let index: Map<string, number> | null = null
    if (count > 8) {
      index = new Map()
      for (let i = 0; i < rows.length; i++) {
        index.set(rows[i]!.id, i)
        if (++work >= step) {
          work = 0
          yield
        }
      }
    }
    tables.set(t, { rows, index, deleted: false })
  }
  const positionOf = (w: Work, id: string): number | undefined => {
    if (w.index) return w.index.get(id)
    const i = w.rows.findIndex((r) => r !== null && r.id === id)
    return i < 0 ? undefined : i
  }
  for (const change of changes) {
    if (++work >= step) {
      work = 0
      yield
    }
    if (change.table === 'plans') {
      if (change.after === null) {
        throw new PlanningError('invalid-value', 'Deleting the plan row is not a plan-data change')
      }
      if (change.id !== next.plan.id && change.before !== null) {
        throw new PlanningError('not-found', `Change for plan ${change.id} applied to plan ${next.plan.id}`)
      }
      next.plan = change.after as Plan
      continue
    }
    // Actuals and cost centres live beside PlanData (their own tables and queries).
    if (isSideTable(change.table)) continue
    if (!(ENTITY_TABLES as readonly string[]).includes(change.table)) {
      throw new PlanningError('invalid-value', `Unknown table ${String(change.table)}`)
    }
    const w = tables.get(change.table)!
    const at = positionOf(w, change.id)
    if (change.after === null) {
      if (at !== undefined) {
        w.rows[at] = null
        w.deleted = true
        w.index?.delete(change.id)
      }
    } else if (at !== undefined) {
      w.rows[at] = change.after
    } else {
      w.index?.set(change.id, w.rows.length)
      w.rows.push(change.after)
    }
  }
  for (const [t, w] of tables) {
    // Compacted in place: the working copy is this commit's own, and a second copy of a table of
    // 200,000 allocations on every merging drop was garbage the size of the table.
    if (w.deleted) {
      const rows = w.rows
      let kept = 0
      for (let i = 0; i < rows.length; i++) if (rows[i] !== null) rows[kept++] = rows[i]!
      rows.length = kept
    }
    ;(next as Record<EntityTable, unknown>)[t] = w.rows
  }
  return next
}

/** The changes that undo `changes`: reverse order, before and after swapped. */
export function invertChanges(changes: readonly EntityChange[]): EntityChange[] {
  return runToEnd(invertChangesStepwise(changes, Infinity))
}

/** invertChanges yielding every `step` changes (an undo of 100,000 inside its transaction). */
export function* invertChangesStepwise(
  changes: readonly EntityChange[],
  step = 5_000
): Stepwise<EntityChange[]> {
  const out: EntityChange[] = []
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i]
    out.push({ table: c.table, id: c.id, before: c.after, after: c.before } as EntityChange)
    if (out.length % step === 0) yield
  }
  return out
}

export type ChangeConflict = {
  /** Position of the change in the list given to findConflicts. */
  index: number
  change: EntityChange
  /** What the entity looks like now (null: it does not exist). */
  current: unknown
  /** What the change expected to find. */
  expected: unknown
}

/**
 * Changes whose entity is not what the caller expects, so nothing is applied half-way.
 * expect 'before': the changes are about to be applied (replaying a scenario's entries on
 * its base); each change is checked against the state the earlier changes leave behind.
 * expect 'after': the changes were applied earlier and are about to be reverted; checked
 * from the last change backwards, so an entity touched twice is judged by its last write.
 */
export function findConflicts(
  data: PlanData,
  changes: readonly EntityChange[],
  expect: 'before' | 'after'
): ChangeConflict[] {
  const overlay = new Map<string, unknown>()
  const lookups = new Map<EntityTable, Map<string, AnyEntity>>()
  const current = (table: Table, id: string): unknown => {
    const key = `${table}\u0000${id}`
    if (overlay.has(key)) return overlay.get(key)
    if (table === 'plans') return data.plan.id === id ? data.plan : null
    let m = lookups.get(table)
    if (!m) {
      m = new Map((data[table] as AnyEntity[]).map((r) => [r.id, r]))
      lookups.set(table, m)
    }
    return m.get(id) ?? null
  }
  const conflicts: ChangeConflict[] = []
  const order = changes.map((_, i) => i)
  if (expect === 'after') order.reverse()
  for (const i of order) {
    const change = changes[i]
    // Not part of PlanData: the database checks them (commit.ts) where they are stored.
    if (isSideTable(change.table)) continue
    const expected = expect === 'before' ? change.before : change.after
    const now = current(change.table, change.id)
    if (!deepEqual(now, expected)) conflicts.push({ index: i, change, current: now, expected })
    overlay.set(`${change.table}\u0000${change.id}`, expect === 'before' ? change.after : change.before)
  }
  return conflicts.sort((a, b) => a.index - b.index)
}

/**
 * Applies `changes` only when none conflicts (expect 'before'), else throws
 * PlanningError('conflict') and leaves `data` untouched.
 */
export function applyChangesChecked(data: PlanData, changes: readonly EntityChange[]): PlanData {
  const conflicts = findConflicts(data, changes, 'before')
  if (conflicts.length > 0) {
    throw new PlanningError('conflict', `${conflicts.length} change(s) no longer match the plan`)
  }
  return applyChanges(data, changes)
}

/** Reverts changes applied earlier, refusing (PlanningError 'conflict') when any entity moved on since. */
export function revertChangesChecked(data: PlanData, changes: readonly EntityChange[]): PlanData {
  const conflicts = findConflicts(data, changes, 'after')
  if (conflicts.length > 0) {
    throw new PlanningError('conflict', `${conflicts.length} change(s) were edited again since`)
  }
  return applyChanges(data, invertChanges(changes))
}
