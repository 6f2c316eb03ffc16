// The plan's budget-line index (shared/planning/budget-index.ts) for a view: followed along local
// commits, and on opening a big plan built a slice per task (use-sliced-index.ts). The budget board
// and the Budget view share it, so either finds it known when the other had it.
import { useMemo } from 'react'
import {
  adoptBudgetIndex,
  buildBudgetIndexStepwise,
  knownBudgetIndex,
  type BudgetIndex
} from '@shared/planning/budget-index'
import type { BudgetLine } from '@shared/planning/types'
import { useSlicedIndex, type SlicedIndexSource } from './use-sliced-index'

/** The index of `lines` at this CHF rate, or undefined while its first build runs. */
export function useBudgetIndex(
  lines: readonly BudgetLine[] | undefined,
  chfToEur: number | undefined
): BudgetIndex | undefined {
  const source: SlicedIndexSource<BudgetIndex> = useMemo(
    () => ({
      known: (rows) => knownBudgetIndex(rows as BudgetLine[], { chfToEur: chfToEur ?? 1 }),
      stepwise: (rows) => buildBudgetIndexStepwise(rows as BudgetLine[], { chfToEur: chfToEur ?? 1 }),
      adopt: (rows, index) => adoptBudgetIndex(rows as BudgetLine[], index)
    }),
    [chfToEur]
  )
  return useSlicedIndex(lines, source, chfToEur)
}
