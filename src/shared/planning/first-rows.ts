// The boards' first rows while a big plan's index is still being built. Capacity board: the
// allocations of the roles the board shows first, found by one pass over the plan's allocations
// (a slice per task) and indexed alone. Budget board: the lines of its first phase indexed alone,
// and every other line counted at its phase's level only. For the rows they cover the cells and
// sums equal the full index's (first-rows.test.ts), so the rows on screen show their true chips
// and figures before the rest of the plan has been counted.
import type { Stepwise } from '../stepwise'
import {
  accountPhaseOnly,
  buildBudgetIndexStepwise,
  completeIndexStepwise,
  type BudgetIndex
} from './budget-index'
import { buildAllocationIndexStepwise, type AllocationIndex } from './plan-index'
import type { Allocation, BudgetLine, Phase, Plan, Role } from './types'

/** Roles drawn first: more rows than a tall window shows, so a first scroll still finds them. */
export const FIRST_ROWS = 60

/** An index of the allocations of `roleIds` only: complete for them, empty for every other role. */
export type FirstRowsIndex = { readonly index: AllocationIndex; readonly roleIds: ReadonlySet<string> }

/** The first `count` roles in the plan's order (PlanData holds roles sorted by their order). */
export function firstRoleIds(roles: readonly Role[], count = FIRST_ROWS): Set<string> {
  return new Set(roles.slice(0, count).map((r) => r.id))
}

/** Allocations looked at between yields of the pass (a Set look-up each). */
const SCAN_STEP = 2_000

export function* firstRowsIndexStepwise(
  allocations: readonly Allocation[],
  roleIds: ReadonlySet<string>
): Stepwise<FirstRowsIndex> {
  const mine: Allocation[] = []
  let n = 0
  for (const a of allocations) {
    if (roleIds.has(a.roleId)) mine.push(a)
    if (++n % SCAN_STEP === 0) yield
  }
  const index = yield* buildAllocationIndexStepwise(mine)
  return { index, roleIds }
}

/** Phases whose workstreams, categories and lines the budget board indexes first. */
export const FIRST_PHASES = 1

/**
 * The budget board's index while the plan is still counted. Whole for the phases in `phaseIds`
 * (their phase, workstream and category rows, lines and chips); for every other phase only its
 * phase row (cells, total, line count); and the plan's budget by phase, by quarter and in all.
 * It holds no workstream or category row of the other phases, and its byCategory, byWorkstream
 * and byCurrency count the covered phases' lines alone.
 */
export type FirstBudgetRows = {
  readonly index: BudgetIndex
  readonly phaseIds: ReadonlySet<string>
  /** The lines of the other phases, in the plan's order: what completeBudgetIndexStepwise adds. */
  readonly rest: readonly BudgetLine[]
}

/** The first `count` phases in the plan's order (PlanData holds phases sorted by their order). */
export function firstPhaseIds(phases: readonly Phase[], count = FIRST_PHASES): Set<string> {
  return new Set(phases.slice(0, count).map((p) => p.id))
}

export function* firstBudgetRowsStepwise(
  lines: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>,
  phaseIds: ReadonlySet<string>
): Stepwise<FirstBudgetRows> {
  const mine: BudgetLine[] = []
  const rest: BudgetLine[] = []
  let n = 0
  for (const l of lines) {
    ;(phaseIds.has(l.phaseId) ? mine : rest).push(l)
    if (++n % SCAN_STEP === 0) yield
  }
  const index = yield* buildBudgetIndexStepwise(mine, plan)
  for (const l of rest) {
    accountPhaseOnly(index, l, plan)
    if (++n % SCAN_STEP === 0) yield
  }
  return { index, phaseIds, rest }
}

/**
 * The full index from the first rows: the lines of the other phases get their workstream and
 * category rows, chips and look-ups, and nothing is counted twice. Built after the first rows
 * instead of beside them, the board's first screen and its full index are one pass over the lines:
 * two builds side by side, slice for slice, showed the first screen no sooner than one full build
 * and finished later. `first` stays as it was (it is shown meanwhile).
 */
export function completeBudgetIndexStepwise(
  first: FirstBudgetRows,
  plan: Pick<Plan, 'chfToEur'>
): Stepwise<BudgetIndex> {
  return completeIndexStepwise(first.index, first.rest, plan)
}
