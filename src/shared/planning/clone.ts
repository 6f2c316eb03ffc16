// Copies a plan into a new plan (a what-if scenario). Dexie keys are unique across plans,
// so every entity gets a new id and every reference is rewritten; `originId` remembers
// which original entity a copy descends from, so comparePlans can pair them up.
import { newId as randomId } from './ids'
import type { EntityOf, EntityTable, PlanData } from './types'

type Entity = EntityOf<EntityTable>

export type CloneOptions = {
  newPlanId: string
  name: string
  /** Plan the copy branches from; default: the source plan's id. */
  baseId?: string | null
  /** History seq of the base at branching time; default 0. */
  branchedAtSeq?: number
  /** Timestamp for createdAt/updatedAt; default now. */
  now?: string
  newId?: () => string
}

/** Deep copy of plain JSON-like data; far faster than structuredClone for 30,000 small rows. */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value)) out[k] = copyPlain((value as Record<string, unknown>)[k])
    return out as T
  }
  return value
}

/**
 * A full copy with new ids everywhere. originId is the id in the ROOT plan (a copy of a
 * copy keeps its source's originId), so siblings, the base and copies of copies all pair up
 * by `originId ?? id`. Nested ids (criteria, metrics) stay: they are not database keys.
 */
export function clonePlanData(data: PlanData, options: CloneOptions): PlanData {
  const makeId = options.newId ?? randomId
  const now = options.now ?? new Date().toISOString()
  const planId = options.newPlanId
  const ids = new Map<string, string>()
  const remap = (id: string): string => ids.get(id) ?? id
  const nullableRemap = (id: string | null): string | null => (id === null ? null : remap(id))
  // Ids first, so references to entities later in the arrays resolve too.
  for (const table of [
    data.phases,
    data.workstreams,
    data.roles,
    data.allocations,
    data.budgetLines,
    data.risks,
    data.dependencies,
    data.deliverables
  ] as Entity[][]) {
    for (const e of table) ids.set(e.id, makeId())
  }
  // Each row is copied once and then re-pointed in place: 30,000 rows, one allocation each.
  const copy = <T extends Entity>(e: T, repoint?: (c: T) => void): T => {
    const c = copyPlain(e)
    c.id = remap(e.id)
    c.planId = planId
    c.originId = e.originId ?? e.id
    repoint?.(c)
    return c
  }
  return {
    plan: {
      ...copyPlain(data.plan),
      id: planId,
      name: options.name,
      baseId: options.baseId === undefined ? data.plan.id : options.baseId,
      branchedAtSeq: options.branchedAtSeq ?? 0,
      archived: false,
      builtin: false,
      createdAt: now,
      updatedAt: now
    },
    phases: data.phases.map((p) => copy(p)),
    workstreams: data.workstreams.map((w) =>
      copy(w, (c) => {
        c.phaseId = remap(w.phaseId)
        c.dependsOn = w.dependsOn.map(remap)
      })
    ),
    roles: data.roles.map((r) => copy(r)),
    allocations: data.allocations.map((a) =>
      copy(a, (c) => {
        c.roleId = remap(a.roleId)
        c.workstreamId = remap(a.workstreamId)
      })
    ),
    budgetLines: data.budgetLines.map((l) =>
      copy(l, (c) => {
        c.phaseId = remap(l.phaseId)
        c.workstreamId = nullableRemap(l.workstreamId)
      })
    ),
    risks: data.risks.map((r) =>
      copy(r, (c) => {
        c.phaseIds = r.phaseIds.map(remap)
        c.workstreamIds = r.workstreamIds.map(remap)
      })
    ),
    dependencies: data.dependencies.map((d) =>
      copy(d, (c) => {
        c.workstreamId = nullableRemap(d.workstreamId)
        c.phaseId = nullableRemap(d.phaseId)
      })
    ),
    deliverables: data.deliverables.map((d) =>
      copy(d, (c) => {
        c.workstreamId = nullableRemap(d.workstreamId)
      })
    )
  }
}
