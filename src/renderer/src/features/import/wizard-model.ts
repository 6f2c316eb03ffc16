// The wizard's own decisions as plain functions: failures shown, remembered mappings per layout. Matching rows to a
// plan, the preview and the error report run beside the rows in main (@shared/import/plan-import).
import type { ColumnMapping, ImportField } from '@shared/import/types'
import { TEXT_ENCODINGS, type SheetOverview, type TextEncoding } from '@shared/import/workbook'
import { normalizeHeader, scaleForAmountColumn, withAmountScale } from '@shared/import/mapping'
import { IpcCallError } from '../../lib/ipc'

export type Step = 'file' | 'reading' | 'sheet' | 'mapping' | 'preview'
export type Failure = { reason: string; message: string }
export type Progress = { stage: string; done: number; total: number }

/** What the wizard shows for a failed call: main's reason when it gave one. */
export function failureOf(err: unknown): Failure {
  if (err instanceof IpcCallError) {
    const reason = (err.details as { reason?: string } | undefined)?.reason ?? err.code
    return { reason, message: err.message }
  }
  return { reason: 'failed', message: err instanceof Error ? err.message : String(err) }
}

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
  headerRow: number,
  /** The text encoding the file was read in (csv, tsv), so the next one like it is read alike. */
  encoding: string | null = null,
  /** The user chose the unit in "Amounts written": a new amount column does not detect it again. */
  scaleByHand = false
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
      headerRow,
      ...(encoding ? { encoding } : {}),
      ...(mapping.layout ? { layout: mapping.layout } : {}),
      ...(mapping.monthLines ? { monthLines: true } : {}),
      ...(mapping.year ? { year: mapping.year } : {}),
      ...(mapping.defaultWorkstream ? { defaultWorkstream: mapping.defaultWorkstream } : {}),
      // As written too: the user's word on a layout's unit holds for the next file of its shape.
      ...(mapping.kind === 'budget' ? { amountScale: mapping.amountScale ?? 1 } : {}),
      ...(mapping.kind === 'budget' && scaleByHand ? { amountScaleByHand: true } : {})
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
    defaultCurrency: pick(o['defaultCurrency'], ['EUR', 'CHF'] as const, fallback.defaultCurrency),
    ...(o['layout'] === 'long' || o['layout'] === 'wide' ? { layout: o['layout'] } : {}),
    ...(o['monthLines'] === true ? { monthLines: true } : {}),
    ...(typeof o['year'] === 'number' && o['year'] >= 1990 && o['year'] <= 2100 ? { year: o['year'] } : {}),
    ...(typeof o['defaultWorkstream'] === 'string' && o['defaultWorkstream']
      ? { defaultWorkstream: o['defaultWorkstream'].slice(0, 500) }
      : {}),
    ...recalledScale(stored, fallback)
  }
}

/** The unit a remembered budget mapping was used with; entries from before it was kept take this file's own. */
function recalledScale(
  stored: RememberedMapping,
  fallback: ColumnMapping
): Pick<ColumnMapping, 'amountScale'> {
  if (stored.target !== 'budgetLines') return {}
  const s = stored.options['amountScale']
  if (s === 1) return {}
  if (s === 1000 || s === 1_000_000) return { amountScale: s }
  return fallback.kind === 'budget' && fallback.amountScale ? { amountScale: fallback.amountScale } : {}
}

/** Whether a remembered budget mapping's unit was the user's own choice, not what the sheet named. */
export function recalledScaleByHand(stored: RememberedMapping): boolean {
  return stored.target === 'budgetLines' && stored.options['amountScaleByHand'] === true
}

/**
 * The mapping after the user changed its columns or kind: a new amount column, or a switch to
 * budget lines, takes the unit the sheet names for that column (before, the first column's unit
 * and its "found in" note stayed). A unit the user chose by hand in "Amounts written" stays.
 */
export function redetectScale(
  prev: ColumnMapping,
  next: ColumnMapping,
  read: Pick<SheetOverview, 'suggestion' | 'headers'>,
  byHand: boolean
): ColumnMapping {
  if (byHand || next.kind !== 'budget') return next
  if (prev.kind === 'budget' && prev.columns.amount === next.columns.amount) return next
  return withAmountScale(next, scaleForAmountColumn(read.suggestion, read.headers, next.columns.amount))
}

/**
 * The encoding to read a text file in again: the one its remembered mapping was used with, when
 * detection chose another this time (the user had corrected it for a file of this shape). Null for
 * workbooks (no encoding), when nothing was remembered, or when detection already agrees.
 */
export function rememberedEncoding(
  stored: Pick<RememberedMapping, 'options'>,
  current: TextEncoding | null
): TextEncoding | null {
  const e = stored.options['encoding']
  if (current === null || typeof e !== 'string' || e === current) return null
  return (TEXT_ENCODINGS as readonly string[]).includes(e) ? (e as TextEncoding) : null
}
