// The rows of the error report: each skipped row with where it came from, its cells and why.
import type { CellIssue, ParsedRow } from './types'

/** The most rows an error report holds; a sheet with more problems gets the first ones. */
export const MAX_REPORT_ROWS = 100_000

export type ReportRow = {
  sheet: string
  row: number
  cells: string[]
  issues: Omit<CellIssue, 'sheet' | 'row'>[]
}

/** Issues by row number, in the order given. */
export function groupByRow(issues: readonly CellIssue[]): Map<number, CellIssue[]> {
  const byRow = new Map<number, CellIssue[]>()
  for (const i of issues) {
    const list = byRow.get(i.row)
    if (list) list.push(i)
    else byRow.set(i.row, [i])
  }
  return byRow
}

/** The skipped rows with their problems, cells and texts cut to what a report cell should hold. */
export function errorReportRows(
  rows: readonly ParsedRow[],
  byRow: ReadonlyMap<number, readonly CellIssue[]>,
  sheet: string,
  width: number
): ReportRow[] {
  const out: ReportRow[] = []
  for (const r of rows) {
    if (out.length >= MAX_REPORT_ROWS) break
    const list = byRow.get(r.row)
    if (!list) continue
    const cells = r.ok ? okCells(r, width) : r.cells.slice(0, 512).map((c) => c.slice(0, 500))
    out.push({
      sheet,
      row: r.row,
      cells,
      issues: list.slice(0, 20).map(({ code, column, field, value, message }) => ({
        code,
        column,
        field,
        value: value.slice(0, 500),
        message: message.slice(0, 500)
      }))
    })
  }
  return out
}

function okCells(r: ParsedRow, width: number): string[] {
  // Rows that parsed but did not match the plan: their parsed values stand in for the cells.
  if (!r.ok) return []
  const v = r.values as Record<string, unknown>
  return Object.values(v)
    .slice(0, width)
    .map((x) => (x === null || x === undefined ? '' : String(x)))
}
