import { describe, expect, it } from 'vitest'
import { moveAllocation } from '@shared/planning/moves'
import { idSequence, smallPlan } from '../../../../../test/support/testing'
import type { EntityChange } from '@shared/planning/types'
import { changeDetails, diffFields, laterTouching } from './change-details'

describe('history details', () => {
  it('lists only the fields that differ, ignoring bookkeeping', () => {
    expect(
      diffFields(
        { id: 'a', quarter: '2025-Q4', shareBp: 5000, updatedAt: 'x' },
        { id: 'a', quarter: '2026-Q1', shareBp: 5000, updatedAt: 'y' }
      )
    ).toEqual([{ field: 'quarter', before: '2025-Q4', after: '2026-Q1' }])
  })

  it('describes a partial move as one changed and one created allocation', () => {
    const d = smallPlan()
    const changes = moveAllocation(d, 'x1', { quarter: '2026-Q1' }, 2_500, { newId: idSequence() })
    const details = changeDetails(changes)
    expect(details.map((x) => [x.table, x.action])).toEqual([
      ['allocations', 'changed'],
      ['allocations', 'created']
    ])
    expect(details[0].fields).toEqual([{ field: 'shareBp', before: 5_000, after: 2_500 }])
    expect(details[1].fields.find((f) => f.field === 'quarter')).toEqual({
      field: 'quarter',
      before: undefined,
      after: '2026-Q1'
    })
  })

  it('finds the later, not undone entries that touched the same items', () => {
    const d = smallPlan()
    const a = moveAllocation(d, 'x1', { quarter: '2026-Q1' })
    const other: EntityChange[] = moveAllocation(d, 'x3', { quarter: '2026-Q2' })
    const entries = [
      { seq: 3, undone: false, changes: a },
      { seq: 4, undone: true, changes: a },
      { seq: 5, undone: false, changes: other },
      { seq: 1, undone: false, changes: a }
    ]
    expect(laterTouching(entries, 2, a).map((e) => e.seq)).toEqual([3])
  })
})
