import { describe, expect, it } from 'vitest'
import { DEFAULT_CHF_TO_EUR, DEFAULT_SOFT_CAP_BP, newPlanRow } from './defaults'
import { blankPlan } from './edit'
import { buildFreshFoodzPlan } from './seed/freshfoodz'

describe('new plan defaults', () => {
  it('a new plan warns above 85 % and assumes 1.07 EUR per CHF unless told otherwise', () => {
    const row = newPlanRow({ id: 'x', name: 'X', quarters: ['2026-Q1'] }, '2026-01-01T00:00:00.000Z')
    expect(row.softCapBp).toBe(8_500)
    expect(DEFAULT_SOFT_CAP_BP).toBe(8_500)
    expect(row.chfToEur).toBe(DEFAULT_CHF_TO_EUR)
    expect(row).toMatchObject({ totalBudgetCents: 0, baseId: null, archived: false, builtin: false })
    expect(row.createdAt).toBe(row.updatedAt)
  })

  it('the blank plan and the built-in plan start from the same defaults', () => {
    const blank = blankPlan({ planId: 'b', name: ' Blank ', from: '2026-Q1', to: '2026-Q4' }).plan
    expect(blank).toMatchObject({ name: 'Blank', softCapBp: DEFAULT_SOFT_CAP_BP, chfToEur: 1 })
    const builtin = buildFreshFoodzPlan().plan
    expect(builtin).toMatchObject({
      softCapBp: DEFAULT_SOFT_CAP_BP,
      chfToEur: DEFAULT_CHF_TO_EUR,
      builtin: true
    })
  })
})
