// What the budget board draws from: the plan's line index (lib/use-budget-index.ts) with the plan
// it is of, or while a big plan's index is first built, the first rows that build made on its way
// (use-first-rows.ts).
import type { BudgetIndex } from '@shared/planning/budget-index'
import type { PlanData } from '@shared/planning/types'
import { useBudgetIndex } from '../../lib/use-budget-index'
import { useKeptWhileStale } from '../../lib/use-sliced-index'
import { useFirstBudgetRows } from './use-first-rows'

export type BudgetBoardIndex = {
  /** The plan `index` is of: while `updating`, as it was before the last commits. */
  data: PlanData
  index: BudgetIndex
  /** While the plan is still being counted, the phases whose lines index holds (see first-rows.ts); else null. */
  counted: ReadonlySet<string> | null
  /** Whether a big commit's changes are still being taken in (index and data are the last shown). */
  updating: boolean
}

/** The board's index of `live`, or undefined while neither it nor the first rows are there. */
export function useBudgetBoardIndex(
  planId: string,
  live: PlanData | undefined
): BudgetBoardIndex | undefined {
  // A first build draws, on its way, the first phase line by line and every phase's totals from an
  // index of those alone.
  const { build, first } = useFirstBudgetRows(live)
  const state = useBudgetIndex(live?.budgetLines, live?.plan.chfToEur, planId, build)
  const data = useKeptWhileStale(live, state.stale)
  if (state.index && data) return { data, index: state.index, counted: null, updating: state.stale }
  if (first)
    return { data: first.data, index: first.rows.index, counted: first.rows.phaseIds, updating: false }
  return undefined
}
