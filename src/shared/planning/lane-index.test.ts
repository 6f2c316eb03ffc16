import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { laneSums } from './board'
import { buildChipIndex, buildRows } from './capacity-board'
import { applyChanges } from './changes'
import { applyLaneChanges, buildLaneIndex, laneIndexOf, laneRows, type LaneGrouping } from './lane-index'
import { noteDerivation } from './plan-index'
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
const ROLES = ['r1', 'r2', 'r3', 'ghost']
const WORKSTREAMS = ['a', 'b', 'c', 'ghost']

type Op =
  | { kind: 'add'; role: number; ws: number; quarter: number; bp: number }
  | { kind: 'edit'; pick: number; role: number; ws: number; quarter: number; bp: number }
  | { kind: 'delete'; pick: number }

const fields = { role: fc.nat(3), ws: fc.nat(3), quarter: fc.nat(3), bp: fc.integer({ min: 0, max: 10_000 }) }
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), ...fields }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), ...fields }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() })
)

function changeFor(data: PlanData, op: Op, n: number): EntityChange | null {
  if (op.kind === 'add') {
    const a = testAllocation(`n${n}`, ROLES[op.role]!, WORKSTREAMS[op.ws]!, QUARTERS[op.quarter]!, op.bp)
    return { table: 'allocations', id: a.id, before: null, after: a }
  }
  if (data.allocations.length === 0) return null
  const a = data.allocations[op.pick % data.allocations.length]!
  if (op.kind === 'delete') return { table: 'allocations', id: a.id, before: a, after: null }
  const after = {
    ...a,
    roleId: ROLES[op.role]!,
    workstreamId: WORKSTREAMS[op.ws]!,
    quarter: QUARTERS[op.quarter]!,
    shareBp: op.bp
  }
  return { table: 'allocations', id: a.id, before: a, after }
}

describe('incremental equals full recompute', () => {
  it('holds for the lane rows and sums after random commits, in both groupings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LaneGrouping>('workstream', 'phase'),
        fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { maxLength: 20 }),
        (groupBy, commits) => {
          let data = smallPlan()
          data.roles.push(testRole('r3', 2))
          let index = buildLaneIndex(data, groupBy)
          // Rows asked for in between, so their cache is exercised too.
          laneRows(data, index, '')
          let n = 0
          for (const ops of commits) {
            const changes: EntityChange[] = []
            let d = data
            for (const op of ops) {
              const c = changeFor(d, op, n++)
              if (!c) continue
              changes.push(c)
              d = applyChanges(d, [c])
            }
            data = d
            index = applyLaneChanges(index, changes)
            expectLikeFullBuild(data, groupBy, index)
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})
