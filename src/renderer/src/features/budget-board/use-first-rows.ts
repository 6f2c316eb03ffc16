// The budget board's build of a big plan's index, its first rows on the way: its first phase's
// lines indexed alone and every other line counted at its phase's level
// (src/shared/planning/first-rows.ts), shown while the rest is added to make the full index.
import { startTransition, useCallback, useRef, useState } from 'react'
import type { BudgetIndex } from '@shared/planning/budget-index'
import {
  completeBudgetIndexStepwise,
  firstBudgetRowsStepwise,
  firstPhaseIds,
  type FirstBudgetRows
} from '@shared/planning/first-rows'
import type { BudgetLine, PlanData, Plan } from '@shared/planning/types'
import type { Stepwise } from '@shared/stepwise'
import type { BudgetIndexBuild } from '../../lib/use-budget-index'
import { nextTask } from '../../lib/sliced'

type FirstRows = { data: PlanData; rows: FirstBudgetRows }

/** Lines whose build has ended: their first rows are not shown any more. */
const built = new WeakSet<readonly BudgetLine[]>()

/**
 * The board's index build for lib/use-budget-index.ts, and the first rows it has made of `live`
 * (with the plan they are of) until the full index is in. One build: the first rows and the full
 * index built beside each other, slice for slice, showed the 10x plan's first screen no sooner
 * than a full build alone and finished later. A commit meanwhile keeps the first rows on screen
 * (the build goes on, its index then follows the commits: use-sliced-index.ts).
 */
export function useFirstBudgetRows(live: PlanData | undefined): {
  build: BudgetIndexBuild
  first: FirstRows | undefined
} {
  const liveRef = useRef(live)
  liveRef.current = live
  const [first, setFirst] = useState<FirstRows>()
  const build = useCallback(function* (
    lines: readonly BudgetLine[],
    plan: Pick<Plan, 'chfToEur'>
  ): Stepwise<BudgetIndex> {
    const data = liveRef.current
    const rows = yield* firstBudgetRowsStepwise(lines, plan, firstPhaseIds(data?.phases ?? []))
    // Shown from a task of its own (this may run in a render), unless the build has ended by then,
    // and as a transition, which React renders in slices beside the rest of the build.
    void nextTask().then(() => {
      if (data && !built.has(lines)) startTransition(() => setFirst({ data, rows }))
    })
    yield
    const index = yield* completeBudgetIndexStepwise(rows, plan)
    built.add(lines)
    return index
  }, [])
  // Only this plan's, at this rate.
  const shown =
    first && live && first.data.plan.id === live.plan.id && first.data.plan.chfToEur === live.plan.chfToEur
      ? first
      : undefined
  return { build, first: shown }
}
