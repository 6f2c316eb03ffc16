import { describe, expect, it } from 'vitest'
import { moveAllocation } from './moves'
import { smallPlan, testAllocation, testRole } from '../../../test/support/testing'
import { utilization } from './utilization'
import {
  laneSums,
  moveDestination,
  moveKind,
  quarterStats,
  roleLoad,
  shownUtilizationBp,
  stepIn,
  SHOWN_UTILIZATION_MAX_BP
} from './board'

describe('the load a board shows', () => {
  it('work against zero capacity shows as the highest figure, never as 0 %', () => {
    const data = smallPlan()
    data.roles.push(testRole('r0', 2, { '2025-Q4': 0 }))
    data.allocations.push(testAllocation('z', 'r0', 'a', '2025-Q4', 1_000))
    const load = roleLoad(data, 'r0', '2025-Q4')!
    expect(load.ratio).toBe(Infinity)
    expect(load.level).toBe('red')
    expect(shownUtilizationBp(load.ratio)).toBe(SHOWN_UTILIZATION_MAX_BP)
    expect(shownUtilizationBp(0)).toBe(0)
  })

  it('agrees with the utilization table for every role and quarter', () => {
    const data = smallPlan()
    for (const cells of utilization(data).values()) {
      for (const c of cells.values()) {
        expect(roleLoad(data, c.roleId, c.quarter)).toEqual({
          allocatedBp: c.allocatedBp,
          capacityBp: c.capacityBp,
          ratio: c.ratio,
          level: c.level
        })
      }
    }
  })

  it('shows 150 % as 15,000 basis points and caps at 999.9 %', () => {
    expect(shownUtilizationBp(1.5)).toBe(15_000)
    expect(shownUtilizationBp(12)).toBe(SHOWN_UTILIZATION_MAX_BP)
  })
})

describe('the kind of a move', () => {
  it('moving a whole chip to an empty cell is a move that keeps its id', () => {
    const data = smallPlan()
    const changes = moveAllocation(data, 'x3', { quarter: '2026-Q2' }, 5_000)
    expect(moveKind(changes, 'x3', 5_000, 5_000)).toBe('move')
    expect(moveDestination(changes, 'x3', 5_000, 5_000)).toBe('x3')
  })

  it('moving part of a chip is a split; focus can follow the new chip', () => {
    const data = smallPlan()
    const changes = moveAllocation(data, 'x3', { quarter: '2026-Q2' }, 2_000)
    expect(moveKind(changes, 'x3', 2_000, 5_000)).toBe('split')
    const dest = moveDestination(changes, 'x3', 2_000, 5_000)
    expect(dest).not.toBe('x3')
    expect(changes.find((c) => c.id === dest)?.before).toBeNull()
  })

  it('moving onto a chip of the same role and workstream merges into it', () => {
    const data = smallPlan()
    data.allocations.push(testAllocation('x5', 'r2', 'c', '2026-Q2', 1_000))
    const changes = moveAllocation(data, 'x3', { quarter: '2026-Q2' }, 5_000)
    expect(moveKind(changes, 'x3', 5_000, 5_000)).toBe('merge')
    expect(moveDestination(changes, 'x3', 5_000, 5_000)).toBe('x5')
  })
})

describe('sums for the board', () => {
  it('lane sums add each workstream per quarter, and phases add their workstreams', () => {
    const data = smallPlan()
    const byWs = laneSums(data, 'workstream')
    expect(byWs.get('workstream:c')?.get('2026-Q1')).toBe(7_500)
    const byPhase = laneSums(data, 'phase')
    const total = [...byPhase.values()].reduce((s, m) => s + (m.get('2025-Q4') ?? 0), 0)
    expect(total).toBe(10_000)
    expect(laneSums(data, 'none').size).toBe(0)
  })

  it('quarter stats count allocated basis points and red cells per plan quarter', () => {
    const data = smallPlan()
    data.allocations.push(testAllocation('x6', 'r2', 'a', '2026-Q1', 1_000))
    const { stats, red } = quarterStats(utilization(data), data.plan.quarters)
    expect(stats.get('2026-Q1')).toMatchObject({ bp: 8_500, red: 1 })
    expect(red).toBe(1)
  })

  it('a step past either end has no neighbour', () => {
    expect(stepIn(['a', 'b', 'c'], 'b', 1)).toBe('c')
    expect(stepIn(['a', 'b', 'c'], 'a', -1)).toBeUndefined()
    expect(stepIn(['a', 'b', 'c'], 'c', 1)).toBeUndefined()
  })
})
