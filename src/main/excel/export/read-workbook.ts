// Reads the app's own allocation workbook back: the plan from the hidden sheet, exactly as it
// was exported, and the values a person can see (and may have edited) on the Budget and Team
// allocation sheets, located by the hidden id columns rather than by position or sheet name.
import * as XLSX from 'xlsx'
import type { PlanData, QuarterKey } from '../../../shared/planning/types'
import { FULL_FTE } from '../../../shared/planning/types'
import type { VisibleValues } from '../../../shared/export/diff'
import { ID_HEADERS, LINE_INDENT, cellRef } from '../../../shared/export/layout'
import { EXPORT_LABELS, quarterFromLabel } from '../../../shared/export/labels'
import { planDataSchema, planReferenceProblems } from '../../../shared/export/plan-schema'
import { numberPlan } from '../../../shared/planning/order'
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, HIDDEN_SHEET } from '../../../shared/export/workbook-format'

export type ExportReadErrorCode = 'not-a-workbook' | 'not-an-export' | 'newer-version' | 'damaged'

export class ExportReadError extends Error {
  constructor(
    public readonly code: ExportReadErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'ExportReadError'
  }
}

export type AllocationWorkbook = {
  /** The plan exactly as exported (hidden sheet). */
  stored: PlanData
  /** What the visible sheets show now. */
  visible: VisibleValues
  formatVersion: number
}

type Grid = (XLSX.CellObject | undefined)[][]

function gridOf(ws: XLSX.WorkSheet | undefined): Grid {
  return ((ws as { '!data'?: Grid } | undefined)?.['!data'] ?? []) as Grid
}

/** True when the workbook carries the app's hidden plan sheet. */
export function isAllocationWorkbook(wb: XLSX.WorkBook): boolean {
  const a1 = gridOf(wb.Sheets[HIDDEN_SHEET])[0]?.[0]
  return a1?.v === EXPORT_FORMAT
}

export function readAllocationWorkbook(bytes: Uint8Array): AllocationWorkbook {
  let wb: XLSX.WorkBook
  try {
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false
    })
  } catch {
    throw new ExportReadError('not-a-workbook', 'This file is not a readable Excel workbook.')
  }
  return readAllocationWorkbookFrom(wb)
}

export function readAllocationWorkbookFrom(wb: XLSX.WorkBook): AllocationWorkbook {
  if (!isAllocationWorkbook(wb)) {
    throw new ExportReadError(
      'not-an-export',
      `This workbook was not exported by Quartermaster (it has no "${HIDDEN_SHEET}" sheet with plan data).`
    )
  }
  const grid = gridOf(wb.Sheets[HIDDEN_SHEET])
  const version = grid[0]?.[1]?.v
  if (typeof version !== 'number' || version < 1) {
    throw new ExportReadError(
      'damaged',
      'The hidden plan data in this workbook is damaged (no format version).'
    )
  }
  if (version > EXPORT_FORMAT_VERSION) {
    throw new ExportReadError(
      'newer-version',
      `This workbook was exported by a newer Quartermaster (format ${version}); update the app to read it.`
    )
  }
  const count = grid[2]?.[1]?.v
  const length = grid[2]?.[2]?.v
  if (typeof count !== 'number' || typeof length !== 'number') {
    throw new ExportReadError('damaged', 'The hidden plan data in this workbook is damaged (no chunk count).')
  }
  const parts: string[] = []
  for (let i = 0; i < count; i++) {
    const v = grid[3 + i]?.[0]?.v
    if (typeof v !== 'string') {
      throw new ExportReadError(
        'damaged',
        `The hidden plan data in this workbook is damaged (part ${i + 1} of ${count} is missing).`
      )
    }
    parts.push(v)
  }
  const json = parts.join('')
  if (json.length !== length) {
    throw new ExportReadError(
      'damaged',
      'The hidden plan data in this workbook is damaged (its length does not match).'
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw new ExportReadError(
      'damaged',
      'The hidden plan data in this workbook is damaged (it is not valid JSON).'
    )
  }
  const parsed = planDataSchema.safeParse(raw)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ExportReadError(
      'damaged',
      `The hidden plan data in this workbook is damaged (${first.path.join('.') || 'plan'}: ${first.message}).`
    )
  }
  // Workbooks exported before risks and budget lines had an order: numbered as they were listed.
  const stored = numberPlan(parsed.data)
  const problems = planReferenceProblems(stored)
  if (problems.length) {
    throw new ExportReadError(
      'damaged',
      `The hidden plan data in this workbook is inconsistent (${problems[0]}).`
    )
  }
  const visible: VisibleValues = {
    budgetLines: [],
    phases: [],
    allocations: [],
    capacities: [],
    roles: [],
    settings: [],
    unreadable: []
  }
  for (const name of wb.SheetNames) {
    if (name === HIDDEN_SHEET) continue
    const g = gridOf(wb.Sheets[name])
    const head = findHeader(g)
    if (!head) {
      readSummary(g, visible)
      continue
    }
    if (head.cols.has(ID_HEADERS.workstream)) readTeam(g, head, visible)
    else if (head.cols.has(ID_HEADERS.id)) readBudget(g, head, visible)
  }
  return { stored, visible, formatVersion: version }
}

type Header = { row: number; cols: Map<string, number>; quarters: { quarter: QuarterKey; col: number }[] }

function findHeader(g: Grid): Header | null {
  for (let r = 0; r < Math.min(g.length, 30); r++) {
    const row = g[r]
    if (!row || !row.some((c) => c?.v === ID_HEADERS.kind)) continue
    const cols = new Map<string, number>()
    const quarters: Header['quarters'] = []
    row.forEach((c, i) => {
      if (typeof c?.v !== 'string') return
      if (!cols.has(c.v)) cols.set(c.v, i)
      const q = quarterFromLabel(c.v)
      if (q) quarters.push({ quarter: q as QuarterKey, col: i })
    })
    return { row: r, cols, quarters }
  }
  return null
}

/** The column whose header is one of the label in either language. */
function colOf(head: Header, key: keyof (typeof EXPORT_LABELS)['en'], fallback: number): number {
  return head.cols.get(EXPORT_LABELS.en[key]) ?? head.cols.get(EXPORT_LABELS.de[key]) ?? fallback
}

const text = (c: XLSX.CellObject | undefined): string => (c?.v == null ? '' : String(c.v))

/** A number cell; blank is 0; text that reads as a plain number counts; anything else is unreadable. */
function numberOf(c: XLSX.CellObject | undefined): number | null {
  if (!c || c.v == null || c.v === '') return 0
  if (typeof c.v === 'number') return c.v
  if (typeof c.v === 'string') {
    const t = c.v.trim().replace(/\s/g, '')
    if (t === '') return 0
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
    if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'))
  }
  return null
}

/** Row (0-based) of the first of the top rows whose column A holds `key`'s label in either language. */
function labelRow(g: Grid, key: keyof (typeof EXPORT_LABELS)['en'], rows = 30): number {
  const labels = [EXPORT_LABELS.en[key], EXPORT_LABELS.de[key]]
  for (let r = 0; r < Math.min(g.length, rows); r++) {
    const v = g[r]?.[0]?.v
    if (typeof v === 'string' && labels.includes(v)) return r
  }
  return -1
}

/** The plan's settings as the summary sheet shows them (found by its labels, not its name). */
function readSummary(g: Grid, visible: VisibleValues) {
  const budgetRow = labelRow(g, 'totalBudget')
  const planRow = labelRow(g, 'plan')
  if (budgetRow < 0 || planRow < 0) return
  const cellOf = (r: number) => cellRef(1, r)
  visible.settings.push({ field: 'name', value: text(g[planRow]?.[1]), cell: cellOf(planRow) })
  const numberAt = (r: number, field: 'totalBudget' | 'softCap', scale: number) => {
    if (r < 0) return
    const value = numberOf(g[r]?.[1])
    if (value === null) visible.unreadable.push({ sheet: 'summary', cell: cellOf(r), text: text(g[r]?.[1]) })
    else visible.settings.push({ field, value: Math.round(value * scale), cell: cellOf(r) })
  }
  numberAt(budgetRow, 'totalBudget', 100)
  numberAt(labelRow(g, 'softCap'), 'softCap', FULL_FTE)
  const notesRow = labelRow(g, 'notes')
  if (notesRow >= 0)
    visible.settings.push({ field: 'notes', value: text(g[notesRow]?.[1]), cell: cellOf(notesRow) })
}

/** Open position cell: blank is none; a quarter label is the hire quarter; yes/ja/x is from the plan's start. */
function openPositionOf(
  c: XLSX.CellObject | undefined
): VisibleValues['roles'][number]['openFrom'] | undefined {
  const t = text(c).trim()
  if (t === '') return null
  const q = quarterFromLabel(t)
  if (q) return q as QuarterKey
  if (/^(yes|ja|x|true|wahr|1)$/i.test(t)) return 'start'
  return undefined
}

function readTeam(g: Grid, head: Header, visible: VisibleValues) {
  const kindCol = head.cols.get(ID_HEADERS.kind)!
  const roleCol = head.cols.get(ID_HEADERS.role)!
  const wsCol = head.cols.get(ID_HEADERS.workstream)!
  const personCol = colOf(head, 'person', -1)
  const openCol = colOf(head, 'hireFrom', -1)
  for (let r = head.row + 1; r < g.length; r++) {
    const row = g[r]
    if (!row) continue
    const kind = row[kindCol]?.v
    if (kind === 'role' && personCol >= 0 && openCol >= 0) {
      const openFrom = openPositionOf(row[openCol])
      if (openFrom === undefined)
        visible.unreadable.push({ sheet: 'team', cell: cellRef(openCol, r), text: text(row[openCol]) })
      visible.roles.push({
        id: text(row[roleCol]),
        personName: text(row[personCol]).trim(),
        personCell: cellRef(personCol, r),
        ...(openFrom === undefined ? {} : { openFrom }),
        openCell: cellRef(openCol, r)
      })
      continue
    }
    if (kind !== 'alloc' && kind !== 'capacity') continue
    const roleId = text(row[roleCol])
    for (const { quarter, col } of head.quarters) {
      const cell = cellRef(col, r)
      const value = numberOf(row[col])
      if (value === null) {
        visible.unreadable.push({ sheet: 'team', cell, text: text(row[col]) })
        continue
      }
      const bp = Math.round(value * FULL_FTE)
      if (kind === 'alloc')
        visible.allocations.push({ roleId, workstreamId: text(row[wsCol]), quarter, shareBp: bp, cell })
      else visible.capacities.push({ roleId, quarter, capacityBp: bp, cell })
    }
  }
}

function readBudget(g: Grid, head: Header, visible: VisibleValues) {
  const kindCol = head.cols.get(ID_HEADERS.kind)!
  const idCol = head.cols.get(ID_HEADERS.id)!
  const titleCol = colOf(head, 'phaseLine', 0)
  const categoryCol = colOf(head, 'category', 1)
  const currencyCol = colOf(head, 'currency', 3)
  const capCol = colOf(head, 'cap', -1)
  // The exchange rate the budget formulas use sits above the header (B3).
  const rateRow = labelRow(g, 'rate', head.row)
  if (rateRow >= 0) {
    const rate = numberOf(g[rateRow]?.[1])
    if (rate === null)
      visible.unreadable.push({ sheet: 'budget', cell: cellRef(1, rateRow), text: text(g[rateRow]?.[1]) })
    else visible.settings.push({ field: 'rate', value: rate, cell: cellRef(1, rateRow) })
  }
  for (let r = head.row + 1; r < g.length; r++) {
    const row = g[r]
    if (!row) continue
    const kind = row[kindCol]?.v
    const id = text(row[idCol])
    if (kind === 'phase' && capCol >= 0) {
      const cap = numberOf(row[capCol])
      if (cap === null)
        visible.unreadable.push({ sheet: 'budget', cell: cellRef(capCol, r), text: text(row[capCol]) })
      else visible.phases.push({ id, capCents: Math.round(cap * 100), cell: cellRef(capCol, r) })
      continue
    }
    if (kind !== 'line') continue
    const amounts: VisibleValues['budgetLines'][number]['amounts'] = []
    for (const { quarter, col } of head.quarters) {
      const cell = cellRef(col, r)
      const value = numberOf(row[col])
      if (value === null) {
        visible.unreadable.push({ sheet: 'budget', cell, text: text(row[col]) })
        continue
      }
      // Blank and zero cells hold no amount: moving a line may leave a 0 behind in the old quarter.
      if (value === 0) continue
      amounts.push({ quarter, cents: Math.round(value * 100), cell })
    }
    const rawTitle = text(row[titleCol])
    visible.budgetLines.push({
      id,
      cell: cellRef(titleCol, r),
      title: rawTitle.startsWith(LINE_INDENT) ? rawTitle.slice(LINE_INDENT.length) : rawTitle,
      category: text(row[categoryCol]),
      currency: text(row[currencyCol]).trim().toUpperCase(),
      amounts
    })
  }
}
