// The one Dexie database of the renderer: typed tables for every part of every plan.
// Schema versions are only ever added (see SCHEMA_VERSIONS), never edited.
import Dexie, {
  RangeSet,
  type DBCore,
  type EntityTable as DexieTable,
  type Middleware,
  type Table,
  type Transaction
} from 'dexie'
import type { PackedChanges } from '@shared/import/packed-changes'
import type {
  Actual,
  CostCentreMapping,
  Deliverable,
  Dependency,
  EntityChange,
  HistoryEntry,
  Phase,
  Plan,
  Risk,
  Role,
  Workstream
} from '@shared/planning/types'
import { ENTITY_TABLES, SIDE_TABLES } from '@shared/planning/types'
import { pendingTransactions } from './pending'
import { numberRisksAndLines } from './schema-v4'
import { PACKED_TABLES, packRows, type RowPack } from './packs'

export type { RowPack }

/** A column mapping the import wizard remembers for one sheet layout. */
export type StoredMapping = {
  /** Fingerprint of the sheet's header layout. */
  id: string
  target: 'budgetLines' | 'allocations'
  mapping: Record<string, string | null>
  options: Record<string, unknown>
  usedAt: string
}

export type Setting = { key: string; value: unknown }

export type SchemaVersion = {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void> | void
}

/** Every schema the app has ever shipped, oldest first. Add a new entry for a change; never edit one. */
export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      plans: 'id, baseId',
      phases: 'id, planId',
      workstreams: 'id, planId',
      roles: 'id, planId',
      allocations: 'id, planId',
      budgetLines: 'id, planId',
      risks: 'id, planId',
      dependencies: 'id, planId',
      deliverables: 'id, planId',
      history: '++seq, planId, [planId+seq]',
      mappings: 'id',
      settings: 'key'
    }
  },
  {
    // Undone entries by plan, found by key alone: a commit discards them and redo takes the oldest,
    // without reading (and decoding) every entry of the plan, imports of 100,000 rows included.
    version: 2,
    // Long change lists of an entry (imports) in parts, written one request each (history-store.ts).
    stores: { history: '++seq, planId, [planId+seq], undoneOf', historyParts: '[seq+part], planId' },
    upgrade: async (tx) => {
      await tx
        .table('history')
        .toCollection()
        .modify((h: StoredHistoryEntry) => {
          if (h.undone) h.undoneOf = h.planId
        })
    }
  },
  {
    // A plan's actual costs (aggregated bookings) and its cost-centre table (issue 19).
    version: 3,
    stores: { actuals: 'id, planId, [planId+quarter]', costCentres: 'id, planId' }
  },
  {
    // Risks and budget lines get `order` (issue 16), numbered in the order the views listed them:
    // rows, history and recently deleted plans alike (schema-v4.ts).
    version: 4,
    stores: {},
    upgrade: numberRisksAndLines
  },
  {
    // Allocations and budget lines packed, one record per (table, plan, bucket of the row id):
    // storing the 10x plan added 250,000 records one by one, and IndexedDB's cost per record was
    // most of its time (see rows.ts). Every existing row moves into its pack.
    version: 5,
    stores: { packs: '[table+planId+bucket], planId, [table+bucket]' },
    upgrade: async (tx) => {
      for (const table of PACKED_TABLES) {
        const rows = (await tx.table(table).toArray()) as { id: string; planId: string }[]
        if (rows.length) await tx.table('packs').bulkAdd(packRows(table, rows))
      }
    }
  },
  {
    // The row-per-record stores of the packed tables, emptied into packs by version 5.
    version: 6,
    stores: { allocations: null, budgetLines: null }
  }
]

/**
 * A history entry as stored: `undoneOf` (the plan id) is present exactly while it is undone; an
 * entry with a long change list has `changes: []` and keeps them in `partCount` HistoryParts.
 */
export type StoredHistoryEntry = HistoryEntry & {
  undoneOf?: string
  changeCount?: number
  partCount?: number
}

/**
 * One part of a long change list, in order of `part` (see history-store.ts). Parts written since
 * 2026-12 keep their changes packed (runs of adds name their keys once); older ones as a list.
 */
export type HistoryPart = { seq: number; part: number; planId: string } & (
  { changes: EntityChange[]; packed?: undefined } | { packed: PackedChanges; changes?: undefined }
)

export const DB_NAME = 'quartermaster'

/**
 * Dexie's shared live-query cache is off: the app shows its own writes at once (plan-data.ts
 * applies each commit in memory and holds the live queries of what it writes), so the cache's
 * optimistic copies only cost. Storing the 10x plan made a shallow copy of each of its 250,000
 * rows for them, and every cached query result was deep-cloned again when read.
 */
const LIVE_QUERY_CACHE = 'disabled'

export class QuartermasterDB extends Dexie {
  plans!: DexieTable<Plan, 'id'>
  phases!: DexieTable<Phase, 'id'>
  workstreams!: DexieTable<Workstream, 'id'>
  roles!: DexieTable<Role, 'id'>
  /** Allocations and budget lines, packed: read and written only through rows.ts. */
  packs!: Table<RowPack, [string, string, number]>
  risks!: DexieTable<Risk, 'id'>
  dependencies!: DexieTable<Dependency, 'id'>
  deliverables!: DexieTable<Deliverable, 'id'>
  actuals!: DexieTable<Actual, 'id'>
  costCentres!: DexieTable<CostCentreMapping, 'id'>
  history!: Table<StoredHistoryEntry, number>
  historyParts!: Table<HistoryPart, [number, number]>
  mappings!: DexieTable<StoredMapping, 'id'>
  settings!: DexieTable<Setting, 'key'>

  constructor(name = DB_NAME, versions: SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, { cache: LIVE_QUERY_CACHE })
    for (const v of versions) {
      const version = this.version(v.version).stores(v.stores)
      if (v.upgrade) version.upgrade(v.upgrade)
    }
    // Every writer (commits, undo, redo, restores, scenarios) keeps undoneOf in step with undone.
    const history = this.table<StoredHistoryEntry, number>('history')
    history.hook('creating', (_key, entry) => {
      if (entry.undone) entry.undoneOf = entry.planId
      else delete entry.undoneOf
    })
    history.hook('updating', (mods, _key, entry) => {
      if (!('undone' in mods)) return undefined
      return { undoneOf: mods['undone'] ? entry.planId : undefined }
    })
    this.use(wideDeletes)
    // After wideDeletes, so it runs first: its parts then stand for the request's whole report.
    this.use(partsByPrefix)
    this.use(pendingTransactions)
  }
}

/** Deletes of more keys than this are reported to live queries as "the table changed". */
export const WIDE_DELETE = 50

/**
 * Dexie tells live queries which keys a transaction touched. A put of 50 rows or more is reported
 * as the whole table, but a delete reports every key: undoing a large import gives a set of one
 * range per row that every live query (one per table and open plan) copies and merges when the
 * transaction ends, in one long task. A wide delete is reported as the whole table instead, as a
 * wide put is: the delete's keys then merge into one range. (Dexie's observability middleware takes
 * the request's mutatedParts as its starting set; this middleware runs before it.)
 */
const wideDeletes: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WideDeletes',
  create: (core) => ({
    ...core,
    table: (tableName) => {
      const table = core.table(tableName)
      const part = (index: string) => `idb://${core.schema.name}/${tableName}/${index}`
      return {
        ...table,
        mutate: (req) => {
          if (req.type !== 'delete' || req.keys.length <= WIDE_DELETE || req.mutatedParts)
            return table.mutate(req)
          const whole = () => new RangeSet(core.MIN_KEY, core.MAX_KEY)
          return table.mutate({ ...req, mutatedParts: { [part('')]: whole(), [part(':dels')]: whole() } })
        }
      }
    }
  })
}

/**
 * Stores whose writes are reported to live queries by a prefix of their compound keys, with the
 * prefix's length: packs by table and plan, history parts by entry. Every write of a commit is a
 * request of a few packs (each a few hundred rows), so Dexie reported a key per pack, per
 * index: undoing a 100,000-row import touched ~500 packs, and each live query merged those keys
 * into its own set in the task the transaction ended in (bench:import-ui's last long task of the
 * undo). What observes these stores reads whole prefixes (a plan's packs of one table: rows.ts's
 * observeRows), so a range per prefix tells them exactly what the keys did.
 */
export const REPORTED_BY_PREFIX: Readonly<Record<string, number>> = { packs: 2, historyParts: 1 }

const partsByPrefix: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PartsByPrefix',
  create: (core) => ({
    ...core,
    table: (tableName) => {
      const table = core.table(tableName)
      const length = REPORTED_BY_PREFIX[tableName]
      if (!length) return table
      const { primaryKey, indexes } = table.schema
      const part = (index: string) => `idb://${core.schema.name}/${tableName}/${index}`
      return {
        ...table,
        mutate: (req) => {
          if (req.mutatedParts || req.type === 'deleteRange') return table.mutate(req)
          const keys: unknown[] =
            req.type === 'delete' ? req.keys : req.values.map((v) => primaryKey.extractKey!(v))
          const byPrefix = new RangeSet()
          const seen = new Set<string>()
          for (const key of keys) {
            const prefix = (key as unknown[]).slice(0, length)
            const text = JSON.stringify(prefix)
            if (seen.has(text)) continue
            seen.add(text)
            // [...prefix] sorts before every longer key that starts with it, [...prefix, []] after.
            byPrefix.add({ from: prefix, to: [...prefix, []] } as unknown as RangeSet)
          }
          const whole = () => new RangeSet(core.MIN_KEY, core.MAX_KEY)
          // Secondary indexes (a plan's packs by plan id) as a whole: nothing live reads by them.
          const mutatedParts: Record<string, RangeSet> = {
            [part('')]: byPrefix,
            [part(':dels')]: new RangeSet().add(byPrefix)
          }
          for (const index of indexes) mutatedParts[part(index.name ?? '')] = whole()
          return table.mutate({ ...req, mutatedParts })
        }
      }
    }
  })
}

export const db = new QuartermasterDB()

// A newer Quartermaster window wants to upgrade the schema: let it, and tell this window to reload
// instead of writing into a database that is about to change under it.
db.on('versionchange', () => {
  db.close()
  storageNotices.forEach((l) =>
    l(describeStorageError(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' })))
  )
  return false
})

type Notice = (problem: StorageProblem) => void
const storageNotices = new Set<Notice>()
/** Subscribes to storage problems that are not the answer to a particular write (upgrade elsewhere). */
export function onStorageNotice(listener: Notice): () => void {
  storageNotices.add(listener)
  return () => storageNotices.delete(listener)
}

/** Tables that hold per-plan rows, keyed like PlanData. */
export const PLAN_TABLES = ENTITY_TABLES

/** A plan's tables beside PlanData (actuals, cost centres): committed, backed up and deleted with it. */
export { SIDE_TABLES }

/**
 * Why a write failed or was refused, as a key of the 'storage' strings and the values they name:
 * db/ writes no sentences; the window puts it in its language (components/error-text.ts).
 */
export type StorageProblem = {
  key:
    | 'quota'
    | 'newerVersion'
    | 'blocked'
    | 'duplicate'
    | 'failed'
    | 'redoPromotionStale'
    | 'undoPromotionStale'
    | 'planGone'
    | 'entryGone'
    | 'deletedGone'
    | 'nothingToUndo'
    | 'nothingToRedo'
    | 'undoConflict'
    | 'redoConflict'
    | 'alreadyUndone'
    | 'revertTouched'
    | 'revertReferenced'
    | 'mergeClash'
    | 'nameEmpty'
    | 'nameTooLong'
    | 'identityExists'
    | 'notAScenario'
  values?: Readonly<Record<string, string | number>>
}

/** An error's message when it carries a problem: its key and values, for logs and tests. */
export const problemMessage = (p: StorageProblem): string =>
  [p.key, ...Object.values(p.values ?? {})].join(': ')

/** Names the Dexie error a planner can act on (a full disk, a newer app, another window). */
export function describeStorageError(err: unknown): StorageProblem {
  const name = err instanceof Error ? err.name : ''
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return { key: 'quota' }
  if (name === 'VersionError' || name === 'UpgradeError') return { key: 'newerVersion' }
  if (name === 'DatabaseClosedError' || name === 'BlockedError' || inner === 'BlockedError') {
    return { key: 'blocked' }
  }
  if (name === 'ConstraintError') return { key: 'duplicate' }
  return { key: 'failed', values: { detail: err instanceof Error ? err.message : String(err) } }
}
