import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { moveAllocation, moveBudgetLine, setBudgetAmount } from '@shared/planning/moves'
import { comparePlans } from '@shared/planning/compare'
import { actualsForPlan } from '@shared/actuals/variance'
import { removePhase } from '@shared/planning/edit'
import { db } from './db'
import { commitChanges, undo } from './commit'
import { createPlanFromData } from './plans'
import { loadPlanData } from './plan-data'
import {
  applyEntriesToBase,
  branchScenario,
  deletePlanTree,
  duplicateScenario,
  latestSeq,
  promoteToBaseline,
  redoLatest,
  restoreDeleted,
  undoLatest,
  renamePlan,
  restoreSnapshot,
  undoPromotion
} from './scenarios'
import { tableRows } from './testing'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

const load = async (id: string) => (await loadPlanData(id))!
const byOrigin = <T extends { originId?: string; id: string }>(rows: T[], origin: string) =>
  rows.find((r) => r.originId === origin)!

describe('branching', () => {
  it('copies the whole plan with new ids, its base and the base history seq it branched from', async () => {
    const base = smallPlan()
    await createPlanFromData(base)
    await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(base, 'l1', 100))
    const seq = await latestSeq('p')
    const id = await branchScenario('p', '  Early DevOps  ')
    const s = await load(id)
    expect(s.plan).toMatchObject({
      name: 'Early DevOps',
      baseId: 'p',
      branchedAtSeq: seq,
      archived: false,
      builtin: false
    })
    expect(s.allocations).toHaveLength(4)
    expect(s.allocations.every((a) => a.planId === id && a.id !== a.originId)).toBe(true)
    expect(byOrigin(s.budgetLines, 'l1').amountCents).toBe(100)
    expect(comparePlans(await load('p'), s).shareDeltas).toEqual([])
  })

  it('refuses an empty name', async () => {
    await createPlanFromData(smallPlan())
    await expect(branchScenario('p', '   ')).rejects.toMatchObject({ code: 'invalid-name' })
  })

  it('keeps scenario and base apart: edits in one never touch the other', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    const chip = byOrigin(s.allocations, 'x1')
    await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveAllocation(s, chip.id, { quarter: '2026-Q2' })
    )
    expect((await load('p')).allocations.find((a) => a.id === 'x1')!.quarter).toBe('2025-Q4')
    const base = await load('p')
    await commitChanges('p', 'edit', { key: 'e', values: {} }, setBudgetAmount(base, 'l2', 1))
    expect(byOrigin((await load(id)).budgetLines, 'l2').amountCents).toBe(30_000)
    expect((await load(id)).allocations.find((a) => a.id === chip.id)!.quarter).toBe('2026-Q2')
    expect(await db.history.where('planId').equals(id).count()).toBe(1)
    expect(await db.history.where('planId').equals('p').count()).toBe(1)
  })
})

describe('rename, duplicate, delete', () => {
  it('renames as an undoable history entry, which never travels to the base', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    const seq = await renamePlan(id, 'T')
    expect((await db.plans.get(id))!.name).toBe('T')
    expect(await renamePlan(id, 'T')).toBeUndefined()
    const r = await applyEntriesToBase(id, [seq!])
    expect(r).toMatchObject({ ok: true, seq: undefined, applied: [seq] })
    expect((await db.plans.get('p'))!.name).toBe('Test plan')
    await undo(id)
    expect((await db.plans.get(id))!.name).toBe('S')
  })

  it('duplicates a scenario beside it, under the same base, from the same branch point', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveBudgetLine(s, byOrigin(s.budgetLines, 'l1').id, { quarter: '2026-Q3' })
    )
    const dup = await duplicateScenario(id, 'S copy')
    const d = await load(dup)
    expect(d.plan).toMatchObject({ baseId: 'p', branchedAtSeq: s.plan.branchedAtSeq, name: 'S copy' })
    expect(byOrigin(d.budgetLines, 'l1').quarter).toBe('2026-Q3')
    expect(comparePlans(await load(id), d).budgetDeltas).toEqual([])
  })

  it('deletes a plan with its scenarios and restores all of it, history included', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    await commitChanges(
      id,
      'edit',
      { key: 'a', values: {} },
      setBudgetAmount(s, byOrigin(s.budgetLines, 'l1').id, 5)
    )
    const nested = await branchScenario(id, 'S2')
    const snapshot = await deletePlanTree(id)
    expect(snapshot.plans.map((p) => p.id).sort()).toEqual([id, nested].sort())
    expect(await db.plans.count()).toBe(1)
    expect(await tableRows('allocations').count()).toBe(4)
    await restoreSnapshot(snapshot)
    expect(await db.plans.count()).toBe(3)
    expect(byOrigin((await load(id)).budgetLines, 'l1').amountCents).toBe(5)
    expect(await db.history.where('planId').equals(id).count()).toBe(1)
  })
})

describe('promotion', () => {
  it('makes the scenario the baseline, keeps the old one archived, and can be undone', async () => {
    const original = smallPlan()
    await createPlanFromData(original)
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveAllocation(s, byOrigin(s.allocations, 'x1').id, { quarter: '2026-Q2' }, 2_500)
    )
    const r = await promoteToBaseline(id, 'Test plan (before S)')
    const base = await load('p')
    expect(base.plan.name).toBe('Test plan')
    expect(base.plan.baseId).toBeNull()
    expect(base.allocations.find((a) => a.id === 'x1')!.shareBp).toBe(2_500)
    expect(base.allocations.filter((a) => a.quarter === '2026-Q2' && a.roleId === 'r1')).toHaveLength(1)
    expect(await db.plans.get(id)).toBeUndefined()
    const archived = await load(r.archivedId)
    expect(archived.plan).toMatchObject({ archived: true, baseId: 'p', name: 'Test plan (before S)' })
    expect(comparePlans(original, archived).shareDeltas).toEqual([])
    const entry = await db.history.get(r.seq!)
    expect(entry).toMatchObject({ planId: 'p', kind: 'promote' })

    await undoPromotion(r)
    expect(await db.plans.get(r.archivedId)).toBeUndefined()
    expect((await load('p')).allocations).toEqual(expect.arrayContaining(original.allocations))
    expect(byOrigin((await load(id)).allocations, 'x1').shareBp).toBe(2_500)
  })

  it('a phase the scenario removed takes the base’s actual costs and cost centres to where its work went, and undo brings them back', async () => {
    await createPlanFromData(smallPlan())
    const source = { fileName: 'bookings.xlsx', fingerprint: 'f', importedAt: '2026-01-01T00:00:00Z' }
    const spent = { planId: 'p', category: '', eurCents: 5_000, chfCents: 0, bookings: 2, source }
    await db.actuals.bulkAdd([
      { ...spent, id: 'a1', phaseId: 'ph1', workstreamId: 'a', quarter: '2025-Q4' },
      { ...spent, id: 'a2', phaseId: 'ph2', workstreamId: 'c', quarter: '2026-Q1' }
    ])
    await db.costCentres.add({
      id: 'c1',
      planId: 'p',
      centre: '4711',
      label: '4711',
      phaseId: 'ph1',
      workstreamId: null
    })
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    const ph1 = byOrigin(s.phases, 'ph1').id
    const ph2 = byOrigin(s.phases, 'ph2').id
    await commitChanges(
      id,
      'delete',
      { key: 'history.removePhase', values: {} },
      removePhase(s, ph1, { moveTo: ph2 })
    )
    // Before the promotion the scenario already shows them where the promotion puts them.
    const changed = await load(id)
    const shown = actualsForPlan(changed, await db.actuals.where('planId').equals('p').toArray())
    expect(shown.map((a) => [a.id, a.phaseId, a.workstreamId]).sort()).toEqual([
      ['a1', ph2, byOrigin(changed.workstreams, 'a').id],
      ['a2', ph2, byOrigin(changed.workstreams, 'c').id]
    ])
    const r = await promoteToBaseline(id, 'Before S')
    expect((await load('p')).phases.map((p) => p.id)).toEqual(['ph2'])
    const placed = async () =>
      (await db.actuals.where('planId').equals('p').sortBy('id')).map((a) => [
        a.id,
        a.phaseId,
        a.workstreamId
      ])
    // Workstream a moved to ph2 with its phase, so the actual keeps it.
    expect(await placed()).toEqual([
      ['a1', 'ph2', 'a'],
      ['a2', 'ph2', 'c']
    ])
    expect((await db.costCentres.get('c1'))?.phaseId).toBe('ph2')
    await undoPromotion(r)
    expect(await placed()).toEqual([
      ['a1', 'ph1', 'a'],
      ['a2', 'ph2', 'c']
    ])
    expect((await db.costCentres.get('c1'))?.phaseId).toBe('ph1')
  })

  /** Promotes a scenario with one move; resolves to the promotion and the scenario's id. */
  const promoteOneMove = async () => {
    await wipe()
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    const s = await load(id)
    await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveAllocation(s, byOrigin(s.allocations, 'x1').id, { quarter: '2026-Q2' }, 2_500)
    )
    return { id, r: await promoteToBaseline(id, 'Before S') }
  }
  /** Everything a user could see: plans, their rows and history, promotions kept (ids are random). */
  const state = async () => {
    const plans = await db.plans.toArray()
    const out: Record<string, unknown> = {}
    for (const p of plans) {
      const { plan, ...rows } = (await loadPlanData(p.id))!
      out[p.name] = {
        plan: { ...plan, id: undefined, updatedAt: undefined, createdAt: undefined },
        rows: Object.values(rows).map((r) => r.length)
      }
    }
    const history = (await db.history.toArray()).map((h) => ({
      plan: h.planId === 'p' ? 'p' : 'S',
      kind: h.kind,
      undone: h.undone
    }))
    const kept = (await db.settings.toArray())
      .filter((x) => x.key.startsWith('promotion:'))
      .map((x) => ({ undone: 'undone' in (x.value as object) }))
    return { out, history, kept }
  }
  /** Whether the baseline holds the scenario's move (half of x1 went to Q2 2026). */
  const baselineMoved = async () =>
    (await load('p')).allocations.find((a) => a.id === 'x1')!.shareBp === 2_500

  it('undo of the promote entry (Ctrl+Z, toolbar, Edit menu) restores exactly what the toast Undo restores, also after a restart', async () => {
    const toastPath = await promoteOneMove()
    await undoPromotion(toastPath.r)
    const byToast = await state()

    const keyPath = await promoteOneMove()
    // A restart in between: the promotion is found from the database, not from memory.
    db.close()
    await db.open()
    const undone = await undoLatest('p')
    expect(undone.entry.kind).toBe('promote')
    expect(undone.promotion?.snapshot.plans[0]?.id).toBe(keyPath.id)
    expect(await state()).toEqual(byToast)
    expect(byOrigin((await load(keyPath.id)).allocations, 'x1').shareBp).toBe(2_500)
    expect(await db.plans.get(keyPath.r.archivedId)).toBeUndefined()
    // The entry stays, undone, with what redoing it needs; nothing is left to undo.
    expect(byToast.history).toContainEqual({ plan: 'p', kind: 'promote', undone: true })
    expect(byToast.kept).toEqual([{ undone: true }])
    await expect(undoLatest('p')).rejects.toMatchObject({ code: 'nothing-to-undo' })
  })

  it('redo makes an undone promotion again, from the base or from the scenario it brought back, and undo takes it back again', async () => {
    for (const from of ['base', 'scenario'] as const) {
      const { id, r } = await promoteOneMove()
      const promoted = await state()
      await undoLatest('p')
      expect(await baselineMoved()).toBe(false)
      // A restart in between: what redo needs is in the database.
      db.close()
      await db.open()
      const redone = await redoLatest(from === 'base' ? 'p' : id)
      expect(redone.entry.kind).toBe('promote')
      expect(redone.promotion?.baseId).toBe('p')
      expect(await state()).toEqual(promoted)
      expect(await baselineMoved()).toBe(true)
      expect(await db.plans.get(id)).toBeUndefined()
      expect((await db.plans.get(r.archivedId))?.name).toBe('Before S')
      expect(byOrigin((await load(r.archivedId)).allocations, 'x1').shareBp).toBe(5_000)

      const again = await undoLatest('p')
      expect(again.promotion?.snapshot.plans[0]?.id).toBe(id)
      expect(await baselineMoved()).toBe(false)
      expect(byOrigin((await load(id)).allocations, 'x1').shareBp).toBe(2_500)
      expect(await db.plans.get(r.archivedId)).toBeUndefined()
    }
  })

  it('redo leaves an undone promotion alone once the scenario or the base changed since', async () => {
    const { id } = await promoteOneMove()
    await undoLatest('p')
    // A change in the scenario: its own redo (nothing) instead; from the base, refused with why.
    const s = await load(id)
    await commitChanges(
      id,
      'edit',
      { key: 'e', values: {} },
      setBudgetAmount(s, byOrigin(s.budgetLines, 'l1').id, 5)
    )
    await expect(redoLatest(id)).rejects.toMatchObject({ code: 'nothing-to-redo' })
    await expect(redoLatest('p')).rejects.toMatchObject({
      code: 'conflict',
      problem: { key: 'redoPromotionStale', values: { name: (await db.plans.get(id))!.name } }
    })
    expect(await baselineMoved()).toBe(false)
    expect(await db.plans.get(id)).toBeDefined()

    // A change on the base discards its undone entry, as with any undone change; the next
    // promotion drops what was kept for it.
    await promoteOneMove()
    await undoLatest('p')
    await commitChanges('p', 'edit', { key: 'e', values: {} }, setBudgetAmount(await load('p'), 'l1', 5))
    await expect(redoLatest('p')).rejects.toMatchObject({ code: 'nothing-to-redo' })
    const other = await branchScenario('p', 'T')
    await promoteToBaseline(other, 'Before T')
    const kept = (await db.settings.toArray()).filter((x) => x.key.startsWith('promotion:'))
    expect(kept).toHaveLength(0)
  })

  it('undo of an ordinary entry is the plain undo', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    const r = await undoLatest('p')
    expect(r).toMatchObject({ entry: { kind: 'edit' } })
    expect(r.promotion).toBeUndefined()
  })

  it('refuses to promote a plan that is not a scenario', async () => {
    await createPlanFromData(smallPlan())
    await expect(promoteToBaseline('p', 'x')).rejects.toMatchObject({ code: 'not-a-scenario' })
  })

  it('applies chosen history entries onto the base in one promote entry', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    let s = await load(id)
    const first = await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveBudgetLine(s, byOrigin(s.budgetLines, 'l1').id, { quarter: '2026-Q3' })
    )
    s = await load(id)
    await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveBudgetLine(s, byOrigin(s.budgetLines, 'l2').id, { quarter: '2026-Q3' })
    )
    const r = await applyEntriesToBase(id, [first!])
    expect(r.ok).toBe(true)
    const base = await load('p')
    expect(base.budgetLines.find((l) => l.id === 'l1')!.quarter).toBe('2026-Q3')
    expect(base.budgetLines.find((l) => l.id === 'l2')!.quarter).toBe('2025-Q4')
    expect((await db.history.where('planId').equals('p').toArray()).map((h) => h.kind)).toEqual(['promote'])
  })

  it('applies nothing when the base changed the same line since the branch, and says which entry', async () => {
    await createPlanFromData(smallPlan())
    const id = await branchScenario('p', 'S')
    let s = await load(id)
    const ok = await commitChanges(
      id,
      'move',
      { key: 'm', values: {} },
      moveBudgetLine(s, byOrigin(s.budgetLines, 'l2').id, { quarter: '2026-Q3' })
    )
    s = await load(id)
    const clash = await commitChanges(
      id,
      'edit',
      { key: 'e', values: {} },
      setBudgetAmount(s, byOrigin(s.budgetLines, 'l1').id, 1)
    )
    const base = await load('p')
    await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(base, 'l1', 2))
    const r = await applyEntriesToBase(id, [ok!, clash!])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => [p.seq, p.reason])).toEqual([[clash, 'changed-in-base']])
    const after = await load('p')
    expect(after.budgetLines.find((l) => l.id === 'l2')!.quarter).toBe('2025-Q4')
    expect(after.budgetLines.find((l) => l.id === 'l1')!.amountCents).toBe(2)
  })
})

describe('recently deleted', () => {
  it('keeps a deleted plan tree in the database and brings it back whole, also after a reopen', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const id = await branchScenario('p', 'S')
    await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    await deletePlanTree('p', { keep: true })
    expect(await db.plans.count()).toBe(0)
    db.close()
    await db.open()
    const kept = await db.settings.where('key').startsWith('deleted:').toArray()
    expect(kept).toHaveLength(1)
    const back = await restoreDeleted(kept[0]!.key)
    expect(back).toMatchObject({ name: 'Test plan', planCount: 2 })
    expect((await load('p')).budgetLines.find((l) => l.id === 'l1')!.amountCents).toBe(100)
    expect((await load(id)).plan.baseId).toBe('p')
    expect(await db.settings.where('key').startsWith('deleted:').count()).toBe(0)
    // Its history came back too: the edit undoes.
    await undo('p')
    expect((await load('p')).budgetLines.find((l) => l.id === 'l1')!.amountCents).toBe(
      data.budgetLines.find((l) => l.id === 'l1')!.amountCents
    )
  })

  it('refuses to restore over a plan with the same id, and deletes without keeping when not asked', async () => {
    await createPlanFromData(smallPlan())
    await deletePlanTree('p', { keep: true })
    const key = (await db.settings.where('key').startsWith('deleted:').primaryKeys())[0] as string
    await createPlanFromData(smallPlan())
    await expect(restoreDeleted(key)).rejects.toMatchObject({ code: 'stale' })
    await deletePlanTree('p')
    expect(await db.settings.where('key').startsWith('deleted:').count()).toBe(1)
  })
})
