// Quarter text, dates and Excel date serials to quarter keys ("2026-Q1").
import type { QuarterKey } from '../planning/types'

export type QuarterResult =
  { ok: true; quarter: QuarterKey } | { ok: false; code: 'bad-quarter' | 'ambiguous-date'; message: string }

function year(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y)
}

function key(y: number, q: number): QuarterResult {
  if (y < 1990 || y > 2100) return { ok: false, code: 'bad-quarter', message: `year ${y} is out of range` }
  return { ok: true, quarter: `${y}-Q${q}` as QuarterKey }
}

function fromMonth(y: number, m: number): QuarterResult {
  if (m < 1 || m > 12) return { ok: false, code: 'bad-quarter', message: `month ${m} does not exist` }
  return key(y, Math.floor((m - 1) / 3) + 1)
}

/** German and English month names and abbreviations, shared with the period headers of wide sheets. */
export const MONTHS: Record<string, number> = {
  jan: 1,
  januar: 1,
  january: 1,
  jän: 1,
  jänner: 1,
  jaen: 1,
  feb: 2,
  februar: 2,
  february: 2,
  mär: 3,
  mar: 3,
  märz: 3,
  maerz: 3,
  march: 3,
  mrz: 3,
  apr: 4,
  april: 4,
  mai: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dez: 12,
  dec: 12,
  dezember: 12,
  december: 12
}

/** Excel's day number (1900 system) to a quarter; 1 = 1900-01-01. */
export function serialToQuarter(serial: number, date1904 = false): QuarterResult {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0)
  if (days < 32874 || days > 73050) {
    return { ok: false, code: 'bad-quarter', message: 'is a number, not a quarter or a date' }
  }
  // Day 60 is Excel's phantom 1900-02-29; every serial here is far past it.
  const ms = (days - 25569) * 86_400_000
  const d = new Date(ms)
  return fromMonth(d.getUTCFullYear(), d.getUTCMonth() + 1)
}

const Y = "'?(\\d{4}|\\d{2})"
const QW = '(?:quartal|quarter|qtr\\.?|qu\\.?|q)'
// Compiled once: an import may read hundreds of thousands of quarter cells.
const RE_YEAR_Q = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/
const RE_Q_YEAR = new RegExp(`^q([1-4])\\s*[-/ .]?\\s*${Y}$`)
const RE_N_QUARTAL = new RegExp(`^([1-4])\\s*\\.?\\s*${QW}\\s*[-/ .]?\\s*${Y}$`)
const RE_QUARTAL_N = new RegExp(`^(?:quartal|quarter)\\s*([1-4])\\s*[-/ ]?\\s*${Y}$`)
const RE_YEAR_N = new RegExp(`^${Y}\\s*[-/ ]\\s*(?:quartal|quarter)?\\s*([1-4])$`)

/** Reads "Q1 2026", "2026-Q1", "Q1/26", "1. Quartal 2026", "Quartal 1 2026", dates and serials. */
export function parseQuarter(value: unknown, date1904 = false): QuarterResult {
  if (typeof value === 'number') return serialToQuarter(value, date1904)
  if (typeof value !== 'string') return { ok: false, code: 'bad-quarter', message: 'is not a quarter' }
  const t = value
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
  if (!t) return { ok: false, code: 'bad-quarter', message: 'empty' }
  let m: RegExpExecArray | null
  if ((m = RE_YEAR_Q.exec(t))) return key(Number(m[1]), Number(m[2]))
  if ((m = RE_Q_YEAR.exec(t))) return key(year(m[2]), Number(m[1]))
  if ((m = RE_N_QUARTAL.exec(t))) return key(year(m[2]), Number(m[1]))
  if ((m = RE_QUARTAL_N.exec(t))) return key(year(m[2]), Number(m[1]))
  if ((m = RE_YEAR_N.exec(t)) && m[1].length === 4) return key(year(m[1]), Number(m[2]))
  // ISO dates and months: 2026-01-15, 2026-01, 2026-01-15T00:00:00
  if ((m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[t ].*)?$/.exec(t)))
    return fromMonth(Number(m[1]), Number(m[2]))
  // German dates: 15.01.2026, 15.1.26, and months 01.2026
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t))) return fromMonth(year(m[3]), Number(m[2]))
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return fromMonth(Number(m[2]), Number(m[1]))
  // SAP posting periods: 001/2026, 2026/001; 013-016 are the year-end closing periods, in Q4.
  if ((m = /^(\d{3})[./](\d{4})$/.exec(t)) || (m = /^(\d{4})[./](\d{3})$/.exec(t))) {
    const [p, y] = m[1].length === 3 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])]
    if (p >= 13 && p <= 16) return fromMonth(y, 12)
    return fromMonth(y, p)
  }
  // Slashed dates: day/month or month/day; only a problem when the two readings differ in quarter.
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(t))) {
    const a = Number(m[1])
    const b = Number(m[2])
    const y = year(m[3])
    if (a > 12) return fromMonth(y, b)
    if (b > 12) return fromMonth(y, a)
    const qa = fromMonth(y, a)
    const qb = fromMonth(y, b)
    if (qa.ok && qb.ok && qa.quarter === qb.quarter) return qa
    return {
      ok: false,
      code: 'ambiguous-date',
      message: 'could be day/month or month/day; write it as 2026-01-15'
    }
  }
  // Month names: "Jan 2026", "Januar 2026", "März 26"
  if ((m = /^([a-zäöü]+)\.?\s*'?(\d{4}|\d{2})$/.exec(t)) && MONTHS[m[1]])
    return fromMonth(year(m[2]), MONTHS[m[1]])
  if (/^\d+(?:[.,]\d+)?$/.test(t) && Number(t.replace(',', '.')) > 30000) {
    return serialToQuarter(Number(t.replace(',', '.')), date1904)
  }
  return {
    ok: false,
    code: 'bad-quarter',
    message: 'is not a quarter (Q1 2026, 2026-Q1, 1. Quartal 2026 or a date)'
  }
}
