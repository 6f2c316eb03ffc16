import { describe, expect, it } from 'vitest'
import {
  budgetSummary,
  budgetSummaryStepwise,
  budgetTotals,
  budgetTotalsStepwise,
  capBreaches,
  costOfAllocations,
  toBaseCents
} from './budget'
import { runToEnd } from '../stepwise'
import { generateLargePlan } from '../../../test/support/large-plan'
import { smallPlan, testLine } from '../../../test/support/testing'

describe('budget', () => {
  it('converts CHF lines with the plan rate, rounding to the cent', () => {
    expect(toBaseCents({ amountCents: 10_000, currency: 'CHF' }, { chfToEur: 1.07 })).toBe(10_700)
    expect(toBaseCents({ amountCents: 1, currency: 'CHF' }, { chfToEur: 1.5 })).toBe(2)
    expect(toBaseCents({ amountCents: 333, currency: 'EUR' }, { chfToEur: 1.07 })).toBe(333)
  })

  it('totals per phase, quarter, phase × quarter, category, workstream and currency', () => {
    const t = budgetTotals(smallPlan())
    expect(t.totalCents).toBe(20_000 + 30_000 + 10_700)
    expect(t.byPhase.get('ph1')).toBe(50_000)
    expect(t.byPhase.get('ph2')).toBe(10_700)
    expect(t.byQuarter.get('2025-Q4')).toBe(50_000)
    expect(t.byPhaseQuarter.get('ph2')?.get('2026-Q1')).toBe(10_700)
    expect(t.byCategory.get('consulting')).toBe(40_700)
    expect(t.byWorkstream.get(null)).toBe(10_700)
    expect(t.byWorkstream.get('a')).toBe(20_000)
    expect(t.byCurrency.get('CHF')).toBe(10_000)
  })

  it('reports remaining per phase cap, breaches and the plan total against its budget', () => {
    const data = smallPlan()
    data.budgetLines.push(testLine('l4', 'ph1', '2025-Q4', 1))
    const s = budgetSummary(data)
    expect(s.phases.map((p) => [p.phaseId, p.remainingCents, p.breached])).toEqual([
      ['ph1', -1, true],
      ['ph2', 80_000 - 10_700, false]
    ])
    expect(capBreaches(data).map((p) => p.phaseId)).toEqual(['ph1'])
    expect(s.planRemainingCents).toBe(1_000_000 - 60_701)
    expect(s.overPlanBudget).toBe(false)
    data.plan.totalBudgetCents = 60_000
    expect(budgetSummary(data).overPlanBudget).toBe(true)
  })

  it('costs allocations of roles with a quarterly FTE cost, rounding once per role and quarter', () => {
    const data = smallPlan()
    data.roles[0].costPerFteQuarterCents = 3_000_001
    const cost = costOfAllocations(data)
    // r1: 1.0 FTE in 2025-Q4 (two chips of 50 %), 0.25 FTE in 2026-Q1; r2 has no cost
    expect(cost.byQuarter.get('2025-Q4')).toBe(3_000_001)
    expect(cost.byQuarter.get('2026-Q1')).toBe(750_000)
    expect(cost.totalCents).toBe(3_750_001)
    expect(cost.byRoleQuarter.has('r2')).toBe(false)
  })
})

describe('budget totals a slice at a time', () => {
  it('gives the same totals as one pass, pausing every `step` lines', () => {
    const data = generateLargePlan({
      roles: 20,
      workstreams: 5,
      allocations: 100,
      budgetLines: 1_003,
      seed: 7
    })
    const steps = budgetTotalsStepwise(data, 100)
    let pauses = 0
    let r = steps.next()
    while (!r.done) {
      pauses++
      r = steps.next()
    }
    expect(pauses).toBe(10)
    expect(r.value).toEqual(budgetTotals(data))
    expect(runToEnd(budgetTotalsStepwise(data, 1))).toEqual(budgetTotals(data))
    expect(runToEnd(budgetSummaryStepwise(data, 100))).toEqual(budgetSummary(data))
  })
})
