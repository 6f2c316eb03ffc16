// Types of the spreadsheet import shared by the parse worker, main, the CLI and the renderer wizard.
import type { Cents, Currency, QuarterKey, ShareBp } from '../planning/types'
import type { AmountScale } from './units'

/**
 * One cell as the worker hands it over: the cell's value, never its formula or cell object.
 * Dates become ISO date text ("2026-01-15") so they survive structured cloning and JSON.
 */
export type CellValue = string | number | boolean | null

export type { NumberStyle } from '../numbers/digits'
import type { NumberStyle } from '../numbers/digits'

export type ImportKind = 'budget' | 'allocations'

export const BUDGET_FIELDS = [
  'phase',
  'workstream',
  'quarter',
  'category',
  'title',
  'amount',
  'currency'
] as const
export type BudgetField = (typeof BUDGET_FIELDS)[number]
export const ALLOCATION_FIELDS = ['role', 'workstream', 'quarter', 'share', 'note'] as const
export type AllocationField = (typeof ALLOCATION_FIELDS)[number]
export type ImportField = BudgetField | AllocationField

/**
 * Fields a row cannot do without, per kind. Without a column, the plan supplies a budget line's phase
 * (the phase holding its quarter) and an allocation's workstream (see DERIVABLE_FIELDS, to-plan.ts).
 */
export const REQUIRED_FIELDS: { budget: BudgetField[]; allocations: AllocationField[] } = {
  budget: ['phase', 'quarter', 'amount'],
  allocations: ['role', 'workstream', 'quarter', 'share']
}
/** Required fields the plan fills in when no column is mapped to them. */
export const DERIVABLE_FIELDS: { budget: BudgetField; allocations: AllocationField } = {
  budget: 'phase',
  allocations: 'workstream'
}

/** Which column (0-based index) feeds which field, plus the choices that settle ambiguous text. */
export type ColumnMapping = {
  kind: ImportKind
  columns: Partial<Record<ImportField, number>>
  /** 'auto': detect per column from unambiguous cells; ambiguous cells are flagged, never guessed. */
  numberStyle: NumberStyle | 'auto'
  /**
   * How plain numbers in the share column read: 'auto' by each cell's writing (see readShareCell),
   * ambiguous cells flagged; 'percent' or 'fte' settles those (1,5 → 1.5 % or 1.5 FTE).
   */
  shareScale: 'auto' | 'percent' | 'fte'
  /** Currency of amounts without a currency column or symbol. */
  defaultCurrency: Currency
  /** Amounts written in thousands ("TEUR") or millions ("Mio. €"): each parsed amount times this. */
  amountScale?: AmountScale
  /**
   * Periods across the columns (months or quarters, see wide.ts): 'wide' reads them as records,
   * 'long' never does; omitted: wide when such columns are found and no quarter column is mapped.
   */
  layout?: 'long' | 'wide'
  /** Wide budget months: one line per month instead of one per quarter. */
  monthLines?: boolean
  /** The year of month or quarter columns that name none (and no year is found near the table). */
  year?: number
  /**
   * Allocations without a workstream column: the workstream (key) every row goes to; omitted: the
   * workstream the role works on in that quarter in the plan, else the first of the quarter's phase.
   */
  defaultWorkstream?: string
}

export const ISSUE_CODES = [
  'missing',
  'bad-number',
  'ambiguous-number',
  'unsupported-currency',
  'currency-conflict',
  'negative-amount',
  'too-large',
  'bad-quarter',
  'ambiguous-date',
  'bad-share',
  'ambiguous-share',
  'share-out-of-range',
  'error-cell',
  'unknown-phase',
  'unknown-workstream',
  'unknown-role',
  'quarter-outside-plan',
  'shortened',
  /** No phase column, and no phase of the plan holds the row's quarter. */
  'no-phase-for-quarter',
  /** No workstream column, and neither the role nor a phase of the plan gives one for the quarter. */
  'no-workstream-for-quarter'
] as const
export type IssueCode = (typeof ISSUE_CODES)[number]

/** What is wrong, where (sheet, row number as Excel shows it, column letter) and why. */
export type CellIssue = {
  code: IssueCode
  sheet: string
  /** 1-based row number as shown by Excel. */
  row: number
  /** Column letter, e.g. "C"; empty when the field has no column. */
  column: string
  field: ImportField
  /** The cell as text, shortened. */
  value: string
  message: string
  /** For 'shortened': the number of characters kept. */
  limit?: number
}

export type BudgetValues = {
  phase: string
  workstream: string | null
  quarter: QuarterKey
  category: string
  title: string
  amountCents: Cents
  currency: Currency
}

export type AllocationValues = {
  role: string
  workstream: string
  quarter: QuarterKey
  shareBp: ShareBp
  note: string
}

/**
 * A good row may carry warnings: cells it changed on the way in (text shortened to the limits in
 * src/shared/limits.ts). The row is imported; the preview marks those cells.
 */
export type ParsedRow =
  | {
      row: number
      ok: true
      kind: 'budget'
      values: BudgetValues
      issues: []
      warnings?: CellIssue[]
      /** The amount as written, where its reading was not obvious ("1.234" read by the column's style). */
      source?: string
    }
  | {
      row: number
      ok: true
      kind: 'allocations'
      values: AllocationValues
      issues: []
      warnings?: CellIssue[]
      /** The share as written ("0,5"), so the preview can show "0,5 → 50 %". */
      source?: string
    }
  | { row: number; ok: false; kind: ImportKind; cells: string[]; issues: CellIssue[] }

export type ConvertResult = {
  sheet: string
  kind: ImportKind
  headerRow: number
  rows: ParsedRow[]
  counts: { good: number; bad: number; totals: number; empty: number; ambiguous: number }
  /** Excel row numbers of rows skipped as totals (Summe, Total, Gesamt...). */
  totalRows: number[]
  /** Number style used per mapped numeric field, after detection. */
  numberStyle: NumberStyle | null
  shareScale: 'percent' | 'fte' | null
  /** Amounts were multiplied by this (written in thousands or millions); omitted when 1. */
  amountScale?: AmountScale
  /** Set when the sheet was read with its periods across the columns. */
  wide?: {
    periods: 'month' | 'quarter'
    /** Column letters of the periods, in order. */
    columns: string[]
    totalColumn: string | null
    /** Some period names no year, and none was found or given. */
    missingYear: boolean
    /** Rows whose year total differs from the sum of their periods. */
    mismatches: { row: number; totalCents: number; sumCents: number }[]
  }
}
