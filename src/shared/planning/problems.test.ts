import { describe, expect, it } from 'vitest'
import { moveAllocation, moveBudgetLine } from './moves'
import { applyChanges } from './changes'
import { needsWorkstreamChoice, planProblems, problemsById, problemsOf, workstreamsOfPhase } from './problems'
import { buildFreshFoodzPlan } from './seed/freshfoodz'
import { smallPlan, testWorkstream } from '../../../test/support/testing'

describe('planProblems', () => {
  it('finds none in the small plan or the built-in FreshFoodz roadmap', () => {
    expect(planProblems(smallPlan())).toEqual([])
    expect(planProblems(buildFreshFoodzPlan())).toEqual([])
  })

  it('marks a line moved outside its phase quarters, and keeps marking it after the move', () => {
    const data = smallPlan()
    // ph1 spans 2025-Q4 only; l1 belongs to workstream a (October 2025).
    const after = applyChanges(data, moveBudgetLine(data, 'l1', { quarter: '2026-Q1' }))
    const problems = planProblems(after)
    expect(problems).toContainEqual({
      kind: 'line-outside-phase',
      entity: 'budgetLine',
      id: 'l1',
      phaseId: 'ph1',
      quarter: '2026-Q1',
      phaseStart: '2025-Q4',
      phaseEnd: '2025-Q4'
    })
    // The line also left its workstream's months.
    expect(problems).toContainEqual(
      expect.objectContaining({
        kind: 'outside-workstream',
        entity: 'budgetLine',
        id: 'l1',
        workstreamId: 'a'
      })
    )
  })

  it('marks work moved outside its workstream schedule', () => {
    const data = smallPlan()
    const after = applyChanges(data, moveAllocation(data, 'x2', { quarter: '2026-Q2' }))
    expect(planProblems(after)).toEqual([
      {
        kind: 'outside-workstream',
        entity: 'allocation',
        id: 'x2',
        workstreamId: 'b',
        quarter: '2026-Q2',
        firstQuarter: '2025-Q4',
        lastQuarter: '2025-Q4'
      }
    ])
  })

  it('marks work moved before the end of a dependency; work in its last quarter is fine', () => {
    const data = smallPlan()
    // c depends on a; a gets work until 2026-Q2, so c's 2026-Q1 work starts too early.
    const after = applyChanges(data, moveAllocation(data, 'x1', { quarter: '2026-Q2' }))
    const before = planProblems(after).filter((p) => p.kind === 'before-dependency')
    expect(before.map((p) => p.id).sort()).toEqual(['x3', 'x4'])
    expect(before[0]).toMatchObject({ dependsOnId: 'a', quarter: '2026-Q1', dependencyEndQuarter: '2026-Q2' })
  })

  it('ignores empty chips and lines without a workstream', () => {
    const data = smallPlan()
    data.allocations[1] = { ...data.allocations[1], quarter: '2026-Q2', shareBp: 0 }
    expect(planProblems(data)).toEqual([])
  })

  it('orders problems by quarter, then kind, and groups them by chip id', () => {
    const data = smallPlan()
    let after = applyChanges(data, moveBudgetLine(data, 'l1', { quarter: '2026-Q2' }))
    after = applyChanges(after, moveAllocation(after, 'x2', { quarter: '2026-Q1' }))
    const problems = planProblems(after)
    expect(problems.map((p) => [p.quarter, p.kind, p.id])).toEqual([
      ['2026-Q1', 'outside-workstream', 'x2'],
      ['2026-Q2', 'line-outside-phase', 'l1'],
      ['2026-Q2', 'outside-workstream', 'l1']
    ])
    const byId = problemsById(problems)
    expect(byId.get('l1')).toHaveLength(2)
    expect(byId.get('x2')).toHaveLength(1)
    expect(problemsOf(problems, 'allocation').map((p) => p.id)).toEqual(['x2'])
  })
})

describe('moving a budget line to another phase', () => {
  it('lists the workstreams of the new phase in their order', () => {
    const data = smallPlan()
    data.workstreams.push({ ...testWorkstream('d', 'ph2', '2026-04', 4), order: -1 })
    expect(workstreamsOfPhase(data, 'ph2').map((w) => w.id)).toEqual(['d', 'c'])
    expect(workstreamsOfPhase(data, 'nowhere')).toEqual([])
  })

  it('asks for a workstream only when the line would lose its own and the phase has some', () => {
    const data = smallPlan()
    const l1 = data.budgetLines[0] // ph1, workstream a
    const l3 = data.budgetLines[2] // ph2, no workstream
    expect(needsWorkstreamChoice(data, l1, 'ph1')).toBe(false)
    expect(needsWorkstreamChoice(data, l1, 'ph2')).toBe(true)
    expect(needsWorkstreamChoice(data, l3, 'ph1')).toBe(true)
    // A workstream that already belongs to the target phase is kept without asking.
    expect(needsWorkstreamChoice(data, { phaseId: 'ph1', workstreamId: 'c' }, 'ph2')).toBe(false)
    // A phase without workstreams has nothing to choose from.
    data.workstreams = data.workstreams.filter((w) => w.phaseId !== 'ph2')
    expect(needsWorkstreamChoice(data, l1, 'ph2')).toBe(false)
  })
})
