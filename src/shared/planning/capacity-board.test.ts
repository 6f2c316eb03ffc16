import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { generateLargePlan } from '../../../test/support/large-plan'
import { previewMoveViolations } from './schedule'
import { smallPlan } from '../../../test/support/testing'
import { utilization } from './utilization'
import type { EntityChange, QuarterKey } from './types'
import {
  buildChipIndex,
  buildRows,
  buildWorkstreamIndex,
  cellLoad,
  CHIP_HEIGHT,
  ROW_CHROME,
  chipsIn,
  moveChipChanges,
  previewDrop,
  roleRowsStepwise,
  targetFor,
  targetRatioAfter,
  updateFlatRows,
  sameTarget
} from './capacity-board'
import { applyChanges } from './changes'
import { applyAllocationChanges, buildAllocationIndex } from './plan-index'
import { moveAllocation } from './moves'
import { roleLoad } from './board'

describe('capacity board model', () => {
  it('rows made a slice at a time are the rows of the whole plan, each role as tall as its fullest quarter', () => {
    const d = generateLargePlan({
      roles: 1_200,
      workstreams: 10,
      allocations: 6_000,
      budgetLines: 10,
      seed: 5
    })
    const index = buildAllocationIndex(d.allocations)
    const steps = roleRowsStepwise(d, index.cells)
    let yields = 0
    let r = steps.next()
    for (; !r.done; r = steps.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(2)
    expect(r.value).toEqual(buildRows(d, index.cells, 'none', ''))
    expect(r.value.map((row) => row.key)).toEqual(d.roles.map((role) => role.id))
    const fullest = (roleId: string) =>
      Math.max(0, ...[...(index.cells.get(roleId)?.values() ?? [])].map((list) => list.length))
    for (const row of r.value.slice(0, 50))
      expect(row.height).toBe(
        ROW_CHROME + Math.max(1, fullest((row as { roleId: string }).roleId)) * CHIP_HEIGHT
      )
  })

  it('flat rows after a drop equal rows built afresh, and keep the array when no height changed', () => {
    const d = generateLargePlan({
      roles: 30,
      workstreams: 6,
      quarters: 4,
      allocations: 300,
      budgetLines: 1,
      seed: 5
    })
    let index = buildAllocationIndex(d.allocations)
    let rows = buildRows(d, index.cells, 'none', '')
    let data = d
    for (let k = 0; k < 40; k++) {
      const a = data.allocations[(k * 37) % data.allocations.length]!
      const role = data.roles[(k * 11) % data.roles.length]!
      const change = { table: 'allocations' as const, id: a.id, before: a, after: { ...a, roleId: role.id } }
      data = applyChanges(data, [change])
      index = applyAllocationChanges(index, [change])
      const next = updateFlatRows(
        rows,
        index.cells,
        data.plan.quarters,
        new Set(index.touched.map(([r]) => r))
      )
      expect(next).toEqual(buildRows(data, buildChipIndex(data), 'none', ''))
      if (next.every((r, i) => r.height === rows[i]!.height)) expect(next).toBe(rows)
      rows = next
    }
  })

  it('a cell’s load from the chip index equals the plan-wide utilization', () => {
    const d = generateLargePlan({
      roles: 40,
      workstreams: 8,
      quarters: 6,
      allocations: 600,
      budgetLines: 10,
      seed: 3
    })
    const index = buildChipIndex(d)
    const util = utilization(d)
    for (const role of d.roles) {
      for (const q of d.plan.quarters) {
        const a = cellLoad(index, role, q, d.plan.softCapBp)
        const b = util.get(role.id)!.get(q)!
        expect([a.allocatedBp, a.capacityBp, a.level]).toEqual([b.allocatedBp, b.capacityBp, b.level])
      }
    }
  })

  it('chips of a cell come in workstream order and lanes show only their own chips', () => {
    const d = smallPlan()
    const index = buildChipIndex(d)
    const wsOrder = new Map(d.workstreams.map((w) => [w.id, w.order]))
    const phaseOfWs = new Map(d.workstreams.map((w) => [w.id, w.phaseId]))
    expect(chipsIn(index, 'r1', '2025-Q4', { kind: 'all' }, phaseOfWs, wsOrder).map((a) => a.id)).toEqual([
      'x1',
      'x2'
    ])
    expect(
      chipsIn(index, 'r1', '2025-Q4', { kind: 'workstream', id: 'b' }, phaseOfWs, wsOrder).map((a) => a.id)
    ).toEqual(['x2'])
    expect(chipsIn(index, 'r1', '2026-Q1', { kind: 'phase', id: 'ph1' }, phaseOfWs, wsOrder)).toEqual([])
  })

  it('groups roles into workstream lanes and filters by role or group name', () => {
    const d = smallPlan()
    const index = buildChipIndex(d)
    expect(buildRows(d, index, 'none', '').map((r) => r.key)).toEqual(['r1', 'r2'])
    const lanes = buildRows(d, index, 'workstream', '')
    expect(lanes.map((r) => r.key)).toEqual([
      'g|workstream:a',
      'workstream:a|r1',
      'g|workstream:b',
      'workstream:b|r1',
      'g|workstream:c',
      'workstream:c|r1',
      'workstream:c|r2'
    ])
    expect(buildRows(d, index, 'none', 'R2').map((r) => r.key)).toEqual(['r2'])
  })

  it('the filter finds roles and groups whatever the case and accents', () => {
    const d = smallPlan()
    d.roles[1] = { ...d.roles[1]!, name: 'Sicherheitsprüfer' }
    d.workstreams[0] = { ...d.workstreams[0]!, title: 'Überwachung' }
    const index = buildChipIndex(d)
    expect(buildRows(d, index, 'none', 'PRUFER').map((r) => r.key)).toEqual(['r2'])
    expect(buildRows(d, index, 'workstream', 'uberwachung').map((r) => r.key)).toEqual([
      'g|workstream:a',
      'workstream:a|r1'
    ])
  })

  it('the preview adds the moved share to the target cell and flags over-allocation', () => {
    const d = smallPlan()
    const x1 = d.allocations.find((a) => a.id === 'x1')!
    const p = previewDrop(
      d,
      buildChipIndex(d),
      buildWorkstreamIndex(d),
      x1,
      targetFor(x1, { quarter: '2026-Q1', roleId: 'r2' })
    )!
    // r2 has 50 % capacity in 2026-Q1 and 50 % allocated there already.
    expect(p).toMatchObject({ beforeBp: 5_000, afterBp: 10_000, capacityBp: 5_000, level: 'red' })
  })

  it('the preview’s dependency check on a slice of the plan finds exactly what the full check finds', () => {
    const d = generateLargePlan({
      roles: 30,
      workstreams: 12,
      quarters: 8,
      allocations: 500,
      budgetLines: 10,
      seed: 7
    })
    const index = buildChipIndex(d)
    const wsIndex = buildWorkstreamIndex(d)
    const key = (v: { workstreamId: string; dependsOnId: string; kind: string; quarter?: string }) =>
      `${v.kind}|${v.workstreamId}|${v.dependsOnId}|${v.quarter ?? ''}`
    fc.assert(
      fc.property(
        fc.nat(d.allocations.length - 1),
        fc.nat(d.plan.quarters.length - 1),
        fc.nat(d.workstreams.length - 1),
        fc.boolean(),
        (ai, qi, wi, changeWs) => {
          const alloc = d.allocations[ai]
          const target = {
            quarter: d.plan.quarters[qi] as QuarterKey,
            roleId: alloc.roleId,
            workstreamId: changeWs ? d.workstreams[wi].id : alloc.workstreamId
          }
          let full: string[]
          try {
            full = previewMoveViolations(d, alloc.id, target).map(key).sort()
          } catch {
            return // impossible move (merge above the maximum): no preview either way
          }
          const p = previewDrop(d, index, wsIndex, alloc, target)
          expect((p?.violations ?? []).map(key).sort()).toEqual(full)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('a move read from the index makes the same changes as one over the whole plan, and its target load after it is the stored one', () => {
    const d = generateLargePlan({
      roles: 12,
      workstreams: 4,
      quarters: 4,
      allocations: 120,
      budgetLines: 1,
      seed: 9
    })
    const index = buildAllocationIndex(d.allocations)
    const quarters = d.plan.quarters
    for (let k = 0; k < 30; k++) {
      const a = d.allocations[(k * 13) % d.allocations.length]!
      const target = targetFor(a, {
        quarter: quarters[(k * 3) % quarters.length]!,
        roleId: d.roles[(k * 7) % d.roles.length]!.id
      })
      const amount = k % 2 ? a.shareBp : Math.max(1, Math.floor(a.shareBp / 2))
      const changes = moveChipChanges(d, index, a, target, amount)
      // A split creates a chip with a fresh random id: compare everything else.
      const plain = (cs: EntityChange[]) =>
        cs.map((c) => (c.before === null ? { ...c, id: 'new', after: { ...c.after!, id: 'new' } } : c))
      expect(plain(changes)).toEqual(plain(moveAllocation(d, a.id, target, amount)))
      const q = target.quarter ?? a.quarter
      const roleId = target.roleId ?? a.roleId
      const role = d.roles.find((r) => r.id === roleId)
      expect(targetRatioAfter(index, changes, role, q)).toBeCloseTo(
        roleLoad(applyChanges(d, changes), roleId, q)!.ratio,
        9
      )
    }
    expect(targetRatioAfter(index, [], undefined, quarters[0]!)).toBeNull()
  })
})

describe('sameTarget', () => {
  it('is one cell only when quarter, role and workstream all agree', () => {
    const t = { quarter: '2026-Q1' as QuarterKey, roleId: 'r1', workstreamId: 'w1' }
    expect(sameTarget(t, { ...t })).toBe(true)
    expect(sameTarget(t, { ...t, quarter: '2026-Q2' as QuarterKey })).toBe(false)
    expect(sameTarget(t, { ...t, roleId: 'r2' })).toBe(false)
    expect(sameTarget(t, { ...t, workstreamId: 'w2' })).toBe(false)
  })
})
