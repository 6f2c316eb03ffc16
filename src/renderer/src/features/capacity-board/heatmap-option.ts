// The utilization heatmap's data and ECharts option, built from the utilization table once per
// change. Large plans show the most loaded roles only, so the chart stays readable and fast.
import type { PlanData, QuarterKey } from '@shared/planning/types'
import type { UtilizationCell, UtilizationTable } from '@shared/planning/utilization'
import type { RoleStat } from '@shared/planning/plan-index'
import { formatNumber, formatShare } from '../../lib/format'

export const HEATMAP_MAX_ROLES = 30

export type HeatmapData = {
  roles: { id: string; name: string }[]
  quarters: QuarterKey[]
  /** [quarterIndex, roleIndex, percent] */
  points: [number, number, number][]
  totalRoles: number
  red: number
  amber: number
  peak: UtilizationCell | null
}

/** Percent for the chart, capped so a cell with work on zero capacity still plots. */
export function percentOf(c: UtilizationCell): number {
  return Number.isFinite(c.ratio) ? Math.round(c.ratio * 100) : 999
}

/** A percent of the chart as the UI language writes it: "150%" in English, "150 %" in German. */
export const percentText = (percent: number): string => formatShare(percent * 100)

/** The colour bands of the plan's soft cap, labelled in the UI language's percent format. */
export function heatmapPieces(softCapBp: number) {
  const soft = softCapBp / 100
  return [
    { value: 0, color: '#eef1f5', label: percentText(0) },
    { gt: 0, lte: soft, color: '#7cc49a', label: `≤ ${formatShare(softCapBp)}` },
    // A range writes its unit once: "85–100%", "85–100 %".
    {
      gt: soft,
      lte: 100,
      color: '#f2b84b',
      label: `${formatNumber(soft, Number.isInteger(soft) ? 0 : 2)}–${percentText(100)}`
    },
    { gt: 100, color: '#d9534f', label: `> ${percentText(100)}` }
  ]
}

export function heatmapData(
  data: PlanData,
  util: UtilizationTable,
  roleFilter = '',
  roleStats?: ReadonlyMap<string, RoleStat>
): HeatmapData {
  const needle = roleFilter.trim().toLowerCase()
  const quarters = data.plan.quarters
  const qIndex = new Map(quarters.map((q, i) => [q, i]))
  let red = 0
  let amber = 0
  let peak: UtilizationCell | null = null
  // The most loaded roles, kept as the roles go by: a drop costs a pass over the roles, with no
  // object per role (10,000 of them on a large plan).
  const top: { id: string; name: string; max: number; at: number }[] = []
  let totalRoles = 0
  const offer = (role: { id: string; name: string }, max: number) => {
    const at = totalRoles++
    if (top.length < HEATMAP_MAX_ROLES || max > top[HEATMAP_MAX_ROLES - 1]!.max)
      keepTop(top, { id: role.id, name: role.name, max, at }, HEATMAP_MAX_ROLES)
  }
  for (const role of data.roles) {
    if (needle && !role.name.toLowerCase().includes(needle)) continue
    // Kept per role by updateUtilization: a drop costs a pass over roles, not over every cell.
    const known = roleStats?.get(role.id)
    if (known) {
      red += known.red
      amber += known.amber
      if (known.peak && (!peak || known.peak.ratio > peak.ratio)) peak = known.peak
      offer(role, known.max)
      continue
    }
    const cells = util.get(role.id)
    let max = 0
    for (const c of cells?.values() ?? []) {
      if (!qIndex.has(c.quarter)) continue
      if (c.level === 'red') red++
      else if (c.level === 'amber') amber++
      if (c.ratio > max) max = c.ratio
      if (c.allocatedBp > 0 && (!peak || c.ratio > peak.ratio)) peak = c
    }
    offer(role, max)
  }
  // Small plans show every role, large ones the most loaded: both in plan order.
  const chosen = top.sort((a, b) => a.at - b.at)
  const points: [number, number, number][] = []
  chosen.forEach((role, ri) => {
    for (const c of util.get(role.id)?.values() ?? []) {
      const qi = qIndex.get(c.quarter)
      if (qi === undefined) continue
      points.push([qi, ri, percentOf(c)])
    }
  })
  return {
    roles: chosen.map((c) => ({ id: c.id, name: c.name })),
    quarters,
    points,
    totalRoles,
    red,
    amber,
    peak
  }
}

/**
 * Whether two heatmaps draw the same chart (roles, quarters and points): a drop outside the roles
 * shown changes only the figures in words, and the chart keeps its picture instead of drawing again.
 */
export function sameChart(a: HeatmapData, b: HeatmapData): boolean {
  if (a.roles.length !== b.roles.length || a.points.length !== b.points.length) return false
  if (a.quarters.length !== b.quarters.length || a.quarters.some((q, i) => q !== b.quarters[i])) return false
  for (let i = 0; i < a.roles.length; i++)
    if (a.roles[i]!.id !== b.roles[i]!.id || a.roles[i]!.name !== b.roles[i]!.name) return false
  for (let i = 0; i < a.points.length; i++) {
    const p = a.points[i]!
    const q = b.points[i]!
    if (p[0] !== q[0] || p[1] !== q[1] || p[2] !== q[2]) return false
  }
  return true
}

/**
 * The `k` items with the highest `max`, ties going to the earlier item: what a stable sort by max
 * (descending) would take first, in one pass with a k-long list instead of sorting every role
 * (10,000 of them on a large plan, on every drop).
 */
export function topByMax<T extends { max: number }>(items: readonly T[], k: number): T[] {
  const top: T[] = []
  for (const item of items) keepTop(top, item, k)
  return top
}

/** Puts `item` into `top` (highest max first, at most `k`) where topByMax would have it. */
function keepTop<T extends { max: number }>(top: T[], item: T, k: number): void {
  if (top.length === k && item.max <= top[k - 1]!.max) return
  // After the last kept item with a max at least as high: earlier items win ties.
  let at = top.length
  while (at > 0 && top[at - 1]!.max < item.max) at--
  top.splice(at, 0, item)
  if (top.length > k) top.pop()
}
