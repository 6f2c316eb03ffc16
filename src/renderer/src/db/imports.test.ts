import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import type { BudgetLine, EntityChange, PlanData } from '@shared/planning/types'
import { db } from './db'
import { CommitError, undo } from './commit'
import { createPlanFromData } from './plans'
import { commitImport, recallStoredMapping, rememberStoredMapping } from './imports'
import { loadEntry } from './history-store'
import { tableRows } from './testing'

const budgetLineRows = tableRows<BudgetLine>('budgetLines')

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

/** A new plan: smallPlan's structure under another id, without its lines. */
function newPlan(): PlanData {
  const data = smallPlan()
  return { ...data, plan: { ...data.plan, id: 'imported', name: 'Imported' }, budgetLines: [] }
}

function lineChange(id: string, amountCents: number): EntityChange {
  const line = { ...smallPlan().budgetLines[0], id, planId: 'imported', amountCents } as BudgetLine
  return { table: 'budgetLines', id, before: null, after: line }
}

const summary = { key: 'importRows', values: { count: 2, file: 'x.csv' } }

describe('committing an import', () => {
  it('into a new plan writes the plan, its rows and one undoable history entry', async () => {
    const planId = await commitImport({ kind: 'new', plan: newPlan() }, summary, [
      lineChange('i1', 100),
      lineChange('i2', 200)
    ])
    expect(planId).toBe('imported')
    expect((await db.plans.get('imported'))?.name).toBe('Imported')
    expect(await budgetLineRows.inPlan('imported').count()).toBe(2)
    const entries = await db.history.where('planId').equals('imported').toArray()
    expect(entries.map((e) => e.kind)).toEqual(['import'])
    expect((await loadEntry(entries[0].seq!))?.changes).toHaveLength(2)
    await undo('imported')
    expect(await budgetLineRows.inPlan('imported').count()).toBe(0)
  })

  it('into a new plan leaves nothing behind when any write fails (one transaction)', async () => {
    // A line without an id cannot be stored: the whole commit, plan included, must fail.
    const broken = { ...lineChange('i2', 200), after: { ...lineChange('i2', 200).after, id: undefined } }
    await expect(
      commitImport({ kind: 'new', plan: newPlan() }, summary, [
        lineChange('i1', 100),
        broken as unknown as EntityChange
      ])
    ).rejects.toBeInstanceOf(CommitError)
    expect(await db.plans.count()).toBe(0)
    expect(await db.phases.count()).toBe(0)
    expect(await budgetLineRows.count()).toBe(0)
    expect(await db.history.count()).toBe(0)
  })

  it('into the current plan adds the rows to it', async () => {
    await createPlanFromData(smallPlan())
    const change = { ...lineChange('i1', 100), after: { ...lineChange('i1', 100).after, planId: 'p' } }
    expect(await commitImport({ kind: 'current', planId: 'p' }, summary, [change as EntityChange])).toBe('p')
    expect(await budgetLineRows.inPlan('p').count()).toBe(4)
  })

  it('into the current plan places the lines after those their phase holds, in file order', async () => {
    await createPlanFromData(smallPlan())
    // Numbered within their phase by the import: 1 and 2 in ph1 (which holds l1 and l2), 1 in ph2.
    const line = (id: string, phaseId: string, order: number): EntityChange => {
      const c = lineChange(id, 100)
      return { ...c, after: { ...(c.after as BudgetLine), planId: 'p', phaseId, order } } as EntityChange
    }
    await commitImport({ kind: 'current', planId: 'p' }, summary, [
      line('i1', 'ph1', 1),
      line('i2', 'ph1', 2),
      line('i3', 'ph2', 1)
    ])
    const orders = Object.fromEntries((await budgetLineRows.toArray()).map((l) => [l.id, l.order]))
    expect(orders).toMatchObject({ l1: 1, l2: 2, i1: 3, i2: 4, l3: 1, i3: 2 })
  })
})

describe('remembered mappings', () => {
  it('are stored per layout fingerprint and read back', async () => {
    const stored = {
      id: 'L1-x',
      target: 'budgetLines' as const,
      mapping: { amount: 'Betrag' },
      options: { numberStyle: 'de' },
      usedAt: '2026-01-01T00:00:00.000Z'
    }
    await rememberStoredMapping(stored)
    expect(await recallStoredMapping('L1-x')).toEqual(stored)
    expect(await recallStoredMapping('other')).toBeUndefined()
  })
})
