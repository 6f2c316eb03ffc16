// The capacity board's first rows while a big plan's index is still being built a slice per task:
// the allocations of the roles it shows first, indexed alone (src/shared/planning/first-rows.ts).
import { firstRoleIds, firstRowsIndexStepwise, type FirstRowsIndex } from '@shared/planning/first-rows'
import type { PlanData } from '@shared/planning/types'
import { useStepwise } from '../../lib/use-stepwise'

/** The first rows' index of `data`, or undefined without data, once the full index is there, or while it is looked for. */
export function useFirstRows(
  data: PlanData | undefined,
  fullIndexReady: boolean
): FirstRowsIndex | undefined {
  const first = useStepwise(
    function* () {
      if (!data || fullIndexReady) return undefined
      const rows = data.allocations
      return { rows, first: yield* firstRowsIndexStepwise(rows, firstRoleIds(data.roles)) }
    },
    [fullIndexReady, data?.allocations, data?.roles]
  )
  // useStepwise hands back the previous answer while a newer one is computed: only this plan's counts.
  return first && first.rows === data?.allocations ? first.first : undefined
}
