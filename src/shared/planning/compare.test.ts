import { describe, expect, it } from 'vitest'
import { applyChanges } from './changes'
import { clonePlanData } from './clone'
import { comparePlans, pairEntities } from './compare'
import { moveAllocation, moveBudgetLine, setRiskProbability, setWorkstreamSchedule } from './moves'
import { buildFreshFoodzPlan } from './seed/freshfoodz'

const base = () => buildFreshFoodzPlan({ now: '2025-10-01T00:00:00.000Z' })

describe('comparePlans', () => {
  it('finds no deltas between a plan and its fresh copy', () => {
    const a = base()
    const cmp = comparePlans(a, clonePlanData(a, { newPlanId: 's', name: 'S' }))
    expect(cmp.shareDeltas).toEqual([])
    expect(cmp.budgetDeltas).toEqual([])
    expect(cmp.scheduleChanges).toEqual([])
    expect(cmp.a.totalCostCents).toBe(cmp.b.totalCostCents)
    expect(cmp.a.budgetCents).toBe(41_500_000)
    expect(cmp.a.contingencyCents).toBe(6_000_000)
  })

  it('lists share, budget and schedule changes made in a scenario, matched through originId', () => {
    const a = base()
    let b = clonePlanData(a, { newPlanId: 's', name: 'S' })
    const devops = b.roles.find((r) => r.name === 'DevOps Lead')!
    const chip = b.allocations.find((x) => x.roleId === devops.id && x.quarter === '2025-Q4')!
    b = applyChanges(b, moveAllocation(b, chip.id, { quarter: '2026-Q1' }))
    const line = b.budgetLines.find((l) => l.amountCents === 2_000_000)!
    b = applyChanges(b, moveBudgetLine(b, line.id, { quarter: '2026-Q1' }, 500_000))
    const ws = b.workstreams.find((w) => w.key === 'betrieb')!
    b = applyChanges(b, setWorkstreamSchedule(b, ws.id, '2026-03', 6))
    b = applyChanges(b, setRiskProbability(b, b.risks[0].id, 40))

    const cmp = comparePlans(a, b)
    expect(cmp.shareDeltas).toEqual([
      expect.objectContaining({
        roleName: 'DevOps Lead',
        quarter: '2025-Q4',
        aBp: 10_000,
        bBp: 5_000,
        deltaBp: -5_000
      }),
      expect.objectContaining({
        roleName: 'DevOps Lead',
        quarter: '2026-Q1',
        aBp: 10_000,
        bBp: 15_000,
        deltaBp: 5_000
      })
    ])
    expect(cmp.budgetDeltas).toEqual([
      expect.objectContaining({ phaseName: 'Foundation', quarter: '2025-Q4', deltaCents: -500_000 }),
      expect.objectContaining({ phaseName: 'Foundation', quarter: '2026-Q1', aCents: 0, deltaCents: 500_000 })
    ])
    expect(cmp.scheduleChanges).toEqual([
      expect.objectContaining({ workstreamKey: 'betrieb', a: { startMonth: '2026-02', durationWeeks: 6 } })
    ])
    expect(cmp.a.overAllocations).toEqual([])
    expect(cmp.b.overAllocations).toEqual([
      expect.objectContaining({ roleId: devops.id, quarter: '2026-Q1' })
    ])
    expect(cmp.b.contingencyCents - cmp.a.contingencyCents).toBe(1_000_000)
    expect(cmp.b.totalCostCents).toBe(41_500_000 + 7_000_000)
  })

  it('falls back to names for plans built separately', () => {
    const a = base()
    const b = buildFreshFoodzPlan({ planId: 'other', now: 'T' })
    b.allocations = b.allocations.filter((x) => !x.id.includes('legal-advisor'))
    const cmp = comparePlans(a, b)
    expect(cmp.shareDeltas).toEqual([
      expect.objectContaining({
        roleName: 'Legal Advisor',
        quarter: '2026-Q3',
        aBp: 2_500,
        bBp: 0,
        roleIdB: 'other:role:legal-advisor'
      })
    ])
  })

  it('pairs each entity at most once, listing unpaired ones from either side', () => {
    const pairs = pairEntities(
      [
        { id: '1', name: 'x' },
        { id: '2', name: 'y' }
      ],
      [
        { id: '9', originId: '1', name: 'z' },
        { id: '8', name: 'x' },
        { id: '7', name: 'w' }
      ],
      (e) => e.name
    )
    expect(pairs.map((p) => [p.a?.id ?? null, p.b?.id ?? null])).toEqual([
      ['1', '9'],
      [null, '8'],
      [null, '7'],
      ['2', null]
    ])
  })
})
