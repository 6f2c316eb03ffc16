// The one core every typed or imported number goes through: it reads the separator structure of a
// digit string in German (1.234,56), Swiss (1'234.50) and English (1,234.56) writing, and says when
// a string ("1.234", "20,000") reads differently in different styles instead of guessing.

/** How numbers written as text use separators: de 1.234,56 · en 1,234.56 · ch 1'234.50. */
export type NumberStyle = 'de' | 'en' | 'ch'

/** A non-negative decimal as digit text: no float ever touches it. */
export type Digits = { int: string; frac: string; style: NumberStyle | null }

export type DigitsAnalysis =
  | { kind: 'number'; digits: Digits }
  /** One separator before exactly three digits: a thousands group in one style, a decimal in another. */
  | { kind: 'ambiguous'; grouped: Digits; decimal: Digits }
  | { kind: 'invalid' }

const INVALID: DigitsAnalysis = { kind: 'invalid' }

/** Typographic apostrophes and odd spaces as the plain ones the analysis knows. */
export function normaliseSeparators(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/[’ʼ´`]/g, "'")
    .replace(/\s+/g, ' ')
}

/**
 * Reads a body of digits and separators (". , ' and single spaces"). With a style, a separator
 * whose role only the style can tell follows that style; without one, the result is ambiguous.
 */
export function analyseDigits(text: string, style: NumberStyle | null): DigitsAnalysis {
  const body = normaliseSeparators(text).trim()
  if (!/^[\d.,' ]+$/.test(body) || !/\d/.test(body)) return INVALID
  const hasApos = body.includes("'")
  const hasSpace = body.includes(' ')
  const dots = (body.match(/\./g) ?? []).length
  const commas = (body.match(/,/g) ?? []).length
  let decimal: '.' | ',' | null = null
  if (dots && commas) {
    decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ','
    if ((decimal === '.' ? dots : commas) > 1) return INVALID
  } else if (dots + commas === 1) {
    const sep = dots ? '.' : ','
    const [before, after] = body.split(sep)
    const beforeDigits = before.replace(/['\s]/g, '')
    // Only "d.ddd" / "dd,ddd" / "ddd.ddd" can be either; anything else tells by its shape.
    if (after.length !== 3 || hasApos || hasSpace || beforeDigits.length > 3 || /^0*$/.test(beforeDigits)) {
      decimal = sep
    } else if (style) decimal = (style === 'de' ? ',' : '.') === sep ? sep : null
    else {
      const grouped = structure(body, null, hasApos)
      const asDecimal = structure(body, sep, hasApos)
      if (!grouped || !asDecimal) return INVALID
      return { kind: 'ambiguous', grouped, decimal: asDecimal }
    }
  }
  const digits = structure(body, decimal, hasApos)
  return digits ? { kind: 'number', digits } : INVALID
}

function structure(body: string, decimal: '.' | ',' | null, hasApos: boolean): Digits | null {
  let intPart = body
  let frac = ''
  if (decimal) {
    const at = body.lastIndexOf(decimal)
    intPart = body.slice(0, at)
    frac = body.slice(at + 1)
  }
  if (!/^\d*$/.test(frac)) return null
  const seps = new Set(intPart.replace(/\d/g, ''))
  if (seps.size > 1) return null
  if (seps.size === 1) {
    const groups = intPart.split(/[.,' ]/)
    if (groups[0].length < 1 || groups[0].length > 3) return null
    if (groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null
  }
  if (!intPart && !frac) return null
  const group = [...seps][0] as string | undefined
  let style: NumberStyle | null = null
  if (decimal === ',') style = 'de'
  else if (decimal === '.') style = hasApos ? 'ch' : 'en'
  else if (group === '.') style = 'de'
  else if (group === ',') style = 'en'
  else if (group === "'") style = 'ch'
  return { int: intPart.replace(/\D/g, '') || '0', frac, style }
}

/**
 * The digits scaled by 10^shift as an integer, half-up past the last kept digit (cents: shift 2;
 * basis points of a percent: 2, of an FTE: 4). `exact` says whether nothing was rounded away.
 */
export function digitsToUnits(
  d: Pick<Digits, 'int' | 'frac'>,
  shift: number
): { value: number; exact: boolean } {
  const padded = d.frac + '0'.repeat(shift + 1)
  const int = d.int.replace(/^0+(?=\d)/, '') || '0'
  let value = Number(int + padded.slice(0, shift))
  if (padded[shift] >= '5') value += 1
  return { value, exact: /^0*$/.test(d.frac.slice(shift)) }
}

/** Count of significant integer digits (to refuse values past what a number keeps exactly). */
export function intLength(d: Pick<Digits, 'int'>): number {
  return d.int.replace(/^0+/, '').length
}
