// The capacity board's first rows while a big plan's index is still being built: the allocations
// of the roles the board shows first, found by one pass over the plan's allocations (a slice per
// task) and indexed alone. For those roles the cells and sums equal the full index's
// (first-rows.test.ts), so the rows on screen show their true chips and load before the rest of
// the plan has been counted.
import type { Stepwise } from '../stepwise'
import { buildAllocationIndexStepwise, type AllocationIndex } from './plan-index'
import type { Allocation, Role } from './types'

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
