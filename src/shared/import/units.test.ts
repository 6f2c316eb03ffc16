import { describe, expect, it } from 'vitest'
import { amountScaleOf } from './units'

describe('amountScaleOf', () => {
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
    'Kosten TCHF'
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
    'Milestone'
  ])('leaves "%s" unscaled', (h) => expect(amountScaleOf(h)).toBeNull())
})
