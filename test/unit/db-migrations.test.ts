// Databases that earlier versions of Quartermaster wrote (test/fixtures/db, made by
// scripts/db-fixtures/make.ts with each version's own code) open in today's code without loss,
// and their history still undoes and redoes. Shipped schema versions stay as they shipped.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { SIDE_TABLES, type EntityChange, type HistoryEntry } from '@shared/planning/types'
import { DB_NAME, SCHEMA_VERSIONS, db, PLAN_TABLES, type RowPack } from '../../src/renderer/src/db/db'
import { canRedo, redo, undo } from '../../src/renderer/src/db/commit'
import { loadEntry } from '../../src/renderer/src/db/history-store'
import { tableRows } from '../../src/renderer/src/db/testing'

/**
 * Every schema version as it shipped, frozen: a released version is never edited again (v2 was,
 * once, before this test: its first form is kept below as V2_FIRST_FORM). Add new versions here
 * when they ship.
 */
type Frozen = { version: number; stores: Record<string, string | null>; upgrade: boolean }
const SHIPPED_VERSIONS: Frozen[] = [
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
    },
    upgrade: false
  },
  {
    version: 2,
    stores: { history: '++seq, planId, [planId+seq], undoneOf', historyParts: '[seq+part], planId' },
    upgrade: true
  },
  {
    version: 3,
    stores: { actuals: 'id, planId, [planId+quarter]', costCentres: 'id, planId' },
    upgrade: false
  },
  { version: 4, stores: {}, upgrade: true },
  { version: 5, stores: { packs: '[table+planId+bucket], planId, [table+bucket]' }, upgrade: true },
  { version: 6, stores: { allocations: null, budgetLines: null }, upgrade: false }
]
const V2_FIRST_FORM = { version: 2, stores: { history: '++seq, planId, [planId+seq], undoneOf' } }

/**
 * The schema each fixture's code declared (versions in order), and whether that code numbered risks
 * and budget lines (version 4 on: today's code must keep their order as written).
 */
type Form = { versions: Pick<Frozen, 'version' | 'stores'>[]; numbered: boolean }
const upTo = (version: number): Form => ({
  versions: SHIPPED_VERSIONS.filter((v) => v.version <= version),
  numbered: version >= 4
})
const FORMS: Record<string, Form> = {
  v1: upTo(1),
  'v2-undoneOf': { versions: [SHIPPED_VERSIONS[0]!, V2_FIRST_FORM], numbered: false },
  'v2-historyParts': upTo(2),
  v3: upTo(3),
  v4: upTo(4),
  // Versions 5 and 6 shipped together (see scripts/db-fixtures/make.ts): no v5 database exists.
  v6: upTo(6)
}

type Fixture = {
  form: string
  dexieVersion: number
  stores: Record<string, string>
  tables: Record<string, Record<string, unknown>[]>
}
type StoredEntry = HistoryEntry & { undoneOf?: string; partCount?: number; changeCount?: number }

const fixture = (form: string): Fixture =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/db', `${form}.json`), 'utf8')) as Fixture

/** Writes the fixture's rows into a database declared exactly as its version declared it. */
async function writeOldDatabase(f: Fixture): Promise<void> {
  db.close()
  await Dexie.delete(DB_NAME)
  const old = new Dexie(DB_NAME)
  for (const v of FORMS[f.form]!.versions) old.version(v.version).stores(v.stores)
  await old.open()
  expect(Object.fromEntries(old.tables.map((t) => [t.name, storesOf(t)]))).toEqual(f.stores)
  for (const [table, rows] of Object.entries(f.tables)) if (rows.length) await old.table(table).bulkPut(rows)
  old.close()
}

const storesOf = (t: Dexie.Table) => [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')

/** An entry as it was committed: its changes inline, or put back together from its parts. */
function committed(f: Fixture, entry: StoredEntry): HistoryEntry {
  const { undoneOf: _u, partCount, changeCount: _c, ...rest } = entry
  if (!partCount) return rest
  const parts = (f.tables['historyParts'] as { seq: number; part: number; changes: EntityChange[] }[])
    .filter((p) => p.seq === entry.seq)
    .sort((a, b) => a.part - b.part)
  return { ...rest, changes: parts.flatMap((p) => p.changes) }
}

const byId = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) => String(a['id'] ?? a['key']).localeCompare(String(b['id'] ?? b['key'])))

/** Version 4 gave risks and budget lines an order (numbered, tested in db.test.ts): the rest is as written. */
const NUMBERED = new Set(['risks', 'budgetLines'])
function withoutOrder(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (!NUMBERED.has(table)) return row
  expect(Number.isInteger(row['order']), `${table} ${String(row['id'])} has an order`).toBe(true)
  const { order: _o, ...rest } = row
  return rest
}
const rowsWithoutOrder = (table: string, rows: Record<string, unknown>[]) =>
  rows.map((r) => withoutOrder(table, r))
function entryWithoutOrder(entry: HistoryEntry): HistoryEntry {
  const strip = (table: string, row: unknown) =>
    row === null ? null : withoutOrder(table, row as Record<string, unknown>)
  return {
    ...entry,
    changes: entry.changes.map(
      (c) => ({ ...c, before: strip(c.table, c.before), after: strip(c.table, c.after) }) as EntityChange
    )
  }
}

afterAll(async () => {
  db.close()
  await Dexie.delete(DB_NAME)
  await db.open()
})

/** The fixture's rows of a table: from its packs where that code stored the table packed. */
function fixtureRows(f: Fixture, table: string): Record<string, unknown>[] {
  if (f.tables[table]) return f.tables[table]
  const packs = (f.tables['packs'] ?? []) as unknown as RowPack[]
  return packs.filter((p) => p.table === table).flatMap((p) => p.rows)
}

/** Stores that hold no rows of their own to compare: history is checked entry by entry. */
const NOT_ROWS = new Set(['history', 'historyParts', 'packs'])

describe('databases written by earlier versions', () => {
  for (const [form, { numbered }] of Object.entries(FORMS)) {
    it(`${form}: today's code opens it with every row, and its history undoes and redoes`, async () => {
      const f = fixture(form)
      // Rows and entries as the fixture holds them: without the order version 4 gave them where
      // the old code wrote none, exactly as written where it did.
      const asWritten = (table: string, rows: Record<string, unknown>[]) =>
        numbered ? rows : rowsWithoutOrder(table, rows)
      await writeOldDatabase(f)
      await db.open()
      expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)

      const compared = ['plans', 'mappings', 'settings', ...PLAN_TABLES, ...SIDE_TABLES]
      expect(Object.keys(f.tables).filter((t) => !NOT_ROWS.has(t) && !compared.includes(t))).toEqual([])
      for (const table of ['plans', 'mappings', 'settings']) {
        expect(byId(asWritten(table, await db.table(table).toArray())), table).toEqual(
          byId(fixtureRows(f, table))
        )
      }
      // Allocations and budget lines are stored packed since version 6: compared row by row.
      for (const table of [...PLAN_TABLES, ...SIDE_TABLES]) {
        expect(byId(asWritten(table, await tableRows(table).toArray())), table).toEqual(
          byId(fixtureRows(f, table))
        )
      }
      // v2's first form had no historyParts store: the database has it now (readable and empty).
      expect(await db.historyParts.count()).toBe(f.tables['historyParts']?.length ?? 0)
      const entries = f.tables['history'] as StoredEntry[]
      expect(await db.history.count()).toBe(entries.length)
      for (const entry of entries) {
        const loaded = (await loadEntry(entry.seq!))!
        expect(numbered ? loaded : entryWithoutOrder(loaded)).toEqual(committed(f, entry))
      }

      const builtin = 'freshfoodz'
      const imported = entries.find((e) => e.summary.key === 'history.import')!
      const importedIds = committed(f, imported).changes.map((c) => c.id)
      expect(importedIds.length).toBeGreaterThan(1_000)
      const scenario = (f.tables['plans'] as { id: string; baseId: string | null }[]).find((p) => p.baseId)
      expect(scenario?.baseId).toBe(builtin)

      // The rename was undone when the old version wrote the database: it is still redo-able.
      expect(await canRedo(builtin)).toBe(true)
      // Undo the amount edit, then the import: its 1,050 lines go, the scenario keeps its own.
      await undo(builtin)
      const undoneImport = await undo(builtin)
      expect(undoneImport.kind).toBe('import')
      expect(await tableRows('budgetLines').bulkGet(importedIds)).toEqual(importedIds.map(() => undefined))
      expect(await tableRows('budgetLines').inPlan(scenario!.id).count()).toBe(
        fixtureRows(f, 'budgetLines').filter((l) => l['planId'] === scenario!.id).length
      )
      // From v3 on, the actual costs imported before: undone they go, redone they are back as written.
      if (fixtureRows(f, 'actuals').length) {
        expect((await undo(builtin)).summary.key).toBe('importActuals')
        expect(await tableRows('actuals').count()).toBe(0)
        expect(await tableRows('costCentres').count()).toBe(0)
        await redo(builtin)
        for (const table of SIDE_TABLES)
          expect(byId(await tableRows(table).toArray()), table).toEqual(byId(fixtureRows(f, table)))
      }
      // Redo brings them back, as they were.
      await redo(builtin)
      const redone = (await tableRows('budgetLines').bulkGet(importedIds)) as Record<string, unknown>[]
      expect(byId(asWritten('budgetLines', redone))).toEqual(
        byId(committed(f, imported).changes.map((c) => c.after as Record<string, unknown>))
      )
    })
  }
})

describe('shipped schema versions', () => {
  it('are never edited: each keeps the stores it shipped with (new versions are only added)', () => {
    const today = SCHEMA_VERSIONS.slice(0, SHIPPED_VERSIONS.length).map((v) => ({
      version: v.version,
      stores: v.stores,
      upgrade: v.upgrade !== undefined
    }))
    expect(today).toEqual(SHIPPED_VERSIONS)
  })

  it('are numbered in order, each above the one before', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(new Set(numbers).size).toBe(numbers.length)
  })
})
