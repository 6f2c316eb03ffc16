import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EntityChange } from '../planning/types'
import { arbitraryPlan } from '../../../test/support/arbitrary-plan'
import { smallPlan, testLine, testRole } from '../../../test/support/testing'
import { packChanges, unpackChanges, type PackedAdds } from './packed-changes'

const add = (c: { id: string; [key: string]: unknown }, table: EntityChange['table']) =>
  ({ table, id: c.id, before: null, after: c }) as EntityChange

/** Through JSON (the e2e bridge) and through structured clone (Electron's IPC, the worker). */
const overJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const throughWires = (changes: EntityChange[]) => [
  unpackChanges(overJson(packChanges(changes))),
  unpackChanges(structuredClone(packChanges(changes)))
]

describe('packed import changes', () => {
  it('give back every change, in order, over JSON and structured clone', () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      add(testLine(`l${i}`, i % 2 ? 'ph1' : 'ph2', '2026-Q1', 1000 + i, { order: i }), 'budgetLines')
    )
    const changes: EntityChange[] = [
      add(testRole('r1'), 'roles'),
      ...lines.slice(0, 20),
      // A line with a workstream and one copied from elsewhere (other keys): new runs.
      add(testLine('w1', 'ph1', '2026-Q2', 5, { workstreamId: 'ws1' }), 'budgetLines'),
      add(testLine('o1', 'ph1', '2026-Q2', 5, { originId: 'x' }), 'budgetLines'),
      ...lines.slice(20),
      // Not adds: an edit and a removal go as they are, between the runs.
      { table: 'budgetLines', id: 'l1', before: lines[1]!.after, after: { ...lines[1]!.after!, title: 'B' } },
      { table: 'budgetLines', id: 'l2', before: lines[2]!.after, after: null }
    ] as EntityChange[]
    for (const back of throughWires(changes)) expect(back).toEqual(changes)
  })

  it('name the keys once and the values every row shares once', () => {
    const changes = Array.from({ length: 3 }, (_, i) =>
      add(testLine(`l${i}`, 'ph1', '2026-Q1', 100 * i, { order: i }), 'budgetLines')
    )
    const { count, runs } = packChanges(changes)
    expect(count).toBe(3)
    expect(runs).toHaveLength(1)
    const run = runs[0] as PackedAdds
    expect(run.keys).toEqual(Object.keys(changes[0]!.after!))
    expect(run.fixedAt.map((i) => run.keys[i])).toEqual([
      'planId',
      'phaseId',
      'workstreamId',
      'quarter',
      'category',
      'currency'
    ])
    expect(run.fixed).toEqual(['p', 'ph1', null, '2026-Q1', 'tools', 'EUR'])
    expect(run.rows[1]).toEqual(['l1', 1, 'l1', 100])
  })

  it('keep each row key order, so stored rows and backups read the same', () => {
    const changes = [add(testLine('a', 'ph1', '2026-Q1', 1), 'budgetLines')]
    const back = unpackChanges(overJson(packChanges(changes)))
    expect(Object.keys(back[0]!.after!)).toEqual(Object.keys(changes[0]!.after!))
  })

  it('leave rows with an undefined value, or an id unlike the change, unpacked', () => {
    const undefinedValue = add({ ...testLine('u', 'ph1', '2026-Q1', 1), originId: undefined }, 'budgetLines')
    const otherId = { ...add(testLine('v', 'ph1', '2026-Q1', 1), 'budgetLines'), id: 'w' }
    const packed = packChanges([undefinedValue, otherId])
    expect(packed.runs).toEqual([{ kind: 'plain', changes: [undefinedValue, otherId] }])
    expect(unpackChanges(structuredClone(packed))).toEqual([undefinedValue, otherId])
  })

  it('keep object values (a role capacity) per row', () => {
    const a = { ...testRole('a'), capacityBp: { '2026-Q1': 5000 } }
    const b = { ...testRole('b', 1), capacityBp: { '2026-Q1': 5000 } }
    const back = unpackChanges(overJson(packChanges([add(a, 'roles'), add(b, 'roles')])))
    expect(back.map((c) => c.after)).toEqual([a, b])
    expect((back[0]!.after as typeof a).capacityBp).not.toBe((back[1]!.after as typeof b).capacityBp)
  })

  it('pack an empty page to nothing', () => {
    expect(packChanges([])).toEqual({ count: 0, runs: [] })
    expect(unpackChanges({ count: 0, runs: [] })).toEqual([])
  })

  it('hold a page of 1,000 budget lines in less than half the JSON', () => {
    const changes = Array.from({ length: 1000 }, (_, i) =>
      add(
        testLine(`line-${i}`, `ph${i % 5}`, '2026-Q3', 12_345 + i, { order: i, title: `Line ${i}` }),
        'budgetLines'
      )
    )
    expect(JSON.stringify(packChanges(changes)).length).toBeLessThan(JSON.stringify(changes).length / 2)
  })

  it('give back any plan added and edited, page by page', () => {
    fc.assert(
      fc.property(arbitraryPlan, fc.integer({ min: 1, max: 40 }), (plan, pageSize) => {
        const changes: EntityChange[] = [
          ...plan.roles.map((r) => add(r, 'roles')),
          ...plan.allocations.map((a) => add(a, 'allocations')),
          ...plan.budgetLines.map((l) => add(l, 'budgetLines')),
          ...plan.risks.map((r) => ({ table: 'risks', id: r.id, before: r, after: null }) as EntityChange)
        ]
        const back: EntityChange[] = []
        for (let at = 0; at < changes.length; at += pageSize)
          back.push(...unpackChanges(overJson(packChanges(changes.slice(at, at + pageSize)))))
        expect(back).toEqual(overJson(changes))
      }),
      { numRuns: 100 }
    )
  })

  it('pack the small plan as a whole', () => {
    const plan = smallPlan()
    const changes = plan.budgetLines.map((l) => add(l, 'budgetLines'))
    expect(unpackChanges(packChanges(changes))).toEqual(changes)
  })
})
