// Bookings rows to actuals: every booking is read with the import's own rules (dates, serials,
// months and quarters; German, Swiss and English amounts; currencies), placed on a phase and
// workstream, and added up per quarter and category. One pass, memory bounded by the number of
// distinct sums, so a 300,000-row export costs its grid and little more.
import type { CellValue } from '../import/types'
import { TEXT_MAX } from '../limits'
import { columnLetter, isBlankRow, isTotalRow } from '../import/header'
import { cellText } from '../import/convert'
import { detectNumberStyle, parseAmount, parseCurrency } from '../import/numbers'
import { scaleDigits } from '../import/units'
import { parseQuarter, type QuarterResult } from '../import/quarters'
import { normalizeHeader } from '../import/mapping'
import type { Cents, QuarterKey } from '../planning/types'
import { compareQuarters } from '../planning/quarters'
import { chfToEurCents } from './currency'
import { normalizeCentre, suggestCentre } from './mapping'
import type {
  ActualSum,
  ActualsTarget,
  BookingField,
  BookingIssue,
  BookingIssueCode,
  BookingMapping,
  BookingsResult,
  CentreSeen
} from './types'

/** Issues an answer carries; the count covers all of them. */
export const MAX_BOOKING_ISSUES = 1000

const ERROR_CELL = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return ''
  return (typeof v === 'string' ? v : String(v)).trim()
}

/** Soll/Haben, S/H, Debit/Credit, Dr/Cr: -1 for a credit, 1 for a debit, 0 when it says neither. */
export function debitCreditSign(value: CellValue | undefined): -1 | 0 | 1 {
  const t = normalizeHeader(text(value))
  if (/^(h|haben|c|cr|credit|gutschrift|k)$/.test(t)) return -1
  if (/^(s|soll|d|dr|debit|belastung|l)$/.test(t)) return 1
  return 0
}

type Placement = { phaseId: string; workstreamId: string | null }

/** Finds phases and workstreams by the names a bookings file may use for them. */
function placer(target: ActualsTarget) {
  const phaseByName = new Map<string, string>()
  for (const p of target.phases) {
    phaseByName.set(normalizeHeader(p.name), p.id)
    phaseByName.set(`phase ${p.order}`, p.id)
    phaseByName.set(normalizeHeader(p.priority), p.id)
    phaseByName.set(normalizeHeader(p.id), p.id)
  }
  const streamByName = new Map<string, Placement>()
  for (const w of target.workstreams) {
    const at = { phaseId: w.phaseId, workstreamId: w.id }
    streamByName.set(normalizeHeader(w.key), at)
    streamByName.set(normalizeHeader(w.title), at)
    streamByName.set(normalizeHeader(w.id), at)
  }
  const table = new Map<string, Placement>()
  for (const c of target.centres) table.set(c.centre, { phaseId: c.phaseId, workstreamId: c.workstreamId })
  return { phaseByName, streamByName, table }
}

export type ReadBookingsOptions = { date1904?: boolean }

/**
 * Reads the rows below `headerIdx` (0-based) as bookings against a plan. Credits are negative
 * (a credit column, or an S/H indicator that says Haben). Total rows are skipped and listed;
 * bookings outside the plan's quarters are listed with their sum and left out; a booking with
 * no date or amount, or with an unreadable one, is reported on its row.
 */
export function readBookings(
  sheet: string,
  rows: readonly (readonly CellValue[] | undefined)[],
  headerIdx: number,
  mapping: BookingMapping,
  target: ActualsTarget,
  options: ReadBookingsOptions = {}
): BookingsResult {
  const cols = mapping.columns
  const amountCols = [cols.amount, cols.debit, cols.credit].filter((c): c is number => c !== undefined)
  let style = mapping.numberStyle === 'auto' ? null : mapping.numberStyle
  if (mapping.numberStyle === 'auto') {
    style = detectNumberStyle(
      (function* () {
        for (let r = headerIdx + 1; r < rows.length; r++)
          for (const c of amountCols) {
            const v = rows[r]?.[c]
            if (typeof v === 'string') yield v
          }
      })()
    )
  }
  // "12,5" TEUR is 1 250 000 cents, exact from the digits, as the plan import reads it.
  const digits = scaleDigits(mapping.amountScale)
  const planQuarters = new Set(target.quarters)
  const { phaseByName, streamByName, table } = placer(target)
  const rate = target.chfToEur
  // Each CHF booking on its own, rounded half away from zero (currency.ts).
  const toBase = (cents: number, chf: boolean) => (chf ? chfToEurCents(cents, rate) : cents)

  const sums = new Map<string, ActualSum>()
  const outside = new Map<QuarterKey, { bookings: number; baseCents: Cents }>()
  const centres = new Map<string, CentreSeen>()
  const issues: BookingIssue[] = []
  const totalRows: number[] = []
  const counts = { placed: 0, bad: 0, totals: 0, empty: 0, outside: 0, unplaced: 0 }
  let placedCents = 0
  let example: BookingsResult['example']
  const quarterCache = new Map<CellValue, QuarterResult>()
  const currencyCache = new Map<string, ReturnType<typeof parseCurrency>>()

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
    const cell = (f: BookingField) => (cols[f] === undefined ? undefined : row![cols[f]!])
    let bad = false
    const flag = (f: BookingField, code: BookingIssueCode, message: string) => {
      bad = true
      if (issues.length < MAX_BOOKING_ISSUES)
        issues.push({
          code,
          row: r + 1,
          column: cols[f] === undefined ? '' : columnLetter(cols[f]!),
          field: f,
          value: cellText(cell(f)),
          message
        })
    }
    const isError = (v: CellValue | undefined) =>
      typeof v === 'string' && v.includes('#') && ERROR_CELL.test(v.trim())

    // Date, serial, month or quarter.
    let quarter: QuarterKey | null = null
    const rawDate = cell('date')
    if (cols.date === undefined) flag('date', 'missing-date', 'no column is mapped to the booking date')
    else if (text(rawDate) === '') flag('date', 'missing-date', 'has no booking date')
    else if (isError(rawDate)) flag('date', 'error-cell', 'holds a formula error')
    else {
      let q = quarterCache.get(rawDate!)
      if (!q) {
        q = parseQuarter(rawDate, options.date1904)
        if (quarterCache.size < 100_000) quarterCache.set(rawDate!, q)
      }
      if (q.ok) quarter = q.quarter
      else flag('date', 'bad-date', q.message)
    }

    // Amount: one signed column, or debit minus credit.
    let cents: number | null = null
    // Set inside readAmount: a currency written in the amount cell ("CHF 1'200.00").
    const written: { currency: 'EUR' | 'CHF' | null } = { currency: null }
    // The sheet's example: the first amount read, its currency settled with the row's below.
    let first = null as { source: string; cents: number } | null
    const readAmount = (f: BookingField): number | null | undefined => {
      const v = cell(f)
      if (text(v) === '') return undefined
      if (isError(v)) {
        flag(f, 'error-cell', 'holds a formula error')
        return null
      }
      const a = parseAmount(v, style, digits)
      if (a.ok && !Number.isSafeInteger(a.cents)) {
        flag(f, 'bad-amount', 'amount is too large')
        return null
      }
      if (!a.ok) {
        flag(f, a.code === 'unsupported-currency' ? 'unsupported-currency' : 'bad-amount', a.message)
        return null
      }
      if (a.currency) written.currency = a.currency
      if (!example && !first) first = { source: cellText(v).trim(), cents: a.cents }
      return a.cents
    }
    if (cols.amount !== undefined) {
      const a = readAmount('amount')
      if (a === undefined && cols.debit === undefined && cols.credit === undefined)
        flag('amount', 'missing-amount', 'has no amount')
      else if (a !== undefined) cents = a
    }
    if (cents === null && !bad && (cols.debit !== undefined || cols.credit !== undefined)) {
      const d = readAmount('debit')
      const c = readAmount('credit')
      if (d === undefined && c === undefined) flag('amount', 'missing-amount', 'has no amount')
      else if (d !== null && c !== null) cents = (d ?? 0) - Math.abs(c ?? 0)
    }
    if (cols.amount === undefined && cols.debit === undefined && cols.credit === undefined)
      flag('amount', 'missing-amount', 'no column is mapped to the amount')
    if (cents !== null && cols.debitCredit !== undefined) {
      if (debitCreditSign(cell('debitCredit')) < 0) cents = -Math.abs(cents)
    }

    // Currency: a symbol in the amount wins over the currency column, which wins over the default.
    let columnCurrency: 'EUR' | 'CHF' | null = null
    const curText = text(cell('currency'))
    if (curText) {
      let c = currencyCache.get(curText)
      if (c === undefined) {
        c = parseCurrency(curText)
        if (currencyCache.size < 1000) currencyCache.set(curText, c)
      }
      if (c === 'EUR' || c === 'CHF') columnCurrency = c
      else flag('currency', 'unsupported-currency', 'only EUR and CHF bookings can be imported')
    }
    if (first) example = { ...first, currency: written.currency ?? columnCurrency ?? mapping.defaultCurrency }
    if (bad || cents === null || quarter === null) {
      counts.bad++
      continue
    }
    const chf = (written.currency ?? columnCurrency ?? mapping.defaultCurrency) === 'CHF'
    const base = toBase(cents, chf)

    if (!planQuarters.has(quarter)) {
      const o = outside.get(quarter) ?? { bookings: 0, baseCents: 0 }
      o.bookings++
      o.baseCents += base
      outside.set(quarter, o)
      counts.outside++
      continue
    }

    // Placement: the file's own phase or workstream column, else the cost centre.
    let at: Placement | null = null
    const wsText = text(cell('workstream'))
    const phaseText = text(cell('phase'))
    if (wsText) at = streamByName.get(normalizeHeader(wsText)) ?? null
    if (!at && phaseText) {
      const id = phaseByName.get(normalizeHeader(phaseText))
      if (id) at = { phaseId: id, workstreamId: null }
    }
    const centreText = text(cell('costCentre'))
    if (!at && centreText) {
      const key = normalizeCentre(centreText)
      let seen = centres.get(key)
      if (!seen) {
        const mapped = table.get(key) ?? null
        seen = {
          centre: key,
          label: centreText,
          bookings: 0,
          baseCents: 0,
          mapped,
          suggested: mapped ? null : suggestCentre(centreText, target)
        }
        centres.set(key, seen)
      }
      seen.bookings++
      seen.baseCents += base
      at = seen.mapped ?? seen.suggested
      if (!at) {
        counts.unplaced++
        continue
      }
    }
    if (!at) {
      if (phaseText || wsText)
        flag(phaseText ? 'phase' : 'workstream', 'unknown-phase', 'names no phase or workstream of the plan')
      else flag('costCentre', 'unknown-centre', 'has no cost centre, phase or workstream')
      counts.bad++
      continue
    }
    const category = text(cell('category')).slice(0, TEXT_MAX.name)
    const k = `${at.phaseId}\u001f${at.workstreamId ?? ''}\u001f${quarter}\u001f${category}`
    let s = sums.get(k)
    if (!s) {
      s = {
        phaseId: at.phaseId,
        workstreamId: at.workstreamId,
        quarter,
        category,
        eurCents: 0,
        chfCents: 0,
        chfBaseCents: 0,
        chfToEur: rate,
        bookings: 0
      }
      sums.set(k, s)
    }
    if (chf) {
      s.chfCents += cents
      s.chfBaseCents += base
    } else s.eurCents += cents
    s.bookings++
    counts.placed++
    placedCents += base
  }
  const quarters = [...new Set([...sums.values()].map((s) => s.quarter))].sort(compareQuarters)
  return {
    sheet,
    headerRow: headerIdx + 1,
    sums: [...sums.values()],
    quarters,
    counts,
    placedCents,
    outside: [...outside]
      .map(([quarter, o]) => ({ quarter, ...o }))
      .sort((a, b) => compareQuarters(a.quarter, b.quarter)),
    centres: [...centres.values()].sort((a, b) => a.label.localeCompare(b.label)),
    issues,
    totalRows,
    numberStyle: style,
    ...(digits !== 0 && { amountScale: mapping.amountScale }),
    ...(example && { example })
  }
}
