// Reads every number a person types into the app (amounts, rates, shares, capacities,
// probabilities) into the model's integer units, on the same core as the spreadsheet import.
// A text that reads differently in German and English writing ("20.000", "1,500") is never
// guessed: the result lists both readings, the UI language's first, so the field can ask.
import type { Cents, ShareBp } from '../planning/types'
import { MAX_SHARE_BP } from '../planning/types'
import { LIMITS } from '../limits'
import { analyseDigits, digitsToUnits, intLength, type Digits, type NumberStyle } from './digits'

/** The UI language, which decides which reading of an ambiguous text is offered first. */
export type NumberLocale = 'en' | 'de'

export type ReadError = 'negative' | 'not-a-number' | 'too-large' | 'not-integer-cents' | 'out-of-range'
export type ReadResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: ReadError }
  /** Two sensible readings; `options` holds both, the UI language's reading first. */
  | { ok: false; error: 'ambiguous'; options: T[] }

export const MAX_AMOUNT_CENTS: Cents = LIMITS.amountCents.max

const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value })
const fail = <T>(error: ReadError): ReadResult<T> => ({ ok: false, error })

const CURRENCY_RE = /(€|\beur\b|\beuro?\b|\bchf\b|\bsfr\.?|\bfr\.)/gi

type Signed = { negative: boolean; body: string } | null

/** Splits off a sign: "-5", "5-", "−5", "(5)", "+5". Null when nothing number-like is left. */
function sign(text: string): Signed {
  let t = text.trim()
  let negative = false
  if (/^\(.*\)$/.test(t)) {
    negative = true
    t = t.slice(1, -1).trim()
  }
  if (/^[-\u2212\u2013]/.test(t)) {
    negative = true
    t = t.slice(1).trim()
  } else if (/^\+/.test(t)) t = t.slice(1).trim()
  if (/[-\u2212\u2013]$/.test(t)) {
    negative = true
    t = t.slice(0, -1).trim()
  }
  return t ? { negative, body: t } : null
}

/** Every reading of a body in preference order: one for a clear text, two for an ambiguous one. */
function readings(body: string, locale: NumberLocale): Digits[] | null {
  const a = analyseDigits(body, null)
  if (a.kind === 'invalid') return null
  if (a.kind === 'number') return [a.digits]
  // The UI language's own reading first: in German "20.000" groups, in English it is a decimal.
  const groupedFirst = (a.grouped.style === 'de') === (locale === 'de')
  return groupedFirst ? [a.grouped, a.decimal] : [a.decimal, a.grouped]
}

/**
 * Resolves readings through a converter: one valid reading is the value; two valid ones ask.
 * With `confirmOther`, a lone valid reading that is not the UI language's own is asked too
 * ("1.234" typed in English cannot be €1.234, but €1,234 is a guess worth a confirmation).
 */
function settle<T>(
  list: Digits[],
  convert: (d: Digits) => ReadResult<T>,
  confirmOther = false
): ReadResult<T> {
  const results = list.map(convert)
  const valid: T[] = []
  for (const r of results) if (r.ok && !valid.includes(r.value)) valid.push(r.value)
  if (valid.length > 1) return { ok: false, error: 'ambiguous', options: valid }
  if (valid.length === 1) {
    if (confirmOther && !results[0].ok) return { ok: false, error: 'ambiguous', options: valid }
    return ok(valid[0])
  }
  return results[0]
}

function toCents(d: Digits): ReadResult<Cents> {
  const frac = d.frac.replace(/0+$/, '')
  if (frac.length > 2) return fail('not-integer-cents')
  if (intLength(d) > 13) return fail('too-large')
  const cents = digitsToUnits({ int: d.int, frac }, 2).value
  return cents > MAX_AMOUNT_CENTS ? fail('too-large') : ok(cents)
}

/** Reads a money amount or rate as typed ("1.234,56 €", "CHF 1'234.50", "1,234.56") into cents. */
export function readAmount(input: string | number, locale: NumberLocale = 'en'): ReadResult<Cents> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-a-number')
    if (input < 0) return fail('negative')
    const cents = Math.round(input * 100)
    if (Math.abs(cents - input * 100) > 1e-6 * Math.max(1, Math.abs(input))) return fail('not-integer-cents')
    return cents > MAX_AMOUNT_CENTS ? fail('too-large') : ok(cents)
  }
  const signed = sign(input.replace(CURRENCY_RE, ' '))
  if (!signed) return fail('not-a-number')
  const list = readings(signed.body, locale)
  if (!list) return fail('not-a-number')
  const result = settle(list, toCents, true)
  if (signed.negative && (result.ok ? result.value !== 0 : result.error === 'ambiguous'))
    return fail('negative')
  return result
}

type Unit = 'percent' | 'fte' | null

function unitOf(text: string): { unit: Unit; rest: string } {
  const t = text.trim()
  if (/%$/.test(t)) return { unit: 'percent', rest: t.slice(0, -1) }
  if (/fte$|vze$/i.test(t)) return { unit: 'fte', rest: t.slice(0, -3) }
  return { unit: null, rest: t }
}

function shareIn(unit: 'percent' | 'fte') {
  return (d: Digits): ReadResult<ShareBp> => {
    if (intLength(d) > 6) return fail('too-large')
    const bp = digitsToUnits(d, unit === 'percent' ? 2 : 4).value
    return bp > MAX_SHARE_BP ? fail('too-large') : ok(bp)
  }
}

/**
 * Reads a share of one person in percent ("50", "50 %", "50,5") or FTE ("0,5 FTE") into basis
 * points, rounded to a whole basis point; more than 10 FTE is refused. A bare number up to 10 with
 * decimals ("0,5", "1.5") could be either: the result asks (FTE first below 1, percent first above).
 */
export function readShare(input: string | number, locale: NumberLocale = 'en'): ReadResult<ShareBp> {
  if (typeof input === 'number') return readShare(String(input), 'en')
  const { unit, rest } = unitOf(input)
  const signed = sign(rest)
  if (!signed) return fail('not-a-number')
  const list = readings(signed.body, locale)
  if (!list) return fail('not-a-number')
  let result: ReadResult<ShareBp>
  if (unit) result = settle(list, shareIn(unit))
  else {
    result = settle(list, shareIn('percent'))
    const d = list[0]
    const asFte = list.length === 1 && d.frac.replace(/0+$/, '') !== '' ? shareIn('fte')(d) : null
    if (result.ok && asFte?.ok && asFte.value !== result.value) {
      const below1 = d.int.replace(/^0+/, '') === ''
      result = {
        ok: false,
        error: 'ambiguous',
        options: below1 ? [asFte.value, result.value] : [result.value, asFte.value]
      }
    }
  }
  if (signed.negative && (result.ok ? result.value !== 0 : result.error === 'ambiguous'))
    return fail('negative')
  return result
}

/** Capacity of a role in a quarter: same input and range as a share. */
export const readCapacity = readShare

/**
 * Reads a percentage within 0..max ("30 %", "12,5") as a number of percent. A bare fraction
 * below 1 ("0,3") could be 0.3 % or 30 %: the result asks.
 */
export function readPercent(
  input: string | number,
  max = 100,
  locale: NumberLocale = 'en'
): ReadResult<number> {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-a-number')
    if (input < 0) return fail('negative')
    return input > max ? fail('out-of-range') : ok(input)
  }
  const { unit, rest } = unitOf(input)
  if (unit === 'fte') return fail('not-a-number')
  const signed = sign(rest)
  if (!signed) return fail('not-a-number')
  const list = readings(signed.body, locale)
  if (!list) return fail('not-a-number')
  const inRange = (d: Digits): ReadResult<number> => {
    if (intLength(d) > 6) return fail('out-of-range')
    const v = Number(`${d.int}.${d.frac || '0'}`)
    return v > max ? fail('out-of-range') : ok(v)
  }
  let result = settle(list, inRange)
  const d = list[0]
  if (!unit && result.ok && list.length === 1 && d.int.replace(/^0+/, '') === '' && /[1-9]/.test(d.frac)) {
    const scaled = Math.round(result.value * 100 * 1e6) / 1e6
    if (scaled <= max) result = { ok: false, error: 'ambiguous', options: [result.value, scaled] }
  }
  if (signed.negative && (result.ok ? result.value !== 0 : result.error === 'ambiguous'))
    return fail('negative')
  return result
}

export type { NumberStyle }
