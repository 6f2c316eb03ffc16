import { budgetSummaryStepwise, type BudgetSummary } from '@shared/planning/budget'
import type { PlanData } from '@shared/planning/types'
import { useStepwise } from './use-stepwise'

/** Lines added up per step of a slice (a few ms). */
export const SUMMARY_STEP = 2_000

/**
 * The plan's budget summary, live. Keyed on what the totals read: the plan row is new after every
 * commit (its updatedAt), which alone must not add up 100,000 lines again. Big plans are added up
 * a slice per task (the last figures stay on screen meanwhile), so an import never freezes the
 * window. undefined before the first result; null without a plan.
 */
export function useBudgetSummary(data: PlanData | undefined): BudgetSummary | null | undefined {
  return useStepwise(
    function* () {
      if (!data) return null
      return yield* budgetSummaryStepwise(data, SUMMARY_STEP)
    },
    [data?.budgetLines, data?.phases, data?.plan.totalBudgetCents, data?.plan.chfToEur]
  )
}
