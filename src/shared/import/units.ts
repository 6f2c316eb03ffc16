// Amounts written in thousands or millions, as German and Swiss finance often does: "Betrag
// (TEUR)", "Plan TEUR", "in Tsd. €", "T€", "kEUR", "(in 1.000 EUR)", "EUR '000", "Mio. €", "MEUR".
// Read as written, these would import 1,000 times too small; the scale multiplies the parsed cents.

export type AmountScale = 1000 | 1_000_000

const THOUSANDS = [
  // TEUR, TCHF, T€, kEUR, k€, KCHF (the prefix glued to the currency)
  /(?:^|[^a-zäöü])[tk](?:eur|chf|€)(?![a-z])/,
  /(?:^|[^a-zäöü])tsd(?![a-z])/,
  /(?:^|[^a-zäöü])tausend(?![a-z])/,
  /(?:^|[^a-z])thousands?(?![a-z])/,
  // "(in 1.000 EUR)", "in 1'000 CHF", "1 000 €", "EUR '000", "in '000"
  /(?:^|[^\d.,'’])1[.,'’ \u00a0\u202f]?000\s*(?:eur|chf|€|fr\.)/,
  /(?:^|[^\d.,'’])in\s+1[.,'’ \u00a0\u202f]?000(?!\d)/,
  /['’]000(?!\d)/
]
const MILLIONS = [
  /(?:^|[^a-zäöü])m(?:eur|chf|€)(?![a-z])/,
  /(?:^|[^a-zäöü])mio(?![a-z])/,
  /(?:^|[^a-zäöü])mill(?:\.|ionen|ions?)(?![a-z])/
]

/** The scale a header or a line above the table names for its amounts; null when none. */
export function amountScaleOf(text: unknown): AmountScale | null {
  if (typeof text !== 'string' || text.length > 200) return null
  const t = text.toLowerCase()
  if (MILLIONS.some((r) => r.test(t))) return 1_000_000
  if (THOUSANDS.some((r) => r.test(t))) return 1000
  return null
}

/** The line the command line prints for a scaled sheet: never silent about a factor of 1,000. */
export function scaleNote(scale: AmountScale): string {
  return scale === 1000
    ? 'Amounts are written in thousands: each was multiplied by 1,000 (12,5 → 12 500,00)'
    : 'Amounts are written in millions: each was multiplied by 1,000,000 (1,5 → 1 500 000,00)'
}
