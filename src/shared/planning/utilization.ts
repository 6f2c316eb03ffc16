// Utilization of each role per quarter: allocated share against capacity, with the
// amber/red levels the board colours by. One pass over allocations, Maps throughout, so a
// 20,000-allocation plan stays well under a frame's budget.
import type { PlanData, QuarterKey, Role, ShareBp } from './types'
import { FULL_FTE } from './types'

export type UtilizationLevel = 'ok' | 'amber' | 'red'

export type UtilizationCell = {
  roleId: string
  quarter: QuarterKey
  allocatedBp: ShareBp
  capacityBp: ShareBp
  /** allocated / capacity; Infinity when work is allocated against zero capacity, 0 when both are 0. */
  ratio: number
  level: UtilizationLevel
}

/** roleId → quarter → cell. Every role has a cell for every plan quarter, plus any other quarter it holds work in. */
export type UtilizationTable = Map<string, Map<QuarterKey, UtilizationCell>>

/** Capacity of a role in a quarter; an open position has none before its hire quarter. */
export function capacityOf(role: Role, quarter: QuarterKey): ShareBp {
  if (!isStaffed(role, quarter)) return 0
  return role.capacityBp[quarter] ?? FULL_FTE
}

/** False for an open position in the quarters before its hire starts. */
export function isStaffed(role: Role, quarter: QuarterKey): boolean {
  return !(role.openPosition && role.hireQuarter && quarter < role.hireQuarter)
}

/** Level of a load against a capacity; integer comparisons, so 85 % exactly is still ok at softCap 8_500. */
export function utilizationLevel(
  allocatedBp: ShareBp,
  capacityBp: ShareBp,
  softCapBp: ShareBp
): UtilizationLevel {
  if (allocatedBp > capacityBp) return 'red'
  if (allocatedBp * FULL_FTE > softCapBp * capacityBp) return 'amber'
  return 'ok'
}

/**
 * The one definition of utilization: allocated / capacity; Infinity when work is allocated against
 * zero capacity, 0 when both are 0. Boards show it capped (see shownUtilizationBp in board.ts).
 */
export function utilizationRatio(allocatedBp: ShareBp, capacityBp: ShareBp): number {
  return capacityBp > 0 ? allocatedBp / capacityBp : allocatedBp > 0 ? Infinity : 0
}

function cellOf(role: Role, quarter: QuarterKey, allocatedBp: ShareBp, softCapBp: ShareBp): UtilizationCell {
  const capacityBp = capacityOf(role, quarter)
  const ratio = utilizationRatio(allocatedBp, capacityBp)
  return {
    roleId: role.id,
    quarter,
    allocatedBp,
    capacityBp,
    ratio,
    level: utilizationLevel(allocatedBp, capacityBp, softCapBp)
  }
}

/** Sum of allocated basis points per role per quarter (allocations of unknown roles included). */
export function allocatedByRole(data: PlanData): Map<string, Map<QuarterKey, ShareBp>> {
  const sums = new Map<string, Map<QuarterKey, ShareBp>>()
  for (const a of data.allocations) {
    let byQ = sums.get(a.roleId)
    if (!byQ) sums.set(a.roleId, (byQ = new Map()))
    byQ.set(a.quarter, (byQ.get(a.quarter) ?? 0) + a.shareBp)
  }
  return sums
}

export function utilization(data: PlanData): UtilizationTable {
  const sums = allocatedByRole(data)
  const softCap = data.plan.softCapBp
  const table: UtilizationTable = new Map()
  for (const role of data.roles) {
    const byQ = sums.get(role.id)
    const cells = new Map<QuarterKey, UtilizationCell>()
    for (const q of data.plan.quarters) cells.set(q, cellOf(role, q, byQ?.get(q) ?? 0, softCap))
    if (byQ) {
      for (const [q, bp] of byQ) if (!cells.has(q)) cells.set(q, cellOf(role, q, bp, softCap))
    }
    table.set(role.id, cells)
  }
  return table
}

/**
 * Cells above 100 % of capacity (red), in role order then quarter order; with
 * includeAmber also those above the soft cap.
 */
export function overAllocations(data: PlanData, options: { includeAmber?: boolean } = {}): UtilizationCell[] {
  const out: UtilizationCell[] = []
  const table = utilization(data)
  const roles = [...data.roles].sort((a, b) => a.order - b.order)
  for (const role of roles) {
    const cells = [...(table.get(role.id)?.values() ?? [])].sort((a, b) => (a.quarter < b.quarter ? -1 : 1))
    for (const c of cells) if (c.level === 'red' || (options.includeAmber && c.level === 'amber')) out.push(c)
  }
  return out
}

export type WorkstreamLoad = {
  totalBp: ShareBp
  byQuarter: Map<QuarterKey, ShareBp>
  byRole: Map<string, ShareBp>
}

/** Allocated basis points per workstream: total, per quarter and per role. */
export function allocatedByWorkstream(data: PlanData): Map<string, WorkstreamLoad> {
  const out = new Map<string, WorkstreamLoad>()
  for (const a of data.allocations) {
    let load = out.get(a.workstreamId)
    if (!load) out.set(a.workstreamId, (load = { totalBp: 0, byQuarter: new Map(), byRole: new Map() }))
    load.totalBp += a.shareBp
    load.byQuarter.set(a.quarter, (load.byQuarter.get(a.quarter) ?? 0) + a.shareBp)
    load.byRole.set(a.roleId, (load.byRole.get(a.roleId) ?? 0) + a.shareBp)
  }
  return out
}

/** A role's total FTE-quarters (in basis points) across all quarters: what moves must preserve. */
export function totalAllocatedBp(data: PlanData, roleId: string): ShareBp {
  let sum = 0
  for (const a of data.allocations) if (a.roleId === roleId) sum += a.shareBp
  return sum
}
