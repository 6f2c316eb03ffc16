// What the capacity board draws from: the plan's allocation index with the plan it is of, built a
// slice per task when a big plan opens or after a big commit (lib/use-sliced-index.ts), or while
// it is first built, the first rows (use-first-rows.ts).
import { useMemo, useRef } from 'react'
import { roleRowsStepwise, type BoardRow } from '@shared/planning/capacity-board'
import {
  adoptAllocationIndex,
  buildAllocationIndexStepwise,
  buildUtilizationStepwise,
  findAllocationIndex,
  type AllocationIndex,
  type UtilizationState
} from '@shared/planning/plan-index'
import type { Allocation, PlanData } from '@shared/planning/types'
import { useKeptWhileStale, useSlicedIndexState, type SlicedIndexSource } from '../../lib/use-sliced-index'
import { useFirstRows } from './use-first-rows'

/** Utilization built stepwise with the index it belongs to, taken up by the board's first render. */
export const prebuiltUtilization = new WeakMap<AllocationIndex, UtilizationState>()
/**
 * The ungrouped, unfiltered rows, built stepwise with the index for the plan's roles and quarters:
 * made in the render, they were a pass over every role in the task that shows the counted board.
 */
export const prebuiltRows = new WeakMap<
  AllocationIndex,
  { rows: BoardRow[]; roles: unknown; quarters: unknown }
>()

export type CapacityBoardIndex = {
  /** The plan `allocIndex` is of: while `updating`, as it was before the last commits. */
  data: PlanData
  allocIndex: AllocationIndex
  /** While the plan is still being counted, the roles allocIndex holds (their rows are drawn); else null. */
  counted: ReadonlySet<string> | null
  /** Whether a big commit's changes are still being taken in (index and data are the last shown). */
  updating: boolean
}

/** The board's index of `live`, or undefined while neither it nor the first rows are there. */
export function useCapacityBoardIndex(
  planId: string,
  live: PlanData | undefined
): CapacityBoardIndex | undefined {
  const liveRef = useRef(live)
  liveRef.current = live
  // With the index, the utilization of its roles and the rows, so the render that shows them
  // builds neither.
  const source: SlicedIndexSource<AllocationIndex> = useMemo(
    () => ({
      find: (rows) => findAllocationIndex(rows as Allocation[]),
      *stepwise(rows) {
        const index = yield* buildAllocationIndexStepwise(rows as Allocation[])
        const at = liveRef.current
        if (at?.allocations === rows) {
          prebuiltUtilization.set(index, yield* buildUtilizationStepwise(at, index))
          const built = yield* roleRowsStepwise(at, index.cells)
          prebuiltRows.set(index, { rows: built, roles: at.roles, quarters: at.plan.quarters.join(',') })
        }
        return index
      },
      adopt: (rows, index) => adoptAllocationIndex(rows as Allocation[], index)
    }),
    []
  )
  const state = useSlicedIndexState(live?.allocations, source, null, planId)
  const data = useKeptWhileStale(live, state.stale)
  const first = useFirstRows(live, state.index !== undefined)
  if (state.index && data) return { data, allocIndex: state.index, counted: null, updating: state.stale }
  if (first)
    return { data: first.data, allocIndex: first.rows.index, counted: first.rows.roleIds, updating: false }
  return undefined
}
