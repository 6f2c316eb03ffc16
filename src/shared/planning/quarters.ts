// Quarter arithmetic on "2025-Q4" keys. Keys sort as text, but arithmetic goes through a
// linear index (year * 4 + quarter - 1) so shifting across years is exact.
import { PlanningError } from './errors'
import type { MonthKey, QuarterKey } from './types'

const QUARTER_RE = /^(\d{4})-Q([1-4])$/
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

export type QuarterParts = { year: number; q: 1 | 2 | 3 | 4 }

export function isQuarterKey(value: unknown): value is QuarterKey {
  return typeof value === 'string' && QUARTER_RE.test(value)
}

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === 'string' && MONTH_RE.test(value)
}

/** Parses a quarter key; throws PlanningError('invalid-quarter') for anything else. */
export function parseQuarter(value: string): QuarterParts {
  const m = QUARTER_RE.exec(value)
  if (!m) throw new PlanningError('invalid-quarter', `Not a quarter key: ${JSON.stringify(value)}`)
  return { year: Number(m[1]), q: Number(m[2]) as QuarterParts['q'] }
}

/** Year and quarter number of a key, for renderers that format labels. */
export function quarterParts(q: QuarterKey): QuarterParts {
  return parseQuarter(q)
}

export function makeQuarter(year: number, q: number): QuarterKey {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(q) || q < 1 || q > 4) {
    throw new PlanningError('invalid-quarter', `No quarter ${year}-Q${q}`)
  }
  return `${String(year).padStart(4, '0')}-Q${q}` as QuarterKey
}

/** Linear index: consecutive quarters differ by exactly 1. */
export function quarterIndex(q: QuarterKey): number {
  const { year, q: n } = parseQuarter(q)
  return year * 4 + (n - 1)
}

export function quarterFromIndex(index: number): QuarterKey {
  return makeQuarter(Math.floor(index / 4), (((index % 4) + 4) % 4) + 1)
}

export function shiftQuarter(q: QuarterKey, n: number): QuarterKey {
  if (!Number.isInteger(n))
    throw new PlanningError('invalid-quarter', `Shift must be whole quarters, got ${n}`)
  return quarterFromIndex(quarterIndex(q) + n)
}

export function nextQuarter(q: QuarterKey): QuarterKey {
  return shiftQuarter(q, 1)
}

export function prevQuarter(q: QuarterKey): QuarterKey {
  return shiftQuarter(q, -1)
}

/** Negative when a is earlier, 0 when equal, positive when later (usable with Array.sort). */
export function compareQuarters(a: QuarterKey, b: QuarterKey): number {
  return quarterIndex(a) - quarterIndex(b)
}

/** Every quarter from `from` to `to`, both included; empty when `to` is before `from`. */
/**
 * The quarters a picker offers around `from`..`to`: `before` quarters earlier and `after` later,
 * so a plan can be moved, extended or shortened by choosing, not typing.
 */
export function quarterChoices(
  from: QuarterKey,
  to: QuarterKey,
  before: number,
  after: number
): QuarterKey[] {
  return quarterRange(shiftQuarter(from, -before), shiftQuarter(to, after))
}

export function quarterRange(from: QuarterKey, to: QuarterKey): QuarterKey[] {
  const start = quarterIndex(from)
  const end = quarterIndex(to)
  const out: QuarterKey[] = []
  for (let i = start; i <= end; i++) out.push(quarterFromIndex(i))
  return out
}

/** '2026-02' → '2026-Q1'. */
export function quarterOfMonth(month: MonthKey): QuarterKey {
  const m = MONTH_RE.exec(month)
  if (!m) throw new PlanningError('invalid-month', `Not a month key: ${JSON.stringify(month)}`)
  return makeQuarter(Number(m[1]), Math.floor((Number(m[2]) - 1) / 3) + 1)
}

/** '2026-Q1' → ['2026-01', '2026-02', '2026-03']. */
export function monthsOfQuarter(q: QuarterKey): MonthKey[] {
  const { year, q: n } = parseQuarter(q)
  const first = (n - 1) * 3 + 1
  return [0, 1, 2].map((i) => `${String(year).padStart(4, '0')}-${String(first + i).padStart(2, '0')}`)
}

/** Quarter of a date in UTC, so the answer does not depend on the machine's time zone. */
export function quarterOfDate(date: Date): QuarterKey {
  if (Number.isNaN(date.getTime())) throw new PlanningError('invalid-quarter', 'Invalid date')
  return makeQuarter(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1)
}

/** '2026-02' → { year: 2026, month: 2 }. */
export function parseMonth(month: MonthKey): { year: number; month: number } {
  const m = MONTH_RE.exec(month)
  if (!m) throw new PlanningError('invalid-month', `Not a month key: ${JSON.stringify(month)}`)
  return { year: Number(m[1]), month: Number(m[2]) }
}

/**
 * "2026-Q1" → "Q1 2026": the one quarter label, the same in English and German (the app, history
 * sentences, the export's headers, which a re-import reads back, and the comparison workbook).
 * Anything that is not a quarter key is returned as it is.
 */
export function quarterLabel(q: string): string {
  const m = QUARTER_RE.exec(q)
  return m ? `Q${m[2]} ${m[1]}` : q
}
