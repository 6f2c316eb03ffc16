// Sheets with the periods across the columns, as finance plans a year: one row per cost line or
// role, a column per month ("Jan".."Dez", "2026-03", dates) or quarter ("Q1", "1. Quartal",
// "Q4 2025"), often a year total. Each row becomes one record per period; the rows are turned into
// the long layout convertRows reads, so every cell is parsed and explained the same way.
import type { CellIssue, CellValue, ColumnMapping, ConvertResult, ParsedRow } from './types'
import { columnLetter, isBlankRow, isTotalRow } from './header'
import { cellText, convertRows, type ConvertOptions } from './convert'
import { detectNumberStyle, parseAmount } from './numbers'
import { headerUnit, readPeriodHeader, type Period } from './periods'
import type { Currency } from '../planning/types'
import { amountScaleOf, amountScaleOfLine, scaleDigits, type ScaleFound } from './units'

export type PeriodColumn = { col: number; period: Period }
export type WideLayout = {
  periods: 'month' | 'quarter'
  columns: PeriodColumn[]
  /** A year total column ("Summe", "Gesamt 2026", "Total"), skipped and checked against the sum. */
  totalColumn: number | null
}

/** Periods across the header: two or more months or quarters (the kind with more columns). */
export function detectWideLayout(headers: readonly CellValue[], date1904 = false): WideLayout | null {
  const found: PeriodColumn[] = []
  let totalColumn: number | null = null
  headers.forEach((h, col) => {
    const p = readPeriodHeader(h, date1904)
    if (p === 'total') totalColumn ??= col
    else if (p) found.push({ col, period: p })
  })
  const months = found.filter((f) => f.period.kind === 'month')
  const quarters = found.filter((f) => f.period.kind === 'quarter')
  const columns = months.length >= quarters.length ? months : quarters
  if (columns.length < 2) return null
  // A period named twice is no plan across the columns (a sheet of date formats, say).
  const seen = new Set(columns.map((c) => `${c.period.year}|${c.period.index}`))
  if (seen.size < columns.length) return null
  // A total column left of the periods is a label column ("Summe" as the amount), not the year's.
  if (totalColumn !== null && totalColumn < columns[0]!.col) totalColumn = null
  return { periods: columns[0]!.period.kind, columns, totalColumn }
}

/**
 * A currency named for the whole table where its amount column names none: in its period titles
 * ("Jan 26 (CHF)") or in the rows above its header ("alle Beträge in CHF"). Null when none is
 * named or both are.
 */
export function contextCurrency(
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number
): Currency | null {
  const found = new Set<Currency>()
  const header = rows[headerIdx] ?? []
  for (const c of detectWideLayout(header)?.columns ?? []) {
    const u = headerUnit(header[c.col] ?? null)
    if (u === 'EUR' || u === 'CHF') found.add(u)
  }
  for (let r = 0; r < headerIdx; r++)
    for (const v of rows[r] ?? []) {
      if (typeof v !== 'string') continue
      if (/\b[TKM]?CHF\b|\bS?Fr\.(?![a-z])/i.test(v)) found.add('CHF')
      if (/€|\b[TKM]?EUR\b|\bEuro\b/i.test(v)) found.add('EUR')
    }
  return found.size === 1 ? [...found][0]! : null
}

/**
 * Amounts in thousands or millions named for the whole table: in its period titles ("Jan TEUR")
 * or in a line above its header ("Beträge in TEUR", "Tsd. CHF"; a unit that stands for amounts,
 * so "5 Mio. Kunden" is none). Null when none is named or two scales are.
 */
export function contextAmountScale(
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number
): ScaleFound | null {
  const found: ScaleFound[] = []
  const header = rows[headerIdx] ?? []
  for (const c of detectWideLayout(header)?.columns ?? []) {
    const v = header[c.col] ?? null
    const s = amountScaleOf(v)
    if (s) found.push({ scale: s, where: 'periods', text: cellText(v).trim() })
  }
  for (let r = 0; r < headerIdx; r++)
    for (const v of rows[r] ?? []) {
      const s = amountScaleOfLine(v)
      if (s) found.push({ scale: s, where: 'above', text: cellText(v).trim(), row: r + 1 })
    }
  return new Set(found.map((f) => f.scale)).size === 1 ? found[0]! : null
}

/**
 * The unit a sheet names for its amounts: the title of an amount column (the plan import's amount,
 * a bookings export's amount, debit and credit), else the period titles or a line above the table.
 * The plan import and the bookings import both read a sheet's unit through this.
 */
export function sheetAmountScale(
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  amountColumns: readonly (number | undefined)[]
): ScaleFound | null {
  if (headerIdx < 0) return null
  return amountScaleFor(rows[headerIdx] ?? [], amountColumns, contextAmountScale(rows, headerIdx))
}

/**
 * The unit named for amounts read from these columns: their titles' (null when they name two),
 * else the table's (`tableScale`: period titles, a line above). The wizard's actual-costs step and
 * the command line detect it again with this when the amount columns are mapped anew.
 */
export function amountScaleFor(
  header: readonly CellValue[],
  amountColumns: readonly (number | undefined)[],
  tableScale: ScaleFound | null
): ScaleFound | null {
  const named: ScaleFound[] = []
  for (const col of amountColumns) {
    if (col === undefined) continue
    const s = amountScaleOf(header[col] ?? null)
    if (s) named.push({ scale: s, where: 'header', text: cellText(header[col]).trim() })
  }
  if (named.length) return new Set(named.map((f) => f.scale)).size === 1 ? named[0]! : null
  return tableScale
}

/** The share unit of a table's period cells: named in its period titles, else above its header. */
function contextShareUnit(
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  layout: WideLayout
): 'fte' | 'percent' | null {
  const header = rows[headerIdx] ?? []
  const units = new Set(layout.columns.map((c) => headerUnit(header[c.col] ?? null)))
  if (units.has('fte') && !units.has('percent')) return 'fte'
  if (units.has('percent') && !units.has('fte')) return 'percent'
  for (let r = 0; r < headerIdx; r++)
    for (const v of rows[r] ?? []) {
      if (typeof v !== 'string') continue
      if (/\b(?:in|als) (?:fte|vze)\b|\((?:fte|vze)\)/i.test(v)) return 'fte'
      if (/\bin %|\(%\)|\bin prozent\b|\bin percent\b/i.test(v)) return 'percent'
    }
  return null
}

/** A year named near the table: in the rows above the header, then the sheet's name. */
export function contextYear(
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  sheet: string
) {
  const find = (text: string) => /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text)?.[1]
  for (let r = 0; r < headerIdx; r++)
    for (const v of rows[r] ?? []) {
      const y = typeof v === 'string' ? find(v) : undefined
      if (y) return Number(y)
    }
  const y = find(sheet)
  return y ? Number(y) : null
}

/**
 * Years for periods written without one: from the periods that name theirs, else the given year
 * or one named near the table; a month or quarter lower than the one before starts the next year
 * (a fiscal year from October reads Okt..Sep). Null where no year can be found.
 */
export function periodKeys(layout: WideLayout, fallbackYear: number | null): (string | null)[] {
  const known = layout.columns.find((c) => c.period.year !== null)
  let year = known ? known.period.year! : fallbackYear
  if (known && year !== null) {
    // Walk back from the first column with a year to find the first column's year.
    const k = layout.columns.indexOf(known)
    for (let i = k; i > 0; i--)
      if (layout.columns[i]!.period.index < layout.columns[i - 1]!.period.index) year--
  }
  let prev = 0
  return layout.columns.map(({ period }) => {
    if (year !== null && period.index < prev) year++
    prev = period.index
    const y = period.year ?? year
    if (period.year !== null) year = period.year
    if (y === null) return null
    return period.kind === 'month' ? `${y}-${String(period.index).padStart(2, '0')}` : `${y}-Q${period.index}`
  })
}

export type WideOptions = ConvertOptions & { year?: number | null; sheetYear?: number | null }

/**
 * Converts a wide sheet: every filled period cell of a row becomes a record of that row. Budget
 * months are summed into their quarter, or kept one line per month (mapping.monthLines); shares
 * of months are averaged over the quarter's filled months. A year total is checked against the sum.
 */
export function convertWide(
  sheet: string,
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  mapping: ColumnMapping,
  layout: WideLayout,
  options: WideOptions = {}
): ConvertResult {
  const header = rows[headerIdx] ?? []
  const width = Math.max(header.length, ...layout.columns.map((c) => c.col + 1))
  const keys = periodKeys(layout, options.year ?? options.sheetYear ?? null)
  const Q = width
  const V = width + 1
  const valueField = mapping.kind === 'budget' ? 'amount' : 'share'
  const long: CellValue[][] = []
  /** For each long row: the sheet's row index and the period column it came from. */
  const origin: { r: number; col: number }[] = []
  const counts = { totals: 0, empty: 0 }
  const totalRows: number[] = []
  const longHeader: CellValue[] = [...header]
  longHeader.length = width
  longHeader[Q] = 'Quartal'
  // The share cells' unit, where the table names it, reaches the cells as their header's hint.
  const unit = valueField === 'share' ? contextShareUnit(rows, headerIdx, layout) : null
  longHeader[V] =
    valueField === 'amount' ? 'Betrag' : unit === 'fte' ? 'Anteil (FTE)' : unit ? 'Anteil %' : 'Anteil'
  long.push(longHeader)
  for (let r = headerIdx + 1; r < rows.length; r++) {
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
    layout.columns.forEach(({ col }, i) => {
      const v = row?.[col]
      if (v === null || v === undefined || isNothing(v)) return
      const out: CellValue[] = [...(row ?? [])]
      out.length = width
      for (const c of layout.columns) out[c.col] = null
      const key = keys[i]
      out[Q] = key === null ? `${header[col] ?? ''}` : key
      out[V] = v
      long.push(out)
      origin.push({ r, col })
    })
  }
  const longMapping: ColumnMapping = {
    ...mapping,
    columns: { ...mapping.columns, quarter: Q, [valueField]: V }
  }
  const summed = mapping.kind === 'budget' && layout.periods === 'month' && !mapping.monthLines
  const result = convertRows(sheet, long, 0, longMapping, { ...options, negativeAmounts: summed })
  const letterQ = columnLetter(Q)
  const letterV = columnLetter(V)
  const fixed: ParsedRow[] = result.rows.map((p) => {
    const o = origin[p.row - 2]!
    if (p.ok && p.kind === 'budget' && mapping.monthLines && layout.periods === 'month') {
      // One line per month: the month names the line, so two months of a row stay apart.
      const key = keys[layout.columns.findIndex((c) => c.col === o.col)]
      return { ...p, row: o.r + 1, values: { ...p.values, title: `${p.values.title} (${key})` } }
    }
    if (p.ok) return { ...p, row: o.r + 1 }
    const issues: CellIssue[] = p.issues.map((i) => ({
      ...i,
      row: o.r + 1,
      column: i.column === letterQ || i.column === letterV ? columnLetter(o.col) : i.column,
      message:
        i.code === 'bad-quarter' && i.column === letterQ
          ? 'the column title names a month or quarter without a year; give the year'
          : i.message
    }))
    const cells = p.cells.slice(0, width)
    cells[o.col] = String(rows[o.r]?.[o.col] ?? '')
    return { ...p, row: o.r + 1, cells, issues }
  })
  const merged = mergePeriods(fixed, mapping, layout, (first, sum) => ({
    row: first.row,
    ok: false,
    kind: 'budget',
    cells: (rows[first.row - 1] ?? []).slice(0, width).map(cellText),
    issues: [
      {
        code: 'negative-amount',
        sheet,
        row: first.row,
        // The months of that quarter, where the user looks for the correction.
        column: layout.columns
          .filter((_, i) => monthQuarter(keys[i]) === first.values.quarter)
          .map((c) => columnLetter(c.col))
          .join(', '),
        field: 'amount',
        value: `${first.values.quarter}: ${(sum / 100).toFixed(2)}`,
        message: 'the months of the quarter add up to less than zero; budget lines hold planned spending'
      }
    ]
  }))
  const mismatches = checkTotals(rows, merged, mapping, layout, result.numberStyle)
  const good = merged.filter((p) => p.ok).length
  return {
    ...result,
    headerRow: headerIdx + 1,
    rows: merged,
    counts: {
      ...result.counts,
      good,
      bad: merged.length - good,
      totals: counts.totals,
      empty: counts.empty
    },
    totalRows,
    wide: {
      periods: layout.periods,
      columns: layout.columns.map((c) => columnLetter(c.col)),
      totalColumn: layout.totalColumn === null ? null : columnLetter(layout.totalColumn),
      missingYear: keys.some((k) => k === null),
      mismatches
    }
  }
}

/** "2026-05" → "2026-Q2"; null for a month without a year. */
function monthQuarter(key: string | null | undefined): string | null {
  const m = key ? /^(\d{4})-(\d{2})$/.exec(key) : null
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : null
}

/**
 * A period cell that holds nothing to import: empty, a dash (Excel's accounting formats show zero
 * as "-") or zero, with or without a currency or unit. Finance fills a year's grid with these.
 */
export function isNothing(v: CellValue): boolean {
  if (typeof v === 'number') return v === 0
  if (typeof v !== 'string') return false
  const t = v.replace(/€|\b(?:eur|chf|fte|vze)\b|%|\s/gi, '')
  return t === '' || /^[-–—]$/.test(t) || /^[-+]?0+(?:[.,]0*)?$/.test(t)
}

/** Months into quarters: budget amounts summed per row, quarter and currency; shares averaged. */
function mergePeriods(
  rows: ParsedRow[],
  mapping: ColumnMapping,
  layout: WideLayout,
  negative: (first: ParsedRow & { ok: true; kind: 'budget' }, sum: number) => ParsedRow
): ParsedRow[] {
  if (layout.periods !== 'month' || (mapping.kind === 'budget' && mapping.monthLines)) return rows
  const keyOf = (p: ParsedRow & { ok: true }) =>
    p.kind === 'budget' ? `${p.row}|${p.values.quarter}|${p.values.currency}` : `${p.row}|${p.values.quarter}`
  const groups = new Map<string, { first: ParsedRow; n: number; sum: number; sources: string[] }>()
  for (const p of rows) {
    if (!p.ok) continue
    const value = p.kind === 'budget' ? p.values.amountCents : p.values.shareBp
    const g = groups.get(keyOf(p))
    if (g) {
      g.n++
      g.sum += value
      if (p.source !== undefined) g.sources.push(p.source)
    } else
      groups.set(keyOf(p), { first: p, n: 1, sum: value, sources: p.source === undefined ? [] : [p.source] })
  }
  const out: ParsedRow[] = []
  for (const p of rows) {
    if (!p.ok) {
      out.push(p)
      continue
    }
    const g = groups.get(keyOf(p))!
    if (g.first !== p) continue
    // Shares averaged over the quarter show every month as written.
    const { source: _one, ...rest } = p
    if (p.kind === 'budget' && g.sum < 0) out.push(negative(p, g.sum))
    else if (p.kind === 'budget')
      out.push({
        ...rest,
        kind: 'budget',
        values: { ...p.values, amountCents: g.sum },
        // A sum of months shows its total; a single month keeps how it was written.
        ...(g.n === 1 && g.sources.length ? { source: g.sources[0] } : {})
      })
    else
      out.push({
        ...rest,
        kind: 'allocations',
        values: { ...p.values, shareBp: Math.round(g.sum / g.n) },
        ...(g.sources.length ? { source: g.n > 1 ? `⌀ ${g.sources.join(' · ')}` : g.sources[0] } : {})
      })
  }
  return out
}

/** Rows whose year total differs from the sum of their periods (budget only). */
function checkTotals(
  rows: readonly (readonly CellValue[] | undefined)[],
  parsed: ParsedRow[],
  mapping: ColumnMapping,
  layout: WideLayout,
  style: ConvertResult['numberStyle']
): { row: number; totalCents: number; sumCents: number }[] {
  if (mapping.kind !== 'budget' || layout.totalColumn === null) return []
  const sums = new Map<number, number>()
  for (const p of parsed)
    if (p.ok && p.kind === 'budget') sums.set(p.row, (sums.get(p.row) ?? 0) + p.values.amountCents)
  const totalStyle = style ?? detectNumberStyle(parsed.map((p) => rows[p.row - 1]?.[layout.totalColumn!]))
  const out: { row: number; totalCents: number; sumCents: number }[] = []
  for (const [row, sum] of sums) {
    const cell = rows[row - 1]?.[layout.totalColumn]
    if (cell === null || cell === undefined || cell === '') continue
    // The year total is written in the same unit as its months.
    const t = parseAmount(cell, totalStyle, scaleDigits(mapping.amountScale))
    const total = t.ok ? t.cents : 0
    if (t.ok && total !== sum) out.push({ row, totalCents: total, sumCents: sum })
  }
  return out
}

/**
 * Converts a sheet in the layout it is written in: periods across the columns when the mapping
 * says so, or when such columns are found and no quarter column is mapped; else one row per record.
 */
export function convertSheet(
  sheet: string,
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  mapping: ColumnMapping,
  options: ConvertOptions = {}
): ConvertResult {
  const layout = mapping.layout === 'long' ? null : detectWideLayout(rows[headerIdx] ?? [], options.date1904)
  // A quarter column that is itself one of the periods ("1. Quartal") does not make the sheet long.
  const q = mapping.columns.quarter
  const longQuarter = q !== undefined && !layout?.columns.some((c) => c.col === q)
  if (!layout || (mapping.layout !== 'wide' && longQuarter))
    return convertRows(sheet, rows, headerIdx, mapping, options)
  return convertWide(sheet, rows, headerIdx, mapping, layout, {
    ...options,
    year: mapping.year ?? null,
    sheetYear: contextYear(rows, headerIdx, sheet)
  })
}
