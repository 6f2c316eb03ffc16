import { describe, expect, it } from 'vitest'
import { smallPlan, testAllocation } from '../../../test/support/testing'
import { allocatedByWorkstream, overAllocations, utilization, utilizationLevel } from './utilization'

describe('utilization', () => {
  it('sums shares per role and quarter against capacity (default 1.0 FTE)', () => {
    const data = smallPlan()
    const table = utilization(data)
    expect(table.get('r1')?.get('2025-Q4')).toEqual({
      roleId: 'r1',
      quarter: '2025-Q4',
      allocatedBp: 10_000,
      capacityBp: 10_000,
      ratio: 1,
      level: 'amber'
    })
    expect(table.get('r1')?.get('2026-Q2')).toMatchObject({ allocatedBp: 0, ratio: 0, level: 'ok' })
    // r2 has half capacity in 2026-Q1 and 50 % allocated there: full, but not over
    expect(table.get('r2')?.get('2026-Q1')).toMatchObject({
      allocatedBp: 5_000,
      capacityBp: 5_000,
      level: 'amber'
    })
    expect(table.get('r2')?.size).toBe(data.plan.quarters.length)
  })

  it('colours amber above the soft cap and red above 100 %', () => {
    expect(utilizationLevel(8_500, 10_000, 8_500)).toBe('ok')
    expect(utilizationLevel(8_501, 10_000, 8_500)).toBe('amber')
    expect(utilizationLevel(10_000, 10_000, 8_500)).toBe('amber')
    expect(utilizationLevel(10_001, 10_000, 8_500)).toBe('red')
    expect(utilizationLevel(1, 0, 8_500)).toBe('red')
    expect(utilizationLevel(0, 0, 8_500)).toBe('ok')
  })

  it('lists over-allocations, also for quarters outside the plan span', () => {
    const data = smallPlan()
    data.allocations.push(testAllocation('y', 'r2', 'a', '2026-Q1', 1))
    data.allocations.push(testAllocation('z', 'r1', 'a', '2027-Q1', 15_000))
    const over = overAllocations(data)
    expect(over.map((c) => `${c.roleId}@${c.quarter}`)).toEqual(['r1@2027-Q1', 'r2@2026-Q1'])
    expect(overAllocations(data, { includeAmber: true }).map((c) => `${c.roleId}@${c.quarter}`)).toEqual([
      'r1@2025-Q4',
      'r1@2027-Q1',
      'r2@2026-Q1'
    ])
    const zeroCap = smallPlan()
    zeroCap.roles[0].capacityBp = { '2025-Q4': 0 }
    expect(utilization(zeroCap).get('r1')?.get('2025-Q4')).toMatchObject({ ratio: Infinity, level: 'red' })
  })

  it('totals allocations per workstream by quarter and role', () => {
    const load = allocatedByWorkstream(smallPlan())
    expect(load.get('c')?.totalBp).toBe(7_500)
    expect(load.get('c')?.byQuarter.get('2026-Q1')).toBe(7_500)
    expect(load.get('c')?.byRole.get('r2')).toBe(5_000)
    expect(load.has('nothing')).toBe(false)
  })
})
