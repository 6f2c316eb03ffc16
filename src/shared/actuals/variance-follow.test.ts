// planVsActual from a budget index that followed commits equals planVsActual over the lines.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import { applyBudgetChanges, buildBudgetIndex } from '../planning/budget-index'
import { applyChanges } from '../planning/changes'
import type { BudgetLine, EntityChange, PlanData } from '../planning/types'
import { chfToEurCents } from './currency'
import type { Actual } from './types'
import { planCellsOfIndex, planVsActual } from './variance'

const base = buildFreshFoodzPlan({ planId: 'p', now: '2026-01-01T00:00:00.000Z' })
const phaseIds = base.phases.map((p) => p.id)
const wsIds = [...base.workstreams.map((w) => w.id), null]
const quarters = base.plan.quarters

const opArb = fc.record({
  kind: fc.constantFrom('add' as const, 'edit' as const, 'delete' as const),
  pick: fc.nat(),
  phase: fc.nat(phaseIds.length - 1),
  ws: fc.nat(wsIds.length - 1),
  quarter: fc.nat(quarters.length - 1),
  cents: fc.integer({ min: -100_000, max: 5_000_000 }),
  chf: fc.boolean()
})
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never

function changeFor(data: PlanData, op: Op, n: number): EntityChange | null {
  const fields = {
    phaseId: phaseIds[op.phase]!,
    workstreamId: wsIds[op.ws]!,
    quarter: quarters[op.quarter]!,
    amountCents: op.cents,
    currency: op.chf ? ('CHF' as const) : ('EUR' as const)
  }
  if (op.kind === 'add') {
    const after: BudgetLine = { ...data.budgetLines[0]!, id: `new${n}`, ...fields }
    return { table: 'budgetLines', id: after.id, before: null, after }
  }
  if (data.budgetLines.length === 0) return null
  const l = data.budgetLines[op.pick % data.budgetLines.length]!
  if (op.kind === 'delete') return { table: 'budgetLines', id: l.id, before: l, after: null }
  return { table: 'budgetLines', id: l.id, before: l, after: { ...l, ...fields } }
}

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
      fc.property(
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { maxLength: 15 }),
        fc.array(actualArb, { maxLength: 12 }),
        (commits, sums) => {
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
          let data: PlanData = base
          let index = buildBudgetIndex(data.budgetLines, data.plan)
          let n = 0
          for (const ops of commits) {
            const changes: EntityChange[] = []
            for (const op of ops) {
              const c = changeFor(data, op, n++)
              if (!c) continue
              changes.push(c)
              data = applyChanges(data, [c])
            }
            index = applyBudgetChanges(index, changes)
            const followed = planVsActual(data, actuals, { planCells: planCellsOfIndex(index) })
            expect(followed).toEqual(planVsActual(data, actuals))
          }
        }
      ),
      { numRuns: 100 }
    )
  })
})
