// What an opened spreadsheet looks like to the wizard and the CLI: plain, bounded JSON.
import type { ColumnMapping, ConvertResult, ParsedRow } from './types'
import type { MappingSuggestion } from './mapping'

/** Why a file could not be imported. Each has its own message in the wizard and the CLI. */
export const IMPORT_FAILURES = [
  'unsupported-type',
  'unreadable',
  'empty',
  'too-large',
  'encrypted',
  'not-tabular',
  /** The sheet has data but no row reads as column titles; the user picks the header row. */
  'no-header',
  'corrupt',
  'timeout',
  'out-of-memory',
  'cancelled',
  'crashed'
] as const
export type ImportFailure = (typeof IMPORT_FAILURES)[number]

export const SUPPORTED_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods', 'csv', 'tsv', 'txt'] as const
export type SupportedExtension = (typeof SUPPORTED_EXTENSIONS)[number]

/** Rows and columns of a sheet preview: enough to recognise it, small enough to send anywhere. */
export const PREVIEW_ROWS = 25
export const PREVIEW_COLS = 16

/** Text encodings a CSV or TSV file is read in; the wizard and the CLI let the user pick one. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-15'] as const
export type TextEncoding = (typeof TEXT_ENCODINGS)[number]

export type SheetSummary = {
  index: number
  name: string
  hidden: boolean
  /** Rows read (up to the last non-empty row). */
  rowCount: number
  colCount: number
  /** The sheet had more rows than the row limit; only the first ones were read. */
  truncated: boolean
  /** Detected header row, 1-based as in Excel; 0 when none was found. */
  headerRow: number
  headers: string[]
  fingerprint: string
  suggestion: MappingSuggestion
  /** First rows as display text, starting at row 1. */
  preview: string[][]
  /** Rows below the header holding at least one value. */
  dataRows: number
}

export type WorkbookSummary = {
  fileName: string
  format: SupportedExtension
  sizeBytes: number
  date1904: boolean
  /** The encoding a text file (csv, tsv) was read in; null for workbooks. */
  encoding: TextEncoding | null
  /** The encoding detection chose (equal to `encoding` unless the user picked another). */
  detectedEncoding: TextEncoding | null
  sheets: SheetSummary[]
  /** The sheet the wizard starts with: the first visible one with a header and the most data. */
  bestSheet: number
  /** Notes the user should see, e.g. that rows beyond the limit were not read. */
  warnings: string[]
}

export type ReadSheetRequest = {
  sheet: number
  /** 1-based header row; omitted: the detected one. */
  headerRow?: number
  /** Omitted: the suggested mapping. */
  mapping?: ColumnMapping
}

export type ReadSheetResult = {
  sheet: number
  headerRow: number
  headers: string[]
  fingerprint: string
  suggestion: MappingSuggestion
  mapping: ColumnMapping
  result: ConvertResult
}

/** Parsed rows a sheet overview carries: a first look, never the sheet. */
export const SHEET_SAMPLE_ROWS = 10
/** Row numbers of skipped total rows an overview lists. */
export const OVERVIEW_TOTAL_ROWS = 100

/**
 * A read sheet as the wizard gets it: everything ReadSheetResult says except the rows, which stay
 * in the parse worker (the wizard pages through them); rowCount and a few sample rows instead.
 */
export type SheetOverview = Omit<ReadSheetResult, 'result'> & {
  result: Omit<ConvertResult, 'rows'> & { rowCount: number; sample: ParsedRow[] }
}

export function overviewOf(read: ReadSheetResult): SheetOverview {
  const { rows, ...rest } = read.result
  return {
    ...read,
    result: {
      ...rest,
      totalRows: rest.totalRows.slice(0, OVERVIEW_TOTAL_ROWS),
      rowCount: rows.length,
      sample: rows.slice(0, SHEET_SAMPLE_ROWS)
    }
  }
}
