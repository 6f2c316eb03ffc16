// Runs INSIDE a checkout of an old commit (see make.ts): that commit's own Dexie code writes the
// built-in plan, a scenario, an import of actual costs (where the code has them), an import (long
// enough for history in parts where the code has them), an edit and an undone edit, into
// fake-indexeddb; then every store is dumped to a JSON file as it holds them.
// Usage (from the old checkout): tsx --tsconfig tsconfig.web.json write-old-db.ts OLD_ROOT OUT.json FORM
import 'fake-indexeddb/auto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Row = Record<string, unknown> & { id: string; planId: string }
type Data = Record<string, unknown> & { plan: Row & { name: string }; budgetLines: Row[]; phases: Row[] }
type Change = { table: string; id: string; before: unknown; after: unknown }

const [root, out, form] = process.argv.slice(2)
if (!root || !out || !form) throw new Error('usage: write-old-db.ts OLD_ROOT OUT.json FORM')
const load = (rel: string) => import(pathToFileURL(join(root, rel)).href)

/** Rows an import adds: more than 1,000, so code that has history parts stores the entry in parts. */
const IMPORT_LINES = 1_050

const { db } = await load('src/renderer/src/db/db.ts')
const plans = await load('src/renderer/src/db/plans.ts')
const commit = await load('src/renderer/src/db/commit.ts')
const seed = await load('src/shared/planning/seed/freshfoodz.ts')

// The built-in plan as that version wrote it on first start.
const builtinId: string = await plans.ensureBuiltinPlan()
const base: Data = seed.buildFreshFoodzPlan({ planId: builtinId })

// A scenario: with that version's own branching where it has one, else a plan with a base.
if (existsSync(join(root, 'src/renderer/src/db/scenarios.ts'))) {
  const scenarios = await load('src/renderer/src/db/scenarios.ts')
  await scenarios.branchScenario(builtinId, 'Scenario before the import')
} else {
  const copyId = (id: string) => `scn-${id}`
  const copy: Record<string, unknown> = {
    plan: { ...base.plan, id: 'scn', name: 'Scenario before the import', builtin: false, baseId: builtinId }
  }
  for (const [table, rows] of Object.entries(base)) {
    if (table === 'plan') continue
    copy[table] = (rows as Row[]).map((r) => ({ ...r, id: copyId(r.id), planId: 'scn' }))
  }
  await plans.createPlanFromData(copy)
}

// Actual costs where the code has them (schema v3 on): two quarters, EUR and CHF, and the cost
// centres placed, as one import entry of the built-in plan.
if (existsSync(join(root, 'src/renderer/src/db/actuals.ts'))) {
  const actuals = await load('src/renderer/src/db/actuals.ts')
  const [p0, p1] = base.phases
  const ws = (base.workstreams as Row[])[0]!
  const rate = base.plan['chfToEur'] as number
  const sum = (phaseId: string, workstreamId: string | null, quarter: unknown, eur: number, chf: number) => ({
    phaseId,
    workstreamId,
    quarter,
    category: 'Fremdleistungen',
    eurCents: eur,
    chfCents: chf,
    chfBaseCents: Math.round(chf * rate),
    chfToEur: rate,
    bookings: 3
  })
  const quarters = base.plan['quarters'] as string[]
  await actuals.commitActualsImport({
    planId: builtinId,
    sums: [
      sum(p0!.id, null, quarters[0], 1_234_56, 0),
      sum(p1!.id, ws.id, quarters[1], 98_765_43, 10_000_00)
    ],
    source: {
      fileName: 'buchungen-2026.xlsx',
      fingerprint: 'fixture',
      importedAt: '2026-04-02T08:00:00.000Z'
    },
    mode: 'replace',
    centres: [
      {
        id: 'cc-4711',
        planId: builtinId,
        centre: '4711',
        label: '4711 Plattform',
        phaseId: p0!.id,
        workstreamId: null
      },
      {
        id: 'cc-4712',
        planId: builtinId,
        centre: '4712',
        label: '4712 Scale',
        phaseId: p1!.id,
        workstreamId: ws.id
      }
    ],
    bookings: 6
  })
}

// An import: new budget lines in the first phase.
const line = base.budgetLines[0]!
const added: Change[] = Array.from({ length: IMPORT_LINES }, (_, i) => {
  const after = { ...line, id: `imported-${String(i).padStart(4, '0')}`, name: `Imported line ${i + 1}` }
  return { table: 'budgetLines', id: after.id, before: null, after }
})
await commit.commitChanges(
  builtinId,
  'import',
  { key: 'history.import', values: { count: IMPORT_LINES } },
  added
)

// An edit that stays, and one that is undone (redo-able).
// Where the code stores budget lines packed (v6 on), its rows module reads them.
const readLine = existsSync(join(root, 'src/renderer/src/db/rows.ts'))
  ? async (id: string) =>
      ((await (await load('src/renderer/src/db/rows.ts')).allRows('budgetLines')) as Row[]).find(
        (r) => r.id === id
      )
  : (id: string) => db.budgetLines.get(id)
const first = (await readLine(line.id)) as Row & { amountCents: number }
await commit.commitChanges(builtinId, 'edit', { key: 'history.editAmount', values: {} }, [
  {
    table: 'budgetLines',
    id: first.id,
    before: first,
    after: { ...first, amountCents: first.amountCents + 100 }
  }
])
const renamed = (await db.plans.get(builtinId)) as Row
await commit.commitChanges(builtinId, 'edit', { key: 'history.renamePlan', values: {} }, [
  { table: 'plans', id: builtinId, before: renamed, after: { ...renamed, name: 'Renamed, then undone' } }
])
await commit.undo(builtinId)

const tables: Record<string, unknown[]> = {}
for (const table of db.tables as { name: string; toArray: () => Promise<unknown[]> }[]) {
  tables[table.name] = await table.toArray()
}
const stores = Object.fromEntries(
  (db.tables as { name: string; schema: { primKey: { src: string }; indexes: { src: string }[] } }[]).map(
    (t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')]
  )
)
writeFileSync(out, `${JSON.stringify({ form, dexieVersion: db.verno, stores, tables })}\n`)
db.close()
