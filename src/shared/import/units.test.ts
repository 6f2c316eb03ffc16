import { describe, expect, it } from 'vitest'
import { amountScaleOf, amountScaleOfLine, parseScaleName, scaleNote } from './units'

describe('amountScaleOf (a column title)', () => {
  it.each([
    'Betrag (TEUR)',
    'Plan TEUR',
    'in Tsd. €',
    'Tsd. CHF',
    'T€',
    'kEUR',
    'k€',
    'Budget KCHF',
    '(in 1.000 EUR)',
    "in 1'000 CHF",
    "EUR '000",
    'in Tausend Euro',
    'Beträge in TEUR',
    'Amount (thousands)',
    'Cost in thousand EUR',
    'Kosten TCHF',
    // A bare k alone or beside a currency
    'Amount (k)',
    'Betrag (k)',
    'Betrag k',
    'Amount k€',
    'Amount k €',
    'Amount (k EUR)',
    'Betrag € k',
    'Plan (K)',
    'Q1 2026 (k)'
  ])('reads "%s" as thousands', (h) => expect(amountScaleOf(h)).toBe(1000))

  it.each(['Mio', 'Mio. €', 'MEUR', 'Betrag in Mio. CHF', 'Amount (EUR millions)', 'in Millionen Euro'])(
    'reads "%s" as millions',
    (h) => expect(amountScaleOf(h)).toBe(1_000_000)
  )

  it.each([
    'Betrag',
    'Betrag (EUR)',
    'Plan (CHF)',
    'Kosten €',
    'Amount',
    'Team',
    'Mitarbeiter',
    'Stand 03.11.2025, alle Beträge in EUR',
    'Budget 2026',
    'Summe 1000',
    'Kategorie',
    'Monat',
    'Milestone',
    // k inside a word or a name is no unit
    'Kosten',
    'Park-Kosten',
    'Kostenstelle',
    'Konto',
    'Work (EUR)',
    'k8s Cluster'
  ])('leaves "%s" unscaled', (h) => expect(amountScaleOf(h)).toBeNull())
})

describe('amountScaleOfLine (a free line above the table)', () => {
  it.each([
    ['Beträge in TEUR', 1000],
    ['Budget 2026; Beträge in TEUR', 1000],
    ['Kostenplan 2026, Tsd. CHF', 1000],
    ['Kostenstelle 4712 · Beträge in Tsd. CHF', 1000],
    ['Alle Angaben in Tausend', 1000],
    ['Beträge in Tsd.', 1000],
    ['(in 1.000 EUR)', 1000],
    ["Angaben in 1'000 CHF", 1000],
    ['Amounts in thousands', 1000],
    ["EUR '000", 1000],
    ['Figures: thousands', 1000],
    ['Plan 2026 TEUR', 1000],
    ['Werte in k€', 1000],
    ['Beträge in Mio. €', 1_000_000],
    ['Amounts in EUR millions', 1_000_000],
    ['Angaben in Millionen', 1_000_000],
    ['Budget 2027 MEUR', 1_000_000],
    ['Kosten in Mio. CHF', 1_000_000]
  ] as const)('reads "%s"', (line, scale) => expect(amountScaleOfLine(line)).toBe(scale))

  it.each([
    // Quantities, not the table's unit
    '5 Mio. Kunden',
    'Ziel: 5 Mio. Kunden bis 2027',
    'Umsatz 2025: 5 Mio. €',
    'Gesamtbudget 415 TEUR',
    'Puffer 2.000 Tsd. EUR',
    '1,2 Mio Nutzer pro Tag',
    'Plattform für 3 Mio. Bestellungen',
    // A unit with nothing saying it is the amounts'
    'Tsd.',
    'Mio',
    'Budget (k)',
    'k8s-Cluster',
    'Team k',
    'Stand 03.11.2025, alle Beträge in EUR',
    'Kostenplan 2026',
    'Europa-Rollout'
  ])('leaves "%s" alone', (line) => expect(amountScaleOfLine(line)).toBeNull())
})

describe('--scale names', () => {
  it.each([
    ['1', 1],
    ['units', 1],
    ['1000', 1000],
    ['1.000', 1000],
    ['thousands', 1000],
    ['1000000', 1_000_000],
    ['1_000_000', 1_000_000],
    ['Millions', 1_000_000]
  ] as const)('"%s" is %i', (text, scale) => expect(parseScaleName(text)).toBe(scale))

  it.each(['7', '100', 'tsd', ''])('"%s" is none', (text) => expect(parseScaleName(text)).toBeNull())

  it('the note says where the unit was found', () => {
    expect(scaleNote(1000, { scale: 1000, where: 'above', text: 'Beträge in TEUR', row: 1 })).toBe(
      'Amounts are written in thousands (from the line above the table (row 1): "Beträge in TEUR"): each was multiplied by 1,000 (12.5 → 12,500.00)'
    )
    expect(scaleNote(1_000_000, 'option')).toMatch(
      /^Amounts are written in millions \(as given with --scale\)/
    )
  })

  it("writes its example in the sheet's number convention, English where that is unknown", () => {
    // Before, every sheet got "12,5 → 12 500,00", English ones too.
    expect(scaleNote(1000, 'option', 'de')).toMatch(/\(12,5 → 12\.500,00\)$/)
    expect(scaleNote(1000, 'option', 'en')).toMatch(/\(12\.5 → 12,500\.00\)$/)
    expect(scaleNote(1000, 'option', 'ch')).toMatch(/\(12\.5 → 12'500\.00\)$/)
    expect(scaleNote(1_000_000, 'option', 'de')).toMatch(/\(1,5 → 1\.500\.000,00\)$/)
    expect(scaleNote(1_000_000, 'option', 'en')).toMatch(/\(1\.5 → 1,500,000\.00\)$/)
    expect(scaleNote(1_000_000, 'option', 'ch')).toMatch(/\(1\.5 → 1'500'000\.00\)$/)
    expect(scaleNote(1000, 'option')).toMatch(/\(12\.5 → 12,500\.00\)$/)
  })
})
