// Plan against actual of a plan (a scenario: its base plan's actuals), for the Budget view and
// the Overview. Computed a slice per task on big plans; undefined while loading.
import { useMemo } from 'react'
import type { Actual, PlanData } from '@shared/planning/types'
import type { BudgetIndex } from '@shared/planning/budget-index'
import {
  actualsForPlan,
  planCellsOfIndex,
  planVsActualStepwise,
  type PlanVsActual
} from '@shared/actuals/variance'
import { useStepwise } from './use-stepwise'

/**
 * `stored`: the actuals of the plan that owns them (db/actuals useActuals), undefined while loading.
 * `index`: the budget index of data's lines where the view keeps one (the budget board): the plan
 * side is then read from it, so a commit costs the cells it changed, not a pass over every line.
 * Group order then follows the index, so only views that look groups up by id pass it.
 */
export function usePlanVsActual(
  data: PlanData | undefined,
  stored: readonly Actual[] | undefined,
  index?: BudgetIndex
): { pva: PlanVsActual | undefined; actuals: Actual[] | undefined } {
  const phases = data?.phases
  const workstreams = data?.workstreams
  const actuals = useMemo(
    () => (phases && workstreams && stored ? actualsForPlan({ phases, workstreams }, stored) : undefined),
    [phases, workstreams, stored]
  )
  // Read now: the index's maps change with the next commit's apply.
  const planCells = useMemo(() => index && planCellsOfIndex(index), [index])
  const pva = useStepwise(
    function* () {
      if (!data || !actuals) return undefined
      return yield* planVsActualStepwise(data, actuals, { planCells }, 2_000)
    },
    // Not the plan row's updatedAt: lines, structure, rate and quarters.
    [planCells ?? data?.budgetLines, phases, workstreams, data?.plan.chfToEur, data?.plan.quarters, actuals]
  )
  return { pva, actuals }
}
