import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { laneSums } from './board'
import { buildChipIndex, buildRows } from './capacity-board'
import { applyChanges } from './changes'
import {
  adoptLaneIndex,
  applyLaneChanges,
  buildLaneIndex,
  buildLaneIndexStepwise,
  findLaneIndex,
  laneBasisOf,
  laneIndexOf,
  laneRows,
  type LaneGrouping
} from './lane-index'
import { noteDerivation } from './plan-index'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testAllocation, testRole } from '../../../test/support/testing'
import type { EntityChange, PlanData, QuarterKey } from './types'

/** Sums without the lanes and quarters that add up to nothing (a followed index keeps those at 0). */
function plainSums(sums: Map<string, Map<QuarterKey, number>>) {
  const out: Record<string, number> = {}
  for (const [lane, byQ] of sums) for (const [q, bp] of byQ) if (bp !== 0) out[`${lane}|${q}`] = bp
  return out
}

const FILTERS = ['', 'r2', 'ph', 'A', 'zzz']

function expectLikeFullBuild(
  data: PlanData,
  groupBy: LaneGrouping,
  index: ReturnType<typeof buildLaneIndex>
) {
  for (const filter of FILTERS)
    expect(laneRows(data, index, filter)).toEqual(buildRows(data, buildChipIndex(data), groupBy, filter))
  expect(plainSums(index.sums)).toEqual(plainSums(laneSums(data, groupBy)))
}

describe('lane index', () => {
  it('gives the grouped rows and lane sums of a full pass', () => {
    const data = smallPlan()
    for (const groupBy of ['workstream', 'phase'] as const)
      expectLikeFullBuild(data, groupBy, buildLaneIndex(data, groupBy))
  })

  it('follows a commit, re-making the rows of the lanes it touched only', () => {
    const data = smallPlan()
    const index = laneIndexOf(data, 'workstream')
    const before = laneRows(data, index, '')
    const x2 = data.allocations[1]!
    const changes: EntityChange[] = [
      { table: 'allocations', id: x2.id, before: x2, after: { ...x2, roleId: 'r2' } }
    ]
    const next = applyChanges(data, changes)
    noteDerivation(data.allocations, next.allocations, changes)
    const followed = laneIndexOf(next, 'workstream')
    expect(followed.version).toBe(1)
    const after = laneRows(next, followed, '')
    expect(after).toEqual(buildRows(next, buildChipIndex(next), 'workstream', ''))
    // Workstream a's rows were not touched: the very same row objects.
    const aRow = (rows: typeof before) => rows.find((r) => r.key === 'workstream:a|r1')
    expect(aRow(after)).toBe(aRow(before))
    // Another grouping is built for itself.
    expect(laneIndexOf(next, 'phase').version).toBe(0)
  })
})

// ------------------------------------------------------------------------------------------
// Property: after random commits the followed index gives what buildRows and laneSums give.

const QUARTERS: QuarterKey[] = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']
const commits = randomCommits(
  {
    allocations: {
      fields: {
        roleId: fc.constantFrom('r1', 'r2', 'r3', 'ghost'),
        workstreamId: fc.constantFrom('a', 'b', 'c', 'ghost'),
        quarter: fc.constantFrom(...QUARTERS),
        shareBp: fc.integer({ min: 0, max: 10_000 })
      },
      add: (id) => testAllocation(id, 'r1', 'a', QUARTERS[0]!, 0)
    }
  },
  { maxCommits: 20 }
)

describe('incremental equals full recompute', () => {
  it('holds for the lane rows and sums after random commits, in both groupings', () => {
    fc.assert(
      fc.property(fc.constantFrom<LaneGrouping>('workstream', 'phase'), commits.arbitrary, (groupBy, ops) => {
        const start = smallPlan()
        start.roles.push(testRole('r3', 2))
        let index = buildLaneIndex(start, groupBy)
        // Rows asked for in between, so their cache is exercised too.
        laneRows(start, index, '')
        for (const { data, changes } of commits.replay(start, ops)) {
          index = applyLaneChanges(index, changes)
          expectLikeFullBuild(data, groupBy, index)
        }
      }),
      { numRuns: 150 }
    )
  })
})

describe('lane index a step at a time', () => {
  it('a build and the follow of many commits, taken up step by step, equal a fresh build', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LaneGrouping>('workstream', 'phase'),
        commits.arbitrary,
        fc.integer({ min: 1, max: 3 }),
        (groupBy, ops, step) => {
          const start = smallPlan()
          start.roles.push(testRole('r3', 2))
          const built = runSteps(buildLaneIndexStepwise(laneBasisOf(start, groupBy), start.allocations, step))
          expectLikeFullBuild(start, groupBy, built)
          adoptLaneIndex(start.allocations, built)
          let prev = start
          for (const { data, changes } of commits.replay(start, ops)) {
            noteDerivation(prev.allocations, data.allocations, changes)
            prev = data
          }
          // Every commit at once, as after an import: what the board follows a slice per task.
          const found = findLaneIndex(prev.allocations, laneBasisOf(prev, groupBy))
          if (prev === start) {
            expect(found).toEqual({ index: built })
            return
          }
          if (!found || !('steps' in found)) throw new Error('no follow from the adopted build')
          const followed = runSteps(found.steps())
          expectLikeFullBuild(prev, groupBy, followed)
          expect(findLaneIndex(prev.allocations, laneBasisOf(prev, groupBy))).toEqual({ index: followed })
          // Another grouping or other workstreams: not this index.
          const other = groupBy === 'phase' ? 'workstream' : 'phase'
          expect(findLaneIndex(prev.allocations, laneBasisOf(prev, other))).toBeUndefined()
        }
      ),
      { numRuns: 150 }
    )
  })
})

/** Runs steps one at a time, as the window's slices take them up. */
function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}
