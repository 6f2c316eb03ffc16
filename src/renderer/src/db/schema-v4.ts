// Schema version 4's upgrade: risks and budget lines get `order` (they had none, so they could not
// be reordered). Each gets one number, the same in its row, in every history entry and part that
// holds it, and in the recently deleted plans kept in settings, so undo, redo and revert of
// entries written before still find their rows as they expect them.
import type { Transaction } from 'dexie'
import type { EntityChange } from '@shared/planning/types'
import {
  changeWithOrders,
  missingOrders,
  NUMBERED_TABLES,
  type NumberedTable,
  type Unnumbered
} from '@shared/planning/order'

type Snapshot = { rows?: Record<string, unknown[] | undefined>; history?: { changes: EntityChange[] }[] }
type Deleted = { snapshot?: Snapshot }

const DELETED_PREFIX = 'deleted:'

/** Only what numbering reads: a 100,000-line import's history keeps little in memory. */
const slim = (r: Unnumbered): Unnumbered => ({
  id: r.id,
  planId: r.planId,
  phaseId: r.phaseId,
  quarter: r.quarter,
  order: r.order
})

export async function numberRisksAndLines(tx: Transaction): Promise<void> {
  const current: Record<NumberedTable, Unnumbered[]> = { risks: [], budgetLines: [] }
  const past: Record<NumberedTable, Unnumbered[]> = { risks: [], budgetLines: [] }
  // Rows as stored, in key order: how a plan was read and listed so far.
  for (const t of NUMBERED_TABLES) current[t] = (await tx.table(t).toArray()).map(slim)
  const notePast = (changes: readonly EntityChange[]) => {
    for (const c of changes) {
      if (c.table !== 'risks' && c.table !== 'budgetLines') continue
      if (c.before) past[c.table].push(slim(c.before as Unnumbered))
      if (c.after) past[c.table].push(slim(c.after as Unnumbered))
    }
  }
  const deleted = () => tx.table('settings').where('key').startsWith(DELETED_PREFIX)
  // Recently deleted plans' rows were the plan's current rows when it was deleted.
  await deleted().each((s: { value: Deleted }) => {
    const snap = s.value?.snapshot
    for (const t of NUMBERED_TABLES) current[t].push(...((snap?.rows?.[t] ?? []) as Unnumbered[]).map(slim))
    for (const h of snap?.history ?? []) notePast(h.changes)
  })
  await tx.table('history').each((h: { changes: EntityChange[] }) => notePast(h.changes))
  await tx.table('historyParts').each((p: { changes: EntityChange[] }) => notePast(p.changes))

  const numbers = {
    risks: missingOrders('risks', current.risks, past.risks),
    budgetLines: missingOrders('budgetLines', current.budgetLines, past.budgetLines)
  }
  if (numbers.risks.size === 0 && numbers.budgetLines.size === 0) return
  for (const t of NUMBERED_TABLES) {
    await tx
      .table(t)
      .toCollection()
      .modify((row: { id: string; order?: number }) => {
        const n = numbers[t].get(row.id)
        if (row.order === undefined && n !== undefined) row.order = n
      })
  }
  const renumber = (changes: EntityChange[]) => changes.map((c) => changeWithOrders(c, numbers))
  const touches = (changes: readonly EntityChange[]) =>
    changes.some((c) => c.table === 'risks' || c.table === 'budgetLines')
  for (const store of ['history', 'historyParts']) {
    await tx
      .table(store)
      .toCollection()
      .modify((h: { changes: EntityChange[] }) => {
        if (touches(h.changes)) h.changes = renumber(h.changes)
      })
  }
  await deleted().modify((s: { value: Deleted }) => {
    const snap = s.value?.snapshot
    if (!snap) return
    if (snap.rows)
      for (const t of NUMBERED_TABLES) {
        const rows = snap.rows[t] as { id: string; order?: number }[] | undefined
        if (rows)
          snap.rows[t] = rows.map((r) =>
            r.order === undefined && numbers[t].has(r.id) ? { ...r, order: numbers[t].get(r.id) } : r
          )
      }
    for (const h of snap.history ?? []) if (touches(h.changes)) h.changes = renumber(h.changes)
  })
}
