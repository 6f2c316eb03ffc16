// What the budget board shows, derived once per data change: rows (phase → workstream →
// category), the lines of each leaf cell, totals per row and quarter in base-currency cents,
// and what a drop would do. Pure functions; the board only looks things up.
import { toBaseCents, type BudgetTotals } from './budget'
import {
  buildBudgetIndex as buildLineIndex,
  catKey,
  highestOrder,
  phaseKey,
  wsKey,
  type BudgetIndex
} from './budget-index'
import { moveBudgetLine, splitBudgetLine, updateEntity, type BudgetTarget } from './moves'
import { textMatcher } from './text-filter'
import type { BudgetLine, Cents, EntityChange, PlanData, QuarterKey } from './types'

export type BudgetRow =
  | { kind: 'phase'; key: string; phaseId: string; height: number; expanded: boolean; lineCount: number }
  | {
      kind: 'workstream'
      key: string
      phaseId: string
      workstreamId: string | null
      height: number
      expanded: boolean
      lineCount: number
    }
  | {
      kind: 'category'
      key: string
      phaseId: string
      workstreamId: string | null
      category: string
      height: number
    }

export const CHIP_HEIGHT = 52
export const CELL_CHROME = 12
export const TOTAL_ROW_HEIGHT = 44

export { catKey, phaseKey, wsKey, type BudgetIndex }

/** The board's index of the plan's lines (see budget-index.ts; the board follows commits with budgetIndexOf). */
export function buildBudgetIndex(data: PlanData): BudgetIndex {
  return buildLineIndex(data.budgetLines, data.plan)
}

/**
 * Rows for the expanded keys, filtered by a text matched (case and accents aside) against what the
 * board shows: line titles, phase names, workstream titles and category names (`categoryName`, the
 * UI language's name of a category key).
 */
export function buildBudgetRows(
  data: PlanData,
  index: BudgetIndex,
  expanded: ReadonlySet<string>,
  filter = '',
  categoryName: (category: string) => string = (c) => c
): BudgetRow[] {
  const match = textMatcher(filter)
  const filtered = match !== undefined
  const wsTitle = new Map(data.workstreams.map((w) => [w.id, w.title]))
  const wsOrder = new Map(data.workstreams.map((w) => [w.id, w.order]))
  const quarters = new Set(data.plan.quarters)
  const rows: BudgetRow[] = []
  const matchesLeaf = (ck: string) => {
    if (!match) return true
    for (const list of index.lines.get(ck)?.values() ?? []) {
      if (list.some((l) => match(l.title))) return true
    }
    return false
  }
  const leafHeight = (ck: string) => {
    let max = 0
    for (const [q, list] of index.lines.get(ck) ?? [])
      if (quarters.has(q) && list.length > max) max = list.length
    return CELL_CHROME + Math.max(1, max) * CHIP_HEIGHT
  }
  for (const phase of [...data.phases].sort((a, b) => a.order - b.order)) {
    const pk = phaseKey(phase.id)
    const kids = index.children.get(pk)
    const wsList = [...(kids?.ws ?? [])].sort(
      (a, b) => (a === null ? 1e9 : (wsOrder.get(a) ?? 1e8)) - (b === null ? 1e9 : (wsOrder.get(b) ?? 1e8))
    )
    const sub: BudgetRow[] = []
    const phaseMatches = !match || match(phase.name)
    for (const ws of wsList) {
      const wk = wsKey(phase.id, ws)
      const wsMatches = !match || (ws !== null && match(wsTitle.get(ws) ?? ''))
      const open = expanded.has(wk) || filtered
      // A closed workstream's categories are needed only to match a filter (a closed one has none).
      const cats = open ? [...(kids?.categories.get(wk) ?? [])].sort() : []
      const catRows: BudgetRow[] = []
      for (const category of cats) {
        const ck = catKey(phase.id, ws, category)
        if (match && !phaseMatches && !wsMatches && !match(categoryName(category)) && !matchesLeaf(ck))
          continue
        catRows.push({
          kind: 'category',
          key: ck,
          phaseId: phase.id,
          workstreamId: ws,
          category,
          height: leafHeight(ck)
        })
      }
      if (filtered && catRows.length === 0 && !wsMatches) continue
      sub.push({
        kind: 'workstream',
        key: wk,
        phaseId: phase.id,
        workstreamId: ws,
        height: TOTAL_ROW_HEIGHT,
        expanded: open,
        lineCount: index.lineCount.get(wk) ?? 0
      })
      if (open) sub.push(...catRows)
    }
    if (filtered && sub.length === 0 && !phaseMatches) continue
    const open = expanded.has(pk) || filtered
    rows.push({
      kind: 'phase',
      key: pk,
      phaseId: phase.id,
      height: TOTAL_ROW_HEIGHT + 8,
      expanded: open,
      lineCount: index.lineCount.get(pk) ?? 0
    })
    if (open) rows.push(...sub)
  }
  return rows
}

/** Every phase and workstream key: what "expand all" opens. */
export function allGroupKeys(index: BudgetIndex): string[] {
  const out: string[] = []
  for (const [pk, kids] of index.children) {
    out.push(pk)
    out.push(...kids.categories.keys())
  }
  return out
}

/** allGroupKeys of these lines' index, read from the lines themselves (a small plan's, opened all expanded). */
export function groupKeysOfLines(lines: readonly BudgetLine[]): string[] {
  const keys = new Set<string>()
  for (const l of lines) {
    keys.add(phaseKey(l.phaseId))
    keys.add(wsKey(l.phaseId, l.workstreamId))
  }
  return [...keys]
}

// ---------------------------------------------------------------------------------------
// Drops

/** What a droppable cell stands for. Absent workstreamId on a phase row: keep the line's if it belongs to that phase. */
export type BudgetCellTarget = {
  quarter: QuarterKey
  phaseId: string
  workstreamId?: string | null
  category?: string
}

export function resolveTarget(
  data: PlanData,
  line: BudgetLine,
  cell: BudgetCellTarget
): Required<BudgetTarget> {
  let workstreamId: string | null
  if (cell.workstreamId !== undefined) workstreamId = cell.workstreamId
  else if (cell.phaseId === line.phaseId) workstreamId = line.workstreamId
  else {
    const ws = data.workstreams.find((w) => w.id === line.workstreamId)
    workstreamId = ws && ws.phaseId === cell.phaseId ? ws.id : null
  }
  return { quarter: cell.quarter, phaseId: cell.phaseId, workstreamId }
}

export function isBudgetNoop(data: PlanData, line: BudgetLine, cell: BudgetCellTarget): boolean {
  const t = resolveTarget(data, line, cell)
  return (
    t.quarter === line.quarter &&
    t.phaseId === line.phaseId &&
    t.workstreamId === line.workstreamId &&
    (cell.category ?? line.category) === line.category
  )
}

/**
 * The changes that move `amountCents` (default: all) of a line to a cell; a category row also
 * sets the category of what moves. A partial move splits the line; cents are never lost.
 */
export function budgetMoveChanges(
  data: PlanData,
  line: BudgetLine,
  cell: BudgetCellTarget,
  amountCents: Cents = line.amountCents,
  newId?: () => string,
  highest?: (phaseId: string) => number
): EntityChange[] {
  const target = resolveTarget(data, line, cell)
  const category = cell.category ?? line.category
  const whole = amountCents === line.amountCents
  let changes = moveBudgetLine(data, line.id, target, amountCents, {
    ...(newId ? { newId } : {}),
    ...(highest ? { highestOrder: highest } : {})
  })
  if (category === line.category) return changes
  if (changes.length === 0) {
    if (whole) return updateEntity(data, 'budgetLines', line.id, { category })
    changes = splitBudgetLine(data, line.id, amountCents, newId ? { newId } : {})
  }
  return changes.map((c) =>
    c.table === 'budgetLines' && c.after && (c.before === null || whole)
      ? { ...c, after: { ...c.after, category } }
      : c
  )
}

export type BudgetPreview = {
  phaseId: string
  quarter: QuarterKey
  phaseAfterCents: Cents
  capCents: Cents
  capBreached: boolean
  /** The phase's cap was fine before the move. */
  newlyBreached: boolean
  quarterAfterCents: Cents
  /** The target quarter lies outside the target phase's quarters. */
  outsidePhase: boolean
}

export function previewBudgetDrop(
  data: PlanData,
  totals: BudgetTotals,
  line: BudgetLine,
  cell: BudgetCellTarget,
  amountCents: Cents = line.amountCents
): BudgetPreview | null {
  if (isBudgetNoop(data, line, cell)) return null
  const t = resolveTarget(data, line, cell)
  const phase = data.phases.find((p) => p.id === t.phaseId)
  if (!phase) return null
  // Converted exactly as budgetTotals does: each line rounded once, so split parts may differ by a cent from the whole.
  const moved = toBaseCents({ amountCents, currency: line.currency }, data.plan)
  const phaseBefore = totals.byPhase.get(t.phaseId) ?? 0
  const phaseAfterCents = t.phaseId === line.phaseId ? phaseBefore : phaseBefore + moved
  const quarterBefore = totals.byQuarter.get(t.quarter) ?? 0
  const quarterAfterCents = t.quarter === line.quarter ? quarterBefore : quarterBefore + moved
  return {
    phaseId: t.phaseId,
    quarter: t.quarter,
    phaseAfterCents,
    capCents: phase.capCents,
    capBreached: phaseAfterCents > phase.capCents,
    newlyBreached: phaseAfterCents > phase.capCents && phaseBefore <= phase.capCents,
    quarterAfterCents,
    outsidePhase: t.quarter < phase.startQuarter || t.quarter > phase.endQuarter
  }
}

/** Half of a line's cents for Alt+Shift moves: floor half moves, the odd cent stays. */
export function halfCents(c: Cents): Cents {
  return Math.floor(c / 2)
}

/** What a board move of `amountCents` out of a line is: part of it splits the line. */
export function budgetMoveKind(line: BudgetLine, amountCents: Cents): 'move' | 'split' {
  return amountCents < line.amountCents ? 'split' : 'move'
}

/**
 * The changes of a board move of a line. The move reads only the line itself and the highest
 * number of the phase it joins: handed those from the index, not every line of the plan to search.
 */
export function moveLineChanges(
  data: PlanData,
  index: BudgetIndex,
  line: BudgetLine,
  cell: BudgetCellTarget,
  amountCents: Cents
): EntityChange[] {
  const source = index.byId.get(line.id)
  return budgetMoveChanges(
    { ...data, budgetLines: source ? [source] : [] },
    line,
    cell,
    amountCents,
    undefined,
    (phaseId) => highestOrder(index, phaseId)
  )
}

/** The phase's share of its cap after a drop, in whole percent (0 without a cap). */
export function capPercent(preview: Pick<BudgetPreview, 'phaseAfterCents' | 'capCents'>): number {
  return preview.capCents > 0 ? Math.round((preview.phaseAfterCents / preview.capCents) * 100) : 0
}
