// Money text to integer cents, exactly: digits are handled as text, so no float ever rounds a cent.
// German (1.234,56 €), Swiss (CHF 1'234.50) and English (1,234.56) writing all read; a value that
// could be a thousand or one ("1.234") is reported as ambiguous unless a number style settles it.
import type { Cents, Currency } from '../planning/types'
import type { NumberStyle } from './types'
import { analyseDigits, digitsToUnits, intLength } from '../numbers/digits'

export type AmountResult =
  | { ok: true; cents: Cents; currency: Currency | null; style: NumberStyle | null }
  | {
      ok: false
      code: 'bad-number' | 'ambiguous-number' | 'unsupported-currency' | 'too-large'
      message: string
    }

const CURRENCY_TOKENS: [RegExp, Currency | 'other'][] = [
  [/€|\bEUR\b|\bEuro?\b/i, 'EUR'],
  [/\bCHF\b|\bS?Fr\.?(?![a-z])|\bSFR\b/i, 'CHF'],
  [/[$£¥]|\b(USD|GBP|JPY|US\$)\b/i, 'other']
]

/** Finds a currency written in the cell and returns the text without it. */
export function extractCurrency(text: string): { rest: string; currency: Currency | 'other' | null } {
  for (const [re, cur] of CURRENCY_TOKENS) {
    if (re.test(text)) return { rest: text.replace(new RegExp(re.source, 'gi'), ' '), currency: cur }
  }
  return { rest: text, currency: null }
}

/** Currency named in a currency column ("EUR", "€", "CHF", "Fr."). */
export function parseCurrency(value: unknown): Currency | 'other' | null {
  if (typeof value !== 'string') return null
  const t = value.trim()
  if (!t) return null
  const found = extractCurrency(t)
  if (found.currency && !found.rest.trim()) return found.currency
  return found.currency ?? 'other'
}

/** Cents from a decimal digit string ("1234", "56") with half-up rounding past two decimals. */
function digitsToCents(int: string, frac: string): number {
  return digitsToUnits({ int, frac }, 2).value
}

const MAX_CENTS = Number.MAX_SAFE_INTEGER

/** A finite JS number (from a numeric cell) to cents, via its shortest decimal text. */
export function numberToCents(n: number, scaleDigits = 0): AmountResult {
  if (!Number.isFinite(n)) return { ok: false, code: 'bad-number', message: 'not a finite number' }
  if (Math.abs(n) * 100 * 10 ** scaleDigits > MAX_CENTS)
    return { ok: false, code: 'too-large', message: 'amount is too large' }
  if (scaleDigits > 0) {
    // In thousands or millions: the digits past the cent are cents once scaled (0.0125 TEUR = 1 250).
    let text = Math.abs(n).toString()
    if (/e/i.test(text)) text = Math.abs(n).toFixed(Math.min(100, 6 + scaleDigits))
    const [i, f = ''] = text.split('.')
    const cents = digitsToUnits({ int: i!, frac: f }, 2 + scaleDigits).value
    return { ok: true, cents: n < 0 && cents !== 0 ? -cents : cents, currency: null, style: null }
  }
  // Fast path for the common case, a value sitting on a whole cent (float noise aside): it gives
  // the same cents as the digit-string path below, which handles everything else.
  const rounded = Math.round(n * 100)
  if (Math.abs(rounded / 100 - n) <= Math.abs(n) * 1e-12) {
    return { ok: true, cents: rounded === 0 ? 0 : rounded, currency: null, style: null }
  }
  let text = Math.abs(n).toString()
  if (/e/i.test(text)) text = Math.abs(n).toFixed(6)
  const [i, f = ''] = text.split('.')
  const cents = digitsToCents(i, f)
  return { ok: true, cents: n < 0 ? -cents : cents, currency: null, style: null }
}

/**
 * Money in a cell to cents. Numbers stored as numbers are exact to the cent; text follows the
 * given style when its separators alone cannot tell.
 */
export function parseAmount(
  value: unknown,
  style: NumberStyle | null = null,
  /** Amounts written in thousands (3) or millions (6): cents come back scaled, exact from the digits. */
  scaleDigits = 0
): AmountResult {
  if (typeof value === 'number') return numberToCents(value, scaleDigits)
  if (typeof value !== 'string') return { ok: false, code: 'bad-number', message: 'not a number' }
  let text = value.replace(/[\u00a0\u202f\u2009\u2007]/g, ' ').trim()
  if (!text) return { ok: false, code: 'bad-number', message: 'empty' }
  const { rest, currency } = extractCurrency(text)
  if (currency === 'other') {
    return { ok: false, code: 'unsupported-currency', message: 'only EUR and CHF amounts can be imported' }
  }
  text = rest.trim()
  // Excel's accounting formats show zero as a dash ("-", "- €"): finance writes it for nothing.
  if (/^[-–—]$/.test(text)) return { ok: true, cents: 0, currency, style: null }
  // A trailing ",-" or ".–" means whole units in German price writing ("1.200,-").
  // The separator before the dash is the decimal one, which settles the style.
  text = text.replace(/([.,])\s*[-–]$/, '$100')
  let negative = false
  if (/^\(.*\)$/.test(text)) {
    negative = true
    text = text.slice(1, -1).trim()
  }
  if (/^[-−–]/.test(text)) {
    negative = true
    text = text.slice(1).trim()
  } else if (/^\+/.test(text)) text = text.slice(1).trim()
  if (/[-−]$/.test(text)) {
    negative = true
    text = text.slice(0, -1).trim()
  }
  text = text.replace(/\s+/g, ' ')
  if (!/^[\d.,'’ ]+$/.test(text) || !/\d/.test(text)) {
    return { ok: false, code: 'bad-number', message: 'is not an amount' }
  }
  const a = analyseDigits(text, style)
  if (a.kind === 'invalid')
    return { ok: false, code: 'bad-number', message: 'has separators in impossible places' }
  if (a.kind === 'ambiguous') {
    return {
      ok: false,
      code: 'ambiguous-number',
      message: 'could be a thousand or a decimal; choose the number style (de, en or ch) for this column'
    }
  }
  if (intLength(a.digits) > 13) return { ok: false, code: 'too-large', message: 'amount is too large' }
  const cents = digitsToUnits(a.digits, 2 + scaleDigits).value
  return {
    ok: true,
    cents: negative && cents !== 0 ? -cents : cents,
    currency: currency === null ? null : currency,
    style: a.digits.style
  }
}

/**
 * The number style a column's text cells agree on, from those whose separators are unambiguous.
 * Null when there is no evidence or the evidence conflicts (then ambiguous cells stay flagged).
 */
export function detectNumberStyle(values: Iterable<unknown>): NumberStyle | null {
  let comma = 0
  let dot = 0
  let apos = 0
  let seen = 0
  for (const v of values) {
    if (typeof v !== 'string') continue
    if (++seen > 5000) break
    const r = parseAmount(v)
    if (!r.ok || !r.style) continue
    if (r.style === 'de') comma++
    else if (r.style === 'ch') apos++
    else dot++
  }
  if (comma && (dot || apos)) return null
  if (comma) return 'de'
  if (apos) return 'ch'
  if (dot) return 'en'
  return null
}
