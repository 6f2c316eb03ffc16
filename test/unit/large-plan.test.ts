import { describe, expect, it } from 'vitest'
import { budgetTotals } from '../../src/shared/planning/budget'
import { generateLargePlan } from '../support/large-plan'
import { utilization } from '../../src/shared/planning/utilization'

describe('generateLargePlan', () => {
  it('is deterministic for a seed and has the requested sizes', () => {
    const a = generateLargePlan({ roles: 50, workstreams: 10, allocations: 500, budgetLines: 300, seed: 7 })
    const b = generateLargePlan({ roles: 50, workstreams: 10, allocations: 500, budgetLines: 300, seed: 7 })
    expect(a).toEqual(b)
    expect(a.roles).toHaveLength(50)
    expect(a.workstreams).toHaveLength(10)
    expect(a.allocations).toHaveLength(500)
    expect(a.budgetLines).toHaveLength(300)
    expect(a.phases).toHaveLength(5)
    expect(a.plan.quarters[0]).toBe('2025-Q4')
    expect(a.plan.quarters).toHaveLength(12)
    expect(
      generateLargePlan({ roles: 50, workstreams: 10, allocations: 500, budgetLines: 300, seed: 8 })
    ).not.toEqual(a)
  })

  it('builds the full-size plan with unique cells and consistent references', () => {
    const data = generateLargePlan({ seed: 1 })
    expect(data.roles).toHaveLength(1000)
    expect(data.allocations).toHaveLength(20_000)
    expect(data.budgetLines).toHaveLength(10_000)
    const cells = new Set(data.allocations.map((a) => `${a.roleId}|${a.workstreamId}|${a.quarter}`))
    expect(cells.size).toBe(20_000)
    const ws = new Set(data.workstreams.map((w) => w.id))
    expect(
      data.allocations.every((a) => ws.has(a.workstreamId) && data.plan.quarters.includes(a.quarter))
    ).toBe(true)
    expect(utilization(data).size).toBe(1000)
    expect(budgetTotals(data).totalCents).toBeLessThanOrEqual(data.plan.totalBudgetCents)
  })
})
