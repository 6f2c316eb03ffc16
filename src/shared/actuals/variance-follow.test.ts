// planVsActual from a budget index that followed commits equals planVsActual over the lines.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import { applyBudgetChanges, buildBudgetIndex } from '../planning/budget-index'
import { randomCommits } from '../../../test/support/random-commits'
import { chfToEurCents } from './currency'
import type { Actual } from './types'
import { planCellsOfIndex, planVsActual } from './variance'

const base = buildFreshFoodzPlan({ planId: 'p', now: '2026-01-01T00:00:00.000Z' })
const phaseIds = base.phases.map((p) => p.id)
const wsIds = [...base.workstreams.map((w) => w.id), null]
const quarters = base.plan.quarters

const commits = randomCommits(
  {
    budgetLines: {
      fields: {
        phaseId: fc.constantFrom(...phaseIds),
        workstreamId: fc.constantFrom(...wsIds),
        quarter: fc.constantFrom(...quarters),
        amountCents: fc.integer({ min: -100_000, max: 5_000_000 }),
        currency: fc.constantFrom('EUR' as const, 'CHF' as const)
      },
      add: (id) => ({ ...base.budgetLines[0]!, id })
    }
  },
  { maxCommits: 15 }
)

const actualArb = fc.record({
  phase: fc.nat(phaseIds.length - 1),
  ws: fc.nat(wsIds.length - 1),
  quarter: fc.nat(quarters.length - 1),
  eurCents: fc.integer({ min: -100_000, max: 5_000_000 }),
  chfCents: fc.integer({ min: 0, max: 5_000_000 })
})

describe('planVsActual with plan cells from a followed budget index', () => {
  it('equals the pass over every line after random commits, with random actuals', () => {
    fc.assert(
      fc.property(commits.arbitrary, fc.array(actualArb, { maxLength: 12 }), (ops, sums) => {
        const actuals: Actual[] = sums.map((s, i) => ({
          id: `a${i}`,
          planId: 'p',
          phaseId: phaseIds[s.phase]!,
          workstreamId: wsIds[s.ws]!,
          quarter: quarters[s.quarter]!,
          category: '',
          eurCents: s.eurCents,
          chfCents: s.chfCents,
          chfBaseCents: chfToEurCents(s.chfCents, base.plan.chfToEur),
          chfToEur: base.plan.chfToEur,
          bookings: 1,
          source: { fileName: 'buchungen.xlsx', fingerprint: 'f1', importedAt: '2026-04-02T00:00:00.000Z' }
        }))
        let index = buildBudgetIndex(base.budgetLines, base.plan)
        for (const { data, changes } of commits.replay(base, ops)) {
          index = applyBudgetChanges(index, changes)
          const followed = planVsActual(data, actuals, { planCells: planCellsOfIndex(index) })
          expect(followed).toEqual(planVsActual(data, actuals))
        }
      }),
      { numRuns: 100 }
    )
  })
})
