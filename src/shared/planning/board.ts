// Math of the two boards that is not a move itself: the kind of a move read from its changes, where
// focus goes after it, lane and quarter sums, the load a board shows, and the neighbour of a cell.
import type { EntityChange, PlanData, QuarterKey, ShareBp } from './types'
import {
  capacityOf,
  utilizationLevel,
  utilizationRatio,
  type UtilizationLevel,
  type UtilizationTable
} from './utilization'

/** The highest utilization a board shows (999.9 %); work against zero capacity shows as this. */
export const SHOWN_UTILIZATION_MAX_BP = 99_990

/** A utilization ratio as the basis points a board shows, capped at 999.9 %. */
export function shownUtilizationBp(ratio: number): ShareBp {
  return Math.round(Math.min(ratio, SHOWN_UTILIZATION_MAX_BP / 10_000) * 10_000)
}

export type RoleLoad = { allocatedBp: ShareBp; capacityBp: ShareBp; ratio: number; level: UtilizationLevel }

/** Load of a role in one quarter (capacity as the utilization table counts it, open positions included). */
export function roleLoad(data: PlanData, roleId: string, quarter: QuarterKey): RoleLoad | null {
  const role = data.roles.find((r) => r.id === roleId)
  if (!role) return null
  let allocatedBp = 0
  for (const a of data.allocations) if (a.roleId === roleId && a.quarter === quarter) allocatedBp += a.shareBp
  const capacityBp = capacityOf(role, quarter)
  return {
    allocatedBp,
    capacityBp,
    ratio: utilizationRatio(allocatedBp, capacityBp),
    level: utilizationLevel(allocatedBp, capacityBp, data.plan.softCapBp)
  }
}

export type MoveKind = 'move' | 'split' | 'merge'

/**
 * What a move of `amount` out of `full` was, from its changes: a merge when it updated another
 * existing item (the moved share joined a chip already in the target), else a split when part stayed.
 */
export function moveKind(
  changes: readonly EntityChange[],
  movedId: string,
  amount: number,
  full: number
): MoveKind {
  const merged = changes.some((c) => c.id !== movedId && c.before !== null && c.after !== null)
  return merged ? 'merge' : amount < full ? 'split' : 'move'
}

/** The id of the item the moved amount ended up in, or null when it is not known. */
export function moveDestination(
  changes: readonly EntityChange[],
  movedId: string,
  amount: number,
  full: number
): string | null {
  return changes.find((c) => c.id !== movedId && c.after !== null)?.id ?? (amount === full ? movedId : null)
}

export type LaneGrouping = 'none' | 'workstream' | 'phase'

/** Allocated basis points per lane ('workstream:<id>' or 'phase:<id>') and quarter, for group rows. */
export function laneSums(data: PlanData, groupBy: LaneGrouping): Map<string, Map<QuarterKey, number>> {
  const out = new Map<string, Map<QuarterKey, number>>()
  if (groupBy === 'none') return out
  const phaseOfWs = new Map(data.workstreams.map((w) => [w.id, w.phaseId]))
  for (const a of data.allocations) {
    const id = groupBy === 'workstream' ? a.workstreamId : phaseOfWs.get(a.workstreamId)
    if (!id) continue
    const key = `${groupBy}:${id}`
    let m = out.get(key)
    if (!m) out.set(key, (m = new Map()))
    m.set(a.quarter, (m.get(a.quarter) ?? 0) + a.shareBp)
  }
  return out
}

export type QuarterStat = { bp: ShareBp; red: number; amber: number }

/** Per plan quarter: allocated basis points and how many role cells are red or amber; plus the counts. */
export function quarterStats(
  util: UtilizationTable,
  quarters: readonly QuarterKey[]
): { stats: Map<QuarterKey, QuarterStat>; red: number; amber: number } {
  const stats = new Map<QuarterKey, QuarterStat>()
  for (const q of quarters) stats.set(q, { bp: 0, red: 0, amber: 0 })
  let red = 0
  let amber = 0
  for (const cells of util.values()) {
    for (const c of cells.values()) {
      const s = stats.get(c.quarter)
      if (!s) continue
      s.bp += c.allocatedBp
      if (c.level === 'red') {
        s.red++
        red++
      } else if (c.level === 'amber') {
        s.amber++
        amber++
      }
    }
  }
  return { stats, red, amber }
}

/** The neighbour of `current` one step along `order` (a quarter, a role, a phase), or undefined at an end. */
export function stepIn<T>(order: readonly T[], current: T, by: 1 | -1): T | undefined {
  const i = order.indexOf(current) + by
  return i < 0 || i >= order.length ? undefined : order[i]
}
