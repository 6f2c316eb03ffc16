// Amounts written in thousands or millions, as German and Swiss finance often does: "Betrag
// (TEUR)", "Plan TEUR", "in Tsd. €", "T€", "kEUR", "Amount (k)", "(in 1.000 EUR)", "EUR '000",
// "Mio. €", "MEUR". Read as written, these would import 1,000 times too small; the scale multiplies
// the parsed amounts exactly (parseAmount takes its digits).

export type AmountScale = 1000 | 1_000_000

/** Where a sheet names the unit of its amounts: the amount column's title, the period titles across, or a line above the table. */
export type ScaleWhere = 'header' | 'periods' | 'above'

/** The unit a sheet names for its amounts, with the text that named it (shown to the user). */
export type ScaleFound = {
  scale: AmountScale
  where: ScaleWhere
  text: string
  /** 1-based row of a line above the table. */
  row?: number
}

// Letters that continue a word: "k" in "Kosten" or "Park" is no unit.
const L = 'a-z0-9äöüß'
const CUR = String.raw`(?:(?<![a-z])(?:eur(?:o|os)?|chf)(?![a-z])|€|(?<![a-z])s?fr\.)`
const THOUSANDS_GLUED = String.raw`[tk](?:eur|chf|€)`
const MILLIONS_GLUED = String.raw`m(?:eur|chf|€)`
const THOUSANDS_WORD = String.raw`(?:tsd\.?|tausend|thousands?|['’]000)`
const MILLIONS_WORD = String.raw`(?:mio\.?|mill\.|millionen|millions?)`
const THOUSAND_DIGITS = String.raw`1[.,'’ \u00a0\u202f]?000`

/** Rules for a column title: the unit there can only be the amounts'. */
const HEADER: Record<AmountScale, RegExp[]> = {
  1000: [
    // TEUR, TCHF, T€, kEUR, k€, KCHF (the prefix glued to the currency)
    new RegExp(String.raw`(?:^|[^a-zäöü])${THOUSANDS_GLUED}(?![a-z])`),
    /(?:^|[^a-zäöü])tsd(?![a-z])/,
    /(?:^|[^a-zäöü])tausend(?![a-z])/,
    /(?:^|[^a-z])thousands?(?![a-z])/,
    // "(in 1.000 EUR)", "in 1'000 CHF", "1 000 €", "EUR '000", "in '000"
    /(?:^|[^\d.,'’])1[.,'’ \u00a0\u202f]?000\s*(?:eur|chf|€|fr\.)/,
    /(?:^|[^\d.,'’])in\s+1[.,'’ \u00a0\u202f]?000(?!\d)/,
    /['’]000(?!\d)/,
    // A bare k standing alone or beside a currency: "Amount (k)", "Betrag k", "Amount k €", "€ k"
    new RegExp(String.raw`(?:^|[^${L}])k(?![${L}])`)
  ],
  1_000_000: [
    new RegExp(String.raw`(?:^|[^a-zäöü])${MILLIONS_GLUED}(?![a-z])`),
    /(?:^|[^a-zäöü])mio(?![a-z])/,
    /(?:^|[^a-zäöü])mill(?:\.|ionen|ions?)(?![a-z])/
  ]
}

/**
 * Rules for a free line above the table, where "5 Mio. Kunden" or "Budget 415 TEUR" is a quantity,
 * not the table's unit: the unit must stand for amounts, beside a currency ("Tsd. CHF", "EUR '000",
 * "TEUR") or after "in" ("Beträge in Tausend", "in Mio.", "(in 1.000 EUR)"), and not follow a number.
 */
function lineRules(glued: string, word: string, digits: string | null): RegExp[] {
  const unit = digits ? `(?:${glued}|${word}|${digits})` : `(?:${glued}|${word})`
  return [
    new RegExp(String.raw`(?<![${L}])${glued}(?![a-z])`, 'g'),
    new RegExp(String.raw`(?<![${L}])${word}\s*${CUR}`, 'g'),
    new RegExp(String.raw`${CUR}\s*${word}(?![${L}])`, 'g'),
    new RegExp(String.raw`(?<![${L}])in\s+${unit}(?![${L}])`, 'g'),
    new RegExp(
      String.raw`(?<![${L}])(?:beträge|betraege|betrag|werte|angaben|zahlen|amounts?|figures|values)\s*[:(]\s*${unit}(?![${L}])`,
      'g'
    ),
    ...(digits ? [new RegExp(String.raw`\(\s*${digits}\s*${CUR}`, 'g')] : [])
  ]
}
const LINE: Record<AmountScale, RegExp[]> = {
  1000: lineRules(THOUSANDS_GLUED, THOUSANDS_WORD, THOUSAND_DIGITS),
  1_000_000: lineRules(MILLIONS_GLUED, MILLIONS_WORD, null)
}

/** A number right before the unit makes it a quantity ("5 Mio.", "2.000 TEUR"); a year does not ("Plan 2026 TEUR"). */
function afterQuantity(before: string): boolean {
  const m = /(\d(?:[\d.,'’ \u00a0\u202f]*\d)?)\s*$/.exec(before)
  if (!m) return false
  return !/^(?:19|20)\d\d\s*$/.test(m[1])
}

/** The scale a column title (the amount header or a period title) names for its amounts; null when none. */
export function amountScaleOf(text: unknown): AmountScale | null {
  if (typeof text !== 'string' || text.length > 200) return null
  const t = text.toLowerCase()
  if (HEADER[1_000_000].some((r) => r.test(t))) return 1_000_000
  if (HEADER[1000].some((r) => r.test(t))) return 1000
  return null
}

/** The scale a free line above the table names for the table's amounts; null when none is named for amounts. */
export function amountScaleOfLine(text: unknown): AmountScale | null {
  if (typeof text !== 'string' || text.length > 400) return null
  const t = text.toLowerCase()
  for (const scale of [1_000_000, 1000] as const)
    for (const rule of LINE[scale])
      for (const m of t.matchAll(rule)) if (!afterQuantity(t.slice(0, m.index))) return scale
  return null
}

/** Decimal digits the scale shifts by: parseAmount multiplies exactly from the written digits. */
export function scaleDigits(scale: 1 | AmountScale | undefined): 0 | 3 | 6 {
  return scale === 1000 ? 3 : scale === 1_000_000 ? 6 : 0
}

/** "1000", "thousands" and the like, as the command line's --scale takes them; null when not one. */
export function parseScaleName(text: string): 1 | AmountScale | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[_.,'’ ]/g, '')
  if (t === '1' || t === 'units' || t === 'unit' || t === 'none') return 1
  if (t === '1000' || t === 'thousands' || t === 'thousand' || t === 'k') return 1000
  if (t === '1000000' || t === 'millions' || t === 'million' || t === 'm') return 1_000_000
  return null
}

const WHERE: Record<ScaleWhere, string> = {
  header: 'the amount header',
  periods: 'the period titles',
  above: 'the line above the table'
}

/** Where the unit came from, for the command line: `from the line above the table (row 1): "Beträge in TEUR"`. */
export function scaleSource(found: ScaleFound | 'option' | null | undefined): string {
  if (found === 'option') return 'as given with --scale'
  if (!found) return 'as chosen'
  return `from ${WHERE[found.where]}${found.row ? ` (row ${found.row})` : ''}: "${found.text}"`
}

/** One cell as written and as read, in the sheet's number convention (import/types NumberStyle). */
const EXAMPLES: Record<'de' | 'en' | 'ch', Record<AmountScale, string>> = {
  de: { 1000: '12,5 → 12.500,00', 1_000_000: '1,5 → 1.500.000,00' },
  en: { 1000: '12.5 → 12,500.00', 1_000_000: '1.5 → 1,500,000.00' },
  ch: { 1000: "12.5 → 12'500.00", 1_000_000: "1.5 → 1'500'000.00" }
}

/**
 * The line the command line prints for a scaled sheet: never silent about a factor of 1,000. The
 * example is written as the sheet writes its numbers; a sheet whose convention is unknown (whole
 * numbers, numeric cells) gets the command line's own English one.
 */
export function scaleNote(
  scale: AmountScale,
  found?: ScaleFound | 'option' | null,
  style: 'de' | 'en' | 'ch' | null = null
): string {
  const from = found === undefined ? '' : ` (${scaleSource(found)})`
  const example = EXAMPLES[style ?? 'en'][scale]
  return scale === 1000
    ? `Amounts are written in thousands${from}: each was multiplied by 1,000 (${example})`
    : `Amounts are written in millions${from}: each was multiplied by 1,000,000 (${example})`
}
