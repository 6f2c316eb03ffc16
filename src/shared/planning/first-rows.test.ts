import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runFor, runToEnd } from '../stepwise'
import { firstRoleIds, firstRowsIndexStepwise } from './first-rows'
import { buildAllocationIndex, type AllocationIndex } from './plan-index'
import { generateLargePlan } from '../../../test/support/large-plan'

/** A role's cells as plain data: chip ids per quarter (sorted) and the allocated basis points. */
function roleCells(index: AllocationIndex, roleId: string) {
  const cells: Record<string, { ids: string[]; bp: number }> = {}
  for (const [q, list] of index.cells.get(roleId) ?? [])
    cells[q] = { ids: list.map((a) => a.id).sort(), bp: index.sums.get(roleId)?.get(q) ?? 0 }
  return cells
}

describe('first rows of the capacity board', () => {
  it('index the chosen roles exactly as the full build does, and no other role', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 45 }),
        (seed, roles, first) => {
          // Up to 10 allocations per role (the generator fills distinct role, workstream and quarter cells).
          const allocations = roles * 10
          const data = generateLargePlan({ seed, roles, workstreams: 6, allocations, budgetLines: 10 })
          const full = buildAllocationIndex(data.allocations)
          const ids = firstRoleIds(data.roles, first)
          const { index } = runToEnd(firstRowsIndexStepwise(data.allocations, ids))
          for (const role of data.roles) {
            if (ids.has(role.id)) expect(roleCells(index, role.id)).toEqual(roleCells(full, role.id))
            else expect(index.cells.has(role.id)).toBe(false)
          }
          for (const [id, a] of index.byId) expect(full.byId.get(id)).toBe(a)
        }
      ),
      { numRuns: 60 }
    )
  })

  it('takes the first roles in the plan order', () => {
    const data = generateLargePlan({ seed: 7, roles: 10, allocations: 50, budgetLines: 5 })
    expect([...firstRoleIds(data.roles, 3)]).toEqual(data.roles.slice(0, 3).map((r) => r.id))
  })

  it('yields between slices on a big plan, so the window keeps painting while it looks', () => {
    const data = generateLargePlan({ seed: 3, roles: 200, allocations: 20_000, budgetLines: 5 })
    const steps = firstRowsIndexStepwise(data.allocations, firstRoleIds(data.roles))
    let clock = 0
    // Each step "takes" 1 ms: a budget of 3 ms stops long before a pass over 20,000 allocations.
    expect(runFor(steps, 3, () => clock++)).toBeUndefined()
  })
})
