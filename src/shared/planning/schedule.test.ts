import { describe, expect, it } from 'vitest'
import {
  dependencyViolations,
  previewMoveViolations,
  workstreamEndDate,
  workstreamEndMonth,
  workstreamQuarters,
  wouldMoveViolate
} from './schedule'
import { smallPlan, testAllocation, testWorkstream } from '../../../test/support/testing'

describe('workstream schedule', () => {
  it('ends durationWeeks × 7 days after the first of the start month', () => {
    expect(workstreamEndDate({ startMonth: '2025-10', durationWeeks: 4 }).toISOString()).toBe(
      '2025-10-29T00:00:00.000Z'
    )
    expect(workstreamEndMonth({ startMonth: '2025-11', durationWeeks: 6 })).toBe('2025-12')
    expect(workstreamEndMonth({ startMonth: '2025-10', durationWeeks: 4 })).toBe('2025-10')
  })

  it('lists the quarters a schedule touches, across a year boundary', () => {
    expect(workstreamQuarters({ startMonth: '2025-10', durationWeeks: 4 })).toEqual(['2025-Q4'])
    expect(workstreamQuarters({ startMonth: '2025-12', durationWeeks: 8 })).toEqual(['2025-Q4', '2026-Q1'])
    expect(workstreamQuarters({ startMonth: '2026-01', durationWeeks: 52 })).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4'
    ])
  })
})

describe('dependencyViolations', () => {
  it('finds none when work starts after its dependency ends', () => {
    expect(dependencyViolations(smallPlan())).toEqual([])
  })

  it('allows starting in the month the dependency finishes, not before', () => {
    const data = smallPlan()
    // a: 2025-10 for 4 weeks ends in October
    data.workstreams[2] = testWorkstream('c', 'ph2', '2025-10', 6, ['a'])
    data.allocations = []
    expect(dependencyViolations(data)).toEqual([])
    data.workstreams[0] = testWorkstream('a', 'ph1', '2025-10', 8)
    expect(dependencyViolations(data)).toEqual([
      {
        kind: 'schedule',
        workstreamId: 'c',
        dependsOnId: 'a',
        reason: 'starts-before-dependency-ends',
        startMonth: '2025-10',
        dependencyEndMonth: '2025-11'
      }
    ])
  })

  it('reports work allocated before the quarter in which the dependency has its last work', () => {
    const data = smallPlan()
    data.allocations.push(testAllocation('late', 'r2', 'a', '2026-Q2', 1_000))
    const v = dependencyViolations(data)
    expect(
      v.map((x) => (x.kind === 'allocation' ? [x.allocationId, x.dependencyEndQuarter] : x.kind))
    ).toEqual([
      ['x3', '2026-Q2'],
      ['x4', '2026-Q2']
    ])
  })

  it('reports a dependency on a workstream that is not in the plan', () => {
    const data = smallPlan()
    data.workstreams[1].dependsOn = ['ghost']
    expect(dependencyViolations(data)).toMatchObject([
      { kind: 'schedule', workstreamId: 'b', dependsOnId: 'ghost', reason: 'missing-dependency' }
    ])
  })

  it('previews only the violations a move would add', () => {
    const data = smallPlan()
    // x4 puts work on c (depends on a, which ends 2025-Q4) — moving it into 2025-Q3 is early
    expect(wouldMoveViolate(data, 'x4', '2025-Q3')).toBe(true)
    expect(wouldMoveViolate(data, 'x4', '2026-Q2')).toBe(false)
    expect(wouldMoveViolate(data, 'x4', '2025-Q4')).toBe(false)
    // moving the dependency's work later makes c's existing work early
    const added = previewMoveViolations(data, 'x1', { quarter: '2026-Q2' }, 1_000)
    expect(added.map((v) => v.kind === 'allocation' && v.quarter)).toEqual(['2026-Q1', '2026-Q1'])
    expect(previewMoveViolations(data, 'x1', {})).toEqual([])
  })
})
