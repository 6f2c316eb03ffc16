// Header text to import fields, in German and English; the layout fingerprint that lets the
// wizard offer the mapping a user chose last time for a sheet of the same shape.
import type { Currency } from '../planning/types'
import type { ColumnMapping, ImportField, ImportKind } from './types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS } from './types'
import { amountScaleOf, type ScaleFound } from './units'

/** Lower case, umlauts folded, units in brackets and punctuation dropped: "Betrag (EUR)" → "betrag eur". */
export function normalizeHeader(text: unknown): string {
  if (text === null || text === undefined) return ''
  return String(text)
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%€]+/g, ' ')
    .trim()
}

/**
 * Synonyms per field: exact names score high, a synonym as a word inside the header lower.
 * "=" marks words that count only as the whole header ("Cost centre" is no amount).
 */
const SYNONYMS: Record<ImportField, string[]> = {
  amount: [
    'betrag',
    'amount',
    'kosten',
    '=cost',
    '=costs',
    'budget',
    '=wert',
    '=value',
    'preis',
    'price',
    'planwert',
    'planbetrag',
    'plankosten',
    // "Plan (EUR)", "Soll", "Summe": the planned value of a line; a row starting with Summe is
    // still a total row (header.ts), a column titled so is the amount.
    'plan',
    'soll',
    'sollwert',
    '=summe',
    '=sum',
    '=total',
    '=eur',
    '=chf',
    '=€',
    // Thousands and millions alone as the title: "TEUR", "T€", "kCHF", "Tsd. €", "Mio. €"
    '=teur',
    '=tchf',
    '=t€',
    '=keur',
    '=kchf',
    '=k€',
    '=meur',
    '=mchf',
    '=tsd eur',
    '=tsd €',
    '=tsd chf',
    '=mio eur',
    '=mio €',
    '=mio chf'
  ],
  quarter: [
    'quartal',
    'quarter',
    'qtr',
    '=q',
    'zeitraum',
    'period',
    'periode',
    '=datum',
    '=date',
    'monat',
    'month',
    'faelligkeit',
    'due'
  ],
  phase: ['phase', 'projektphase', 'stage', 'prioritaet', 'priority', 'prio'],
  workstream: [
    'arbeitspaket',
    'workstream',
    'work stream',
    '=ap',
    'teilprojekt',
    'stream',
    'work package',
    'workpackage',
    '=projekt',
    '=project',
    'initiative',
    'massnahme'
  ],
  category: ['kategorie', 'category', 'kostenart', 'cost type', '=art', '=type', '=typ'],
  title: [
    'bezeichnung',
    'title',
    'position',
    'beschreibung',
    'description',
    '=item',
    'posten',
    '=name',
    '=text',
    'leistung',
    'titel',
    'line item'
  ],
  currency: ['waehrung', 'currency', '=cur', 'ccy', '=whg', 'wahrung'],
  role: [
    'rolle',
    'role',
    'funktion',
    'ressource',
    'resource',
    'mitarbeiter',
    '=person',
    'team member',
    'skill',
    'profil',
    'profile'
  ],
  share: [
    'fte',
    'anteil',
    'share',
    'auslastung',
    'allocation',
    'kapazitaet',
    'capacity',
    '=%',
    'pensum',
    'umfang',
    'vze'
  ],
  note: [
    'notiz',
    'note',
    'notes',
    'bemerkung',
    'bemerkungen',
    'kommentar',
    'comment',
    'comments',
    'remarks',
    'hinweis',
    'anmerkung'
  ]
}

/** Score of a header for a field: 3 exact, 2 synonym as a whole word, 0 none. */
export function headerScore(header: string, field: ImportField): number {
  const h = normalizeHeader(header)
  if (!h) return 0
  let best = 0
  // Kostenstelle is a category only when nothing better is there; it loses ties to Kategorie.
  if (field === 'category' && /kostenstelle|^kst$|cost cent/.test(h)) return 1
  for (const entry of SYNONYMS[field]) {
    const exactOnly = entry.startsWith('=')
    const syn = exactOnly ? entry.slice(1) : entry
    if (h === syn) return 3
    if (!exactOnly && new RegExp(`(^| )${syn}( |$)`).test(h)) best = Math.max(best, 2)
  }
  return best
}

/** True when a cell reads like a known column title in either language. */
export function isKnownHeader(text: unknown): boolean {
  if (typeof text !== 'string') return false
  return (Object.keys(SYNONYMS) as ImportField[]).some((f) => headerScore(text, f) > 0)
}

export type MappingSuggestion = {
  kind: ImportKind
  columns: Partial<Record<ImportField, number>>
  /** A currency named in the amount header ("Betrag (CHF)"), used for cells without one. */
  headerCurrency: Currency | null
  /**
   * Amounts in thousands or millions, named in the amount header ("Betrag (TEUR)", "Mio. €"); the
   * reader adds one named in the period titles or above the table (wide.ts sheetAmountScale).
   */
  scale: ScaleFound | null
  /**
   * The unit named for the whole table, in its period titles or a line above it, whatever column
   * the amounts are read from; the reader fills it in (null from the header alone).
   */
  tableScale: ScaleFound | null
  /** Per kind, how many of its fields were matched; the wizard shows why a kind was chosen. */
  matched: { budget: number; allocations: number }
  /**
   * With periods across the columns: the period columns and the year total (wide.ts
   * detectWideLayout, read from the header cells by the reader; empty from the header text alone).
   */
  periodColumns: number[]
}

function assign(headers: string[], fields: readonly ImportField[]): Partial<Record<ImportField, number>> {
  const pairs: { field: ImportField; col: number; score: number }[] = []
  headers.forEach((h, col) => {
    for (const field of fields) {
      const score = headerScore(h, field)
      if (score > 0) pairs.push({ field, col, score })
    }
  })
  // Best scores first; leftmost column wins ties, as the first "Betrag" is usually the plan value.
  pairs.sort(
    (a, b) => b.score - a.score || a.col - b.col || fields.indexOf(a.field) - fields.indexOf(b.field)
  )
  const out: Partial<Record<ImportField, number>> = {}
  const used = new Set<number>()
  for (const p of pairs) {
    if (out[p.field] !== undefined || used.has(p.col)) continue
    out[p.field] = p.col
    used.add(p.col)
  }
  return out
}

/** Suggests the target kind and a column per field from the header row's text. */
export function suggestMapping(headers: unknown[]): MappingSuggestion {
  const texts = headers.map((h) => (h === null || h === undefined ? '' : String(h)))
  const budget = assign(texts, BUDGET_FIELDS)
  const allocations = assign(texts, ALLOCATION_FIELDS)
  const budgetScore = Object.keys(budget).length + (budget.amount !== undefined ? 2 : 0)
  const allocScore =
    Object.keys(allocations).length +
    (allocations.share !== undefined ? 2 : 0) +
    (allocations.role !== undefined ? 1 : 0)
  const kind: ImportKind = allocScore > budgetScore ? 'allocations' : 'budget'
  let headerCurrency: Currency | null = null
  let scale: ScaleFound | null = null
  if (budget.amount !== undefined) {
    const h = texts[budget.amount]!
    // "TEUR", "kCHF", "MEUR": the currency behind a thousands or millions prefix.
    if (/€|\b[tkm]?eur\b|\beuro\b/i.test(h)) headerCurrency = 'EUR'
    else if (/\b[tkm]?chf\b|\bfr\./i.test(h)) headerCurrency = 'CHF'
    const s = amountScaleOf(h)
    if (s) scale = { scale: s, where: 'header', text: h.trim() }
  }
  return {
    kind,
    columns: kind === 'budget' ? budget : allocations,
    headerCurrency,
    scale,
    tableScale: null,
    matched: { budget: Object.keys(budget).length, allocations: Object.keys(allocations).length },
    periodColumns: []
  }
}

/** The mapping the wizard starts from, given a suggestion. */
export function defaultMapping(s: MappingSuggestion): ColumnMapping {
  return {
    kind: s.kind,
    columns: columnsForKind(s, [], s.kind),
    numberStyle: 'auto',
    shareScale: 'auto',
    defaultCurrency: s.headerCurrency ?? 'EUR',
    ...(s.kind === 'budget' && s.scale !== null && { amountScale: s.scale.scale })
  }
}

/**
 * The unit the sheet names for amounts read from this column: its own title ("Plan TEUR"), else
 * the table's. Without an amount column (periods across) the sheet's suggested unit stands. The
 * wizard and the command line detect it again whenever the amount column or the kind changes.
 */
export function scaleForAmountColumn(
  s: Pick<MappingSuggestion, 'scale' | 'tableScale'>,
  headers: readonly string[],
  col: number | undefined
): ScaleFound | null {
  if (col === undefined) return s.scale
  const text = headers[col] ?? ''
  const own = amountScaleOf(text)
  return own ? { scale: own, where: 'header', text: text.trim() } : s.tableScale
}

/** The unit the sheet names for a mapping's amounts; null for allocations, which have none. */
export function scaleFoundFor(
  s: Pick<MappingSuggestion, 'scale' | 'tableScale'>,
  headers: readonly string[],
  mapping: Pick<ColumnMapping, 'kind' | 'columns'>
): ScaleFound | null {
  return mapping.kind === 'budget' ? scaleForAmountColumn(s, headers, mapping.columns.amount) : null
}

/** The mapping with the given unit applied (none: as written). */
export function withAmountScale(mapping: ColumnMapping, found: ScaleFound | null): ColumnMapping {
  const { amountScale: _old, ...rest } = mapping
  return found ? { ...rest, amountScale: found.scale } : rest
}

/**
 * The columns a sheet is read with as this kind, as a fresh read of it suggests them: the suggested
 * kind's own columns, another kind's matched anew from the headers. With periods across the
 * columns the amount or share is the period cells, so neither a period nor the year total
 * ("Summe", "Plan Q1 2026" matched as an amount, "Q1 (FTE)" as a share) is the amount, share or
 * quarter column, unless a quarter column outside the periods makes the sheet one row per record,
 * or the user chose to read it so (layout 'long': the period titles are then plain columns).
 * The wizard's and the command line's kind switch use this, so switching never keeps such a column.
 */
export function columnsForKind(
  s: Pick<MappingSuggestion, 'kind' | 'columns' | 'periodColumns'>,
  headers: readonly unknown[],
  kind: ImportKind,
  layout?: ColumnMapping['layout']
): Partial<Record<ImportField, number>> {
  const columns = kind === s.kind ? { ...s.columns } : suggestColumnsFor(headers, kind)
  const taken = new Set(layout === 'long' ? [] : s.periodColumns)
  if (!taken.size) return columns
  const q = columns.quarter
  if (q !== undefined && !taken.has(q)) return columns
  for (const f of ['amount', 'share', 'quarter'] as const) {
    const col = columns[f]
    if (col !== undefined && taken.has(col)) delete columns[f]
  }
  return columns
}

/** The columns another kind would use, for when the user switches kind in the wizard. */
export function suggestColumnsFor(
  headers: readonly unknown[],
  kind: ImportKind
): Partial<Record<ImportField, number>> {
  const texts = headers.map((h) => (h === null || h === undefined ? '' : String(h)))
  return assign(texts, kind === 'budget' ? BUDGET_FIELDS : ALLOCATION_FIELDS)
}

/**
 * A short, stable key for a sheet layout: the normalized header cells in order. Two sheets
 * with the same columns get the same key whatever their data, titles or sheet name.
 */
export function layoutFingerprint(headers: unknown[]): string {
  const cells = headers.map(normalizeHeader)
  while (cells.length && !cells[cells.length - 1]) cells.pop()
  const text = cells.join('\u001f')
  // FNV-1a, 32 bit, twice with different seeds: short enough for a Dexie key, collisions unlikely.
  let h1 = 0x811c9dc5
  let h2 = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
  }
  return `L1-${cells.length}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`
}
