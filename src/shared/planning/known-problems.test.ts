import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adoptProblemIndex, findProblemIndex } from './known-problems'
import { noteDerivation } from './plan-index'
import { buildProblemIndex, type ProblemIndex } from './problem-index'
import { runToEnd } from '../stepwise'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testAllocation, testLine } from '../../../test/support/testing'
import type { EntityChange, PlanData, QuarterKey } from './types'

const QUARTERS: QuarterKey[] = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
const commits = randomCommits(
  {
    allocations: {
      fields: {
        workstreamId: fc.constantFrom('a', 'b', 'c', 'ghost'),
        quarter: fc.constantFrom(...QUARTERS),
        shareBp: fc.integer({ min: 0, max: 10_000 })
      },
      add: (id) => testAllocation(id, 'r1', 'a', QUARTERS[0]!, 0)
    },
    budgetLines: {
      fields: { quarter: fc.constantFrom(...QUARTERS), phaseId: fc.constantFrom('ph1', 'ph2', 'nophase') },
      add: (id) => testLine(id, 'ph1', QUARTERS[0]!, 1_000)
    }
  },
  { maxCommits: 12 }
)

/** What the in-memory plan records on a local commit (db/plan-data.ts). */
function note(from: PlanData, to: PlanData, changes: EntityChange[]) {
  noteDerivation(from.allocations, to.allocations, changes)
  noteDerivation(from.budgetLines, to.budgetLines, changes)
}

const problemsOf = (index: ProblemIndex) => ({
  byId: Object.fromEntries([...index.byId].sort(([a], [b]) => (a < b ? -1 : 1))),
  counts: index.counts
})

describe('problem indexes kept by the rows they are of', () => {
  it('the index found for a plan after random commits, followed from an earlier one, equals a fresh build', () => {
    fc.assert(
      fc.property(
        commits.arbitrary,
        fc.constantFrom('allocation' as const, 'budgetLine' as const),
        fc.nat(),
        (ops, entity, every) => {
          const start = smallPlan()
          adoptProblemIndex(start, entity, buildProblemIndex(start, entity))
          let prev = start
          let n = 0
          for (const { data, changes } of commits.replay(start, ops)) {
            note(prev, data, changes)
            prev = data
            // Several commits may land between two looks (renders): look after some only.
            if (++n % ((every % 3) + 1) !== 0) continue
            const found = findProblemIndex(data, entity)
            expect(found).toBeDefined()
            const index = 'index' in found! ? found.index.index : runToEnd(found!.steps()).index
            expect(problemsOf(index)).toEqual(problemsOf(buildProblemIndex(data, entity)))
            // Found again, the same index: whichever render asks gets it.
            const again = findProblemIndex(data, entity)
            expect(again && 'index' in again && again.index.index).toBe(index)
          }
        }
      ),
      { numRuns: 150 }
    )
  })

  it('knows nothing of rows read anew; an index of other workstreams is only what is shown meanwhile', () => {
    const data = smallPlan()
    expect(findProblemIndex(data, 'allocation')).toBeUndefined()
    const index = buildProblemIndex(data, 'allocation')
    adoptProblemIndex(data, 'allocation', index)
    const otherWorkstreams = { ...data, workstreams: [...data.workstreams] }
    expect(findProblemIndex(otherWorkstreams, 'allocation')).toBeUndefined()
    const shown = findProblemIndex(otherWorkstreams, 'allocation', true)
    expect(shown && 'index' in shown && shown.index.index).toBe(index)
    // The same rows read again from the database are other arrays: built anew.
    expect(findProblemIndex({ ...data, allocations: [...data.allocations] }, 'allocation')).toBeUndefined()
    // Each board's entity is kept apart.
    expect(findProblemIndex(data, 'budgetLine')).toBeUndefined()
  })
})
