import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runFor, runToEnd } from '../stepwise'
import { firstBudgetRowsStepwise, firstPhaseIds, firstRoleIds, firstRowsIndexStepwise } from './first-rows'
import { buildAllocationIndex, type AllocationIndex } from './plan-index'
import { buildBudgetIndex, catKey, highestOrder, phaseKey, wsKey, type BudgetIndex } from './budget-index'
import { allGroupKeys, buildBudgetRows } from './budget-board'
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

const sorted = <K, V>(m: ReadonlyMap<K, V> | undefined) =>
  [...(m ?? [])].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))

/** One budget board row's figures as plain data: cells, total, line count and (leaf rows) line ids per quarter. */
function budgetRow(index: BudgetIndex, key: string) {
  return {
    cells: sorted(index.totals.get(key)),
    total: index.rowTotals.get(key),
    lines: index.lineCount.get(key),
    chips: sorted(index.lines.get(key)).map(([q, list]) => [q, list.map((l) => l.id).sort()])
  }
}

/** A phase's workstream and category rows, as the full index names them. */
function keysBelow(full: BudgetIndex, phaseId: string): string[] {
  const kids = full.children.get(phaseKey(phaseId))
  const keys: string[] = []
  for (const ws of kids?.ws ?? []) {
    keys.push(wsKey(phaseId, ws))
    for (const c of kids?.categories.get(wsKey(phaseId, ws)) ?? []) keys.push(catKey(phaseId, ws, c))
  }
  return keys
}

describe('first rows of the budget board', () => {
  it('index the first phases exactly as the full build does, every phase row and the plan totals too, and nothing below the other phases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(1, 0.93, 1.0712),
        (seed, budgetLines, quarters, first, chfToEur) => {
          const data = generateLargePlan({
            seed,
            roles: 4,
            workstreams: 9,
            quarters,
            allocations: 8,
            budgetLines
          })
          data.plan.chfToEur = chfToEur
          const full = buildBudgetIndex(data.budgetLines, data.plan)
          const ids = firstPhaseIds(data.phases, first)
          const { index } = runToEnd(firstBudgetRowsStepwise(data.budgetLines, data.plan, ids))
          for (const phase of data.phases) {
            const pk = phaseKey(phase.id)
            expect(budgetRow(index, pk)).toEqual(budgetRow(full, pk))
            if (ids.has(phase.id)) {
              for (const key of keysBelow(full, phase.id))
                expect(budgetRow(index, key)).toEqual(budgetRow(full, key))
              const kids = (ix: BudgetIndex) => {
                const k = ix.children.get(pk)
                return {
                  ws: (k?.ws ?? []).map(String).sort(),
                  cats: sorted(k?.categories).map(([w, c]) => [w, [...c].sort()])
                }
              }
              expect(kids(index)).toEqual(kids(full))
              expect(highestOrder(index, phase.id)).toBe(highestOrder(full, phase.id))
            } else {
              expect(index.children.has(pk)).toBe(false)
              for (const key of keysBelow(full, phase.id)) expect(budgetRow(index, key).cells).toEqual([])
            }
          }
          const b = (ix: BudgetIndex) => ({
            total: ix.budget.totalCents,
            byPhase: sorted(ix.budget.byPhase),
            byQuarter: sorted(ix.budget.byQuarter),
            byPhaseQuarter: sorted(ix.budget.byPhaseQuarter).map(([p, m]) => [p, sorted(m)])
          })
          expect(b(index)).toEqual(b(full))
          // The chips it holds are the plan's own lines, those of the first phases and no other.
          for (const [id, l] of index.byId) expect(full.byId.get(id)).toBe(l)
          expect(index.byId.size).toBe(data.budgetLines.filter((l) => ids.has(l.phaseId)).length)
          // The board's rows, all open: the first phases' as the full build's, the others' phase row alone.
          const open = new Set([...allGroupKeys(full), ...data.phases.map((p) => phaseKey(p.id))])
          expect(buildBudgetRows(data, index, open)).toEqual(
            buildBudgetRows(data, full, open).filter((r) => r.kind === 'phase' || ids.has(r.phaseId))
          )
        }
      ),
      { numRuns: 80 }
    )
  })

  it('takes the first phases in the plan order', () => {
    const data = generateLargePlan({ seed: 5, roles: 3, allocations: 5, budgetLines: 20 })
    expect([...firstPhaseIds(data.phases, 2)]).toEqual(data.phases.slice(0, 2).map((p) => p.id))
  })

  it('yields between slices on a big plan, so the window keeps painting while it counts', () => {
    const data = generateLargePlan({ seed: 3, roles: 10, allocations: 50, budgetLines: 20_000 })
    const steps = firstBudgetRowsStepwise(data.budgetLines, data.plan, firstPhaseIds(data.phases))
    let clock = 0
    expect(runFor(steps, 3, () => clock++)).toBeUndefined()
  })
})
