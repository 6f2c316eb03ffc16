import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runFor, runToEnd } from '../stepwise'
import { findFollow, noteDerivation } from './plan-index'
import {
  applyLinesByPhase,
  applyLinesByPhaseStepwise,
  buildLinesByPhase,
  buildLinesByPhaseStepwise,
  type LinesByPhase
} from './lines-by-phase'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testLine } from '../../../test/support/testing'
import { generateLargePlan } from '../../../test/support/large-plan'
import type { BudgetLine, EntityChange, QuarterKey } from './types'

/** Each phase's lines as ids in list order, phases sorted. */
const plain = (index: LinesByPhase) =>
  [...index.byPhase]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([phaseId, list]) => [phaseId, list.map((l) => l.id)])

const QUARTERS: QuarterKey[] = ['2025-Q4', '2026-Q1', '2026-Q2']
const commits = randomCommits(
  {
    budgetLines: {
      fields: {
        phaseId: fc.constantFrom('ph1', 'ph2', 'ph3'),
        quarter: fc.constantFrom(...QUARTERS),
        amountCents: fc.nat(100_000),
        order: fc.integer({ min: 1, max: 6 })
      },
      add: (id) => testLine(id, 'ph1', QUARTERS[0]!, 0)
    }
  },
  { maxCommits: 30 }
)

describe('lines by phase, following commits', () => {
  it('equals a fresh grouping after random adds, moves, reorders and deletes; untouched phases keep their lists', () => {
    fc.assert(
      fc.property(commits.arbitrary, (ops) => {
        const start = smallPlan()
        let index = buildLinesByPhase(start.budgetLines)
        for (const { data, changes } of commits.replay(start, ops)) {
          const before = index
          const shown = plain(before)
          index = applyLinesByPhase(before, changes)
          expect(plain(index)).toEqual(plain(buildLinesByPhase(data.budgetLines)))
          // The index applied to is left as it was, and shares the lists of phases no change touched.
          expect(plain(before)).toEqual(shown)
          const touched = new Set(
            changes.flatMap((c) =>
              [c.before, c.after].map((l) => (l as { phaseId?: string } | null)?.phaseId)
            )
          )
          for (const [phaseId, list] of index.byPhase)
            if (!touched.has(phaseId)) expect(list).toBe(before.byPhase.get(phaseId))
        }
      }),
      { numRuns: 200 }
    )
  })

  it('groups a plan read in order without sorting, and yields between slices on a big plan', () => {
    const data = generateLargePlan({ seed: 4, roles: 10, allocations: 50, budgetLines: 20_000 })
    const index = buildLinesByPhase(data.budgetLines)
    expect([...index.byPhase.values()].reduce((n, l) => n + l.length, 0)).toBe(20_000)
    let clock = 0
    expect(runFor(buildLinesByPhaseStepwise(data.budgetLines), 3, () => clock++)).toBeUndefined()
  })
})

describe('lines by phase, followed a step at a time', () => {
  it('equals the unsliced follow and a fresh grouping after several commits at once', () => {
    fc.assert(
      fc.property(commits.arbitrary, fc.integer({ min: 1, max: 4 }), (ops, step) => {
        const start = smallPlan()
        const sliced = new WeakMap<readonly unknown[], LinesByPhase>()
        const whole = new WeakMap<readonly unknown[], LinesByPhase>()
        sliced.set(start.budgetLines, buildLinesByPhase(start.budgetLines))
        whole.set(start.budgetLines, buildLinesByPhase(start.budgetLines))
        let rows: readonly BudgetLine[] = start.budgetLines
        let last = start
        for (const { data, changes } of commits.replay(start, ops)) {
          noteDerivation(rows, data.budgetLines, changes)
          rows = data.budgetLines
          last = data
        }
        const a = findFollow(rows, sliced, (i: LinesByPhase, c: readonly EntityChange[]) =>
          applyLinesByPhaseStepwise(i, c, step)
        )
        const b = findFollow(rows, whole, applyLinesByPhaseStepwise)
        if (!a || !b || 'index' in a || 'index' in b) {
          expect(rows).toBe(start.budgetLines)
          return
        }
        const steps = a.steps()
        let end
        while (!(end = runFor(steps, 0)));
        const fresh = plain(buildLinesByPhase(last.budgetLines))
        expect(plain(end.value)).toEqual(fresh)
        expect(plain(runToEnd(b.steps()))).toEqual(fresh)
      }),
      { numRuns: 200 }
    )
  })
})
