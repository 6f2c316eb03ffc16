// Committing a move on the capacity board: the changes of moving (part of) an allocation, its
// history entry, focus on the chip that moved, and the announcement with the load after it; and
// the amount dialog of a partial drop.
import { useCallback, type RefObject } from 'react'
import { halfShare, type AllocationTarget } from '@shared/planning/moves'
import { moveDestination, moveKind, shownUtilizationBp } from '@shared/planning/board'
import { moveChipChanges, targetRatioAfter } from '@shared/planning/capacity-board'
import type { AllocationIndex } from '@shared/planning/plan-index'
import type { Allocation, PlanData } from '@shared/planning/types'
import { askAmount } from '../../components/board/AmountDialog'
import { commitBoardMove } from '../../components/board/commit-move'
import type { MoveFocus } from '../../components/board/use-board'
import { describeEntry } from '../../shell/describe-entry'
import { msg, type Text } from '../../i18n/text'
import { allocationMoveSummary } from '../../lib/history-summaries'
import { formatQuarter, formatShare } from '../../lib/format'
import type { Lookups } from './lookups'

export function useCapacityMoves({
  planId,
  dataRef,
  indexRef,
  lookups,
  focusChip,
  setStatus
}: {
  planId: string
  /** The plan and its allocation index as the window holds them now (not the last render's). */
  dataRef: RefObject<PlanData>
  indexRef: RefObject<AllocationIndex>
  lookups: Lookups
  focusChip: (id: string) => void
  setStatus: (text: Text) => void
}) {
  const perform = useCallback(
    (alloc: Allocation, target: AllocationTarget, amountBp: number, focus: MoveFocus) => {
      const d = dataRef.current
      const idx = indexRef.current
      return commitBoardMove(
        planId,
        () => moveChipChanges(d, idx, alloc, target, amountBp),
        (changes) => ({
          kind: moveKind(changes, alloc.id, amountBp, alloc.shareBp),
          summary: allocationMoveSummary(d, alloc, target, amountBp)
        }),
        (changes, entry) => {
          const destId = moveDestination(changes, alloc.id, amountBp, alloc.shareBp)
          if (focus) focusChip(focus === 'dest' && destId ? destId : alloc.id)
          // Announced with the load after the move: the view's data is still the one before it here.
          const q = target.quarter ?? alloc.quarter
          const ratio = targetRatioAfter(idx, changes, lookups.roleById.get(target.roleId ?? alloc.roleId), q)
          const load = ratio !== null ? shownUtilizationBp(ratio) : null
          setStatus(
            msg('capacityBoard:moved', {
              what: () => describeEntry(entry),
              cell: load !== null ? () => `${formatQuarter(q)}: ${formatShare(load)}` : ''
            })
          )
        }
      )
    },
    [planId, focusChip, setStatus, lookups, dataRef, indexRef]
  )

  const chooseAmount = useCallback(
    async (alloc: Allocation, target: AllocationTarget): Promise<number | null> => {
      const d = dataRef.current
      return askAmount({
        unit: 'share',
        max: alloc.shareBp,
        initial: halfShare(alloc.shareBp).half || alloc.shareBp,
        description: `${lookups.roleName.get(alloc.roleId) ?? ''} · ${lookups.wsTitle.get(alloc.workstreamId) ?? ''} · ${formatQuarter(alloc.quarter)} → ${formatQuarter(target.quarter ?? alloc.quarter)}${
          target.roleId && target.roleId !== alloc.roleId
            ? ` · ${d.roles.find((r) => r.id === target.roleId)?.name ?? ''}`
            : ''
        }`
      })
    },
    [lookups, dataRef]
  )
  return { perform, chooseAmount }
}
