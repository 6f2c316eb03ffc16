// The budget board's first rows while a big plan's index is still being built a slice per task:
// its first phase's lines indexed alone, every other line counted at its phase's level
// (src/shared/planning/first-rows.ts).
import { firstBudgetRowsStepwise, firstPhaseIds, type FirstBudgetRows } from '@shared/planning/first-rows'
import type { PlanData } from '@shared/planning/types'
import { useStepwise } from '../../lib/use-stepwise'

/** The first rows' index of `data`, or undefined without data, once the full index is there, or while it is counted. */
export function useFirstBudgetRows(
  data: PlanData | undefined,
  fullIndexReady: boolean
): FirstBudgetRows | undefined {
  const chfToEur = data?.plan.chfToEur
  const first = useStepwise(
    function* () {
      if (!data || fullIndexReady) return undefined
      // Not in the render: that already runs the full build's first slice, and the first rows of
      // a plan whose index is not built in that slice take several slices anyway.
      yield
      const lines = data.budgetLines
      const rows = yield* firstBudgetRowsStepwise(lines, data.plan, firstPhaseIds(data.phases))
      return { lines, chfToEur, rows }
    },
    [fullIndexReady, data?.budgetLines, data?.phases, chfToEur]
  )
  // useStepwise hands back the previous answer while a newer one is computed: only this plan's counts.
  return first && first.lines === data?.budgetLines && first.chfToEur === chfToEur ? first.rows : undefined
}
