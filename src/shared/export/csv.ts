// CSV of one board (team or budget), from the same cells as the workbook. Text that starts with
// a character a spreadsheet would run as a formula is neutralised as OWASP advises
// (https://owasp.org/www-community/attacks/CSV_Injection): a leading single quote, and every
// text field quoted with inner quotes doubled. Numbers are written by us, never escaped, so
// negative amounts stay numbers.
import type { PlanData } from '../planning/types'
import type { ExportLanguage } from './labels'
import type { SheetLayout, XCell } from './layout'
import { buildWorkbookLayout, LINE_INDENT } from './layout'

export type CsvBoard = 'team' | 'budget'

const DANGEROUS_START = /^[=+\-@\t\r]/

/** One text field, escaped and quoted. */
export function escapeCsvText(value: string): string {
  const v = DANGEROUS_START.test(value) ? `'${value}` : value
  return `"${v.replace(/"/g, '""')}"`
}

function formatNumber(cell: Extract<XCell, { t: 'n' }>, decimal: string): string {
  const z = cell.z ?? ''
  let out: string
  if (z.includes('%')) out = `${round(cell.v * 100, 1)}%`
  else if (z.includes('0.0000')) out = cell.v.toFixed(4)
  else if (z.includes('0.00')) out = cell.v.toFixed(2)
  else out = String(cell.v)
  return decimal === '.' ? out : out.replace('.', decimal)
}

const round = (v: number, digits: number) => {
  const f = 10 ** digits
  return String(Math.round(v * f) / f)
}

function field(cell: XCell | undefined, decimal: string): string {
  if (!cell) return ''
  if (cell.t === 's') return escapeCsvText(cell.v)
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE'
  return formatNumber(cell, decimal)
}

function unindent(cell: XCell | undefined): XCell | undefined {
  return cell?.t === 's' && cell.v.startsWith(LINE_INDENT)
    ? { ...cell, v: cell.v.slice(LINE_INDENT.length) }
    : cell
}

/** The visible table of a sheet (from its header row, hidden columns left out) as CSV text. */
export function sheetToCsv(sheet: SheetLayout, language: ExportLanguage): string {
  // German spreadsheets read ";" separated files with decimal commas; English ones "," and ".".
  const sep = language === 'de' ? ';' : ','
  const decimal = language === 'de' ? ',' : '.'
  const start = Math.max(0, (sheet.freeze?.rows ?? 1) - 1)
  const visibleCols = sheet.cols.map((c, i) => (c.hidden ? -1 : i)).filter((i) => i >= 0)
  const lines: string[] = []
  for (let r = start; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]
    if (!row.length) continue
    // The first column's indent (line items under their phase) is layout, not data.
    lines.push(visibleCols.map((i) => field(i === 0 ? unindent(row[i]) : row[i], decimal)).join(sep))
  }
  // BOM: Excel reads the file as UTF-8 (€, ä) only with it.
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

export function boardCsv(data: PlanData, board: CsvBoard, language: ExportLanguage): string {
  const layout = buildWorkbookLayout(data, { language })
  const sheet = layout.sheets.find((s) => s.kind === board)!
  return sheetToCsv(sheet, language)
}
