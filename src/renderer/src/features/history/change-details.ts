// Before → after details of a history entry: which entity each change touched and which of its
// fields differ, so the history view can show exactly what an entry did.
import { deepEqual } from '@shared/planning/changes'
import type { EntityChange } from '@shared/planning/types'

export type FieldDiff = { field: string; before: unknown; after: unknown }

export type ChangeDetail = {
  table: EntityChange['table']
  id: string
  action: 'created' | 'deleted' | 'changed'
  /** The entity as it was before (deleted/changed) or after (created). */
  entity: Record<string, unknown>
  fields: FieldDiff[]
}

/** Bookkeeping fields that change with every write and say nothing about the plan. */
const IGNORED = new Set(['updatedAt', 'planId', 'id'])

export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const out: FieldDiff[] = []
  for (const field of keys) {
    if (IGNORED.has(field)) continue
    if (!deepEqual(before[field], after[field]))
      out.push({ field, before: before[field], after: after[field] })
  }
  return out
}

export function changeDetails(changes: readonly EntityChange[]): ChangeDetail[] {
  return changes.map((c) => {
    const before = c.before as Record<string, unknown> | null
    const after = c.after as Record<string, unknown> | null
    if (before === null) {
      return {
        table: c.table,
        id: c.id,
        action: 'created',
        entity: after ?? {},
        fields: diffFields({}, after ?? {})
      }
    }
    if (after === null) {
      return { table: c.table, id: c.id, action: 'deleted', entity: before, fields: diffFields(before, {}) }
    }
    return { table: c.table, id: c.id, action: 'changed', entity: before, fields: diffFields(before, after) }
  })
}

/**
 * Later entries (newer than `seq`, not undone) that touched any of `items` (an entry's changes, or
 * the entities that refer to what a revert would remove): why a revert is refused.
 */
export function laterTouching<E extends { seq?: number; undone: boolean; changes: readonly EntityChange[] }>(
  entries: readonly E[],
  seq: number,
  items: readonly { table: string; id: string }[]
): E[] {
  const ids = new Set(items.filter((c) => c.table !== 'plans').map((c) => `${c.table}|${c.id}`))
  return entries.filter(
    (e) => (e.seq ?? 0) > seq && !e.undone && e.changes.some((c) => ids.has(`${c.table}|${c.id}`))
  )
}
