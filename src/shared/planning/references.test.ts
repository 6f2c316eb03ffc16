import { describe, expect, it } from 'vitest'
import { smallPlan } from '../../../test/support/testing'
import { applyChanges } from './changes'
import { removeWorkstream } from './edit'
import { strandedReferences } from './references'
import type { EntityChange } from './types'

describe('strandedReferences', () => {
  it('is empty for a removal whose own cascade took everything that referred to it', () => {
    const data = smallPlan()
    const changes = removeWorkstream(data, 'a')
    expect(strandedReferences(applyChanges(data, changes), changes)).toEqual([])
  })

  it('names each untouched entity left pointing at what the changes remove', () => {
    const data = smallPlan()
    // Deleting workstream a alone: its allocation x1, line l1 and dependent c still refer to it.
    const changes: EntityChange[] = [
      { table: 'workstreams', id: 'a', before: data.workstreams[0], after: null }
    ]
    const out = strandedReferences(applyChanges(data, changes), changes)
    expect(out.map((s) => s.by)).toEqual([
      { table: 'workstreams', id: 'c' },
      { table: 'allocations', id: 'x1' },
      { table: 'budgetLines', id: 'l1' }
    ])
    expect(out.every((s) => s.change === 0 && s.removed.id === 'a')).toBe(true)
  })
})
