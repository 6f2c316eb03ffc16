// The grouped board's lanes (lane-index.ts) without a long task: a drop's few changes are followed
// in the render, a big commit's (an import, its undo) or a first build on a big plan a slice per
// task (lib/use-sliced-index.ts), meanwhile the lanes last shown stay on screen.
import { useMemo } from 'react'
import {
  adoptLaneIndex,
  buildLaneIndexStepwise,
  findLaneIndex,
  type LaneGrouping,
  type LaneIndex
} from '@shared/planning/lane-index'
import type { Allocation, PlanData } from '@shared/planning/types'
import { useSlicedIndexState, type SlicedIndexSource } from '../../lib/use-sliced-index'

export type LaneState = {
  /** The lanes of the plan's allocations (while `stale` the last ones shown), or null while none of this grouping are. */
  lanes: LaneIndex | null
  /** Whether the lanes of the rows shown are still being made. */
  stale: boolean
}

const UNGROUPED: LaneState = { lanes: null, stale: false }

export function useLaneIndex(
  planId: string,
  data: PlanData,
  groupBy: LaneGrouping | 'none',
  quartersKey: string
): LaneState {
  const { workstreams } = data
  const quarters = data.plan.quarters
  // One source per grouping and basis: it names the index's key, so work for another is never
  // taken up for this one.
  const source = useMemo((): SlicedIndexSource<LaneIndex> | null => {
    if (groupBy === 'none') return null
    const basis = { groupBy, workstreams, quarters }
    return {
      find: (rows) => findLaneIndex(rows as Allocation[], basis),
      stepwise: (rows) => buildLaneIndexStepwise(basis, rows as Allocation[]),
      adopt: (rows, index) => adoptLaneIndex(rows as Allocation[], index)
    }
  }, [groupBy, workstreams, quartersKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const state = useSlicedIndexState(
    source ? data.allocations : undefined,
    source ?? NO_SOURCE,
    source,
    planId
  )
  if (!source) return UNGROUPED
  // Lanes of the grouping left are not shown for the one chosen: the rows by role meanwhile.
  const lanes = state.index?.groupBy === groupBy ? state.index : null
  return { lanes, stale: state.stale || lanes === null }
}

const NO_SOURCE: SlicedIndexSource<LaneIndex> = {
  find: () => undefined,
  stepwise: () => {
    throw new Error('no grouping')
  },
  adopt: () => undefined
}
