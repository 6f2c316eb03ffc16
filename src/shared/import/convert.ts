// Sheet rows to parsed budget lines or allocations, with an explained issue for every bad cell.
import type { Currency } from '../planning/types'
import type {
  AllocationValues,
  BudgetValues,
  CellIssue,
  CellValue,
  ColumnMapping,
  ConvertResult,
  ImportField,
  IssueCode,
  NumberStyle,
  ParsedRow
} from './types'
import { DERIVABLE_FIELDS, REQUIRED_FIELDS } from './types'
import { columnLetter, isBlankRow, isTotalRow } from './header'
import { detectNumberStyle, parseAmount, parseCurrency } from './numbers'
import { readShareCell, shareColumn, type ShareColumn, type ShareScale } from './shares'
import { parseQuarter, type QuarterResult } from './quarters'
import { shortenText, TEXT_MAX, type TextKind } from '../limits'
import { scaleDigits } from './units'

export const FIELD_LABELS: Record<ImportField, string> = {
  phase: 'Phase',
  workstream: 'Workstream',
  quarter: 'Quarter',
  category: 'Category',
  title: 'Title',
  amount: 'Amount',
  currency: 'Currency',
  role: 'Role',
  share: 'Share',
  note: 'Note'
}

/** A cell as short text, for messages and error reports. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  const t = typeof v === 'string' ? v : String(v)
  return t.length > 120 ? `${t.slice(0, 117)}...` : t
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  return (typeof v === 'string' ? v : String(v)).trim()
}

/** Cells kept per bad row beyond the mapped ones. */
export const MAX_BAD_ROW_CELLS = 64

/** One separator followed by three digits ("1.234", "€ 2,500"): a thousand or a decimal, by the style. */
const STYLE_DEPENDENT = /^[^.,]*\d[.,]\d{3}[^.,\d]*$/

const ERROR_CELL = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/

export type ConvertOptions = {
  /** The workbook counts dates from 1904 (old Mac files). */
  date1904?: boolean
  /**
   * Negative amounts are read, not refused: months summed into their quarter may hold a
   * correction ("-200,00") as long as the quarter's sum is not negative (checked after summing).
   */
  negativeAmounts?: boolean
}

/** "Sheet 'Budget', row 7, column D (Amount): "1.234" could be ..." */
export function describeIssue(i: CellIssue): string {
  const where = i.column ? `row ${i.row}, column ${i.column}` : `row ${i.row}`
  const value = i.value ? ` "${i.value}"` : ''
  return `Sheet '${i.sheet}', ${where} (${FIELD_LABELS[i.field]}):${value} ${i.message}`
}

/**
 * Converts the rows below the header row. Blank rows are ignored, total rows skipped and
 * listed; every other row becomes either parsed values or a list of issues.
 */
export function convertRows(
  sheet: string,
  rows: readonly (readonly CellValue[] | undefined)[],
  headerRow: number,
  mapping: ColumnMapping,
  options: ConvertOptions = {}
): ConvertResult {
  const cols = mapping.columns
  const header = rows[headerRow] ?? []
  // Bad rows carry their cells for the preview and the error report; a cap keeps a sheet of
  // many wide bad rows from growing the answer without bound (mapped columns always fit).
  const width = Math.max(
    Math.min(header.length, MAX_BAD_ROW_CELLS),
    ...Object.values(cols).map((c) => (c ?? -1) + 1)
  )
  const columnValues = function* (col: number | undefined) {
    if (col === undefined) return
    for (let r = headerRow + 1; r < rows.length; r++) {
      const v = rows[r]?.[col]
      if (v !== null && v !== undefined) yield v
    }
  }
  let style: NumberStyle | null = null
  const scale1 = mapping.kind === 'budget' ? (mapping.amountScale ?? 1) : 1
  let scale: ShareScale | null = null
  let shares: ShareColumn | null = null
  if (mapping.kind === 'budget') {
    style =
      mapping.numberStyle === 'auto' ? detectNumberStyle(columnValues(cols.amount)) : mapping.numberStyle
  } else {
    // Each cell by its own writing; the user's choice, the header or the column only settle the
    // cells that allow two readings.
    shares = shareColumn(text(cols.share !== undefined ? header[cols.share] : null), columnValues(cols.share))
    scale = mapping.shareScale === 'auto' ? shares.hint : mapping.shareScale
  }
  /** The readings auto share cells took: one alone is the column's scale, as reported. */
  const readings = new Set<ShareScale>()
  const out: ParsedRow[] = []
  const totalRows: number[] = []
  const counts = { good: 0, bad: 0, totals: 0, empty: 0, ambiguous: 0 }
  const quarterCache = new Map<CellValue, QuarterResult>()
  const currencyCache = new Map<string, ReturnType<typeof parseCurrency>>()
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]
    if (isBlankRow(row)) {
      counts.empty++
      continue
    }
    if (isTotalRow(row)) {
      counts.totals++
      totalRows.push(r + 1)
      continue
    }
    const issues: CellIssue[] = []
    let warnings: CellIssue[] | undefined
    const cell = (f: ImportField) => (cols[f] === undefined ? undefined : row![cols[f]!])
    const issue = (f: ImportField, code: IssueCode, message: string): CellIssue => ({
      code,
      sheet,
      row: r + 1,
      column: cols[f] === undefined ? '' : columnLetter(cols[f]!),
      field: f,
      value: cellText(cell(f)),
      message
    })
    const flag = (f: ImportField, code: IssueCode, message: string) => {
      if (code === 'ambiguous-number' || code === 'ambiguous-share') counts.ambiguous++
      issues.push(issue(f, code, message))
    }
    /** A text field's value, shortened to its limit with a warning on the cell. */
    const textOf = (f: ImportField, kind: TextKind) => {
      const v = text(cell(f))
      const max = TEXT_MAX[kind]
      if (v.length <= max) return v
      ;(warnings ??= []).push({
        ...issue(
          f,
          'shortened',
          `is ${v.length.toLocaleString('en')} characters long; the first ${max.toLocaleString('en')} are kept`
        ),
        limit: max
      })
      return shortenText(v, max)
    }
    for (const f of REQUIRED_FIELDS[mapping.kind]) {
      if (cols[f] === undefined) {
        // Left empty: matching takes it from the plan (to-plan.ts) and says so per row.
        if (f !== DERIVABLE_FIELDS[mapping.kind]) flag(f, 'missing', 'no column is mapped to this field')
      } else if (text(cell(f)) === '') flag(f, 'missing', 'is empty')
    }
    const errorCell = (f: ImportField) => {
      const v = cell(f)
      if (typeof v === 'string' && v.includes('#') && ERROR_CELL.test(v.trim())) {
        flag(f, 'error-cell', 'holds a formula error')
        return true
      }
      return false
    }
    let quarter: BudgetValues['quarter'] | null = null
    if (text(cell('quarter')) !== '' && !errorCell('quarter')) {
      // Quarter cells repeat a handful of values over thousands of rows: parse each once.
      const raw = cell('quarter')!
      let q = quarterCache.get(raw)
      if (!q) {
        q = parseQuarter(raw, options.date1904)
        if (quarterCache.size < 100_000) quarterCache.set(raw, q)
      }
      if (q.ok) quarter = q.quarter
      else flag('quarter', q.code, q.message)
    }
    if (mapping.kind === 'budget') {
      let cents: number | null = null
      let source: string | undefined
      let currency: Currency = mapping.defaultCurrency
      let amountCurrency: Currency | null = null
      if (text(cell('amount')) !== '' && !errorCell('amount')) {
        // Scaled from the digits: "12,5" TEUR is 1 250 000 cents, "0,0125" TEUR 1 250, exact.
        const a = parseAmount(cell('amount'), style, scaleDigits(scale1))
        const scaled = a.ok ? a.cents : 0
        if (a.ok && !Number.isSafeInteger(scaled)) flag('amount', 'too-large', 'amount is too large')
        else if (a.ok) {
          if (scaled < 0 && !options.negativeAmounts)
            flag('amount', 'negative-amount', 'is negative; budget lines hold planned spending')
          else cents = scaled
          amountCurrency = a.currency
          const raw = cell('amount')
          if (scale1 !== 1) source = cellText(raw).trim()
          else if (typeof raw === 'string' && STYLE_DEPENDENT.test(raw)) source = raw.trim()
        } else flag('amount', a.code, a.message)
      }
      const curText = text(cell('currency'))
      let columnCurrency: Currency | null = null
      if (curText) {
        let c = currencyCache.get(curText)
        if (c === undefined) {
          c = parseCurrency(curText)
          if (currencyCache.size < 1000) currencyCache.set(curText, c)
        }
        if (c === 'EUR' || c === 'CHF') columnCurrency = c
        else flag('currency', 'unsupported-currency', 'only EUR and CHF can be imported')
      }
      if (amountCurrency && columnCurrency && amountCurrency !== columnCurrency) {
        flag(
          'currency',
          'currency-conflict',
          `says ${columnCurrency} but the amount is written in ${amountCurrency}`
        )
      }
      currency = amountCurrency ?? columnCurrency ?? currency
      if (!issues.length && cents !== null && quarter) {
        const category = textOf('category', 'name')
        const values: BudgetValues = {
          phase: textOf('phase', 'name'),
          workstream: textOf('workstream', 'name') || null,
          quarter,
          category,
          title: textOf('title', 'name') || category,
          amountCents: cents,
          currency
        }
        out.push({
          row: r + 1,
          ok: true,
          kind: 'budget',
          values,
          issues: [],
          ...(warnings && { warnings }),
          ...(source !== undefined && { source })
        })
        counts.good++
        continue
      }
    } else {
      let bp: number | null = null
      if (text(cell('share')) !== '' && !errorCell('share')) {
        const chosen = mapping.shareScale === 'auto' ? undefined : mapping.shareScale
        const s = readShareCell(cell('share'), shares!, chosen)
        if (s.ok) {
          bp = s.bp
          if (s.scale) readings.add(s.scale)
        } else flag('share', s.code, s.message)
      }
      if (!issues.length && bp !== null && quarter) {
        const values: AllocationValues = {
          role: textOf('role', 'name'),
          workstream: textOf('workstream', 'name'),
          quarter,
          shareBp: bp,
          note: textOf('note', 'long')
        }
        out.push({
          row: r + 1,
          ok: true,
          kind: 'allocations',
          values,
          issues: [],
          ...(warnings && { warnings }),
          source: text(cell('share'))
        })
        counts.good++
        continue
      }
    }
    const cells: string[] = []
    for (let c = 0; c < width; c++) cells.push(cellText(row?.[c]))
    out.push({ row: r + 1, ok: false, kind: mapping.kind, cells, issues })
    counts.bad++
  }
  return {
    sheet,
    kind: mapping.kind,
    headerRow: headerRow + 1,
    rows: out,
    counts,
    totalRows,
    numberStyle: mapping.kind === 'budget' ? style : null,
    shareScale: mapping.kind !== 'allocations' ? null : readings.size === 1 ? [...readings][0]! : scale,
    ...(scale1 !== 1 && { amountScale: mapping.amountScale })
  }
}
