// Positions of the rows a planner orders by hand, and numbering the risks and budget lines that
// data written before they had an `order` lacks (databases before schema version 4, older
// backups, exports and plan files).
import type { BudgetLine, EntityChange, HistoryEntry, PlanData, Risk } from './types'
import { runToEnd, type Stepwise } from '../stepwise'

type Ordered = { id: string; order: number }

/** By `order`, ties (a line moved onto another phase's numbers) by id: the same total order everywhere. */
export function byOrder(a: Ordered, b: Ordered): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** True when the rows already stand in byOrder's order (a plan read back usually does). */
export function isInOrder(rows: readonly Ordered[]): boolean {
  for (let i = 1; i < rows.length; i++) if (byOrder(rows[i - 1]!, rows[i]!) > 0) return false
  return true
}

/** The rows in byOrder's order: the same array when they already are. */
export function sortedByOrder<T extends Ordered>(rows: readonly T[]): readonly T[] {
  return isInOrder(rows) ? rows : [...rows].sort(byOrder)
}

/** Risks are ordered within their plan, budget lines within their phase (the Budget view's groups). */
export type NumberedTable = 'risks' | 'budgetLines'
export const NUMBERED_TABLES: readonly NumberedTable[] = ['risks', 'budgetLines']

/** What numbering reads of a row that may lack its `order`. */
export type Unnumbered = { id: string; planId: string; phaseId?: string; quarter?: string; order?: number }

const groupOf = (table: NumberedTable, row: Unnumbered) =>
  table === 'risks' ? row.planId : `${row.planId}\u0000${row.phaseId ?? ''}`
const hasOrder = (row: Unnumbered) => typeof row.order === 'number' && Number.isFinite(row.order)

/**
 * Numbers for the rows of a table that lack `order`, by id: each after the highest number of its
 * group, in the order the views listed them before (risks as listed; budget lines per phase by
 * quarter, then as listed). `current` are the rows stored now, `past` rows only history still
 * holds (removed since): they come after the current ones. An id gets one number wherever it occurs.
 */
export function missingOrders(
  table: NumberedTable,
  current: Iterable<Unnumbered>,
  past: Iterable<Unnumbered> = []
): Map<string, number> {
  const top = new Map<string, number>()
  const lacking: Unnumbered[] = []
  const lackingPast: Unnumbered[] = []
  const seen = new Set<string>()
  const note = (row: Unnumbered, into: Unnumbered[]) => {
    if (hasOrder(row)) {
      const g = groupOf(table, row)
      top.set(g, Math.max(top.get(g) ?? 0, row.order!))
      seen.add(row.id)
    } else into.push(row)
  }
  for (const row of current) note(row, lacking)
  for (const row of past) note(row, lackingPast)
  const out = new Map<string, number>()
  const give = (rows: Unnumbered[]) => {
    const sorted =
      table === 'budgetLines'
        ? rows
            .map((row, i) => ({ row, i }))
            .sort((a, b) => {
              const qa = a.row.quarter ?? ''
              const qb = b.row.quarter ?? ''
              return qa < qb ? -1 : qa > qb ? 1 : a.i - b.i
            })
            .map((x) => x.row)
        : rows
    for (const row of sorted) {
      if (seen.has(row.id) || out.has(row.id)) continue
      const g = groupOf(table, row)
      const n = (top.get(g) ?? 0) + 1
      top.set(g, n)
      out.set(row.id, n)
    }
  }
  give(lacking)
  give(lackingPast)
  return out
}

/** The row with its number from `numbers` when it has none. */
export function withOrder<T extends object>(row: T, numbers: ReadonlyMap<string, number>): T {
  const r = row as T & { id?: string; order?: number }
  if (typeof r.order === 'number' || r.id === undefined) return row
  const n = numbers.get(r.id)
  return n === undefined ? row : { ...row, order: n }
}

/** A change with numbers given to its risk or budget-line rows that lack one. */
export function changeWithOrders(
  change: EntityChange,
  numbers: Record<NumberedTable, ReadonlyMap<string, number>>
): EntityChange {
  if (change.table !== 'risks' && change.table !== 'budgetLines') return change
  const m = numbers[change.table]
  if (m.size === 0) return change
  const before = change.before && withOrder(change.before, m)
  const after = change.after && withOrder(change.after, m)
  return before === change.before && after === change.after
    ? change
    : ({ ...change, before, after } as EntityChange)
}

/** The rows of numbered tables that history changes hold (before and after). */
export function* historyRows(
  entries: Iterable<Pick<HistoryEntry, 'changes'>>,
  table: NumberedTable
): Generator<Unnumbered> {
  for (const e of entries)
    for (const c of e.changes) {
      if (c.table !== table) continue
      if (c.before) yield c.before as Unnumbered
      if (c.after) yield c.after as Unnumbered
    }
}

/**
 * Plans and their history as older files hold them, with every risk and budget line numbered
 * (the same number for an id in the plan and in every history entry). Data that has its
 * numbers comes back as it was.
 */
export function numberPlans<P extends PlanData, H extends Pick<HistoryEntry, 'changes'>>(
  plans: readonly P[],
  history: readonly H[] = []
): { plans: P[]; history: H[] } {
  const numbers = {
    risks: missingOrders(
      'risks',
      plans.flatMap((p) => p.risks as Unnumbered[]),
      historyRows(history, 'risks')
    ),
    budgetLines: missingOrders(
      'budgetLines',
      plans.flatMap((p) => p.budgetLines as Unnumbered[]),
      historyRows(history, 'budgetLines')
    )
  }
  if (numbers.risks.size === 0 && numbers.budgetLines.size === 0)
    return { plans: [...plans], history: [...history] }
  return {
    plans: plans.map((p) => ({
      ...p,
      risks: p.risks.map((r) => withOrder(r, numbers.risks)) as Risk[],
      budgetLines: p.budgetLines.map((l) => withOrder(l, numbers.budgetLines)) as BudgetLine[]
    })),
    history: history.map((h) => {
      const changes = h.changes.map((c) => changeWithOrders(c, numbers))
      return changes.some((c, i) => c !== h.changes[i]) ? { ...h, changes } : h
    })
  }
}

/** One plan (a plan file, an export's hidden sheet) with its risks and budget lines numbered. */
export function numberPlan<P extends PlanData>(data: P): P {
  if (data.risks.every(hasOrder) && data.budgetLines.every(hasOrder)) return data
  return numberPlans([data]).plans[0]!
}

/** The next number at the end of a group: one above the highest. */
export const nextOrder = (rows: readonly { order: number }[]) =>
  rows.reduce((m, r) => Math.max(m, r.order), 0) + 1

/**
 * New budget lines numbered from 1 within their phase (an import, in file order) moved after the
 * lines their phase already holds.
 */
export function linesAfter<L extends Pick<BudgetLine, 'phaseId' | 'order'>>(
  existing: readonly Pick<BudgetLine, 'phaseId' | 'order'>[],
  added: readonly L[]
): L[] {
  const top = highestPerPhase(existing)
  return added.map((l) => {
    const shift = top.get(l.phaseId) ?? 0
    return shift === 0 ? l : { ...l, order: l.order + shift }
  })
}

function highestPerPhase(lines: readonly Pick<BudgetLine, 'phaseId' | 'order'>[]): Map<string, number> {
  const top = new Map<string, number>()
  for (const l of lines) top.set(l.phaseId, Math.max(top.get(l.phaseId) ?? 0, l.order))
  return top
}

/** linesAfter for an import's change list: its created lines follow the plan's own. */
export function afterExistingLines(
  existing: readonly Pick<BudgetLine, 'phaseId' | 'order'>[],
  changes: readonly EntityChange[]
): EntityChange[] {
  return runToEnd(afterExistingLinesStepwise(existing, changes))
}

/**
 * afterExistingLines yielding every `step` lines and changes: renumbering a 100,000-line import
 * copies each line, tens of ms in one go, and the window commits it a slice per task.
 */
export function* afterExistingLinesStepwise(
  existing: readonly Pick<BudgetLine, 'phaseId' | 'order'>[],
  changes: readonly EntityChange[],
  step = 2_000
): Stepwise<EntityChange[]> {
  const top = highestPerPhase(existing)
  if (top.size === 0) return [...changes]
  const out: EntityChange[] = new Array<EntityChange>(changes.length)
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!
    const shift =
      c.table !== 'budgetLines' || c.before !== null || c.after === null ? 0 : (top.get(c.after.phaseId) ?? 0)
    out[i] =
      shift === 0
        ? c
        : ({ ...c, after: { ...c.after!, order: (c.after as BudgetLine).order + shift } } as EntityChange)
    if (i % step === step - 1) yield
  }
  return out
}
