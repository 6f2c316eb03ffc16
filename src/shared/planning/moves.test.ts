import { describe, expect, it } from 'vitest'
import { applyChanges } from './changes'
import {
  addAllocation,
  halfShare,
  mergeBudgetLines,
  moveAllocation,
  moveBudgetLine,
  roundToStep,
  setAllocationShare,
  setBudgetAmount,
  setCapacity,
  setMetricStatus,
  setPhaseCap,
  setRiskImpactCents,
  setRiskProbability,
  setWorkstreamSchedule,
  splitBudgetLine,
  toggleCriterion,
  toggleDeliverable
} from './moves'
import { idSequence, smallPlan } from '../../../test/support/testing'
import { totalAllocatedBp } from './utilization'
import type { PlanData } from './types'

const byId = <T extends { id: string }>(rows: T[], id: string) => rows.find((r) => r.id === id)

describe('moveAllocation', () => {
  it('moving a whole chip to another quarter keeps its id and the role total', () => {
    const data = smallPlan()
    const changes = moveAllocation(data, 'x1', { quarter: '2026-Q2' })
    expect(changes).toHaveLength(1)
    const next = applyChanges(data, changes)
    expect(byId(next.allocations, 'x1')).toMatchObject({ quarter: '2026-Q2', shareBp: 5_000 })
    expect(totalAllocatedBp(next, 'r1')).toBe(totalAllocatedBp(data, 'r1'))
  })

  it('moving half leaves the rest and creates a new chip at the target', () => {
    const data = smallPlan()
    const next = applyChanges(
      data,
      moveAllocation(data, 'x1', { quarter: '2026-Q1' }, 2_500, { newId: idSequence() })
    )
    expect(byId(next.allocations, 'x1')).toMatchObject({ quarter: '2025-Q4', shareBp: 2_500 })
    expect(byId(next.allocations, 'n1')).toMatchObject({
      quarter: '2026-Q1',
      shareBp: 2_500,
      workstreamId: 'a'
    })
    expect(totalAllocatedBp(next, 'r1')).toBe(totalAllocatedBp(data, 'r1'))
  })

  it('merges into a chip with the same role, workstream and quarter', () => {
    const data = smallPlan()
    // x1 (r1, a, Q4) → workstream b merges into x2 (r1, b, Q4)
    const whole = applyChanges(data, moveAllocation(data, 'x1', { workstreamId: 'b' }))
    expect(byId(whole.allocations, 'x1')).toBeUndefined()
    expect(byId(whole.allocations, 'x2')?.shareBp).toBe(10_000)
    const part = applyChanges(data, moveAllocation(data, 'x1', { workstreamId: 'b' }, 1_000))
    expect(byId(part.allocations, 'x1')?.shareBp).toBe(4_000)
    expect(byId(part.allocations, 'x2')?.shareBp).toBe(6_000)
    expect(part.allocations).toHaveLength(data.allocations.length)
  })

  it('moves a chip to another role', () => {
    const data = smallPlan()
    const next = applyChanges(data, moveAllocation(data, 'x4', { roleId: 'r2' }))
    // x4 (r1, c, Q1) merges into x3 (r2, c, Q1)
    expect(byId(next.allocations, 'x3')?.shareBp).toBe(7_500)
    expect(totalAllocatedBp(next, 'r1') + totalAllocatedBp(next, 'r2')).toBe(
      totalAllocatedBp(data, 'r1') + totalAllocatedBp(data, 'r2')
    )
  })

  it('moving onto itself changes nothing', () => {
    const data = smallPlan()
    expect(moveAllocation(data, 'x1', {})).toEqual([])
    expect(moveAllocation(data, 'x1', { quarter: '2025-Q4', roleId: 'r1', workstreamId: 'a' }, 100)).toEqual(
      []
    )
  })

  it('refuses amounts that are not positive integers up to the share', () => {
    const data = smallPlan()
    for (const bad of [0, -1, 5_001, 1.5, Number.NaN]) {
      expect(() => moveAllocation(data, 'x1', { quarter: '2026-Q1' }, bad)).toThrowError(
        expect.objectContaining({ name: 'PlanningError', code: 'invalid-amount' })
      )
    }
    expect(() => moveAllocation(data, 'nope', { quarter: '2026-Q1' })).toThrowError(
      expect.objectContaining({ code: 'not-found' })
    )
    expect(() => moveAllocation(data, 'x1', { roleId: 'ghost' })).toThrowError(
      expect.objectContaining({ code: 'not-found' })
    )
    expect(() => moveAllocation(data, 'x1', { quarter: '2026-Q7' as never })).toThrowError(
      expect.objectContaining({ code: 'invalid-quarter' })
    )
  })

  it('never mutates its input', () => {
    const data = smallPlan()
    const snapshot = structuredClone(data)
    moveAllocation(data, 'x1', { workstreamId: 'b' }, 1_000)
    moveAllocation(data, 'x1', { quarter: '2026-Q2' }, 1_000)
    expect(data).toEqual(snapshot)
  })
})

describe('share helpers', () => {
  it('halves exactly, the odd basis point going to the rest', () => {
    expect(halfShare(5_001)).toEqual({ half: 2_500, rest: 2_501 })
    expect(halfShare(10_000)).toEqual({ half: 5_000, rest: 5_000 })
    expect(halfShare(1)).toEqual({ half: 0, rest: 1 })
  })

  it('rounds to 5 % steps by default', () => {
    expect(roundToStep(3_333)).toBe(3_500)
    expect(roundToStep(3_249)).toBe(3_000)
    expect(roundToStep(3_250)).toBe(3_500)
    expect(roundToStep(3_333, 1_000)).toBe(3_000)
  })

  it('setting a share to 0 deletes the chip; unchanged share gives no change', () => {
    const data = smallPlan()
    expect(setAllocationShare(data, 'x1', 0)[0].after).toBeNull()
    expect(setAllocationShare(data, 'x1', 5_000)).toEqual([])
    expect(setAllocationShare(data, 'x1', 7_500)[0].after).toMatchObject({ shareBp: 7_500 })
    expect(() => setAllocationShare(data, 'x1', 100_001)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
  })

  it('adding an allocation where a chip exists merges into it', () => {
    const data = smallPlan()
    const merged = addAllocation(data, {
      roleId: 'r1',
      workstreamId: 'a',
      quarter: '2025-Q4',
      shareBp: 1_000
    })
    expect(merged).toHaveLength(1)
    expect(merged[0].after).toMatchObject({ id: 'x1', shareBp: 6_000 })
    const created = addAllocation(
      data,
      { roleId: 'r2', workstreamId: 'a', quarter: '2026-Q2', shareBp: 1_000 },
      { newId: () => 'fresh' }
    )
    expect(created[0]).toMatchObject({ before: null, after: { id: 'fresh', planId: 'p', note: '' } })
  })

  it('sets one quarter of capacity and leaves the others', () => {
    const data = smallPlan()
    const next = applyChanges(data, setCapacity(data, 'r2', '2026-Q2', 8_000))
    expect(byId(next.roles, 'r2')?.capacityBp).toEqual({ '2026-Q1': 5_000, '2026-Q2': 8_000 })
    expect(setCapacity(data, 'r2', '2026-Q1', 5_000)).toEqual([])
  })
})

const cents = (d: PlanData) => d.budgetLines.reduce((s, l) => s + l.amountCents, 0)

describe('budget line moves', () => {
  it('moving a whole line to another quarter keeps its id', () => {
    const data = smallPlan()
    const next = applyChanges(data, moveBudgetLine(data, 'l1', { quarter: '2026-Q1', phaseId: 'ph2' }))
    expect(byId(next.budgetLines, 'l1')).toMatchObject({
      quarter: '2026-Q1',
      phaseId: 'ph2',
      amountCents: 20_000
    })
  })

  it('moving part splits the line without losing or creating a cent', () => {
    const data = smallPlan()
    const changes = moveBudgetLine(data, 'l2', { quarter: '2026-Q1', workstreamId: null }, 12_345, {
      newId: () => 'l2b'
    })
    const next = applyChanges(data, changes)
    expect(byId(next.budgetLines, 'l2')?.amountCents).toBe(30_000 - 12_345)
    expect(byId(next.budgetLines, 'l2b')).toMatchObject({
      amountCents: 12_345,
      quarter: '2026-Q1',
      workstreamId: null,
      title: 'l2',
      category: 'consulting',
      currency: 'EUR'
    })
    expect(cents(next)).toBe(cents(data))
  })

  it('refuses bad amounts and unknown targets', () => {
    const data = smallPlan()
    expect(() => moveBudgetLine(data, 'l1', { quarter: '2026-Q1' }, 20_001)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
    expect(() => moveBudgetLine(data, 'l1', { quarter: '2026-Q1' }, 0)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
    expect(() => moveBudgetLine(data, 'l1', { phaseId: 'nope' })).toThrowError(
      expect.objectContaining({ code: 'not-found' })
    )
    expect(moveBudgetLine(data, 'l1', { quarter: '2025-Q4' }, 5)).toEqual([])
  })

  it('splits in place and merges back only within one currency', () => {
    const data = smallPlan()
    const split = applyChanges(data, splitBudgetLine(data, 'l1', 7_001, { newId: () => 's' }))
    expect(byId(split.budgetLines, 'l1')?.amountCents).toBe(12_999)
    expect(byId(split.budgetLines, 's')).toMatchObject({
      amountCents: 7_001,
      quarter: '2025-Q4',
      phaseId: 'ph1'
    })
    expect(cents(split)).toBe(cents(data))
    expect(() => splitBudgetLine(data, 'l1', 20_000)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
    const merged = applyChanges(split, mergeBudgetLines(split, 's', 'l1'))
    expect(byId(merged.budgetLines, 'l1')?.amountCents).toBe(20_000)
    expect(() => mergeBudgetLines(data, 'l3', 'l1')).toThrowError(
      expect.objectContaining({ code: 'currency-mismatch' })
    )
  })
})

describe('field edits', () => {
  it('return one change for a real edit and none for a no-op', () => {
    const data = smallPlan()
    data.phases[0].metrics = [{ id: 'm1', text: 'Uptime', target: '99.9%', status: 'open' }]
    data.workstreams[0].criteria = [{ id: 'c1', text: 'Done', done: false }]
    data.risks = [
      {
        id: 'rk',
        planId: 'p',
        order: 1,
        title: 'Risk',
        probabilityPct: 30,
        impactLevel: 'high',
        impactText: '',
        impactCents: 100,
        mitigations: [],
        phaseIds: [],
        workstreamIds: []
      }
    ]
    data.deliverables = [
      { id: 'd1', planId: 'p', quarter: '2025-Q4', order: 1, title: 'Doc', workstreamId: 'a', done: false }
    ]
    expect(setBudgetAmount(data, 'l1', 1)[0].after).toMatchObject({ amountCents: 1 })
    expect(setBudgetAmount(data, 'l1', 20_000)).toEqual([])
    expect(() => setBudgetAmount(data, 'l1', -1)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
    expect(setPhaseCap(data, 'ph1', 1)[0].after).toMatchObject({ capCents: 1 })
    expect(setRiskProbability(data, 'rk', 60)[0].after).toMatchObject({ probabilityPct: 60 })
    expect(() => setRiskProbability(data, 'rk', 101)).toThrowError(
      expect.objectContaining({ code: 'invalid-value' })
    )
    expect(setRiskImpactCents(data, 'rk', 5)[0].after).toMatchObject({ impactCents: 5 })
    expect(toggleDeliverable(data, 'd1')[0].after).toMatchObject({ done: true })
    expect(toggleDeliverable(data, 'd1', false)).toEqual([])
    expect(toggleCriterion(data, 'a', 'c1')[0].after).toMatchObject({ criteria: [{ id: 'c1', done: true }] })
    expect(setMetricStatus(data, 'ph1', 'm1', 'met')[0].after).toMatchObject({ metrics: [{ status: 'met' }] })
    expect(setMetricStatus(data, 'ph1', 'm1', 'open')).toEqual([])
    expect(setWorkstreamSchedule(data, 'a', '2025-11', 8)[0].after).toMatchObject({
      startMonth: '2025-11',
      durationWeeks: 8
    })
    expect(() => setWorkstreamSchedule(data, 'a', '2025-13', 8)).toThrowError(
      expect.objectContaining({ code: 'invalid-month' })
    )
    expect(() => setWorkstreamSchedule(data, 'a', '2025-11', 105)).toThrowError(
      expect.objectContaining({ code: 'invalid-amount' })
    )
  })
})
