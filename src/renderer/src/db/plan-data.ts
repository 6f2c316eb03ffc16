// Reading a plan: one in-memory PlanData per open plan, fed by Dexie live queries (so every window
// sees every write) and updated at once by local commits (so a drop shows before the disk write ends).
import Dexie, { liveQuery, type Subscription } from 'dexie'
import { useMemo, useSyncExternalStore } from 'react'
import type { EntityChange, Plan, PlanData } from '@shared/planning/types'
import { applyChanges, applyChangesStepwise } from '@shared/planning/changes'
import { noteDerivation } from '@shared/planning/plan-index'
import { sortedByOrder } from '@shared/planning/order'
import { nextTask, runSliced } from '../lib/sliced'
import { db, PLAN_TABLES } from './db'
import { observeRows, PLAN_STORES, planRows } from './rows'

export async function loadPlanData(planId: string): Promise<PlanData | undefined> {
  return db.transaction('r', ['plans', ...PLAN_STORES], async () => {
    const plan = await db.plans.get(planId)
    if (!plan) return undefined
    const parts = await Promise.all(PLAN_TABLES.map((t) => planRows(t, planId)))
    return assemble(plan, parts)
  })
}

function assemble(plan: Plan, parts: unknown[][]): PlanData {
  const data = { plan } as Record<string, unknown>
  PLAN_TABLES.forEach((t, i) => {
    data[t] = sortRows(t, parts[i])
  })
  return data as PlanData
}

/**
 * Sorted copies by the rows they were made from: a plan rebuilt because one table changed (the
 * plan row's updatedAt moves with every commit) keeps the very same arrays for the others, so
 * views memoized on them (budget totals, board rows) do not compute again for nothing.
 */
const sortedCopies = new WeakMap<unknown[], unknown[]>()

/** Tables kept by their order field alone: short, and listed by views as they stand. */
const BY_ORDER = new Set(['phases', 'workstreams', 'roles', 'deliverables'])

function sortRows(table: string, rows: unknown[]): unknown[] {
  // Keep the order people expect: by the entity's own order field where it has one.
  if (BY_ORDER.has(table)) {
    let sorted = sortedCopies.get(rows)
    if (!sorted) {
      sorted = [...(rows as { order: number }[])].sort((a, b) => a.order - b.order)
      sortedCopies.set(rows, sorted)
    }
    return sorted
  }
  // Risks and budget lines (by phase in the views) in their order, ties by id; rows read back
  // are usually in order already, and a check is linear where a sort of 100,000 lines is not.
  if (table === 'risks' || table === 'budgetLines') {
    let sorted = sortedCopies.get(rows)
    if (!sorted) {
      sorted = sortedByOrder(rows as { id: string; order: number }[]) as unknown[]
      sortedCopies.set(rows, sorted)
    }
    return sorted
  }
  return rows
}

type Entry = {
  data: PlanData | undefined
  loaded: boolean
  listeners: Set<() => void>
  subs: Subscription[]
  parts: Partial<Record<string, unknown>>
}

const entries = new Map<string, Entry>()

function notify(e: Entry) {
  for (const l of e.listeners) l()
}

function rebuild(e: Entry) {
  const plan = e.parts['plan'] as Plan | null | undefined
  if (plan === undefined) return
  if (PLAN_TABLES.some((t) => e.parts[t] === undefined)) return
  e.loaded = true
  e.data =
    plan === null
      ? undefined
      : assemble(
          plan,
          PLAN_TABLES.map((t) => e.parts[t] as unknown[])
        )
  notify(e)
}

function open(planId: string): Entry {
  let e = entries.get(planId)
  if (e) return e
  const entry: Entry = { data: undefined, loaded: false, listeners: new Set(), subs: [], parts: {} }
  e = entry
  entries.set(planId, e)
  // One live query per table: a write to allocations reloads allocations only.
  entry.subs.push(
    liveQuery(() => db.plans.get(planId)).subscribe({
      next: (plan) => {
        if (isHeld(planId, 'plans')) return
        entry.parts['plan'] = plan ?? null
        rebuild(entry)
      },
      error: (err) => console.error(err)
    })
  )
  for (const t of PLAN_TABLES) {
    let reads = 0
    entry.subs.push(
      liveQuery(async (): Promise<typeof READ | typeof UNCHANGED> => {
        // This observes the plan's rows (any write to them runs the query again). The rows
        // themselves are read outside the live query (below): read inside it, Dexie noted every
        // read row's key for the query, a tree of 200,000 keys built in one task on the 10x plan.
        const n = await observeRows(t, planId)
        // While a local commit writes, and once after it, the memory already holds what is
        // written: the count stands in for reading and decoding every row again, a long stall of
        // the window on a plan of 100,000 lines.
        if (isHeld(planId, t)) return UNCHANGED
        if (takeTrust(planId, t)) {
          const inMemory = entry.parts[t]
          // Packed tables give no count without reading their packs: the local write stands for them.
          if (Array.isArray(inMemory) && (n === undefined || inMemory.length === n)) return UNCHANGED
        }
        return READ
      }).subscribe({
        next: (result) => {
          if (result === UNCHANGED || isHeld(planId, t)) return
          const seq = ++reads
          const gen = holdGeneration(planId, t)
          // Dexie calls next() in its global context: this read is not observed.
          planRows(t, planId)
            .then((rows) => {
              // Only the newest read counts; and a read that a local commit overlapped must not
              // overwrite what the commit put in memory (the commit's write runs the query again).
              if (seq !== reads || gen !== holdGeneration(planId, t) || isHeld(planId, t)) return
              if (entries.get(planId) !== entry) return
              entry.parts[t] = rows
              rebuild(entry)
            })
            .catch((err: unknown) => console.error(err))
        },
        error: (err) => console.error(err)
      })
    )
  }
  return e
}

function release(planId: string) {
  const e = entries.get(planId)
  if (!e || e.listeners.size > 0) return
  // Keep the data a moment: switching views unmounts and remounts within a frame.
  setTimeout(() => {
    // A newer entry for the same plan may exist by now: never remove that one.
    if (e.listeners.size > 0 || entries.get(planId) !== e) return
    for (const s of e.subs) s.unsubscribe()
    entries.delete(planId)
  }, 5_000)
}

/** A live query's answer when the rows in memory were confirmed without reading them. */
const UNCHANGED = Symbol('unchanged')
/** A live query's answer when the rows must be read again. */
const READ = Symbol('read')

/**
 * Tables a local write has just ended for: their next live-query run (which the write's end
 * triggers) only counts the rows. A write from another window at the same moment that keeps the
 * count is then seen with the next change to the table.
 */
const trusted = new Set<string>()
function takeTrust(planId: string, table: string): boolean {
  return trusted.delete(holdKey(planId, table))
}

const held = new Map<string, number>()
/** Holds taken per plan and table so far: a read that saw another number was overlapped by a commit. */
const holdsTaken = new Map<string, number>()
const holdKey = (planId: string, table: string) => `${planId}\u0000${table}`
const holdGeneration = (planId: string, table: string) => holdsTaken.get(holdKey(planId, table)) ?? 0
function isHeld(planId: string, table: string): boolean {
  return (held.get(holdKey(planId, table)) ?? 0) > 0
}

/**
 * Ignores live-query results for the tables a local commit touches until its write has ended.
 * Returns the release function (call it in finally) with the changes that were written and are
 * in memory: only their tables trust memory at the next live-query run. A trust left on a table
 * nothing wrote would stand for the next write from elsewhere and hide it (packed tables give no
 * count to check it by).
 */
export function holdLiveUpdates(
  planId: string,
  changes: readonly Pick<EntityChange, 'table'>[]
): (written: readonly Pick<EntityChange, 'table'>[]) => void {
  const tables = new Set<string>()
  for (const c of changes) tables.add(c.table)
  tables.delete('plans')
  const keys = [...tables].map((t) => holdKey(planId, t))
  for (const k of keys) {
    held.set(k, (held.get(k) ?? 0) + 1)
    holdsTaken.set(k, (holdsTaken.get(k) ?? 0) + 1)
  }
  let released = false
  return (written) => {
    if (released) return
    released = true
    // The tables first: a key per change was 100,000 strings made in one task after an undo.
    const wroteTables = new Set<string>()
    for (const c of written) wroteTables.add(c.table)
    const wrote = new Set([...wroteTables].map((t) => holdKey(planId, t)))
    for (const k of keys) {
      const n = (held.get(k) ?? 1) - 1
      if (n <= 0) held.delete(k)
      else held.set(k, n)
      if (wrote.has(k)) trusted.add(k)
    }
  }
}

/** Applies a commit to the in-memory plan at once; the live queries confirm it after the write. */
export function applyLocally(planId: string, changes: EntityChange[]): void {
  const e = entries.get(planId)
  if (!e?.data) return
  show(e, applyChanges(e.data, changes), changes)
}

function show(e: Entry, data: PlanData, changes: EntityChange[]) {
  const tables = new Set<string>()
  for (const c of changes) {
    if (c.table === 'plans') e.parts['plan'] = c.after
    else tables.add(c.table)
  }
  // `data` is the shown plan with these changes applied: indexes of its rows (allocations by role
  // and quarter, lines by phase and quarter) follow the changes instead of being built again.
  for (const t of tables) {
    const from = e.data?.[t as keyof PlanData]
    const to = data[t as keyof PlanData]
    if (Array.isArray(from) && Array.isArray(to)) {
      // A commit's rows stand where applyChanges put them (an add, or an undone removal, last):
      // the short tables views list as they stand are shown in their order at once, as the plan
      // row's return would sort them (and then finds this very array).
      const shown = BY_ORDER.has(t) ? sortRows(t, to) : to
      if (shown !== to) (data as unknown as Record<string, unknown>)[t] = shown
      noteDerivation(from, shown, changes)
      // Lines stay as shown when the plan row comes back (rebuild): sorted again, a commit's lines
      // (its adds at the end) became a copy no view could follow, and the budget indexes of a big
      // plan were built anew after every import. Whoever lists lines orders them (lines-by-phase,
      // the export).
      if (t === 'budgetLines') sortedCopies.set(to, to)
    }
    e.parts[t] = to
  }
  e.data = data
  notify(e)
}

/** Steps of applyChangesStepwise (changes or index entries) between checks of the time slice. */
export const APPLY_SLICE = 500

/**
 * applyLocally for long change lists (imports): the new plan is computed a slice per task, so
 * the window keeps painting, and shown once, whole. Should another commit land meanwhile, the
 * changes are applied again on top of it in one go.
 */
export async function applyLocallyInSlices(planId: string, changes: EntityChange[]): Promise<void> {
  const e = entries.get(planId)
  if (!e?.data) return
  // Inside a caller's transaction a wait for the next task would let IndexedDB commit it early.
  if (changes.length <= APPLY_SLICE || Dexie.currentTransaction) return applyLocally(planId, changes)
  const touchesPlanRow = changes.some((c) => c.table === 'plans')
  for (let attempt = 0; ; attempt++) {
    const start: PlanData = e.data
    const next = await runSliced(applyChangesStepwise(start, changes, APPLY_SLICE))
    // Shown in a task of its own: the views render the new plan then.
    await nextTask()
    if (entries.get(planId) !== e || !e.data) return
    if (e.data === start) {
      show(e, next, changes)
      break
    }
    // Only the plan row came in meanwhile (its updatedAt moves with every write): keep it.
    if (!touchesPlanRow && PLAN_TABLES.every((t) => e.data![t] === start[t])) {
      show(e, { ...next, plan: e.data.plan }, changes)
      break
    }
    // Rows came in meanwhile: apply again on top of them, in slices; after a few tries, at once.
    if (attempt >= 2) {
      show(e, applyChanges(e.data, changes), changes)
      break
    }
  }
  // The views render the new plan in this task; what the caller does next (the disk write) starts
  // in the next one.
  await nextTask()
}

function subscribe(planId: string | null | undefined) {
  return (listener: () => void) => {
    if (!planId) return () => undefined
    const e = open(planId)
    e.listeners.add(listener)
    return () => {
      e.listeners.delete(listener)
      release(planId)
    }
  }
}

/**
 * Watches a plan outside React (the hooks below use the same store): the listener runs whenever
 * the in-memory plan changes; current() reads it. Returns the unsubscribe function.
 */
export function watchPlanData(
  planId: string,
  listener: () => void
): { current: () => PlanData | undefined; stop: () => void } {
  const stop = subscribe(planId)(listener)
  return { current: () => entries.get(planId)?.data, stop }
}

/**
 * The whole plan, live. undefined while loading or when the plan does not exist
 * (usePlanLoaded tells which).
 */
export function usePlanData(planId: string | null | undefined): PlanData | undefined {
  const sub = useMemo(() => subscribe(planId), [planId])
  return useSyncExternalStore(sub, () => (planId ? entries.get(planId)?.data : undefined))
}

/**
 * One value read from the live plan (a name, a flag): the component renders again only when that
 * value changes, not with every commit as usePlanData's users do. `select` returns a primitive
 * (or the same object for the same plan), and is a stable function.
 */
export function usePlanSelect<T>(
  planId: string | null | undefined,
  select: (data: PlanData | undefined) => T
): T {
  const sub = useMemo(() => subscribe(planId), [planId])
  return useSyncExternalStore(sub, () => select(planId ? entries.get(planId)?.data : undefined))
}

export function usePlanLoaded(planId: string | null | undefined): boolean {
  const sub = useMemo(() => subscribe(planId), [planId])
  return useSyncExternalStore(sub, () => (planId ? (entries.get(planId)?.loaded ?? false) : true))
}

/**
 * The plan as the window holds it, kept in step with every commit (as the boards' drops use it);
 * read from the database only when no view holds it, since reading a large plan is slow.
 */
export async function currentPlanData(planId: string): Promise<PlanData | undefined> {
  const watch = watchPlanData(planId, () => undefined)
  try {
    return watch.current() ?? (await loadPlanData(planId))
  } finally {
    watch.stop()
  }
}
