import { describe, expect, it } from 'vitest'
import { contingency, expectedCostCents, riskQuarters, spreadEvenly } from './risk'
import { smallPlan } from '../../../test/support/testing'
import type { Risk } from './types'

const risk = (over: Partial<Risk>): Risk => ({
  id: 'rk',
  planId: 'p',
  order: 1,
  title: 'Risk',
  probabilityPct: 30,
  impactLevel: 'high',
  impactText: '',
  impactCents: 1_000,
  mitigations: [],
  phaseIds: [],
  workstreamIds: [],
  ...over
})

describe('risk contingency', () => {
  it('expects probability × impact, rounded to the cent', () => {
    expect(expectedCostCents({ probabilityPct: 30, impactCents: 10_000_000 })).toBe(3_000_000)
    expect(expectedCostCents({ probabilityPct: 15, impactCents: 333 })).toBe(50)
    expect(expectedCostCents({ probabilityPct: 0, impactCents: 333 })).toBe(0)
  })

  it('spreads evenly with the remainder on the last quarter, summing exactly', () => {
    expect(spreadEvenly(100, 3)).toEqual([33, 33, 34])
    expect(spreadEvenly(2, 3)).toEqual([0, 0, 2])
    expect(spreadEvenly(5, 0)).toEqual([])
  })

  it('uses the quarters of linked phases and workstreams, else the whole plan', () => {
    const data = smallPlan()
    expect(riskQuarters(data, risk({ phaseIds: ['ph2'] }))).toEqual(['2026-Q1', '2026-Q2'])
    expect(riskQuarters(data, risk({ phaseIds: ['ph1'], workstreamIds: ['c'] }))).toEqual([
      '2025-Q4',
      '2026-Q1'
    ])
    expect(riskQuarters(data, risk({}))).toEqual(data.plan.quarters)
  })

  it('totals contingency per quarter and overall', () => {
    const data = smallPlan()
    data.risks = [
      risk({ id: 'a', probabilityPct: 50, impactCents: 1_001, phaseIds: ['ph2'] }),
      risk({ id: 'b', probabilityPct: 10, impactCents: 10_000, phaseIds: ['ph1'] })
    ]
    const c = contingency(data)
    expect(c.totalCents).toBe(501 + 1_000)
    expect(c.byQuarter.get('2026-Q1')).toBe(250)
    expect(c.byQuarter.get('2026-Q2')).toBe(251)
    expect(c.byQuarter.get('2025-Q4')).toBe(1_000)
    expect(c.byRisk[0]).toMatchObject({ riskId: 'a', expectedCents: 501, quarters: ['2026-Q1', '2026-Q2'] })
  })
})
