// The budget board's first rows while a big plan's index is still being built a slice per task:
// its first phase's lines indexed alone, every other line counted at its phase's level
// (src/shared/planning/first-rows.ts).
import { firstBudgetRowsStepwise, firstPhaseIds, type FirstBudgetRows } from '@shared/planning/first-rows'
import type { PlanData } from '@shared/planning/types'
import { useStepwise } from '../../lib/use-stepwise'

/**
 * The first rows' index of `data` with the plan they are of, or undefined without data, once the
 * full index is there, or while they are first counted. A commit meanwhile keeps the last ones on
 * screen until its own are counted (the board is counting, so nothing can be moved).
 */
export function useFirstBudgetRows(
  data: PlanData | undefined,
  fullIndexReady: boolean
): { data: PlanData; rows: FirstBudgetRows } | undefined {
  const chfToEur = data?.plan.chfToEur
  const first = useStepwise(
    function* () {
      if (!data || fullIndexReady) return undefined
      // Not in the render: that already runs the full build's first slice, and the first rows of
      // a plan whose index is not built in that slice take several slices anyway.
      yield
      const rows = yield* firstBudgetRowsStepwise(data.budgetLines, data.plan, firstPhaseIds(data.phases))
      return { data, chfToEur, rows }
    },
    [fullIndexReady, data?.budgetLines, data?.phases, chfToEur]
  )
  // useStepwise hands back the previous answer while a newer one is computed: only this plan's, at this rate.
  return first &&
    data &&
    !fullIndexReady &&
    first.data.plan.id === data.plan.id &&
    first.chfToEur === chfToEur
    ? first
    : undefined
}
