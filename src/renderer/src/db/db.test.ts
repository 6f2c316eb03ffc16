import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Dexie, { liveQuery, type Transaction } from 'dexie'
import { smallPlan } from '../../../../test/support/testing'
import { moveAllocation, setBudgetAmount } from '@shared/planning/moves'
import { addAllocationChecked, addRole } from '@shared/planning/edit'
import type { BudgetLine, PlanData, Risk } from '@shared/planning/types'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import {
  DB_NAME,
  PLAN_TABLES,
  QuartermasterDB,
  SCHEMA_VERSIONS,
  WIDE_DELETE,
  db,
  describeStorageError
} from './db'
import { canRedo, canUndo, commitChanges, redo, revertEntry, undo, CommitError, WRITE_CHUNK } from './commit'
import { createPlanFromData, deletePlan } from './plans'
import { INLINE_CHANGES, loadEntry } from './history-store'
import { loadPlanData } from './plan-data'
import { tableRows, until } from './testing'
import { bucketOf, packRows } from './packs'

const budgetLineRows = tableRows<BudgetLine>('budgetLines')
const historyPartCount = (seq: number) =>
  db.historyParts.where('[seq+part]').between([seq, 0], [seq, Infinity]).count()

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}

beforeEach(wipe)
afterEach(wipe)

describe('storing a plan', () => {
  it('writes a whole plan and reads it back identical', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const back = await loadPlanData('p')
    expect(back?.plan).toEqual(data.plan)
    expect(back?.allocations).toHaveLength(4)
    expect(back?.budgetLines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([
      10_000, 20_000, 30_000
    ])
  })

  it('writes nothing when any part of a plan fails (one transaction)', async () => {
    const data = smallPlan()
    // Two lines with one id: the second bulkAdd row violates the primary key.
    data.budgetLines.push({ ...data.budgetLines[0] })
    await expect(createPlanFromData(data)).rejects.toBeInstanceOf(CommitError)
    expect(await db.plans.count()).toBe(0)
    expect(await tableRows('allocations').count()).toBe(0)
  })

  it('deletes a plan with all its rows and history', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    await commitChanges('p', 'edit', { key: 'x', values: {} }, setBudgetAmount(data, 'l1', 1))
    await deletePlan('p')
    expect(await db.plans.count()).toBe(0)
    expect(await budgetLineRows.count()).toBe(0)
    expect(await db.history.count()).toBe(0)
  })
})

describe('history, undo and redo', () => {
  it('records a move with before and after, and undo/redo restore each state exactly', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const changes = moveAllocation(data, 'x1', { quarter: '2026-Q1' }, 2_500, { newId: () => 'moved' })
    await commitChanges('p', 'move', { key: 'history.moveAllocation', values: {} }, changes)

    const entries = await db.history.toArray()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ planId: 'p', kind: 'move', undone: false })
    expect(entries[0].changes).toEqual(changes)
    const moved = await loadPlanData('p')
    expect(moved?.allocations.find((a) => a.id === 'moved')?.shareBp).toBe(2_500)

    await undo('p')
    const undone = await loadPlanData('p')
    expect(undone?.allocations).toEqual(expect.arrayContaining(data.allocations))
    expect(undone?.allocations).toHaveLength(data.allocations.length)
    expect((await db.history.toArray())[0].undone).toBe(true)

    await redo('p')
    expect((await loadPlanData('p'))?.allocations.find((a) => a.id === 'moved')?.shareBp).toBe(2_500)
    await expect(redo('p')).rejects.toMatchObject({ code: 'nothing-to-redo' })
  })

  it('a new change after an undo discards the undone entry', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    await undo('p')
    await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(data, 'l2', 200))
    const keys = (await db.history.toArray()).map((h) => h.summary.key)
    expect(keys).toEqual(['b'])
    await expect(redo('p')).rejects.toMatchObject({ code: 'nothing-to-redo' })
  })

  it('reverts an old entry, and refuses when a later change touched the same line', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const first = await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    const afterFirst = (await loadPlanData('p'))!
    await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(afterFirst, 'l2', 200))
    await revertEntry(first!)
    expect((await budgetLineRows.get('l1'))?.amountCents).toBe(20_000)
    expect((await budgetLineRows.get('l2'))?.amountCents).toBe(200)

    const now = (await loadPlanData('p'))!
    const third = await commitChanges('p', 'edit', { key: 'c', values: {} }, setBudgetAmount(now, 'l3', 5))
    const afterThird = (await loadPlanData('p'))!
    await commitChanges('p', 'edit', { key: 'd', values: {} }, setBudgetAmount(afterThird, 'l3', 6))
    await expect(revertEntry(third!)).rejects.toMatchObject({ code: 'conflict' })
    expect((await budgetLineRows.get('l3'))?.amountCents).toBe(6)
  })

  it('refuses to revert adding a role that later work was given, and names that work', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const added = await commitChanges(
      'p',
      'create',
      { key: 'addRole', values: {} },
      addRole(data, { name: 'Data Engineer' }, { newId: () => 'r9' })
    )
    const withRole = (await loadPlanData('p'))!
    const work = await commitChanges(
      'p',
      'create',
      { key: 'addAllocation', values: {} },
      addAllocationChecked(
        withRole,
        { roleId: 'r9', workstreamId: 'c', quarter: '2026-Q1', shareBp: 5_000 },
        { newId: () => 'x9' }
      )
    )
    await expect(revertEntry(added!)).rejects.toMatchObject({
      code: 'conflict',
      referents: [{ table: 'allocations', id: 'x9' }]
    })
    // Nothing changed: the role and its work are both there.
    let now = (await loadPlanData('p'))!
    expect(now.roles.some((r) => r.id === 'r9')).toBe(true)
    expect(now.allocations.find((a) => a.id === 'x9')?.roleId).toBe('r9')
    // Reverting the work first, then the role, goes through and leaves nothing dangling.
    await revertEntry(work!)
    await revertEntry(added!)
    now = (await loadPlanData('p'))!
    expect(now.roles.some((r) => r.id === 'r9')).toBe(false)
    expect(now.allocations.some((a) => a.id === 'x9')).toBe(false)
  })

  it('history survives closing and reopening the database', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    db.close()
    await db.open()
    expect(await db.history.count()).toBe(1)
    await undo('p')
    expect((await budgetLineRows.get('l1'))?.amountCents).toBe(20_000)
  })
})

describe('schema upgrades', () => {
  it('opens a database of the current version with a next one and finds its data', async () => {
    const name = `qm-upgrade-${Date.now()}`
    const current = SCHEMA_VERSIONS.at(-1)!.version
    const v1 = new QuartermasterDB(name, SCHEMA_VERSIONS)
    const data = smallPlan()
    await v1.transaction('rw', v1.plans, v1.packs, async () => {
      await v1.plans.add(data.plan)
      await v1.packs.bulkAdd(packRows('budgetLines', data.budgetLines))
    })
    v1.close()

    // The pattern every future version follows: a new entry with stores and an upgrade.
    const next = [
      ...SCHEMA_VERSIONS,
      {
        version: current + 1,
        stores: { risks: 'id, planId, category' },
        upgrade: async (tx: Transaction) => {
          await tx
            .table('packs')
            .toCollection()
            .modify((p: { rows: { category: string }[] }) => {
              for (const l of p.rows) l.category = l.category.trim()
            })
        }
      }
    ]
    const v2 = new QuartermasterDB(name, next)
    await v2.open()
    expect(v2.verno).toBe(current + 1)
    expect(await v2.plans.get('p')).toEqual(data.plan)
    const lines = (await v2.packs.toArray()).flatMap((p) => p.rows) as unknown as { quarter: string }[]
    expect(lines.filter((l) => l.quarter === '2025-Q4').length).toBe(2)
    v2.close()
    await Dexie.delete(name)
  })
})

describe('schema version 4: risks and budget lines get their order', () => {
  /** A version-3 database of the built-in plan without orders, as version 3's code wrote it. */
  async function writeVersion3(): Promise<{ data: PlanData; edited: BudgetLine; gone: BudgetLine }> {
    db.close()
    await Dexie.delete(DB_NAME)
    const v3 = new QuartermasterDB(
      DB_NAME,
      SCHEMA_VERSIONS.filter((v) => v.version <= 3)
    )
    const strip = <T extends { order?: number }>({ order: _o, ...rest }: T) => rest as T
    const built = buildFreshFoodzPlan({ planId: 'ff', now: '2025-10-01T00:00:00.000Z' })
    const data = { ...built, risks: built.risks.map(strip), budgetLines: built.budgetLines.map(strip) }
    // Keys in the database sort ff:line:1, ff:line:10, ff:line:11, ..., ff:line:2: that is the
    // order version 3 listed them in.
    const [gone, ...kept] = data.budgetLines
    data.budgetLines = kept
    const line = kept[0]!
    const edited = { ...line, amountCents: line.amountCents + 100 }
    data.budgetLines = kept.map((l) => (l.id === line.id ? edited : l))
    await v3.transaction('rw', v3.tables, async () => {
      await v3.plans.add(data.plan)
      for (const t of PLAN_TABLES) await v3.table(t).bulkAdd(data[t])
      const at = '2025-10-02T00:00:00.000Z'
      await v3.history.bulkAdd([
        {
          planId: 'ff',
          at,
          kind: 'delete',
          summary: { key: 'history.removeLine', values: {} },
          changes: [{ table: 'budgetLines', id: gone!.id, before: gone!, after: null }],
          undone: false
        },
        {
          planId: 'ff',
          at,
          kind: 'edit',
          summary: { key: 'history.budgetAmount', values: {} },
          changes: [{ table: 'budgetLines', id: line.id, before: line, after: edited }],
          undone: false
        }
      ])
    })
    v3.close()
    await db.open()
    return { data, edited, gone: gone! }
  }

  afterEach(async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    await db.open()
  })

  it('numbers risks as listed and the lines of each phase by quarter, then as listed, and undo still works', async () => {
    const { data, edited, gone } = await writeVersion3()
    const risks = await db.risks.where('planId').equals('ff').toArray()
    // Listed by key before: ff:risk:1, ff:risk:2, ... (fewer than ten), numbered in that order.
    expect(risks.map((r) => r.order)).toEqual(risks.map((_, i) => i + 1))
    const lines = await budgetLineRows.inPlan('ff').toArray()
    expect(lines).toHaveLength(data.budgetLines.length)
    for (const phase of data.phases) {
      const inPhase = lines.filter((l) => l.phaseId === phase.id)
      const listed = [...inPhase].sort((a, b) =>
        a.quarter === b.quarter ? (a.id < b.id ? -1 : 1) : a.quarter < b.quarter ? -1 : 1
      )
      expect(
        listed.map((l) => l.order),
        phase.name
      ).toEqual(listed.map((_, i) => i + 1))
    }
    // The plan reads back in that order.
    const read = (await loadPlanData('ff'))!
    expect(read.risks.map((r) => r.id)).toEqual(risks.map((r) => r.id))

    // History holds the same number for each line; the line removed since comes after its phase's.
    const order = lines.find((l) => l.id === edited.id)!.order
    await undo('ff')
    expect(await budgetLineRows.get(edited.id)).toMatchObject({
      amountCents: edited.amountCents - 100,
      order
    })
    await undo('ff')
    const back = (await budgetLineRows.get(gone.id))!
    expect(back.order).toBe(lines.filter((l) => l.phaseId === gone.phaseId).length + 1)
    await redo('ff')
    await redo('ff')
    expect(await budgetLineRows.get(edited.id)).toMatchObject({ amountCents: edited.amountCents, order })
  })

  it('numbers the rows and history of recently deleted plans too', async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    const v3 = new QuartermasterDB(
      DB_NAME,
      SCHEMA_VERSIONS.filter((v) => v.version <= 3)
    )
    const { order: _o, ...risk } = buildFreshFoodzPlan({ planId: 'gone', now: 't' }).risks[0]!
    const snapshot = {
      plans: [],
      rows: { risks: [risk] },
      history: [{ changes: [{ table: 'risks', id: risk.id, before: null, after: risk }] }]
    }
    await v3.settings.put({ key: 'deleted:2026-01-01T00:00:00.000Z:gone', value: { snapshot } })
    v3.close()
    await db.open()
    const kept = (await db.settings.get('deleted:2026-01-01T00:00:00.000Z:gone'))!.value as {
      snapshot: { rows: { risks: Risk[] }; history: { changes: { after: Risk }[] }[] }
    }
    expect(kept.snapshot.rows.risks[0]!.order).toBe(1)
    expect(kept.snapshot.history[0]!.changes[0]!.after.order).toBe(1)
  })
})

describe('schema version 2: undone entries found by index', () => {
  it('marks the undone entries of a version-1 database, so the next commit discards them', async () => {
    const name = `qm-v2-${Date.now()}`
    const v1 = new QuartermasterDB(name, SCHEMA_VERSIONS.slice(0, 1))
    const entry = { planId: 'p', at: '2026-01-01T00:00:00Z', kind: 'edit' as const, changes: [] }
    await v1.history.bulkAdd([
      { ...entry, summary: { key: 'kept', values: {} }, undone: false },
      { ...entry, summary: { key: 'gone', values: {} }, undone: true }
    ])
    v1.close()
    const v2 = new QuartermasterDB(name)
    const undone = (await v2.history.where('undoneOf').equals('p').toArray()).map((h) => h.summary.key)
    expect(undone).toEqual(['gone'])
    v2.close()
    await Dexie.delete(name)
  })

  it('keeps undoneOf in step through undo, redo and a new commit', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const seq = await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
    const undoneOf = async () => ((await db.history.get(seq!)) as { undoneOf?: string } | undefined)?.undoneOf
    expect(await undoneOf()).toBeUndefined()
    await undo('p')
    expect(await undoneOf()).toBe('p')
    await redo('p')
    expect(await undoneOf()).toBeUndefined()
    await undo('p')
    expect(await canRedo('p')).toBe(true)
    expect(await canUndo('p')).toBe(false)
    await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(data, 'l2', 5))
    expect(await db.history.get(seq!)).toBeUndefined()
    expect(await canRedo('p')).toBe(false)
    expect(await canUndo('p')).toBe(true)
  })

  it('writes a commit larger than one chunk completely, and undoes it completely', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const lines = Array.from({ length: Math.max(WRITE_CHUNK * 3, INLINE_CHANGES * 2) + 7 }, (_, i) => ({
      ...data.budgetLines[0],
      id: `big-${i}`,
      amountCents: i + 1
    }))
    await commitChanges(
      'p',
      'import',
      { key: 'import', values: {} },
      lines.map((l) => ({ table: 'budgetLines' as const, id: l.id, before: null, after: l }))
    )
    expect(await budgetLineRows.inPlan('p').count()).toBe(data.budgetLines.length + lines.length)
    // The long change list is stored in parts, and read back whole and in order.
    const [stored] = await db.history.toArray()
    expect(stored.changes).toEqual([])
    expect(stored).toMatchObject({ changeCount: lines.length, partCount: 3 })
    expect(await db.historyParts.count()).toBe(3)
    const whole = await loadEntry(stored.seq!)
    expect(whole?.changes.map((c) => c.id)).toEqual(lines.map((l) => l.id))
    expect(whole).not.toHaveProperty('partCount')

    const count = () => budgetLineRows.inPlan('p').count()
    await undo('p')
    expect(await count()).toBe(data.budgetLines.length)
    await redo('p')
    expect(await count()).toBe(data.budgetLines.length + lines.length)
    await revertEntry(stored.seq!)
    expect(await count()).toBe(data.budgetLines.length)
    // The revert is itself a long entry; deleting the plan takes every part with it.
    expect(await db.historyParts.count()).toBe(6)
    await deletePlan('p')
    expect(await db.history.count()).toBe(0)
    expect(await db.historyParts.count()).toBe(0)
  })

  it("stores a long entry's parts packed and reads them back as committed; parts stored as lists still read", async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const adds = Array.from({ length: INLINE_CHANGES + 3 }, (_, i) => ({
      table: 'budgetLines' as const,
      id: `n-${i}`,
      before: null,
      after: { ...data.budgetLines[0], id: `n-${i}`, amountCents: i, title: `Line ${i}` }
    }))
    // An edit among the adds is kept as it is, in its place.
    const edit = setBudgetAmount(data, 'l2', 5)
    const changes = [...adds.slice(0, 10), ...edit, ...adds.slice(10)]
    await commitChanges('p', 'import', { key: 'import', values: {} }, changes)
    const [stored] = await db.history.toArray()
    const parts = await db.historyParts.toArray()
    expect(parts).toHaveLength(2)
    for (const part of parts) expect(part.changes).toBeUndefined()
    expect(parts[0].packed?.runs.map((r) => r.kind)).toEqual(['adds', 'plain', 'adds'])
    expect((await loadEntry(stored.seq!))?.changes).toEqual(changes)

    // A database written before parts were packed: the same entry with its parts as lists.
    await db.historyParts.clear()
    await db.historyParts.bulkAdd([
      { seq: stored.seq!, part: 0, planId: 'p', changes: changes.slice(0, INLINE_CHANGES) },
      { seq: stored.seq!, part: 1, planId: 'p', changes: changes.slice(INLINE_CHANGES) }
    ])
    expect((await loadEntry(stored.seq!))?.changes).toEqual(changes)
    await undo('p')
    expect(await budgetLineRows.inPlan('p').count()).toBe(data.budgetLines.length)
  })

  it('a commit after undoing a long entry discards it with its parts', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const lines = Array.from({ length: INLINE_CHANGES + 1 }, (_, i) => ({
      ...data.budgetLines[0],
      id: `n-${i}`
    }))
    await commitChanges(
      'p',
      'import',
      { key: 'import', values: {} },
      lines.map((l) => ({ table: 'budgetLines' as const, id: l.id, before: null, after: l }))
    )
    await undo('p')
    expect(await db.historyParts.count()).toBe(2)
    await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(data, 'l2', 5))
    expect(await db.historyParts.count()).toBe(0)
    expect((await db.history.toArray()).map((h) => h.summary.key)).toEqual(['b'])
  })
})

describe('storage errors', () => {
  it('name a full disk, a blocked upgrade and any other failure by key, for the window to put in words', () => {
    const quota = Object.assign(new Error('x'), { name: 'QuotaExceededError' })
    expect(describeStorageError(quota)).toEqual({ key: 'quota' })
    const inner = Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })
    expect(describeStorageError(inner)).toEqual({ key: 'quota' })
    const blocked = Object.assign(new Error('x'), { name: 'DatabaseClosedError' })
    expect(describeStorageError(blocked)).toEqual({ key: 'blocked' })
    expect(describeStorageError(new Error('disk on fire'))).toEqual({
      key: 'failed',
      values: { detail: 'disk on fire' }
    })
  })
})

describe('telling live queries about deletes', () => {
  /** The ranges of a Dexie RangeSet (a tree of {from, to, l, r}). */
  const ranges = (set: { from?: unknown; l?: unknown; r?: unknown } | null | undefined): number =>
    !set || set.from === undefined ? 0 : 1 + ranges(set.l as typeof set) + ranges(set.r as typeof set)

  it('reports a wide delete as the whole table (one range, not a range per key) and live queries still see it', async () => {
    const data = smallPlan()
    const role = data.roles[0]
    const extra = Array.from({ length: WIDE_DELETE * 4 }, (_, i) => ({ ...role, id: `wide-${i}` }))
    await createPlanFromData({ ...data, roles: [...data.roles, ...extra] })
    const seen: Record<string, unknown>[] = []
    const listen = (parts: Record<string, unknown>) => void seen.push(parts)
    Dexie.on('storagemutated', listen)
    const counts: number[] = []
    const sub = liveQuery(() => db.roles.where('planId').equals('p').count()).subscribe((n) => counts.push(n))
    try {
      await until(() => counts.length > 0)
      const key = `idb://${db.name}/roles/`

      await db.roles.bulkDelete(extra.slice(0, WIDE_DELETE - 10).map((r) => r.id))
      await until(() => seen.some((p) => key in p))
      // A narrow delete keeps its keys.
      expect(ranges(seen.find((p) => key in p)![key] as never)).toBe(WIDE_DELETE - 10)

      seen.length = 0
      await db.roles.bulkDelete(extra.slice(WIDE_DELETE - 10).map((r) => r.id))
      await until(() => seen.some((p) => key in p))
      expect(ranges(seen.find((p) => key in p)![key] as never)).toBe(1)
      await until(() => counts[counts.length - 1] === data.roles.length)
    } finally {
      sub.unsubscribe()
      Dexie.on('storagemutated').unsubscribe(listen)
    }
  })
})

describe('telling live queries about packs and history parts', () => {
  const ranges = (set: { from?: unknown; l?: unknown; r?: unknown } | null | undefined): number =>
    !set || set.from === undefined ? 0 : 1 + ranges(set.l as typeof set) + ranges(set.r as typeof set)

  it("reports a write of many packs as one range per table and plan, and only that plan's live queries run again", async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    // A second plan with a line of its own (in a bucket the first plan's lines write too).
    const other = Object.fromEntries(PLAN_TABLES.map((t) => [t, []])) as unknown as PlanData
    await createPlanFromData({
      ...other,
      plan: { ...data.plan, id: 'q' },
      budgetLines: [{ ...data.budgetLines[0], id: 'q-line', planId: 'q' }]
    })
    const seen: Record<string, unknown>[] = []
    const listen = (parts: Record<string, unknown>) => void seen.push(parts)
    Dexie.on('storagemutated', listen)
    // A plan's lines as plan-data observes them: a count over its packs' key range.
    const runs = { p: 0, q: 0 }
    const packsOf = (planId: string) =>
      db.packs
        .where('[table+planId+bucket]')
        .between(['budgetLines', planId, 0], ['budgetLines', planId, 256], true, false)
        .count()
    const subs = (['p', 'q'] as const).map((planId) =>
      liveQuery(() => packsOf(planId)).subscribe(() => void runs[planId]++)
    )
    try {
      await until(() => runs.p > 0 && runs.q > 0)
      // The plans' own writes may still be on their way to the queries.
      await new Promise((r) => setTimeout(r, 50))
      const before = { ...runs }
      // About 50 lines a pack: a write request then holds fewer than 50 packs, which Dexie itself
      // would report as the whole table.
      const lines = Array.from({ length: 12_800 }, (_, i) => ({ ...data.budgetLines[0], id: `many-${i}` }))
      const seq = await commitChanges(
        'p',
        'import',
        { key: 'x', values: {} },
        lines.map((l) => ({ table: 'budgetLines' as const, id: l.id, before: null, after: l }))
      )
      const packs = `idb://${db.name}/packs/`
      const parts = `idb://${db.name}/historyParts/`
      await until(() => seen.some((p) => packs in p) && runs.p > before.p)
      const reported = seen.find((p) => packs in p)!
      // The lines fill every bucket of the plan: one range, not a key per pack.
      expect(new Set(lines.map((l) => bucketOf(l.id))).size).toBe(256)
      expect(ranges(reported[packs] as never)).toBe(1)
      expect(ranges(reported[`${packs}:dels`] as never)).toBe(1)
      // The entry's parts: one range for the entry.
      expect(ranges(reported[parts] as never)).toBe(1)
      expect(await historyPartCount(seq!)).toBe(Math.ceil(lines.length / INLINE_CHANGES))
      // The other plan's query was not run again.
      await new Promise((r) => setTimeout(r, 50))
      expect(runs.q).toBe(before.q)
      expect((await loadPlanData('p'))!.budgetLines).toHaveLength(data.budgetLines.length + lines.length)

      // Undone, the packs go again: the other plan still does not hear of it.
      await undo('p')
      await until(() => runs.p > before.p + 1)
      expect(runs.q).toBe(before.q)
      expect((await loadPlanData('p'))!.budgetLines).toHaveLength(data.budgetLines.length)
    } finally {
      for (const s of subs) s.unsubscribe()
      Dexie.on('storagemutated').unsubscribe(listen)
    }
  })
})

describe('schema version 6: allocations and budget lines packed', () => {
  /** Rows of two plans (and many lines, so buckets hold several rows) as an older version stored them. */
  function rowsOfPlans() {
    const plans = ['p', 'q'].map((planId) => {
      const d = smallPlan()
      const own = <T extends { id: string }>(r: T) => ({ ...r, id: `${planId}-${r.id}`, planId })
      const extra = Array.from({ length: 600 }, (_, i) => ({ ...d.budgetLines[0], id: `x${i}` }))
      return {
        plan: { ...d.plan, id: planId },
        allocations: d.allocations.map(own),
        budgetLines: [...d.budgetLines, ...extra].map(own)
      }
    })
    return plans
  }
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))

  for (const [from, before] of [
    ['version 1', SCHEMA_VERSIONS.slice(0, 1)],
    ['the version before', SCHEMA_VERSIONS.filter((v) => v.version < 5)]
  ] as const) {
    it(`moves every row of ${from} into its pack, all plans with equal content`, async () => {
      const name = `qm-packs-${from.length}-${Date.now()}`
      const plans = rowsOfPlans()
      const old = new QuartermasterDB(name, [...before])
      await old.plans.bulkAdd(plans.map((p) => p.plan))
      for (const t of ['allocations', 'budgetLines'] as const)
        await old.table(t).bulkAdd(plans.flatMap((p): { id: string }[] => p[t]))
      old.close()

      const now = new QuartermasterDB(name)
      await now.open()
      expect(now.tables.map((t) => t.name)).not.toContain('allocations')
      expect(now.tables.map((t) => t.name)).not.toContain('budgetLines')
      const packs = await now.packs.toArray()
      for (const p of packs) {
        expect(p.rows.length).toBeGreaterThan(0)
        for (const r of p.rows) expect([r.planId, bucketOf(r.id)]).toEqual([p.planId, p.bucket])
      }
      for (const plan of plans) {
        for (const t of ['allocations', 'budgetLines'] as const) {
          const stored = packs
            .filter((p) => p.table === t && p.planId === plan.plan.id)
            .flatMap((p) => p.rows)
          expect(byId(stored), `${plan.plan.id} ${t}`).toEqual(byId<{ id: string }>(plan[t]))
        }
      }
      // Several lines share a pack: far fewer records than rows.
      expect(packs.length).toBeLessThan(plans.reduce((n, p) => n + p.budgetLines.length, 0) / 2)
      now.close()
      await Dexie.delete(name)
    })
  }
})
