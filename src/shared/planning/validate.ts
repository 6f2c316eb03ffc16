// Validators for single values a user types into a cell: they turn text into the model's
// integer units (cents, basis points) or say why not, with a code the UI translates.
import type { Cents, ShareBp } from './types'
import {
  MAX_AMOUNT_CENTS,
  readAmount,
  readPercent,
  readShare,
  type NumberLocale,
  type ReadError,
  type ReadResult
} from '../numbers/read'
import { LIMITS } from '../limits'

export type ValidationError = ReadError | 'ambiguous'
export type Validation<T> = ReadResult<T>
export type { NumberLocale }
export { MAX_AMOUNT_CENTS }

const ok = <T>(value: T): Validation<T> => ({ ok: true, value })
const fail = <T>(error: ReadError): Validation<T> => ({ ok: false, error })
const SPACE_RE = /[\s\u00a0\u2007\u202f]/g

/** Reads a money amount as typed ("1.234,56 €", "CHF 1'234.50", "1,234.56") into integer cents. */
export function parseAmount(input: string | number, locale: NumberLocale = 'en'): Validation<Cents> {
  return readAmount(input, locale)
}

/** Reads a plain decimal number with '.' or ',' as the decimal mark, no grouping. */
function parsePlainNumber(input: string | number): Validation<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-a-number')
    return input < 0 ? fail('negative') : ok(input)
  }
  const text = input.replace(SPACE_RE, '')
  const m = /^([-\u2212+]?)([0-9]*)(?:[.,]([0-9]*))?$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return fail('not-a-number')
  const value = Number(`${m[2] || '0'}.${m[3] || '0'}`)
  if (m[1] === '-' || m[1] === '\u2212') return value === 0 ? ok(0) : fail('negative')
  return ok(value)
}

/**
 * Reads a share in percent of one FTE ("50", "50 %", "50,5", or "0,5 FTE") into basis points,
 * rounded to a whole basis point; more than 10 FTE is refused; "0,5" asks (0.5 FTE or 0.5 %).
 */
export function parseSharePercent(input: string | number, locale: NumberLocale = 'en'): Validation<ShareBp> {
  return readShare(input, locale)
}

/** Capacity of a role in a quarter: same input and range as a share. */
export const parseCapacityPercent = parseSharePercent

/** Probability of a risk in percent, 0..100 (decimals allowed); "0,3" asks (0.3 % or 30 %). */
export function parseProbability(input: string | number, locale: NumberLocale = 'en'): Validation<number> {
  return readPercent(input, 100, locale)
}

/** Duration of a workstream in whole weeks, 1..104. */
export function parseDurationWeeks(input: string | number): Validation<number> {
  const parsed = parsePlainNumber(input)
  if (!parsed.ok) return parsed
  const v = parsed.value
  return Number.isInteger(v) && v >= 1 && v <= 104 ? ok(v) : fail('out-of-range')
}

/** An exchange rate, EUR per 1 CHF ("1,07" or "1.07"), inside the plan's limits; up to 6 decimals. */
export function parseRate(input: string | number): Validation<number> {
  const parsed = parsePlainNumber(input)
  if (!parsed.ok) return parsed
  const v = Math.round(parsed.value * 1_000_000) / 1_000_000
  return v >= LIMITS.chfToEur.min && v <= LIMITS.chfToEur.max ? ok(v) : fail('out-of-range')
}
