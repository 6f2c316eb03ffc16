// Which entities point at which: the references a plan's entities hold, and the ones a change set
// would leave pointing at something it removes (work on a removed workstream, a line of a removed
// phase). Applying scenario entries and reverting history entries refuse such change sets.
import type { EntityChange, EntityOf, EntityTable, PlanData } from './types'
import { ENTITY_TABLES } from './types'

type AnyEntity = EntityOf<EntityTable>
export type EntityRef = { table: EntityTable; id: string }

/** Every entity `e` of `table` refers to, in a fixed order. */
export function referencesOf(table: EntityTable, e: AnyEntity): EntityRef[] {
  switch (table) {
    case 'workstreams': {
      const w = e as EntityOf<'workstreams'>
      return [
        { table: 'phases', id: w.phaseId },
        ...w.dependsOn.map((id) => ({ table: 'workstreams' as const, id }))
      ]
    }
    case 'allocations': {
      const a = e as EntityOf<'allocations'>
      return [
        { table: 'roles', id: a.roleId },
        { table: 'workstreams', id: a.workstreamId }
      ]
    }
    case 'budgetLines': {
      const l = e as EntityOf<'budgetLines'>
      return [
        { table: 'phases', id: l.phaseId },
        ...(l.workstreamId ? [{ table: 'workstreams' as const, id: l.workstreamId }] : [])
      ]
    }
    case 'risks': {
      const r = e as EntityOf<'risks'>
      return [
        ...r.phaseIds.map((id) => ({ table: 'phases' as const, id })),
        ...r.workstreamIds.map((id) => ({ table: 'workstreams' as const, id }))
      ]
    }
    case 'dependencies': {
      const d = e as EntityOf<'dependencies'>
      return [
        ...(d.workstreamId ? [{ table: 'workstreams' as const, id: d.workstreamId }] : []),
        ...(d.phaseId ? [{ table: 'phases' as const, id: d.phaseId }] : [])
      ]
    }
    case 'deliverables': {
      const d = e as EntityOf<'deliverables'>
      return d.workstreamId ? [{ table: 'workstreams', id: d.workstreamId }] : []
    }
    default:
      return []
  }
}

export type StrandedReference = {
  /** Index in the change set of the change that removes the referred entity. */
  change: number
  removed: EntityRef
  /** The entity the change set leaves untouched that still refers to it. */
  by: EntityRef
}

/**
 * The references `changes` leave dangling: entities of `after` (the plan with the changes applied)
 * the changes do not touch, which point at an entity the changes remove. An entity the changes
 * write is theirs to keep consistent and is not judged here.
 */
export function strandedReferences(after: PlanData, changes: readonly EntityChange[]): StrandedReference[] {
  const removed = new Map<string, number>()
  changes.forEach((c, i) => {
    if (c.after === null && (ENTITY_TABLES as readonly string[]).includes(c.table))
      removed.set(`${c.table}|${c.id}`, i)
  })
  if (removed.size === 0) return []
  const touched = new Set(changes.map((c) => `${c.table}|${c.id}`))
  const out: StrandedReference[] = []
  for (const t of ENTITY_TABLES) {
    for (const e of after[t] as AnyEntity[]) {
      if (touched.has(`${t}|${e.id}`)) continue
      for (const r of referencesOf(t, e)) {
        const i = removed.get(`${r.table}|${r.id}`)
        if (i !== undefined) out.push({ change: i, removed: r, by: { table: t, id: e.id } })
      }
    }
  }
  return out
}
