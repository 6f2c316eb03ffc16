import { describe, expect, it } from 'vitest'
import {
  applyChanges,
  applyChangesChecked,
  applyChangesStepwise,
  deepEqual,
  planDataEqual,
  findConflicts,
  invertChanges,
  invertChangesStepwise,
  revertChangesChecked
} from './changes'
import { PlanningError } from './errors'
import { smallPlan, testAllocation } from '../../../test/support/testing'
import type { EntityChange } from './types'

describe('deepEqual', () => {
  it('ignores key order and keys holding undefined', () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true)
    expect(deepEqual({ a: 1, originId: undefined }, { a: 1 })).toBe(true)
    expect(deepEqual({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false)
    expect(deepEqual([], {})).toBe(false)
    expect(deepEqual(null, null)).toBe(true)
    expect(deepEqual(NaN, NaN)).toBe(true)
  })
})

describe('applyChangesStepwise', () => {
  it('pauses every few steps and ends with exactly what applyChanges gives', () => {
    const data = smallPlan()
    const changes: EntityChange[] = [
      ...Array.from({ length: 40 }, (_, i): EntityChange => {
        const a = testAllocation(`n${i}`, 'r1', 'a', '2026-Q1', 100 + i)
        return { table: 'allocations', id: a.id, before: null, after: a }
      }),
      { table: 'allocations', id: 'x1', before: data.allocations[0], after: null },
      { table: 'allocations', id: 'n3', before: null, after: testAllocation('n3', 'r2', 'a', '2026-Q2', 7) }
    ]
    const steps = applyChangesStepwise(data, changes, 5)
    let pauses = 0
    let r = steps.next()
    while (!r.done) {
      pauses++
      r = steps.next()
    }
    expect(pauses).toBeGreaterThanOrEqual(8)
    expect(r.value).toEqual(applyChanges(data, changes))
    expect(r.value.allocations.find((a) => a.id === 'n3')?.roleId).toBe('r2')
  })
})

describe('invertChangesStepwise', () => {
  it('pauses every `step` changes and ends with exactly what invertChanges gives', () => {
    const changes: EntityChange[] = Array.from({ length: 23 }, (_, i): EntityChange => {
      const a = testAllocation(`n${i}`, 'r1', 'a', '2026-Q1', 100 + i)
      return i % 3 === 0
        ? { table: 'allocations', id: a.id, before: a, after: null }
        : { table: 'allocations', id: a.id, before: null, after: a }
    })
    const steps = invertChangesStepwise(changes, 5)
    let pauses = 0
    let r = steps.next()
    while (!r.done) {
      pauses++
      r = steps.next()
    }
    expect(pauses).toBe(4)
    expect(r.value).toEqual(invertChanges(changes))
    // Last change first, before and after swapped; twice inverted is the list itself.
    expect(r.value[0]).toEqual({ ...changes[22], before: changes[22]!.after, after: changes[22]!.before })
    expect(invertChanges(r.value)).toEqual(changes)
  })
})

describe('applyChanges', () => {
  it('creates, updates and deletes by id without touching the input', () => {
    const data = smallPlan()
    const snapshot = structuredClone(data)
    const x1 = data.allocations[0]
    const x2 = data.allocations[1]
    const created = testAllocation('new', 'r2', 'a', '2026-Q2', 1_000)
    const next = applyChanges(data, [
      { table: 'allocations', id: x1.id, before: x1, after: { ...x1, shareBp: 1_234 } },
      { table: 'allocations', id: x2.id, before: x2, after: null },
      { table: 'allocations', id: 'new', before: null, after: created }
    ])
    expect(data).toEqual(snapshot)
    expect(next.allocations.map((a) => a.id)).toEqual(['x1', 'x3', 'x4', 'new'])
    expect(next.allocations[0].shareBp).toBe(1_234)
    expect(next.budgetLines).toBe(data.budgetLines)
  })

  it('updates the plan row through the plans table', () => {
    const data = smallPlan()
    const next = applyChanges(data, [
      { table: 'plans', id: 'p', before: data.plan, after: { ...data.plan, softCapBp: 9_000 } }
    ])
    expect(next.plan.softCapBp).toBe(9_000)
    expect(data.plan.softCapBp).toBe(8_500)
  })

  it('is undone exactly by its inverted changes', () => {
    const data = smallPlan()
    const x1 = data.allocations[0]
    const changes: EntityChange[] = [
      { table: 'allocations', id: x1.id, before: x1, after: { ...x1, shareBp: 10 } },
      { table: 'allocations', id: x1.id, before: { ...x1, shareBp: 10 }, after: null },
      { table: 'budgetLines', id: 'l9', before: null, after: { ...data.budgetLines[0], id: 'l9' } }
    ]
    const inverse = invertChanges(changes)
    expect(inverse.map((c) => c.id)).toEqual(['l9', 'x1', 'x1'])
    expect(inverse[0].after).toBeNull()
    const back = applyChanges(applyChanges(data, changes), inverse)
    expect(back.budgetLines).toEqual(data.budgetLines)
    expect(new Set(back.allocations.map((a) => a.id))).toEqual(new Set(data.allocations.map((a) => a.id)))
    expect(back.allocations.find((a) => a.id === 'x1')).toEqual(x1)
  })
})

describe('findConflicts', () => {
  it('finds nothing when replaying onto the state the changes were made on', () => {
    const data = smallPlan()
    const x1 = data.allocations[0]
    const changes: EntityChange[] = [
      { table: 'allocations', id: x1.id, before: x1, after: { ...x1, shareBp: 10 } },
      { table: 'allocations', id: x1.id, before: { ...x1, shareBp: 10 }, after: { ...x1, shareBp: 20 } }
    ]
    expect(findConflicts(data, changes, 'before')).toEqual([])
    const after = applyChanges(data, changes)
    expect(findConflicts(after, changes, 'after')).toEqual([])
  })

  it('reports entities edited since, so a revert applies nothing half-way', () => {
    const data = smallPlan()
    const x1 = data.allocations[0]
    const entry: EntityChange[] = [
      { table: 'allocations', id: x1.id, before: x1, after: { ...x1, shareBp: 10 } },
      { table: 'budgetLines', id: 'l1', before: data.budgetLines[0], after: null }
    ]
    const applied = applyChanges(data, entry)
    const laterEdit = applyChanges(applied, [
      { table: 'allocations', id: x1.id, before: { ...x1, shareBp: 10 }, after: { ...x1, shareBp: 99 } }
    ])
    const conflicts = findConflicts(laterEdit, entry, 'after')
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0].index).toBe(0)
    expect(conflicts[0].current).toMatchObject({ shareBp: 99 })
    expect(() => revertChangesChecked(laterEdit, entry)).toThrowError(
      expect.objectContaining({ code: 'conflict' })
    )
    expect(revertChangesChecked(applied, entry).allocations.find((a) => a.id === 'x1')).toEqual(x1)
  })

  it('reports a create whose id already exists and a delete of a missing entity', () => {
    const data = smallPlan()
    const changes: EntityChange[] = [
      { table: 'allocations', id: 'x1', before: null, after: data.allocations[0] },
      {
        table: 'allocations',
        id: 'gone',
        before: testAllocation('gone', 'r1', 'a', '2025-Q4', 1),
        after: null
      }
    ]
    expect(findConflicts(data, changes, 'before').map((c) => c.index)).toEqual([0, 1])
    expect(() => applyChangesChecked(data, changes)).toThrow(PlanningError)
  })
})

describe('planDataEqual', () => {
  it('ignores the order of table rows but not their content', () => {
    const a = smallPlan()
    const b = smallPlan()
    b.allocations.reverse()
    expect(planDataEqual(a, b)).toBe(true)
    b.allocations[0] = { ...b.allocations[0], shareBp: 1 }
    expect(planDataEqual(a, b)).toBe(false)
    const c = smallPlan()
    c.plan = { ...c.plan, name: 'Other' }
    expect(planDataEqual(a, c)).toBe(false)
  })
})

describe('applyChanges on many changes to one table', () => {
  it('gives the same result whether a table gets a few changes or many', () => {
    const data = smallPlan()
    const x1 = data.allocations[0]
    const many: EntityChange[] = [
      { table: 'allocations', id: 'x1', before: x1, after: null },
      { table: 'allocations', id: 'x1', before: null, after: { ...x1, shareBp: 7 } },
      ...Array.from({ length: 12 }, (_, i): EntityChange => {
        const a = testAllocation(`m${i}`, 'r1', 'a', '2026-Q3', i + 1)
        return { table: 'allocations', id: a.id, before: null, after: a }
      }),
      { table: 'allocations', id: 'm3', before: testAllocation('m3', 'r1', 'a', '2026-Q3', 4), after: null }
    ]
    const all = applyChanges(data, many)
    const stepwise = many.reduce((d, c) => applyChanges(d, [c]), data)
    expect(all).toEqual(stepwise)
    expect(all.allocations.map((a) => a.id)).toEqual([
      'x2',
      'x3',
      'x4',
      'x1',
      'm0',
      'm1',
      'm2',
      'm4',
      'm5',
      'm6',
      'm7',
      'm8',
      'm9',
      'm10',
      'm11'
    ])
    expect(all.allocations.find((a) => a.id === 'x1')?.shareBp).toBe(7)
  })
})
