// The capacity board's first rows while a big plan's index is still being built a slice per task:
// the allocations of the roles it shows first, indexed alone (src/shared/planning/first-rows.ts).
import { firstRoleIds, firstRowsIndexStepwise, type FirstRowsIndex } from '@shared/planning/first-rows'
import type { PlanData } from '@shared/planning/types'
import { useStepwise } from '../../lib/use-stepwise'

/**
 * The first rows' index of `data` with the plan it is of, or undefined without data, once the full
 * index is there, or while they are first looked for. A commit meanwhile keeps the last ones on
 * screen until its own are there (the board is counting, so nothing can be moved).
 */
export function useFirstRows(
  data: PlanData | undefined,
  fullIndexReady: boolean
): { data: PlanData; rows: FirstRowsIndex } | undefined {
  const first = useStepwise(
    function* () {
      if (!data || fullIndexReady) return undefined
      return { data, rows: yield* firstRowsIndexStepwise(data.allocations, firstRoleIds(data.roles)) }
    },
    [fullIndexReady, data?.allocations, data?.roles]
  )
  // useStepwise hands back the previous answer while a newer one is computed: only this plan's.
  return first && data && !fullIndexReady && first.data.plan.id === data.plan.id ? first : undefined
}
