import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { clonePlanData } from '@shared/planning/clone'
import type { ActualSum } from '@shared/actuals/types'
import { centreMapping } from '@shared/actuals/merge'
import Dexie from 'dexie'
import { db, QuartermasterDB, SCHEMA_VERSIONS } from './db'
import { redo, undo } from './commit'
import { createPlanFromData, deletePlan } from './plans'
import { actualsOverlap, actualsOwner, commitActualsImport } from './actuals'
import { branchScenario, deletePlanTree, promoteToBaseline, restoreDeleted, undoPromotion } from './scenarios'
import { loadPlanData } from './plan-data'
import { actualsForPlan, planVsActual } from '@shared/actuals/variance'
import { collectBackup, collectBackupText, restoreReplace } from './backup'
import { loadEntry } from './history-store'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

const plan = smallPlan()
const phase = plan.phases[0].id
const quarter = plan.plan.quarters[0]
const source = { fileName: 'buchungen.xlsx', fingerprint: 'sha256:1', importedAt: '2026-04-01T00:00:00.000Z' }
const sums = (eurCents: number): ActualSum[] => [
  {
    phaseId: phase,
    workstreamId: null,
    quarter,
    category: '6815',
    eurCents,
    chfCents: 500,
    chfBaseCents: 535,
    chfToEur: 1.07,
    bookings: 3
  }
]

async function seed() {
  await createPlanFromData(plan)
  const scenario = clonePlanData(plan, { newPlanId: 's1', name: 'What if', now: '2026-01-01T00:00:00.000Z' })
  await createPlanFromData(scenario)
}

describe('actuals in the database', () => {
  it('an import is one undoable history entry of the base plan, with its centres remembered', async () => {
    await seed()
    // Imported while the scenario is open: the actuals belong to its base plan.
    const seq = await commitActualsImport({
      planId: 's1',
      sums: sums(1000),
      source,
      mode: 'replace',
      centres: [
        centreMapping('p', '4100 foundation', '4100 Foundation', { phaseId: phase, workstreamId: null })
      ],
      bookings: 3
    })
    const entry = await loadEntry(seq!)
    expect(entry).toMatchObject({ planId: 'p', kind: 'import', summary: { key: 'importActuals' } })
    expect(entry!.changes.map((c) => c.table)).toEqual(['actuals', 'costCentres'])
    expect(await db.actuals.where('planId').equals('p').toArray()).toEqual([
      expect.objectContaining({ phaseId: phase, eurCents: 1000, chfCents: 500, bookings: 3, source })
    ])
    expect(await actualsOverlap('s1', [quarter])).toEqual([quarter])
    await undo('p')
    expect(await db.actuals.count()).toBe(0)
    expect(await db.costCentres.count()).toBe(0)
    await redo('p')
    expect(await db.actuals.count()).toBe(1)
    expect(await db.costCentres.count()).toBe(1)
  })

  it('importing the same quarter again replaces or adds', async () => {
    await seed()
    const base = { planId: 'p', source, centres: [], bookings: 3 }
    await commitActualsImport({ ...base, sums: sums(1000), mode: 'replace' })
    await commitActualsImport({ ...base, sums: sums(50), mode: 'add' })
    expect((await db.actuals.toArray()).map((a) => [a.eurCents, a.bookings])).toEqual([[1050, 6]])
    await commitActualsImport({ ...base, sums: sums(7), mode: 'replace' })
    expect((await db.actuals.toArray()).map((a) => [a.eurCents, a.bookings])).toEqual([[7, 3]])
    await undo('p')
    expect((await db.actuals.toArray()).map((a) => a.eurCents)).toEqual([1050])
  })

  it('backups carry actuals and cost centres, and a restore brings them back', async () => {
    await seed()
    await commitActualsImport({
      planId: 'p',
      sums: sums(1000),
      source,
      mode: 'replace',
      centres: [centreMapping('p', 'kst 1', 'KST 1', { phaseId: phase, workstreamId: null })],
      bookings: 3
    })
    const payload = await collectBackup()
    const text = JSON.parse((await collectBackupText()).join(''))
    const p = text.plans.find((x: { plan: { id: string } }) => x.plan.id === 'p')
    expect(p.actuals).toHaveLength(1)
    expect(p.costCentres).toEqual([expect.objectContaining({ label: 'KST 1' })])
    expect(payload.plans.find((x) => x.plan.id === 'p')).toMatchObject({ actuals: [expect.anything()] })
    await wipe()
    await restoreReplace(text)
    expect(await db.actuals.count()).toBe(1)
    expect(await db.costCentres.count()).toBe(1)
    await deletePlan('p')
    expect(await db.actuals.count()).toBe(0)
  })
})

describe('actuals when scenarios are promoted and plans deleted', () => {
  const imported = () =>
    commitActualsImport({
      planId: 'p',
      sums: sums(1000),
      source,
      mode: 'replace',
      centres: [centreMapping('p', 'kst 1', 'KST 1', { phaseId: phase, workstreamId: null })],
      bookings: 3
    })

  it('a promoted scenario takes the actuals with it: the baseline shows them, the archived copy sees them as a scenario', async () => {
    await createPlanFromData(plan)
    await imported()
    const s = await branchScenario('p', 'Cheaper')
    const promoted = await promoteToBaseline(s, 'Before Cheaper')
    const actuals = await db.actuals.toArray()
    expect(actuals.map((a) => a.planId)).toEqual(['p'])
    expect(await actualsOwner(promoted.archivedId)).toBe('p')
    const base = (await loadPlanData('p'))!
    expect(base.phases.some((x) => x.id === actuals[0].phaseId)).toBe(true)
    // EUR 10.00 + CHF 5.00 at 1.07
    expect(planVsActual(base, actualsForPlan(base, actuals)).total.actualCents).toBe(1535)
    const archived = (await loadPlanData(promoted.archivedId))!
    expect(planVsActual(archived, actualsForPlan(archived, actuals)).total.actualCents).toBe(1535)
    await undoPromotion(promoted)
    expect((await db.actuals.toArray()).map((a) => a.planId)).toEqual(['p'])
    expect(await actualsOwner(s)).toBe('p')
  })

  it('deleting a plan tree removes its actuals and centres, and restoring it brings them back', async () => {
    await createPlanFromData(plan)
    await imported()
    const s = await branchScenario('p', 'Cheaper')
    // Deleting a scenario leaves the base's actuals.
    await deletePlanTree(s)
    expect(await db.actuals.count()).toBe(1)
    await deletePlanTree('p', { keep: true })
    expect(await db.actuals.count()).toBe(0)
    expect(await db.costCentres.count()).toBe(0)
    const key = (await db.settings.where('key').startsWith('deleted:').primaryKeys())[0] as string
    await restoreDeleted(key)
    expect(await db.actuals.where('planId').equals('p').count()).toBe(1)
    expect(await db.costCentres.where('planId').equals('p').count()).toBe(1)
  })
})

describe('schema version 3: actuals and cost centres', () => {
  it('opens a version-2 database with its plans intact and empty actuals', async () => {
    const name = `qm-v3-${Date.now()}`
    const v2 = new QuartermasterDB(name, SCHEMA_VERSIONS.slice(0, 2))
    await v2.plans.add(plan.plan)
    await v2.table('budgetLines').bulkAdd(plan.budgetLines)
    v2.close()
    const v3 = new QuartermasterDB(name)
    const lines = (await v3.packs.toArray()).flatMap((p) => (p.table === 'budgetLines' ? p.rows : []))
    expect(lines.filter((l) => l.planId === 'p').length).toBe(plan.budgetLines.length)
    expect(await v3.actuals.where('[planId+quarter]').equals(['p', quarter]).count()).toBe(0)
    expect(await v3.costCentres.count()).toBe(0)
    v3.close()
    await Dexie.delete(name)
  })
})
