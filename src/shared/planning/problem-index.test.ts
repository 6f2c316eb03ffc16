import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges } from './changes'
import { moveAllocation } from './moves'
import {
  applyProblemChanges,
  buildProblemIndex,
  buildProblemIndexStepwise,
  firstProblemChips,
  problemIndexFits,
  PROBLEM_RANK,
  type ProblemIndex
} from './problem-index'
import { planProblems, problemsById, type PlanProblem } from './problems'
import { runFor } from '../stepwise'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testAllocation, testLine, testWorkstream } from '../../../test/support/testing'
import type { PlanData, QuarterKey } from './types'

/** An index as plain data, free of the order within a bucket (the order chips got their problems). */
function plain(index: ProblemIndex) {
  const buckets: Record<string, string[]> = {}
  for (const entity of ['allocation', 'budgetLine'] as const)
    for (const [q, sets] of index.buckets[entity])
      sets.forEach((set, rank) => {
        if (set.size) buckets[`${entity}|${q}|${rank}`] = [...set].sort()
      })
  return {
    byId: Object.fromEntries([...index.byId].sort(([a], [b]) => (a < b ? -1 : 1))),
    buckets,
    counts: index.counts,
    workEnd: Object.fromEntries(index.workEnd)
  }
}

/** What planProblems says, in the index's terms. */
function expected(data: PlanData) {
  const byId = problemsById(planProblems(data))
  const buckets: Record<string, string[]> = {}
  const counts = { allocation: 0, budgetLine: 0 }
  for (const [id, list] of byId) {
    const first = list[0]!
    counts[first.entity]++
    const key = `${first.entity}|${first.quarter}|${PROBLEM_RANK[first.kind]}`
    ;(buckets[key] ??= []).push(id)
  }
  for (const k of Object.keys(buckets)) buckets[k]!.sort()
  return { byId: Object.fromEntries([...byId].sort(([a], [b]) => (a < b ? -1 : 1))), buckets, counts }
}

const withoutWorkEnd = (x: ReturnType<typeof plain>) => ({
  byId: x.byId,
  buckets: x.buckets,
  counts: x.counts
})

describe('problem index', () => {
  it('holds what planProblems finds, per chip and in board order', () => {
    const data = smallPlan()
    const moved = applyChanges(data, [
      ...moveAllocation(data, 'x1', { quarter: '2026-Q2' }),
      {
        table: 'budgetLines',
        id: 'l1',
        before: data.budgetLines[0]!,
        after: { ...data.budgetLines[0]!, quarter: '2026-Q1' }
      }
    ])
    const index = buildProblemIndex(moved)
    expect(withoutWorkEnd(plain(index))).toEqual(expected(moved))
    // x1 left a's months (2025-Q4) first; x3 and x4 then work before a ends (2026-Q2).
    expect(index.byId.get('x3')!.map((p) => p.kind)).toEqual(['before-dependency'])
    expect(firstProblemChips(index, 'allocation', 100)).toEqual(['x3', 'x4', 'x1'])
    expect(firstProblemChips(index, 'allocation', 2)).toEqual(['x3', 'x4'])
    expect(firstProblemChips(index, 'budgetLine', 100)).toEqual(['l1'])
  })

  it('follows a move: the moved chip and the dependents of a workstream whose end moved', () => {
    const data = smallPlan()
    const index = buildProblemIndex(data)
    expect(index.counts).toEqual({ allocation: 0, budgetLine: 0 })
    const changes = moveAllocation(data, 'x1', { quarter: '2026-Q2' })
    const next = applyProblemChanges(index, changes)
    expect(next.version).toBe(1)
    expect(next.counts.allocation).toBe(3)
    expect([...next.byId.keys()].sort()).toEqual(['x1', 'x3', 'x4'])
    // And back: a's work ends in 2025-Q4 again, so its dependents are fine.
    const back = applyProblemChanges(
      next,
      moveAllocation(applyChanges(data, changes), 'x1', { quarter: '2025-Q4' })
    )
    expect(back.counts.allocation).toBe(0)
    expect(back.byId.size).toBe(0)
  })

  it('keeps a chip’s list when a change leaves its problems as they were', () => {
    const data = smallPlan()
    const moved = applyChanges(data, moveAllocation(data, 'x2', { quarter: '2026-Q2' }))
    const index = buildProblemIndex(moved)
    const list = index.byId.get('x2')
    const x2 = moved.allocations.find((a) => a.id === 'x2')!
    const next = applyProblemChanges(index, [
      { table: 'allocations', id: 'x2', before: x2, after: { ...x2, note: 'still outside' } }
    ])
    expect(next.byId.get('x2')).toBe(list)
  })

  it('builds stepwise: the same index whether run at once or a step at a time', () => {
    const data = smallPlan()
    for (let i = 0; i < 3000; i++) data.allocations.push(testAllocation(`m${i}`, 'r1', 'c', '2025-Q4', 100))
    const steps = buildProblemIndexStepwise(data)
    let end
    let slices = 0
    while (!(end = runFor(steps, 0))) slices++
    expect(slices).toBeGreaterThan(0)
    expect(plain(end.value)).toEqual(plain(buildProblemIndex(data)))
    expect(end.value.counts.allocation).toBe(3000)
  })

  it('needs a build for other phases or workstreams', () => {
    const data = smallPlan()
    const index = buildProblemIndex(data)
    expect(problemIndexFits(index, { ...data, allocations: [] })).toBe(true)
    expect(problemIndexFits(index, { ...data, workstreams: [...data.workstreams] })).toBe(false)
    expect(problemIndexFits(index, { ...data, phases: [...data.phases] })).toBe(false)
  })
})

// ------------------------------------------------------------------------------------------
// Property: after any sequence of commits adding, moving, resizing and removing allocations and
// budget lines, the index followed by their changes equals a fresh build and planProblems.

const QUARTERS: QuarterKey[] = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
const WORKSTREAMS = ['a', 'b', 'c', 'd'] as const
const commits = randomCommits(
  {
    allocations: {
      fields: {
        workstreamId: fc.constantFrom(...WORKSTREAMS, 'ghost'),
        quarter: fc.constantFrom(...QUARTERS),
        shareBp: fc.integer({ min: 0, max: 10_000 })
      },
      add: (id) => testAllocation(id, 'r1', 'a', QUARTERS[0]!, 0)
    },
    budgetLines: {
      fields: {
        quarter: fc.constantFrom(...QUARTERS),
        phaseId: fc.constantFrom('ph1', 'ph2', 'nophase'),
        workstreamId: fc.constantFrom(...WORKSTREAMS, null)
      },
      add: (id) => testLine(id, 'ph1', QUARTERS[0]!, 1_000)
    }
  },
  { maxCommits: 25 }
)

/** The small plan with a chain of dependencies (d on c on a, c also on b) and one on a missing workstream. */
function chainPlan(): PlanData {
  const data = smallPlan()
  data.workstreams = [
    data.workstreams[0]!,
    data.workstreams[1]!,
    testWorkstream('c', 'ph2', '2026-01', 3, ['a', 'b', 'missing']),
    testWorkstream('d', 'ph2', '2026-04', 2, ['c', 'c'])
  ]
  return data
}

describe('incremental equals full recompute', () => {
  it('holds for the problem index after random commits of allocation and line changes', () => {
    fc.assert(
      fc.property(commits.arbitrary, (ops) => {
        let index = buildProblemIndex(chainPlan())
        for (const { data, changes } of commits.replay(chainPlan(), ops)) {
          index = applyProblemChanges(index, changes)
          const full = plain(buildProblemIndex(data))
          expect(plain(index)).toEqual(full)
          expect(withoutWorkEnd(full)).toEqual(expected(data))
          // Board order: by quarter, then the kind of the chip's first problem.
          const order = (id: string) => {
            const p: PlanProblem = index.byId.get(id)![0]!
            return `${p.quarter}|${PROBLEM_RANK[p.kind]}`
          }
          for (const entity of ['allocation', 'budgetLine'] as const) {
            const ids = firstProblemChips(index, entity, 1_000)
            expect(ids.length).toBe(index.counts[entity])
            expect(ids.map(order)).toEqual(ids.map(order).sort())
          }
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('an index of one entity’s chips', () => {
  it('holds exactly that entity’s part of the whole index after random commits, and nothing of the other', () => {
    fc.assert(
      fc.property(
        commits.arbitrary,
        fc.constantFrom('allocation' as const, 'budgetLine' as const),
        (ops, only) => {
          let index = buildProblemIndex(chainPlan(), only)
          for (const { data, changes } of commits.replay(chainPlan(), ops)) {
            index = applyProblemChanges(index, changes)
            const whole = plain(buildProblemIndex(data))
            const mine = plain(index)
            const other = only === 'allocation' ? 'budgetLine' : 'allocation'
            const own = (x: ReturnType<typeof plain>) => ({
              byId: Object.fromEntries(Object.entries(x.byId).filter(([, list]) => list[0]!.entity === only)),
              buckets: Object.fromEntries(
                Object.entries(x.buckets).filter(([k]) => k.startsWith(`${only}|`))
              ),
              count: x.counts[only]
            })
            expect(own(mine)).toEqual(own(whole))
            expect(mine.counts[other]).toBe(0)
            expect(Object.keys(mine.buckets).some((k) => k.startsWith(`${other}|`))).toBe(false)
            expect(plain(buildProblemIndex(data, only))).toEqual(mine)
          }
        }
      ),
      { numRuns: 200 }
    )
  })
})
