// Names, colours and orders the capacity board reads per chip and cell, built once per change of
// roles, workstreams or phases; and a chip's accessible label.
import type { Allocation, PlanData } from '@shared/planning/types'
import type { BoardRow } from '@shared/planning/capacity-board'
import { formatQuarter, formatShare } from '../../lib/format'

export type Lookups = {
  roleById: Map<string, PlanData['roles'][number]>
  wsOrder: Map<string, number>
  roleName: Map<string, string>
  wsTitle: Map<string, string>
  phaseOfWs: Map<string, string>
  colorOfWs: Map<string, string>
  groupTitle: Map<string, string>
}

export function buildLookups(data: PlanData): Lookups {
  const phaseOrder = new Map(data.phases.map((p) => [p.id, p.priority]))
  return {
    roleById: new Map(data.roles.map((r) => [r.id, r])),
    wsOrder: new Map(data.workstreams.map((w) => [w.id, w.order])),
    roleName: new Map(data.roles.map((r) => [r.id, r.name])),
    wsTitle: new Map(data.workstreams.map((w) => [w.id, w.title])),
    phaseOfWs: new Map(data.workstreams.map((w) => [w.id, w.phaseId])),
    colorOfWs: new Map(
      data.workstreams.map((w) => [w.id, `chip-${(phaseOrder.get(w.phaseId) ?? 'P2').toLowerCase()}`])
    ),
    groupTitle: new Map([
      ...data.workstreams.map((w) => [`workstream:${w.id}`, w.title] as const),
      ...data.phases.map((p) => [`phase:${p.id}`, p.name] as const)
    ])
  }
}

export function chipLabelOf(
  a: Allocation,
  lookups: Lookups,
  chipLabel: (values: Record<'role' | 'quarter' | 'workstream' | 'share', string>) => string
): string {
  return chipLabel({
    role: lookups.roleName.get(a.roleId) ?? a.roleId,
    quarter: formatQuarter(a.quarter),
    workstream: lookups.wsTitle.get(a.workstreamId) ?? a.workstreamId,
    share: formatShare(a.shareBp)
  })
}

/** Role ids in the order of the board's rows, each once (grouped boards show a role in several lanes). */
export function roleOrderOf(rows: readonly BoardRow[]): string[] {
  const seen: string[] = []
  const set = new Set<string>()
  for (const r of rows) {
    if (r.kind === 'role' && !set.has(r.roleId)) {
      set.add(r.roleId)
      seen.push(r.roleId)
    }
  }
  return seen
}
