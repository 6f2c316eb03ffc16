// The wizard's decisions as plain functions: remembered mappings per layout, the plan changes
// an import commits, and the rows of the error report. Tested without a window.
import type { ColumnMapping, CellIssue, ImportField, ParsedRow } from '@shared/import/types'
import { normalizeHeader } from '@shared/import/mapping'
import { matchToPlan, type PlanMatchResult } from '@shared/import/to-plan'
import { planSkeletonFromRows } from '@shared/import/skeleton'
import type { EntityChange, PlanData } from '@shared/planning/types'

/** What the mappings table keeps per layout fingerprint (see db.ts StoredMapping). */
export type RememberedMapping = {
  id: string
  target: 'budgetLines' | 'allocations'
  mapping: Record<string, string | null>
  options: Record<string, unknown>
  usedAt: string
}

/** Stores columns by their header text, so a remembered mapping reads naturally and survives a moved column. */
export function rememberMapping(
  fingerprint: string,
  headers: string[],
  mapping: ColumnMapping,
  headerRow: number
): RememberedMapping {
  const byHeader: Record<string, string | null> = {}
  for (const [field, col] of Object.entries(mapping.columns))
    byHeader[field] = col === undefined ? null : (headers[col] ?? null)
  return {
    id: fingerprint,
    target: mapping.kind === 'budget' ? 'budgetLines' : 'allocations',
    mapping: byHeader,
    options: {
      numberStyle: mapping.numberStyle,
      shareScale: mapping.shareScale,
      defaultCurrency: mapping.defaultCurrency,
      headerRow
    },
    usedAt: new Date().toISOString()
  }
}

/** The mapping a remembered entry gives for these headers; null when its columns are gone. */
export function recallMapping(
  stored: RememberedMapping,
  headers: string[],
  fallback: ColumnMapping
): ColumnMapping | null {
  const columns: Partial<Record<ImportField, number>> = {}
  const norm = headers.map(normalizeHeader)
  for (const [field, header] of Object.entries(stored.mapping)) {
    if (header === null) continue
    const idx = norm.indexOf(normalizeHeader(header))
    if (idx < 0) return null
    columns[field as ImportField] = idx
  }
  const o = stored.options
  const pick = <T extends string>(v: unknown, allowed: readonly T[], d: T): T =>
    allowed.includes(v as T) ? (v as T) : d
  return {
    kind: stored.target === 'budgetLines' ? 'budget' : 'allocations',
    columns,
    numberStyle: pick(o['numberStyle'], ['auto', 'de', 'en', 'ch'] as const, fallback.numberStyle),
    shareScale: pick(o['shareScale'], ['auto', 'percent', 'fte'] as const, fallback.shareScale),
    defaultCurrency: pick(o['defaultCurrency'], ['EUR', 'CHF'] as const, fallback.defaultCurrency)
  }
}

export type ImportPlan = {
  match: PlanMatchResult
  /** Every problem: the sheet's own and the names not found in the plan, by row. */
  issues: CellIssue[]
  badRows: number
  changes: EntityChange[]
}

/** Matches rows to a plan and lists the entity changes that would add them. */
export function planImport(
  rows: readonly ParsedRow[],
  data: PlanData,
  sheet: string,
  createRoles: boolean
): ImportPlan {
  const match = matchToPlan(rows, data, { sheet, createMissingRoles: createRoles })
  const issues = [...rows.flatMap((r) => r.issues), ...match.errors].sort((a, b) => a.row - b.row)
  const changes: EntityChange[] = [
    ...match.newRoles.map((r): EntityChange => ({ table: 'roles', id: r.id, before: null, after: r })),
    ...match.budgetLines.map((l): EntityChange => ({
      table: 'budgetLines',
      id: l.id,
      before: null,
      after: l
    })),
    ...match.allocations.map((a): EntityChange => ({
      table: 'allocations',
      id: a.id,
      before: null,
      after: a
    }))
  ]
  return { match, issues, badRows: new Set(issues.map((i) => i.row)).size, changes }
}

/** A new plan made of the sheet's own phase, workstream and role names (rows are added by the commit). */
export function newPlanFor(rows: readonly ParsedRow[], name: string): PlanData {
  return planSkeletonFromRows(rows, { name })
}

export type ReportRow = {
  sheet: string
  row: number
  cells: string[]
  issues: Omit<CellIssue, 'sheet' | 'row'>[]
}

/** The skipped rows with their problems, for import:save-error-report. */
export function errorReportRows(
  rows: readonly ParsedRow[],
  issues: readonly CellIssue[],
  sheet: string,
  width: number
): ReportRow[] {
  const byRow = new Map<number, CellIssue[]>()
  for (const i of issues) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i])
  const out: ReportRow[] = []
  for (const r of rows) {
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
