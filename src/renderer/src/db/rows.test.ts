import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BudgetLine, EntityChange } from '@shared/planning/types'
import { smallPlan } from '../../../../test/support/testing'
import { db } from './db'
import { bucketOf, PACK_BUCKETS } from './packs'
import { addRows, anyRowWithId, eachCurrentRow, getRows, planRows, PLAN_STORES, writeChanges } from './rows'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

const base = smallPlan().budgetLines[0]!
const line = (id: string, planId = 'p', amountCents = 100): BudgetLine => ({
  ...base,
  id,
  planId,
  amountCents
})
const put = (l: BudgetLine, before: BudgetLine | null = null): EntityChange => ({
  table: 'budgetLines',
  id: l.id,
  before,
  after: l
})
const inTx = <T>(work: () => Promise<T>) => db.transaction('rw', [...PLAN_STORES], async () => work())

describe('packed rows', () => {
  it('keeps every row of a plan, a record per bucket, each row in the bucket of its id', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => line(`l${i}`))
    await inTx(() => addRows('budgetLines', lines))
    const packs = await db.packs.toArray()
    expect(packs.length).toBeLessThanOrEqual(PACK_BUCKETS)
    for (const p of packs) for (const r of p.rows) expect(bucketOf(r.id)).toBe(p.bucket)
    const back = await planRows<BudgetLine>('budgetLines', 'p')
    expect(back.map((l) => l.id).sort()).toEqual(lines.map((l) => l.id).sort())
  })

  it('writes a change list in order: the last change of a row wins, and a pack emptied is removed', async () => {
    await inTx(() => addRows('budgetLines', [line('a'), line('b')]))
    await inTx(() =>
      writeChanges([
        put(line('a', 'p', 5)),
        put(line('c', 'p', 7)),
        put(line('a', 'p', 6)),
        { table: 'budgetLines', id: 'b', before: line('b'), after: null }
      ])
    )
    const rows = await getRows('budgetLines', 'p', ['a', 'b', 'c'])
    expect(rows.map((r) => (r as BudgetLine | undefined)?.amountCents)).toEqual([6, undefined, 7])
    await inTx(() =>
      writeChanges([
        { table: 'budgetLines', id: 'a', before: line('a', 'p', 6), after: null },
        { table: 'budgetLines', id: 'c', before: line('c', 'p', 7), after: null }
      ])
    )
    expect(await db.packs.count()).toBe(0)
  })

  it('refuses a row without an id, and a row given twice, as IndexedDB refuses a record', async () => {
    const noId = { ...line('x'), id: undefined } as unknown as BudgetLine
    await expect(inTx(() => addRows('budgetLines', [noId]))).rejects.toMatchObject({ name: 'DataError' })
    await expect(inTx(() => addRows('budgetLines', [line('x'), line('x')]))).rejects.toMatchObject({
      name: 'ConstraintError'
    })
    expect(await db.packs.count()).toBe(0)
  })

  it('visits every change with the current row of its plan, and finds ids across plans', async () => {
    await inTx(() => addRows('budgetLines', [line('a'), line('b', 'q', 9)]))
    const seen: [string, number | undefined][] = []
    await eachCurrentRow([put(line('a')), put(line('a')), put(line('n')), put(line('b', 'q'))], (c, row) =>
      seen.push([c.id, (row as BudgetLine | undefined)?.amountCents])
    )
    expect(seen.sort()).toEqual([
      ['a', 100],
      ['a', 100],
      ['b', 9],
      ['n', undefined]
    ])
    expect(await anyRowWithId('budgetLines', ['zz', 'b'])).toBe(true)
    expect(await anyRowWithId('budgetLines', ['zz'])).toBe(false)
  })
})
