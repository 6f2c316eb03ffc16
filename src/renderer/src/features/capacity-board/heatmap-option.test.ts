import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import {
  HEATMAP_MAX_ROLES,
  heatmapData,
  heatmapPieces,
  percentText,
  sameChart,
  topByMax
} from './heatmap-option'
import { applyChanges } from '@shared/planning/changes'
import {
  buildAllocationIndex,
  buildUtilization,
  applyAllocationChanges,
  updateUtilization
} from '@shared/planning/plan-index'
import { smallPlan, testAllocation, testRole } from '../../../../../test/support/testing'

describe('heatmap roles', () => {
  it('takes what a stable sort by max would take first, ties to the earlier role', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        (maxes, k) => {
          const items = maxes.map((max, i) => ({ id: i, max }))
          const sorted = [...items].sort((a, b) => b.max - a.max).slice(0, k)
          expect(topByMax(items, k)).toEqual(sorted)
        }
      )
    )
  })
})

describe('heatmap data from the roles’ stats', () => {
  it('equals the pass over every cell, before and after a change, with and without a filter', () => {
    const data = smallPlan()
    for (let i = 0; i < 40; i++) data.roles.push(testRole(`q${i}`, 2 + i, {}, null))
    for (let i = 0; i < 120; i++)
      data.allocations.push(
        testAllocation(`h${i}`, `q${i % 40}`, 'a', i % 3 ? '2026-Q1' : '2025-Q4', 1_000 * (i % 13))
      )
    const index = buildAllocationIndex(data.allocations)
    const state = buildUtilization(data, index)
    for (const filter of ['', 'q1'])
      expect(heatmapData(data, state.table, filter, state.roleStats)).toEqual(
        heatmapData(data, state.table, filter)
      )
    const a = data.allocations[10]!
    const changes = [{ table: 'allocations' as const, id: a.id, before: a, after: { ...a, shareBp: 50_000 } }]
    const after = applyChanges(data, changes)
    const next = updateUtilization(state, after, applyAllocationChanges(index, changes))
    expect(heatmapData(after, next.table, '', next.roleStats)).toEqual(heatmapData(after, next.table))
    expect(heatmapData(after, next.table, '', next.roleStats).peak?.roleId).toBe(a.roleId)
  })
})

describe('the chart a heatmap draws', () => {
  it('stays the same after a change to a role not shown, and changes with a role shown', () => {
    const data = smallPlan()
    for (let i = 0; i < 40; i++) data.roles.push(testRole(`q${i}`, 2 + i, {}, null))
    // Roles q0..q29 loaded, q30..q39 nearly idle: the chart shows the first HEATMAP_MAX_ROLES only.
    for (let i = 0; i < 40; i++)
      data.allocations.push(testAllocation(`h${i}`, `q${i}`, 'a', '2026-Q1', i < 30 ? 8_000 : 100))
    const draw = (d: typeof data) => {
      const index = buildAllocationIndex(d.allocations)
      return heatmapData(d, buildUtilization(d, index).table)
    }
    const before = draw(data)
    expect(before.roles).toHaveLength(HEATMAP_MAX_ROLES)
    expect(sameChart(before, draw(data))).toBe(true)
    const idle = data.allocations.find((a) => a.id === 'h35')!
    const hidden = applyChanges(data, [
      { table: 'allocations', id: idle.id, before: idle, after: { ...idle, shareBp: 200 } }
    ])
    const afterHidden = draw(hidden)
    expect(sameChart(before, afterHidden)).toBe(true)
    const busy = data.allocations.find((a) => a.id === 'h3')!
    const shown = applyChanges(data, [
      { table: 'allocations', id: busy.id, before: busy, after: { ...busy, quarter: '2026-Q2' } }
    ])
    expect(sameChart(before, draw(shown))).toBe(false)
  })
})

describe('the roles a heatmap shows', () => {
  it('are the most loaded (ties to the earlier role), in plan order, for any number of roles', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 70 }), (loads) => {
        const data = smallPlan()
        data.roles = []
        data.allocations = []
        loads.forEach((load, i) => {
          data.roles.push(testRole(`q${i}`, i, {}, null))
          if (load > 0) data.allocations.push(testAllocation(`h${i}`, `q${i}`, 'a', '2026-Q1', 2_500 * load))
        })
        const index = buildAllocationIndex(data.allocations)
        const { table, roleStats } = buildUtilization(data, index)
        const maxOf = (id: string) => Math.max(0, ...[...(table.get(id)?.values() ?? [])].map((c) => c.ratio))
        const ranked = [...data.roles].sort((a, b) => maxOf(b.id) - maxOf(a.id))
        const shown = new Set(ranked.slice(0, HEATMAP_MAX_ROLES).map((r) => r.id))
        const expected = data.roles.filter((r) => shown.has(r.id)).map((r) => r.id)
        for (const stats of [undefined, roleStats]) {
          const hm = heatmapData(data, table, '', stats)
          expect(hm.roles.map((r) => r.id)).toEqual(expected)
          expect(hm.totalRoles).toBe(data.roles.length)
        }
      })
    )
  })
})

describe('heatmap percents in the UI language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('writes the peak as 150% in English and 150 % in German', async () => {
    expect(percentText(150)).toBe('150%')
    expect(percentText(0)).toBe('0%')
    await i18n.changeLanguage('de')
    expect(percentText(150)).toBe('150\u00a0%')
  })

  it('labels the soft-cap bands the same way', async () => {
    expect(heatmapPieces(8_500).map((p) => p.label)).toEqual(['0%', '≤ 85%', '85–100%', '> 100%'])
    await i18n.changeLanguage('de')
    expect(heatmapPieces(8_500).map((p) => p.label)).toEqual([
      '0\u00a0%',
      '≤ 85\u00a0%',
      '85–100\u00a0%',
      '> 100\u00a0%'
    ])
  })
})
