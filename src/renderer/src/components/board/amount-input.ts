// Parsing what people type into the amount dialog: "50", "12,5", "1.234,56", "€1,234.56".
// Returns integer units (basis points or cents) or null when the text is not a number.

/** Parses a decimal number typed in English or German style; null when it is not one. */
export function parseDecimal(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f%€]|EUR|CHF|Fr\./gi, '')
  if (s === '') return null
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    const dec = lastComma > lastDot ? ',' : '.'
    const group = dec === ',' ? '.' : ','
    s = s.split(group).join('').replace(dec, '.')
  } else if (lastComma >= 0) {
    // "1,234" with exactly three digits after a single comma reads as thousands in English,
    // but German users type "12,5" for twelve and a half: a lone comma is a decimal comma
    // unless several commas group thousands ("1,234,567").
    s = /^-?\d{1,3}(,\d{3}){2,}$/.test(s) ? s.split(',').join('') : s.replace(',', '.')
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    s = s.split('.').join('')
  }
  if (!/^-?\d*\.?\d+$|^-?\d+\.$/.test(s)) return null
  const n = Number(s)
  return Number.isFinite(n) ? n : null
}

/** "12.5" (percent) → 1250 bp; null when not a number or not a whole basis point. */
export function parsePercentToBp(text: string): number | null {
  const n = parseDecimal(text)
  if (n === null) return null
  const bp = Math.round(n * 100)
  return Math.abs(bp - n * 100) < 1e-6 ? bp : null
}

/** "1.234,56" → 123456 cents; null when not a number or finer than a cent. */
export function parseMoneyToCents(text: string): number | null {
  const n = parseDecimal(text)
  if (n === null) return null
  const cents = Math.round(n * 100)
  return Math.abs(cents - n * 100) < 1e-6 ? cents : null
}

/** The amount at a slider position in 5 % steps of `max`, rounded to whole units (never 0, never above max). */
export function amountAtPercent(max: number, percent: number): number {
  const v = Math.round((max * percent) / 100)
  return Math.min(max, Math.max(1, v))
}
