// A new plan built from an import alone: when there is no plan to map names onto, the sheet's
// own phase, workstream and role names become the plan's structure.
import type { Phase, PlanData, QuarterKey, Role, Workstream } from '../planning/types'
import { compareQuarters, quarterRange } from '../planning/quarters'
import { newPlanRow } from '../planning/defaults'
import type { ParsedRow } from './types'
import { normalizeHeader } from './mapping'

export type SkeletonOptions = { name: string; newId?: () => string; now?: string }

/** A plan whose phases, workstreams and roles are the distinct names found in the rows. */
export function planSkeletonFromRows(rows: readonly ParsedRow[], options: SkeletonOptions): PlanData {
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID())
  const now = options.now ?? new Date().toISOString()
  const good = rows.filter((r) => r.ok)
  const quarters = good.map((r) => r.values.quarter).sort(compareQuarters)
  const first: QuarterKey = quarters[0] ?? '2026-Q1'
  const last: QuarterKey = quarters.at(-1) ?? first
  const planId = newId()
  const phases = new Map<string, Phase>()
  const workstreams = new Map<string, Workstream>()
  const roles = new Map<string, Role>()
  const phaseFor = (name: string, q: QuarterKey): Phase => {
    const k = normalizeHeader(name)
    let p = phases.get(k)
    if (!p) {
      p = {
        id: newId(),
        planId,
        order: phases.size + 1,
        name,
        priority: (['P0', 'P1', 'P2', 'P3', 'P4'] as const)[Math.min(phases.size, 4)],
        priorityLabel: '',
        startQuarter: q,
        endQuarter: q,
        timeline: '',
        businessImpact: '',
        capCents: 0,
        metrics: []
      }
      phases.set(k, p)
    }
    if (compareQuarters(q, p.startQuarter) < 0) p.startQuarter = q
    if (compareQuarters(q, p.endQuarter) > 0) p.endQuarter = q
    return p
  }
  for (const r of good) {
    // Rows without a phase or workstream column land in one "Imported" phase and workstream.
    const phaseName = (r.kind === 'budget' && r.values.phase) || 'Imported'
    const phase = phaseFor(phaseName, r.values.quarter)
    const wsName = r.values.workstream || (r.kind === 'allocations' ? 'Imported' : null)
    if (wsName && !workstreams.has(normalizeHeader(wsName))) {
      workstreams.set(normalizeHeader(wsName), {
        id: newId(),
        planId,
        key: normalizeHeader(wsName).replace(/ /g, '-'),
        title: wsName,
        phaseId: phase.id,
        order: workstreams.size + 1,
        scope: '',
        businessValue: '',
        criteria: [],
        startMonth: `${r.values.quarter.slice(0, 4)}-${String((Number(r.values.quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}`,
        durationWeeks: 13,
        dependsOn: [],
        externalDependencies: ''
      })
    }
    if (r.kind === 'allocations' && !roles.has(normalizeHeader(r.values.role))) {
      roles.set(normalizeHeader(r.values.role), {
        id: newId(),
        planId,
        name: r.values.role,
        order: roles.size + 1,
        capacityBp: {},
        costPerFteQuarterCents: null
      })
    }
  }
  return {
    plan: newPlanRow({ id: planId, name: options.name, quarters: quarterRange(first, last) }, now),
    phases: [...phases.values()],
    workstreams: [...workstreams.values()],
    roles: [...roles.values()],
    allocations: [],
    budgetLines: [],
    risks: [],
    dependencies: [],
    deliverables: []
  }
}
