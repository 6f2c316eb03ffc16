// Databases that earlier versions of Quartermaster wrote (test/fixtures/db, made by
// scripts/db-fixtures/make.ts with each version's own code) open in today's code without loss,
// and their history still undoes and redoes. Shipped schema versions stay as they shipped.
import 'fake-indexeddb/auto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import type { EntityChange, HistoryEntry } from '@shared/planning/types'
import { DB_NAME, SCHEMA_VERSIONS, db, PLAN_TABLES } from '../../src/renderer/src/db/db'
import { canRedo, redo, undo } from '../../src/renderer/src/db/commit'
import { loadEntry } from '../../src/renderer/src/db/history-store'
import { tableRows } from '../../src/renderer/src/db/testing'

/**
 * Every schema version as it shipped, frozen: a released version is never edited again (v2 was,
 * once, before this test: its first form is kept below as V2_FIRST_FORM). Add new versions here
 * when they ship.
 */
type Frozen = { version: number; stores: Record<string, string>; upgrade: boolean }
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
  }
]
const V2_FIRST_FORM = { version: 2, stores: { history: '++seq, planId, [planId+seq], undoneOf' } }

/** The schema each fixture's code declared (versions in order). */
const FORMS: Record<string, Pick<Frozen, 'version' | 'stores'>[]> = {
  v1: [SHIPPED_VERSIONS[0]!],
  'v2-undoneOf': [SHIPPED_VERSIONS[0]!, V2_FIRST_FORM],
  'v2-historyParts': [SHIPPED_VERSIONS[0]!, SHIPPED_VERSIONS[1]!]
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
  for (const v of FORMS[f.form]!) old.version(v.version).stores(v.stores)
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

describe('databases written by earlier versions', () => {
  for (const form of Object.keys(FORMS)) {
    it(`${form}: today's code opens it with every row, and its history undoes and redoes`, async () => {
      const f = fixture(form)
      await writeOldDatabase(f)
      await db.open()
      expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version)

      for (const table of ['plans', 'mappings', 'settings']) {
        expect(byId(rowsWithoutOrder(table, await db.table(table).toArray())), table).toEqual(
          byId(f.tables[table] ?? [])
        )
      }
      // Allocations and budget lines are stored packed since version 6: compared row by row.
      for (const table of PLAN_TABLES) {
        expect(byId(rowsWithoutOrder(table, await tableRows(table).toArray())), table).toEqual(
          byId(f.tables[table] ?? [])
        )
      }
      // v2's first form had no historyParts store: the database has it now (readable and empty).
      expect(await db.historyParts.count()).toBe(f.tables['historyParts']?.length ?? 0)
      const entries = f.tables['history'] as StoredEntry[]
      expect(await db.history.count()).toBe(entries.length)
      for (const entry of entries)
        expect(entryWithoutOrder((await loadEntry(entry.seq!))!)).toEqual(committed(f, entry))

      const builtin = 'freshfoodz'
      const imported = entries.find((e) => e.kind === 'import')!
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
        f.tables['budgetLines']!.filter((l) => l['planId'] === scenario!.id).length
      )
      // Redo brings them back, as they were.
      await redo(builtin)
      const redone = (await tableRows('budgetLines').bulkGet(importedIds)) as Record<string, unknown>[]
      expect(byId(rowsWithoutOrder('budgetLines', redone))).toEqual(
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
