// The passes over a change list inside a transaction, in the smallest slices (SLICE_MS 0: a slice
// is the budget's least, 64 items): every step ends in a request and the transaction stays open,
// a step may end inside a pack's changes, and the outcome is that of one pass.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BudgetLine, EntityChange, Role } from '@shared/planning/types'
import { invertChangesStepwise } from '@shared/planning/changes'
import { smallPlan } from '../../../../test/support/testing'
import { db } from './db'
import { addRows, eachCurrentRow, planRows, PLAN_STORES, runInTransaction, writeChanges } from './rows'

vi.mock('../lib/sliced', async (original) => ({ ...(await original<object>()), SLICE_MS: 0 }))

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

const plan = smallPlan()
const line = (id: string, amountCents: number): BudgetLine => ({ ...plan.budgetLines[0]!, id, amountCents })
const role = (id: string, name: string): Role => ({ ...plan.roles[0]!, id, name })

describe('passes over a change list a slice per request', () => {
  it("visit, write and undo 2,000 changes in one transaction, one pack's changes split across slices", async () => {
    await db.transaction('rw', [...PLAN_STORES], async () => {
      await addRows('budgetLines', [line('a', 1), line('b', 2)])
      await addRows('roles', [role('r', 'first')])
    })
    // 'a' changed 1,500 times in a row (one pack's changes, many slices long), 'n' added, a role renamed.
    const changes: EntityChange[] = []
    let last = line('a', 1)
    for (let i = 0; i < 1_500; i++) {
      const next = line('a', 100 + i)
      changes.push({ table: 'budgetLines', id: 'a', before: last, after: next })
      last = next
    }
    for (let i = 0; i < 499; i++) {
      const n = line(`n${i}`, i)
      changes.push({ table: 'budgetLines', id: n.id, before: null, after: n })
    }
    changes.push({ table: 'roles', id: 'r', before: role('r', 'first'), after: role('r', 'second') })

    const seen = new Map<EntityChange, unknown>()
    const undone = await db.transaction('rw', [...PLAN_STORES], async () => {
      const read = await eachCurrentRow(changes, (c, row) => {
        expect(seen.has(c)).toBe(false)
        seen.set(c, row)
      })
      await writeChanges(changes, read)
      const inverse = await runInTransaction(invertChangesStepwise(changes, 100))
      // Still the same transaction: undone before it ends, nothing of it is left.
      await writeChanges(inverse)
      return inverse
    })
    expect(seen.size).toBe(changes.length)
    // Each change saw the row as stored before the write.
    for (const c of changes) {
      const expected = c.id === 'a' ? line('a', 1) : c.id === 'r' ? role('r', 'first') : undefined
      expect(seen.get(c)).toEqual(expected)
    }
    expect(undone).toHaveLength(changes.length)
    const lines = await planRows<BudgetLine>('budgetLines', 'p')
    expect(lines.map((l) => [l.id, l.amountCents]).sort()).toEqual([
      ['a', 1],
      ['b', 2]
    ])
    expect((await db.roles.get('r'))?.name).toBe('first')
  })
})
