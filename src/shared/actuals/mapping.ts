// Column titles of bookings exports (German and English) to booking fields, and cost-centre
// names to the plan's phases and workstreams.
import { normalizeHeader } from '../import/mapping'
import type { ScaleFound } from '../import/units'
import type { ActualsTarget, BookingField, BookingMapping } from './types'
import { BOOKING_FIELDS } from './types'

/** Exact header names score 3, a synonym as a whole word 2. "=" marks exact-only synonyms. */
const SYNONYMS: Record<BookingField, string[]> = {
  date: [
    'buchungsdatum',
    'belegdatum',
    'valutadatum',
    'wertstellung',
    '=datum',
    'booking date',
    'posting date',
    'document date',
    'value date',
    '=date',
    'periode',
    'period',
    'buchungsperiode',
    '=monat',
    '=month',
    'quartal',
    'quarter',
    'leistungsdatum'
  ],
  costCentre: ['kostenstelle', '=kst', '=kostst', 'cost centre', 'cost center', 'costcenter', 'costcentre'],
  phase: ['phase', 'projektphase', '=stage'],
  workstream: [
    'arbeitspaket',
    'workstream',
    'work stream',
    'teilprojekt',
    'work package',
    '=ap',
    '=projekt',
    '=project'
  ],
  category: [
    'konto',
    'sachkonto',
    'kontobezeichnung',
    'kostenart',
    'kategorie',
    'account',
    'gl account',
    'category',
    'cost type',
    'aufwandskonto'
  ],
  amount: [
    'betrag',
    'amount',
    'umsatz',
    '=wert',
    '=value',
    'buchungsbetrag',
    'betrag eur',
    '=kosten',
    '=cost'
  ],
  debit: ['=soll', '=sollbetrag', '=soll eur', '=debit', '=debit amount', '=belastung'],
  credit: ['=haben', '=habenbetrag', '=haben eur', '=credit', '=credit amount', '=gutschrift'],
  debitCredit: [
    '=soll haben',
    '=soll haben kennzeichen',
    '=s h',
    '=sh',
    '=s h kz',
    '=kennzeichen',
    '=debit credit',
    '=dr cr',
    '=d c'
  ],
  currency: ['waehrung', 'wahrung', '=wkz', 'currency', '=cur', 'ccy', '=whg'],
  text: ['buchungstext', '=text', 'beschreibung', 'description', 'verwendungszweck', 'memo', 'narrative']
}

// Currency and unit words an amount title may carry ("Soll TEUR", "Haben (Tsd. CHF)", "Betrag in Mio. €"):
// the title scores as the field without them; the unit itself is read by wide.ts sheetAmountScale.
const UNIT_WORDS = new Set(
  'eur euro chf € teur keur meur tchf kchf mchf t€ k€ m€ tsd tausend thousand thousands mio millionen million millions in k 000 1'.split(
    ' '
  )
)

function score(header: string, field: BookingField): number {
  const full = normalizeHeader(header)
  const bare = full
    .split(' ')
    .filter((w) => !UNIT_WORDS.has(w))
    .join(' ')
  return Math.max(scoreOf(full, field), bare && bare !== full ? scoreOf(bare, field) : 0)
}

function scoreOf(h: string, field: BookingField): number {
  if (!h) return 0
  let best = 0
  for (const entry of SYNONYMS[field]) {
    const exactOnly = entry.startsWith('=')
    const syn = exactOnly ? entry.slice(1) : entry
    if (h === syn) return 3
    if (!exactOnly && (` ${h} `.includes(` ${syn} `) || h.startsWith(syn))) best = 2
  }
  return best
}

/** A column per booking field from the header row; each column feeds at most one field. */
export function suggestBookingColumns(headers: readonly unknown[]): Partial<Record<BookingField, number>> {
  const texts = headers.map((h) => (h === null || h === undefined ? '' : String(h)))
  const pairs: { field: BookingField; col: number; score: number }[] = []
  texts.forEach((h, col) => {
    for (const field of BOOKING_FIELDS) {
      const s = score(h, field)
      if (s > 0) pairs.push({ field, col, score: s })
    }
  })
  pairs.sort(
    (a, b) =>
      b.score - a.score || a.col - b.col || BOOKING_FIELDS.indexOf(a.field) - BOOKING_FIELDS.indexOf(b.field)
  )
  const out: Partial<Record<BookingField, number>> = {}
  const used = new Set<number>()
  for (const p of pairs) {
    if (out[p.field] !== undefined || used.has(p.col)) continue
    out[p.field] = p.col
    used.add(p.col)
  }
  return out
}

/**
 * The mapping a bookings import starts from. `context` is what the sheet names around its table:
 * the unit of its amounts and a currency above it (wide.ts sheetAmountScale and contextCurrency,
 * read as the plan import reads them).
 */
export function defaultBookingMapping(
  headers: readonly unknown[],
  context: { scale?: ScaleFound | null; currency?: 'EUR' | 'CHF' | null } = {}
): BookingMapping {
  const columns = suggestBookingColumns(headers)
  const amountHeader = columns.amount !== undefined ? String(headers[columns.amount] ?? '') : ''
  // "TCHF", "kCHF": the currency behind a thousands or millions prefix.
  const headerChf = /\b[tkm]?chf\b|\bfr\./i.test(amountHeader)
  return {
    columns,
    numberStyle: 'auto',
    defaultCurrency: headerChf ? 'CHF' : (context.currency ?? 'EUR'),
    ...(context.scale && { amountScale: context.scale.scale })
  }
}

/** The columns a bookings mapping reads amounts from, whose titles may name their unit. */
export function bookingAmountColumns(columns: BookingMapping['columns']): (number | undefined)[] {
  return [columns.amount, columns.debit, columns.credit]
}

/** A cost centre as a key: trimmed, lower case, umlauts folded, inner spaces collapsed. */
export function normalizeCentre(text: string): string {
  return normalizeHeader(text)
}

const words = (s: string) => new Set(normalizeHeader(s).split(' ').filter(Boolean))

/**
 * Where a cost centre named like "KST 4100 Foundation", "Phase 2", "P1 Betrieb" or "sicherheit"
 * most likely belongs: a workstream named in it (its key or title) wins over a phase, as it says
 * more; a phase is recognised by name, "Phase N" or its priority. Null when nothing matches or
 * two candidates tie.
 */
export function suggestCentre(
  label: string,
  target: Pick<ActualsTarget, 'phases' | 'workstreams'>
): { phaseId: string; workstreamId: string | null } | null {
  const norm = normalizeHeader(label)
  if (!norm) return null
  const w = words(label)
  const has = (phrase: string) => {
    const p = normalizeHeader(phrase)
    return p.length > 0 && ` ${norm} `.includes(` ${p} `)
  }
  const streams = target.workstreams.filter((s) => has(s.key) || has(s.title))
  if (streams.length === 1) return { phaseId: streams[0].phaseId, workstreamId: streams[0].id }
  if (streams.length > 1) {
    // "Foundation" can be a phase and part of a workstream title; the longest name decides.
    const best = streams.map((s) => ({
      s,
      len: Math.max(has(s.title) ? s.title.length : 0, has(s.key) ? s.key.length : 0)
    }))
    best.sort((a, b) => b.len - a.len)
    if (best[0].len > best[1].len) return { phaseId: best[0].s.phaseId, workstreamId: best[0].s.id }
  }
  const phases = target.phases.filter((p) => {
    if (has(p.name)) return true
    const m = /(?:^| )(?:phase|ph)\s?(\d+)(?: |$)/.exec(norm)
    if (m && Number(m[1]) === p.order) return true
    return w.has(p.priority.toLowerCase())
  })
  if (phases.length === 1) return { phaseId: phases[0].id, workstreamId: null }
  return null
}
