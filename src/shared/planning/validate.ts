// Validators for single values a user types into a cell: they turn text into the model's
// integer units (cents, basis points) or say why not, with a code the UI translates.
import type { Cents, ShareBp } from './types'
import { MAX_SHARE_BP } from './types'
import { LIMITS } from '../limits'

export type ValidationError = 'negative' | 'not-a-number' | 'too-large' | 'not-integer-cents' | 'out-of-range'
export type Validation<T> = { ok: true; value: T } | { ok: false; error: ValidationError }
/** Number style of the input: en "1,234.56", de "1.234,56". Swiss "1'234.56" is read in both. */
export type NumberLocale = 'en' | 'de'

export const MAX_AMOUNT_CENTS: Cents = LIMITS.amountCents.max

const ok = <T>(value: T): Validation<T> => ({ ok: true, value })
const fail = <T>(error: ValidationError): Validation<T> => ({ ok: false, error })

// Currency marks, spaces of every width and Swiss/typographic apostrophes carry no value.
const CURRENCY_RE = /(€|eur|chf|sfr\.?|fr\.)/gi
const SPACE_RE = /[\s\u00a0\u2007\u202f]/g
const APOSTROPHE_RE = /['\u2019\u02bc\u00b4`]/g
const HAS_APOSTROPHE_RE = /['\u2019\u02bc\u00b4`]/
const MINUS_RE = /^[-\u2212\u2013]|[-\u2212\u2013]$/

type Decimal = { int: string; frac: string }

/**
 * Splits a cleaned number text into integer and fraction digits. Grouping separators must
 * group by three; when only one kind of separator appears once and is not followed by
 * exactly three digits, it can only be the decimal mark ("1.5" in de = 1,50).
 */
function splitDecimal(text: string, locale: NumberLocale, apostropheGrouped: boolean): Decimal | null {
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return null
  const lastDot = text.lastIndexOf('.')
  const lastComma = text.lastIndexOf(',')
  let decimalMark: '.' | ',' | null = null
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? '.' : ','
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ','
    const count = text.split(mark).length - 1
    const after = text.length - text.lastIndexOf(mark) - 1
    if (count > 1) decimalMark = null
    else if (apostropheGrouped || after !== 3) decimalMark = mark
    else decimalMark = locale === 'de' ? (mark === ',' ? ',' : null) : mark === '.' ? '.' : null
  }
  let intText = text
  let frac = ''
  if (decimalMark) {
    const at = text.lastIndexOf(decimalMark)
    intText = text.slice(0, at)
    frac = text.slice(at + 1)
    if (!/^[0-9]*$/.test(frac)) return null
  }
  const groupMark = intText.includes('.') ? '.' : intText.includes(',') ? ',' : null
  if (groupMark) {
    if (intText.includes(groupMark === '.' ? ',' : '.')) return null
    const groups = intText.split(groupMark)
    if (!/^[0-9]{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g))) return null
    intText = groups.join('')
  }
  if (intText === '' && frac === '') return null
  return { int: intText === '' ? '0' : intText, frac }
}

/** Reads a money amount as typed ("1.234,56 €", "CHF 1'234.50", "1,234.56") into integer cents. */
export function parseAmount(input: string | number, locale: NumberLocale = 'en'): Validation<Cents> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-a-number')
    if (input < 0) return fail('negative')
    const cents = Math.round(input * 100)
    if (Math.abs(cents - input * 100) > 1e-6 * Math.max(1, Math.abs(input))) return fail('not-integer-cents')
    return cents > MAX_AMOUNT_CENTS ? fail('too-large') : ok(cents)
  }
  let text = input.replace(CURRENCY_RE, '').replace(SPACE_RE, '')
  const apostropheGrouped = HAS_APOSTROPHE_RE.test(text)
  text = text.replace(APOSTROPHE_RE, '')
  if (text.startsWith('(') && text.endsWith(')'))
    return /[0-9]/.test(text) ? fail('negative') : fail('not-a-number')
  if (MINUS_RE.test(text)) {
    const rest = text.replace(MINUS_RE, '')
    return splitDecimal(rest, locale, apostropheGrouped) ? fail('negative') : fail('not-a-number')
  }
  if (text.startsWith('+')) text = text.slice(1)
  const parts = splitDecimal(text, locale, apostropheGrouped)
  if (!parts) return fail('not-a-number')
  const frac = parts.frac.replace(/0+$/, '')
  if (frac.length > 2) return fail('not-integer-cents')
  const intDigits = parts.int.replace(/^0+(?=\d)/, '')
  if (intDigits.length > 13) return fail('too-large')
  const cents = Number(intDigits) * 100 + Number(frac.padEnd(2, '0'))
  return cents > MAX_AMOUNT_CENTS ? fail('too-large') : ok(cents)
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
 * rounded to a whole basis point; more than 10 FTE is refused.
 */
export function parseSharePercent(input: string | number): Validation<ShareBp> {
  let text = typeof input === 'number' ? input : input.trim()
  let factor = 100
  if (typeof text === 'string') {
    if (/fte$/i.test(text)) {
      factor = 10_000
      text = text.replace(/fte$/i, '')
    } else {
      text = text.replace(/%$/, '')
    }
  }
  const parsed = parsePlainNumber(text)
  if (!parsed.ok) return parsed
  const bp = Math.round(parsed.value * factor)
  return bp > MAX_SHARE_BP ? fail('too-large') : ok(bp)
}

/** Capacity of a role in a quarter: same input and range as a share. */
export const parseCapacityPercent = parseSharePercent

/** Probability of a risk in percent, 0..100 (decimals allowed). */
export function parseProbability(input: string | number): Validation<number> {
  const parsed = parsePlainNumber(typeof input === 'string' ? input.trim().replace(/%$/, '') : input)
  if (!parsed.ok) return parsed
  return parsed.value > 100 ? fail('out-of-range') : ok(parsed.value)
}

/** Duration of a workstream in whole weeks, 1..104. */
export function parseDurationWeeks(input: string | number): Validation<number> {
  const parsed = parsePlainNumber(input)
  if (!parsed.ok) return parsed
  const v = parsed.value
  return Number.isInteger(v) && v >= 1 && v <= 104 ? ok(v) : fail('out-of-range')
}
