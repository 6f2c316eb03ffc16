// Storing history entries: an entry with a long change list (an import of 100,000 rows) keeps its
// changes in parts of INLINE_CHANGES each, written one part per IndexedDB request: cloning the
// whole list for a single request would hold the window; a part is short. A part is stored packed
// (an import's adds repeat the same keys and `before: null` in every change): a third of the bytes
// to clone, store and read back.
// Everything that reads, writes or deletes history goes through here, so parts never go astray.
import { useLiveQuery } from 'dexie-react-hooks'
import type { EntityChange, HistoryEntry } from '@shared/planning/types'
import { packChanges, unpackChanges } from '@shared/import/packed-changes'
import { db, type HistoryPart, type StoredHistoryEntry } from './db'

export type { StoredHistoryEntry }

/** Entries with up to this many changes keep them inline; longer lists are stored in parts this size. */
export const INLINE_CHANGES = 500

/** The tables a transaction that touches history must include. */
export const HISTORY_TABLES = ['history', 'historyParts'] as const

const partsOf = (seq: number) =>
  db.historyParts.where('[seq+part]').between([seq, -Infinity], [seq, Infinity], true, true)

/**
 * Stores one entry and resolves to its seq. An entry that carries a seq keeps it (restores);
 * without one it gets the next. Long change lists go into parts, one request each.
 */
export async function storeEntry(entry: HistoryEntry): Promise<number> {
  const { changes } = entry
  if (changes.length <= INLINE_CHANGES) {
    if (entry.seq !== undefined) return db.history.put(entry)
    return db.history.add(entry)
  }
  const partCount = Math.ceil(changes.length / INLINE_CHANGES)
  const head: StoredHistoryEntry = { ...entry, changes: [], changeCount: changes.length, partCount }
  const seq = entry.seq !== undefined ? await db.history.put(head) : await db.history.add(head)
  if (entry.seq !== undefined) await partsOf(seq).delete()
  // Parts per request grow while a request's clone stays short: 200 requests, each awaited, were
  // most of a 100,000-change entry's write; a few parts per request keep each task short.
  let perRequest = 1
  for (let part = 0; part < partCount;) {
    const batch: HistoryPart[] = []
    for (const end = Math.min(partCount, part + perRequest); part < end; part++) {
      const slice = changes.slice(part * INLINE_CHANGES, (part + 1) * INLINE_CHANGES)
      batch.push({ seq, part, planId: entry.planId, packed: packChanges(slice) })
    }
    const started = performance.now()
    const request = db.historyParts.bulkAdd(batch)
    const spent = performance.now() - started
    await request
    if (spent < PART_WRITE_MS / 2) perRequest = Math.min(MAX_PARTS_PER_WRITE, perRequest * 2)
    else if (spent > PART_WRITE_MS) perRequest = Math.max(1, Math.floor(perRequest / 2))
  }
  return seq
}

/** What one request's clone of parts may cost the main thread. */
const PART_WRITE_MS = 8
const MAX_PARTS_PER_WRITE = 8

/** Stores entries in order (seqs kept where given, so a restore keeps the history's numbers). */
export async function storeEntries(entries: readonly HistoryEntry[]): Promise<void> {
  // Short entries in one bulk call (those without a seq get the next ones, in order).
  if (entries.every((e) => e.changes.length <= INLINE_CHANGES)) {
    if (entries.length) await db.history.bulkPut([...entries])
    return
  }
  for (const e of entries) await storeEntry(e)
}

/** The entry as it was committed: its change list put back together from its parts. */
export async function withChanges<T extends StoredHistoryEntry>(entry: T): Promise<HistoryEntry> {
  if (!entry.partCount || entry.seq === undefined) {
    const { partCount: _parts, changeCount: _count, undoneOf: _undoneOf, ...rest } = entry
    return rest
  }
  // A few parts per request: each answer is decoded in a task of its own (all 200 parts of a
  // 100,000-row import in one answer were one long decode when it was undone).
  const changes: EntityChange[] = []
  const fields = await readEntryInPages(entry, (page) => {
    for (const c of page) changes.push(c)
  })
  return { ...fields, changes }
}

/**
 * Streams an entry's change list to `page`, a few parts per request, in order, and resolves to
 * the entry's own fields (withChanges gives both together). Inside a transaction nothing else
 * waits in between, so a backup reads a 100,000-change entry without one long decode.
 */
export async function readEntryInPages(
  entry: StoredHistoryEntry,
  page: (changes: readonly EntityChange[]) => void,
  partsPerPage = 2
): Promise<Omit<HistoryEntry, 'changes'>> {
  const { partCount, changeCount: _count, undoneOf: _undoneOf, changes, ...fields } = entry
  if (!partCount || entry.seq === undefined) {
    if (changes.length) page(changes)
    return fields
  }
  for (let p = 0; p < partCount; p += partsPerPage) {
    const parts = await db.historyParts
      .where('[seq+part]')
      .between([entry.seq, p], [entry.seq, p + partsPerPage], true, false)
      .toArray()
    for (const part of parts) page(part.packed ? unpackChanges(part.packed) : part.changes)
  }
  return fields
}

/** Every entry with its change list (see withChanges). */
export function allWithChanges(entries: readonly StoredHistoryEntry[]): Promise<HistoryEntry[]> {
  return Promise.all(entries.map((e) => withChanges(e)))
}

/** The entry with this seq and its changes; undefined when it does not exist. */
export async function loadEntry(seq: number): Promise<HistoryEntry | undefined> {
  const entry = await db.history.get(seq)
  return entry ? withChanges(entry) : undefined
}

/** How many entity changes an entry holds, without loading its parts. */
export function changeCountOf(entry: StoredHistoryEntry): number {
  return entry.changeCount ?? entry.changes.length
}

/** Deletes entries by seq with their parts. */
export async function deleteEntries(seqs: readonly number[]): Promise<void> {
  if (!seqs.length) return
  await db.history.bulkDelete([...seqs])
  for (const seq of seqs) await partsOf(seq).delete()
}

/** Deletes the whole history of these plans, parts included. */
export async function deletePlanHistory(planIds: readonly string[]): Promise<void> {
  await db.history
    .where('planId')
    .anyOf([...planIds])
    .delete()
  await db.historyParts
    .where('planId')
    .anyOf([...planIds])
    .delete()
}

/** A plan's newest history entries, newest first, as a live query (undefined while loading). */
export function useRecentHistory(planId: string, limit: number): StoredHistoryEntry[] | undefined {
  return useLiveQuery(
    () =>
      db.history
        .where('[planId+seq]')
        .between([planId, -Infinity], [planId, Infinity])
        .reverse()
        .limit(limit)
        .toArray(),
    [planId, limit]
  )
}

/** How many history entries a plan has, as a live query (0 while loading). */
export function useHistoryCount(planId: string): number {
  return useLiveQuery(() => db.history.where('planId').equals(planId).count(), [planId]) ?? 0
}
