import { describe, expect, it } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { allocationMoveSummary, quickRescheduleSummary, workstreamName } from './history-summaries'

describe('workstreams in history summaries', () => {
  it('are named by their title, by their key only when the title is empty', () => {
    expect(workstreamName({ key: 'WS1', title: 'Database Foundation' })).toBe('Database Foundation')
    expect(workstreamName({ key: 'WS1', title: '  ' })).toBe('WS1')
    expect(quickRescheduleSummary({ key: 'WS1', title: 'Database Foundation' }, '2026-03', 6).values).toEqual(
      { ws: 'Database Foundation', month: '2026-03', weeks: 6 }
    )
  })

  it('a board move names both workstreams by title, and an untitled one by key', () => {
    const d = smallPlan()
    const [a, b] = d.workstreams
    const data = {
      ...d,
      workstreams: d.workstreams.map((w) =>
        w.id === a!.id ? { ...w, title: 'Database Foundation' } : w.id === b!.id ? { ...w, title: '' } : w
      )
    }
    const alloc = data.allocations.find((x) => x.workstreamId === a!.id)!
    const s = allocationMoveSummary(data, alloc, { workstreamId: b!.id }, alloc.shareBp)
    expect(s.values).toMatchObject({ workstream: 'Database Foundation', toWorkstream: b!.key })
  })
})
