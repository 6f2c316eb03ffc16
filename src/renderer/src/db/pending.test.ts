import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { moveAllocation } from '@shared/planning/moves'
import { QuartermasterDB, db } from './db'
import { commitChanges, undo } from './commit'
import { createPlanFromData } from './plans'
import { pendingWrites, whenWritesDone } from './pending'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

/** What another connection (a reopened window) finds in the database. */
async function movedShareSeenElsewhere(): Promise<number | undefined> {
  const other = new QuartermasterDB()
  try {
    const rows = (await other.packs.toArray()).flatMap((p) => p.rows) as { id: string; shareBp?: number }[]
    return rows.find((r) => r.id === 'moved')?.shareBp
  } finally {
    other.close()
  }
}

describe('pending writes', () => {
  it('count a commit from its call until its transaction has ended, and whenWritesDone waits for it', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    expect(pendingWrites()).toBe(0)
    const changes = moveAllocation(data, 'x1', { quarter: '2026-Q1' }, 2_500, { newId: () => 'moved' })
    const committed = commitChanges('p', 'move', { key: 'm', values: {} }, changes)
    // Pending at once: the edit is on screen before its transaction has even started.
    expect(pendingWrites()).toBeGreaterThan(0)
    await whenWritesDone()
    expect(pendingWrites()).toBe(0)
    expect(await movedShareSeenElsewhere()).toBe(2_500)
    await committed
  })

  it('count undo and any other read-write transaction, and end when one fails', async () => {
    const data = smallPlan()
    await createPlanFromData(data)
    const changes = moveAllocation(data, 'x1', { quarter: '2026-Q1' }, 2_500, { newId: () => 'moved' })
    await commitChanges('p', 'move', { key: 'm', values: {} }, changes)
    const undoing = undo('p')
    expect(pendingWrites()).toBeGreaterThan(0)
    await whenWritesDone()
    expect(await movedShareSeenElsewhere()).toBeUndefined()
    await undoing

    const put = db.settings.put({ key: 'k', value: 1 })
    await Promise.resolve()
    expect(pendingWrites()).toBeGreaterThan(0)
    await whenWritesDone()
    await put

    const failing = db.transaction('rw', db.plans, async () => {
      await db.plans.add({ ...data.plan }) // the id exists: the transaction aborts
    })
    await expect(failing).rejects.toThrow()
    await whenWritesDone()
    expect(pendingWrites()).toBe(0)
  })
})
