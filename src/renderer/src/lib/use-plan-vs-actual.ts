// Plan against actual of a plan (a scenario: its base plan's actuals), for the Budget view and
// the Overview. Computed a slice per task on big plans; undefined while loading.
import { useMemo } from 'react'
import type { Actual, PlanData } from '@shared/planning/types'
import { actualsForPlan, planVsActualStepwise, type PlanVsActual } from '@shared/actuals/variance'
import { useStepwise } from './use-stepwise'

/** `stored`: the actuals of the plan that owns them (db/actuals useActuals), undefined while loading. */
export function usePlanVsActual(
  data: PlanData | undefined,
  stored: readonly Actual[] | undefined
): { pva: PlanVsActual | undefined; actuals: Actual[] | undefined } {
  const phases = data?.phases
  const workstreams = data?.workstreams
  const actuals = useMemo(
    () => (phases && workstreams && stored ? actualsForPlan({ phases, workstreams }, stored) : undefined),
    [phases, workstreams, stored]
  )
  const pva = useStepwise(
    function* () {
      if (!data || !actuals) return undefined
      return yield* planVsActualStepwise(data, actuals, {}, 2_000)
    },
    // Not the plan row's updatedAt: lines, structure, rate and quarters.
    [data?.budgetLines, phases, workstreams, data?.plan.chfToEur, data?.plan.quarters, actuals]
  )
  return { pva, actuals }
}
