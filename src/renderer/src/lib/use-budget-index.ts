// The plan's budget-line index (shared/planning/budget-index.ts) for a view: followed along local
// commits, and on opening a big plan or after a big commit made a slice per task
// (use-sliced-index.ts). The budget board and the Budget view share it, so either finds it known
// when the other had it.
import { useMemo } from 'react'
import {
  adoptBudgetIndex,
  buildBudgetIndexStepwise,
  findBudgetIndex,
  type BudgetIndex
} from '@shared/planning/budget-index'
import type { BudgetLine, Plan } from '@shared/planning/types'
import type { Stepwise } from '@shared/stepwise'
import { useSlicedIndexState, type SlicedIndexSource, type SlicedIndexState } from './use-sliced-index'

/** How an index is built: the full build, or the budget board's (its first rows on the way). */
export type BudgetIndexBuild = (
  lines: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>
) => Stepwise<BudgetIndex>

/** The index of `lines` at this CHF rate in the plan `planId` (see SlicedIndexState). */
export function useBudgetIndex(
  lines: readonly BudgetLine[] | undefined,
  chfToEur: number | undefined,
  planId: string,
  build: BudgetIndexBuild = buildBudgetIndexStepwise
): SlicedIndexState<BudgetIndex> {
  const source: SlicedIndexSource<BudgetIndex> = useMemo(
    () => ({
      find: (rows) => findBudgetIndex(rows as BudgetLine[], { chfToEur: chfToEur ?? 1 }),
      stepwise: (rows) => build(rows as BudgetLine[], { chfToEur: chfToEur ?? 1 }),
      adopt: (rows, index) => adoptBudgetIndex(rows as BudgetLine[], index)
    }),
    [chfToEur, build]
  )
  return useSlicedIndexState(lines, source, chfToEur, planId)
}
