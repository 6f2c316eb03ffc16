// Every access to a plan's rows (PlanData's tables and the side tables) goes through here. The two
// big tables, allocations and budget lines, are stored packed: one record per (table, plan, bucket)
// holding that bucket's rows, the bucket a stable hash of the row id. Storing a plan or an import
// then writes a few hundred records instead of one per row (IndexedDB's cost per record dominated
// storing the 10x plan), and an edit rewrites the one bucket of its row. Callers see rows only.
import type { EntityChange } from '@shared/planning/types'
import Dexie from 'dexie'
import {
  mergeSortedStepwise,
  partitionStepwise,
  runFor,
  runToEnd,
  sliceBudget,
  type Stepwise
} from '@shared/stepwise'
import { runSliced, SLICE_MS } from '../lib/sliced'
import { db, PLAN_TABLES, type RowPack, type SIDE_TABLES } from './db'
export { byId } from './packs'
import { bucketOf, byId, PACK_BUCKETS, PACKED_TABLES, packRows, type PackedTable } from './packs'

/** A row of a plan table: every one has its id and its plan. */
export type Row = { id: string; planId: string }
export type RowTable = (typeof PLAN_TABLES)[number] | (typeof SIDE_TABLES)[number]

// PACKED_TABLES by name: asked once per change of a 100,000-change list.
PACKED_TABLES satisfies readonly ('allocations' | 'budgetLines')[]

/** The stores behind PlanData's tables: list them in a transaction that reads or writes plan rows. */
export const PLAN_STORES = [
  ...PLAN_TABLES.filter((t) => !isPacked(t)),
  'packs'
] as const satisfies readonly string[]

export function isPacked(table: string): table is PackedTable {
  return table === 'allocations' || table === 'budgetLines'
}

const plain = (table: string) => db.table<Row, string>(table)

/** A plan's packs of one table, as a key range (for reads, deletes and live queries). */
const packRange = (table: PackedTable, planId: string, from = 0, to = PACK_BUCKETS) =>
  db.packs.where('[table+planId+bucket]').between([table, planId, from], [table, planId, to], true, false)

/** Every plan's packs of one table: [table] sorts before its keys, [table, []] after them. */
const everyPack = (table: PackedTable) =>
  db.packs.where('[table+planId+bucket]').between([table], [table, []])

/** Buckets of the first read of a plan's packs: it tells how full they are, in a short task. */
const FIRST_READ_BUCKETS = 4
/** Buckets per read at most (a backup's pages of packs). */
const READ_BUCKETS = 32
/**
 * Rows per read of a plan's packs after the first: each answer is decoded in the task that takes
 * it, and 5,000 allocations were a task over 50 ms on a busy 2-core machine while the 10x plan opened.
 */
const ROWS_PER_READ = 2_000

/** Every row of a plan in one table. */
export async function planRows<T = Row>(table: RowTable, planId: string): Promise<T[]> {
  if (!isPacked(table)) return (await plain(table).where('planId').equals(planId).toArray()) as T[]
  // Pages of one read transaction: one consistent state, however a write falls between them.
  const runs = await db.transaction('r', db.packs, async () => {
    const packs: Row[][] = []
    let read = 0
    // The first page tells how full the buckets are: the rest is read in pages of about
    // ROWS_PER_READ rows (a small plan in one more request, the 10x plan's allocations in ~100).
    let step = FIRST_READ_BUCKETS
    for (let b = 0; b < PACK_BUCKETS;) {
      const to = Math.min(PACK_BUCKETS, b + step)
      for (const pack of await packRange(table, planId, b, to).toArray()) {
        packs.push(pack.rows)
        read += pack.rows.length
      }
      if (b === 0) step = Math.max(1, Math.floor((ROWS_PER_READ * to) / Math.max(1, read)))
      b = to
    }
    return packs
  })
  // Budget lines read back in id order, as they were when each was a record of its own: their
  // ids mostly follow their order, so plan-data's check that rows are already in order holds.
  // Each pack is in id order already: merging them a slice per task (outside a caller's
  // transaction, which a wait for a timer would end) avoids a sort of 50,000 lines in one task.
  if (table === 'budgetLines') {
    const merge = mergeSortedStepwise(runs, byId)
    return (Dexie.currentTransaction ? runToEnd(merge) : await runSliced(merge)) as T[]
  }
  const rows: Row[] = []
  for (const run of runs) for (const r of run) rows.push(r)
  return rows as T[]
}

/** Every row of these plans in one table. */
export async function plansRows<T = Row>(table: RowTable, planIds: readonly string[]): Promise<T[]> {
  if (!isPacked(table))
    return (await plain(table)
      .where('planId')
      .anyOf([...planIds])
      .toArray()) as T[]
  const rows: T[] = []
  for (const id of planIds) for (const r of await planRows<T>(table, id)) rows.push(r)
  return rows
}

/**
 * What a live query observes for a plan's rows of one table: any write to them runs the query
 * again. Resolves to the number of rows where that is known without reading them (unpacked
 * tables), else undefined.
 */
export async function observeRows(table: RowTable, planId: string): Promise<number | undefined> {
  if (!isPacked(table)) return plain(table).where('planId').equals(planId).count()
  await packRange(table, planId).count()
  return undefined
}

/** Rows of a plan by id, in the order asked (undefined where none). */
export async function getRows(
  table: RowTable,
  planId: string,
  ids: readonly string[]
): Promise<(Row | undefined)[]> {
  if (!isPacked(table)) {
    const rows = await plain(table).bulkGet([...ids])
    return rows.map((r) => (r && r.planId === planId ? r : undefined))
  }
  const buckets = [...new Set(ids.map(bucketOf))]
  const packs = await db.packs.bulkGet(buckets.map((b) => [table, planId, b]))
  const byId = new Map<string, Row>()
  for (const p of packs) if (p) for (const r of p.rows) byId.set(r.id, r)
  return ids.map((id) => byId.get(id))
}

/** Whether any plan holds a row with one of these ids (ids are unique across plans). */
export async function anyRowWithId(table: RowTable, ids: readonly string[]): Promise<boolean> {
  if (!ids.length) return false
  if (!isPacked(table)) return (await plain(table).bulkGet([...ids])).some((r) => r !== undefined)
  const wanted = new Set(ids)
  const buckets = [...new Set(ids.map(bucketOf))].map((b) => [table, b])
  const packs = await db.packs.where('[table+bucket]').anyOf(buckets).toArray()
  return packs.some((p) => p.rows.some((r) => wanted.has(r.id)))
}

/** Every row of one table, of every plan (tests and migrations compare them). */
export async function allRows<T = Row>(table: RowTable): Promise<T[]> {
  if (!isPacked(table)) return (await plain(table).toArray()) as T[]
  const packs = await everyPack(table).toArray()
  return packs.flatMap((p) => p.rows) as T[]
}

/**
 * Visits a table's rows of every plan a page at a time (backups): pages of unpacked tables by
 * id, of packed tables by pack. Each page is its own request, decoded in a task of its own.
 */
export async function eachRowPage<T extends Row = Row>(
  table: RowTable,
  page: (rows: T[]) => void,
  pageSize = 1_000
): Promise<void> {
  if (!isPacked(table)) {
    let last: string | undefined
    for (;;) {
      const t = plain(table)
      const rows = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last))
        .limit(pageSize)
        .toArray()
      if (rows.length === 0) return
      last = rows[rows.length - 1].id
      page(rows as T[])
    }
  }
  // Packs per read follow how full the last ones were, for about pageSize rows a read: 32 packs of
  // a 100,000-line plan were 12,500 rows decoded and stringified in one task (a backup's long task).
  let last: [string, string, number] = [table, '', -1]
  let packsPerRead = 1
  for (;;) {
    const packs = await db.packs
      .where('[table+planId+bucket]')
      .between(last, [table, []], false, false)
      .limit(packsPerRead)
      .toArray()
    if (packs.length === 0) return
    const p = packs[packs.length - 1]
    last = [table, p.planId, p.bucket]
    let rows = 0
    for (const k of packs) rows += k.rows.length
    page(packs.flatMap((k) => k.rows) as T[])
    packsPerRead = Math.max(
      1,
      Math.min(READ_BUCKETS, Math.floor((pageSize * packs.length) / Math.max(1, rows)))
    )
  }
}

/** Rows per write request to start with; writes grow or shrink to stay near WRITE_SLICE_MS. */
export const WRITE_CHUNK = 100
/** What a chunk's requests may cost the main thread (the values are cloned when they are made). */
const WRITE_SLICE_MS = 6
const MIN_CHUNK = 10
/** Bounded, so a chunk sized on a quiet machine stays short when the machine gets busy. */
const MAX_CHUNK = 250
/** A packed row costs less to write than a record of its own (no request, no key, no index). */
const PACKED_ROW_COST = 1 / 4
/** A delete costs the main thread about an eighth of a put (no value to clone). */
const DELETE_COST = 1 / 8

/**
 * Packs carry hundreds of rows each: with MAX_CHUNK a request held one or two of them, and a
 * 100,000-row write waited on ~150 requests in turn. Their chunks may grow further while each
 * request's clone stays within WRITE_SLICE_MS.
 */
const MAX_PACKED_CHUNK = 500

/** The chunk size after a chunk's requests took `spent` ms to make. */
function nextChunk(chunk: number, spent: number, max = MAX_CHUNK): number {
  if (spent > WRITE_SLICE_MS * 1.5) return Math.max(MIN_CHUNK, Math.floor(chunk / 2))
  if (spent < WRITE_SLICE_MS / 2) return Math.min(max, Math.ceil(chunk * 1.5))
  return chunk
}

/** Adds packs a chunk of requests per task, by what their rows cost to clone. */
async function addPacks(puts: RowPack[]): Promise<void> {
  let chunk = WRITE_CHUNK
  for (let i = 0; i < puts.length;) {
    const batch: RowPack[] = []
    for (let cost = 0; i < puts.length && cost < chunk; i++) {
      batch.push(puts[i])
      cost += 1 + puts[i].rows.length * PACKED_ROW_COST
    }
    const started = performance.now()
    const request = db.packs.bulkAdd(batch)
    const spent = performance.now() - started
    await request
    chunk = nextChunk(chunk, spent, MAX_PACKED_CHUNK)
  }
}

/** A data error as IndexedDB raises it for a record without its key: a row without an id or plan. */
function checkedRow(table: string, row: unknown): Row {
  const r = row as Partial<Row> | null
  if (typeof r?.id !== 'string' || typeof r.planId !== 'string')
    throw Object.assign(new Error(`A ${table} row needs an id and a plan.`), { name: 'DataError' })
  return r as Row
}

/** A constraint error as IndexedDB raises it: the same id twice. */
function duplicateId(table: string, id: string): Error {
  return Object.assign(new Error(`Two ${table} rows share the id ${id}.`), { name: 'ConstraintError' })
}

/**
 * Adds rows (of one plan or several) that do not exist yet; inside a transaction over the plan
 * stores. Fails, as an add does, on an id given twice or a bucket the plan already holds.
 */
export async function addRows(table: RowTable, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return
  if (!isPacked(table)) {
    await plain(table).bulkAdd([...rows])
    return
  }
  const seen = new Set<string>()
  for (const r of rows) {
    if (seen.has(checkedRow(table, r).id)) throw duplicateId(table, r.id)
    seen.add(r.id)
  }
  await addPacks(packRows(table, rows))
}

/** Puts rows (of one plan or several), replacing those with the same id. */
export async function putRows(table: RowTable, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return
  await writeChanges(rows.map((r) => ({ table, id: r.id, before: null, after: r }) as EntityChange))
}

/** Deletes every row of these plans in one table. */
export async function deletePlansRows(table: RowTable, planIds: readonly string[]): Promise<void> {
  if (!isPacked(table)) {
    await plain(table)
      .where('planId')
      .anyOf([...planIds])
      .delete()
    return
  }
  for (const id of planIds) await packRange(table, id).delete()
}

/** Deletes every row of every plan in one table (a restore that replaces everything). */
export async function clearRows(table: RowTable): Promise<void> {
  if (!isPacked(table)) await plain(table).clear()
  else await everyPack(table).delete()
}

type PackKey = [PackedTable, string, number]
const keyText = (k: PackKey) => `${k[0]}\u0000${k[1]}\u0000${k[2]}`
/** A key no pack has: reading it is the cheapest request, a point where the next task starts. */
const NO_PACK = ['', '', -1] as unknown as PackKey
const pause = () => db.packs.get(NO_PACK)

/**
 * Runs a stepwise computation inside a transaction, about SLICE_MS per task: each slice ends in a
 * request (a wait for a timer would let IndexedDB commit the transaction early). Dexie's own
 * promises throughout: awaiting a native one that no request settles loses the transaction's zone.
 */
export function runInTransaction<T>(steps: Stepwise<T>): Promise<T> {
  const end = runFor(steps, SLICE_MS)
  if (end) return Dexie.Promise.resolve(end.value)
  return pause().then(() => runInTransaction(steps))
}

/** Changes of packed tables and of the others, in order, sorted in slices (see runInTransaction). */
function byLayout(changes: readonly EntityChange[]) {
  return runInTransaction(partitionStepwise(changes, (c) => isPacked(c.table)))
}

/** The plan a change's row belongs to (a change never moves a row to another plan). */
const planOf = (c: EntityChange) => ((c.after ?? c.before) as Row).planId

/**
 * Changes per step of the passes over a change list at most, each step ending in a request; a step
 * also ends after SLICE_MS (2,000 changes compared with their rows were a long task under load).
 */
const STEP = 2_000

/** The changes that touch one pack, in order, and the pack as stored (undefined: none yet). */
type PackWork = { key: PackKey; changes: EntityChange[]; pack: RowPack | undefined }

/**
 * Sorts changes into the packs they touch, a step at a time; each step ends by reading the packs
 * it found first (so the reads overlap the sorting) or in a pause.
 */
async function sortIntoPacks(changes: readonly EntityChange[], known?: PacksRead): Promise<PackWork[]> {
  const works = new Map<string, PackWork>()
  const budget = sliceBudget(SLICE_MS)
  for (let i = 0; i < changes.length;) {
    const found: PackWork[] = []
    budget.next()
    for (const end = Math.min(changes.length, i + STEP); i < end && !budget.spent();) {
      const c = changes[i++]
      const key: PackKey = [c.table as PackedTable, planOf(c), bucketOf(c.id)]
      const text = keyText(key)
      const w = works.get(text)
      if (w) w.changes.push(c)
      else {
        const work: PackWork = { key, changes: [c], pack: undefined }
        works.set(text, work)
        found.push(work)
      }
    }
    const toRead: PackWork[] = []
    for (const w of found) {
      const text = keyText(w.key)
      if (known?.has(text)) w.pack = known.get(text)
      else toRead.push(w)
    }
    if (!toRead.length) {
      await pause()
      continue
    }
    const packs = await db.packs.bulkGet(toRead.map((w) => w.key))
    toRead.forEach((w, k) => (w.pack = packs[k]))
  }
  return [...works.values()]
}

/**
 * Packs as eachCurrentRow read them, by key: a write later in the same transaction (an undo after
 * its check) starts from them instead of reading every touched pack a second time.
 */
export type PacksRead = Map<string, RowPack | undefined>

/**
 * Writes the changes in order: the end state is that of the whole list (the last change of each
 * entity wins). Unpacked tables a chunk of bulk calls at a time; packed tables pack by pack: the
 * packs the changes touch are read, changed and written back whole. No step walks the whole list
 * at once, and every step ends in a request, so each runs in a task of its own inside the one
 * transaction (a wait for a timer there would let IndexedDB commit the transaction early).
 */
export async function writeChanges(changes: readonly EntityChange[], known?: PacksRead): Promise<void> {
  const { matching: packed, rest: other } = await byLayout(changes)
  if (other.length) await writePlain(other)
  if (packed.length) await writePacked(packed, known)
}

async function writePlain(changes: readonly EntityChange[]) {
  let chunk = WRITE_CHUNK
  let i = 0
  while (i < changes.length) {
    const last = new Map<string, Map<string, EntityChange>>()
    for (let cost = 0; i < changes.length && cost < chunk; i++) {
      const c = changes[i]
      let byId = last.get(c.table)
      if (!byId) last.set(c.table, (byId = new Map()))
      byId.set(c.id, c)
      cost += c.after === null ? DELETE_COST : 1
    }
    const started = performance.now()
    const requests: Promise<unknown>[] = []
    for (const [name, byId] of last) {
      const table = db.table(name)
      const puts: unknown[] = []
      const deletes: string[] = []
      for (const c of byId.values()) {
        if (c.after === null) deletes.push(c.id)
        else puts.push(c.after)
      }
      if (deletes.length) requests.push(table.bulkDelete(deletes))
      if (puts.length) requests.push(table.bulkPut(puts))
    }
    const spent = performance.now() - started
    await Promise.all(requests)
    chunk = nextChunk(chunk, spent)
  }
}

/** The pack's rows after its changes (later changes of an id overwrite earlier ones). */
function changedRows(w: PackWork): Row[] {
  const rows = new Map<string, Row>()
  if (w.pack) for (const r of w.pack.rows) rows.set(r.id, r)
  for (const c of w.changes) {
    if (c.after === null) rows.delete(c.id)
    else if (checkedRow(c.table, c.after).id !== c.id)
      throw new Error(`A change of ${c.id} carries another row.`)
    else rows.set(c.id, c.after as Row)
  }
  return [...rows.values()].sort(byId)
}

async function writePacked(changes: readonly EntityChange[], known?: PacksRead) {
  const works = await sortIntoPacks(changes, known)
  let chunk = WRITE_CHUNK
  for (let i = 0; i < works.length;) {
    const puts: RowPack[] = []
    const deletes: PackKey[] = []
    const started = performance.now()
    for (let cost = 0; i < works.length && cost < chunk; i++) {
      const w = works[i]
      const rows = changedRows(w)
      if (rows.length) puts.push({ table: w.key[0], planId: w.key[1], bucket: w.key[2], rows })
      else if (w.pack) deletes.push(w.key)
      cost += 1 + (rows.length + w.changes.length) * PACKED_ROW_COST
    }
    const requests: Promise<unknown>[] = []
    if (deletes.length) requests.push(db.packs.bulkDelete(deletes))
    if (puts.length) requests.push(db.packs.bulkPut(puts))
    const spent = performance.now() - started
    await (requests.length ? Promise.all(requests) : pause())
    chunk = nextChunk(chunk, spent, MAX_PACKED_CHUNK)
  }
}

/**
 * Calls `visit` with each change and its entity's current row (undefined when none), a pack or a
 * chunk of keys per request, as the answers arrive: no step reads or compares them all at once.
 */
export async function eachCurrentRow(
  changes: readonly EntityChange[],
  visit: (change: EntityChange, current: unknown) => void
): Promise<PacksRead> {
  const read: PacksRead = new Map()
  const { matching: packed, rest: other } = await byLayout(changes)
  const byTable = new Map<string, EntityChange[]>()
  for (const c of other) {
    const list = byTable.get(c.table)
    if (list) list.push(c)
    else byTable.set(c.table, [c])
  }
  for (const [table, list] of byTable) {
    for (let i = 0; i < list.length; i += READ_CHUNK) {
      const chunk = list.slice(i, i + READ_CHUNK)
      const rows = await db.table(table).bulkGet(chunk.map((c) => c.id))
      chunk.forEach((c, k) => visit(c, rows[k]))
    }
  }
  if (!packed.length) return read
  const works = await sortIntoPacks(packed)
  for (const w of works) read.set(keyText(w.key), w.pack)
  // A pack's changes may be many (a whole import's in each): a step may end inside a pack.
  const budget = sliceBudget(SLICE_MS)
  let rows = new Map<string, Row>()
  for (let i = 0, k = 0; i < works.length;) {
    budget.next()
    for (let visited = 0; i < works.length && visited < STEP && !budget.spent(); visited++) {
      const w = works[i]
      if (k === 0) {
        rows = new Map()
        if (w.pack) for (const r of w.pack.rows) rows.set(r.id, r)
      }
      const c = w.changes[k++]
      visit(c, rows.get(c.id))
      if (k === w.changes.length) {
        i++
        k = 0
      }
    }
    if (i < works.length) await pause()
  }
  return read
}

/** Keys per bulkGet of unpacked rows: each read key costs the main thread about 50 µs to request. */
const READ_CHUNK = 200
