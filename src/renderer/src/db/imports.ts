// The import's storage side: the column mappings remembered per sheet layout, and the commit of an
// import's changes into the current plan or into a new plan written in the same transaction.
import type { EntityChange, PlanData } from '@shared/planning/types'
import { db, type StoredMapping } from './db'
import { afterExistingLinesStepwise } from '@shared/planning/order'
import { runSliced } from '../lib/sliced'
import { commitChanges, type Summary } from './commit'
import { currentPlanData } from './plan-data'

/** The mapping remembered for a sheet layout, if any; a read failure counts as none. */
export async function recallStoredMapping(fingerprint: string): Promise<StoredMapping | undefined> {
  return db.mappings.get(fingerprint).catch(() => undefined)
}

/** Remembers a layout's mapping; a failure here never fails the import that used it. */
export async function rememberStoredMapping(mapping: StoredMapping): Promise<void> {
  await db.mappings.put(mapping).catch(() => undefined)
}

export type ImportInto = { kind: 'current'; planId: string } | { kind: 'new'; plan: PlanData }

/**
 * Commits an import as one undoable history entry. Into a new plan, the plan and its rows are
 * written in the same transaction as the changes: all of it or nothing. Resolves to the plan id.
 */
export async function commitImport(
  into: ImportInto,
  summary: Summary,
  changes: EntityChange[]
): Promise<string> {
  if (into.kind === 'current') {
    const lines = (await currentPlanData(into.planId))?.budgetLines ?? []
    const ordered = await runSliced(afterExistingLinesStepwise(lines, changes))
    await commitChanges(into.planId, 'import', summary, ordered)
    return into.planId
  }
  await commitChanges(into.plan.plan.id, 'import', summary, changes, { createPlan: into.plan })
  return into.plan.plan.id
}
