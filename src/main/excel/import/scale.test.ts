// Amounts written in thousands or millions, read through the whole import reader: the header,
// period titles of a wide sheet and a line above the table name the unit.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { importFile, openImport } from './service'
import { actualsTarget } from '../../../shared/actuals/target'
import type { BookingMapping } from '../../../shared/actuals/types'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'

const dir = mkdtempSync(join(tmpdir(), 'qm-scale-'))
let n = 0
function csv(text: string): string {
  const path = join(dir, `s${n++}.csv`)
  writeFileSync(path, text)
  return path
}
function xlsx(rows: unknown[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Plan')
  const path = join(dir, `s${n++}.xlsx`)
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
  return path
}
async function budget(path: string) {
  const { sheet } = await importFile(path)
  return {
    scale: sheet.result.amountScale ?? 1,
    found: sheet.suggestion.scale,
    lines: sheet.result.rows.map((r) =>
      r.ok && r.kind === 'budget' ? [r.values.quarter, r.values.amountCents, r.values.currency] : r.issues
    )
  }
}

describe('amounts in thousands or millions', () => {
  it.each([
    ['Betrag (TEUR)', '12,5', 1_250_000, 'EUR'],
    ['Plan TEUR', '12,5', 1_250_000, 'EUR'],
    ['Betrag in Tsd. €', '12,5', 1_250_000, 'EUR'],
    ['Tsd. CHF', '12,5', 1_250_000, 'CHF'],
    ['T€', '12,5', 1_250_000, 'EUR'],
    ['kEUR', '12,5', 1_250_000, 'EUR'],
    ['Kosten k€', '0,25', 25_000, 'EUR'],
    ['Betrag (in 1.000 EUR)', '3', 300_000, 'EUR'],
    ["Betrag EUR '000", '1.234,56', 123_456_000, 'EUR'],
    ['Betrag in Tausend Euro', '7', 700_000, 'EUR'],
    ['Mio. €', '1,25', 125_000_000, 'EUR'],
    ['Betrag (Mio)', '2', 200_000_000, 'EUR'],
    ['MEUR', '0,5', 50_000_000, 'EUR']
  ])('header "%s": %s → %i cents', async (header, value, cents, currency) => {
    const r = await budget(csv(`Phase;Quartal;Kategorie;${header}\nP1;Q1 2026;Cloud;"${value}"\n`))
    expect(r.lines).toEqual([['2026-Q1', cents, currency]])
    expect(r.scale).toBe(/mio|meur/i.test(header) ? 1_000_000 : 1000)
  })

  it('English headers: "Amount (EUR thousands)", "Budget kCHF", "Amount (EUR millions)"', async () => {
    expect(
      (await budget(csv('Phase,Quarter,Category,Amount (EUR thousands)\nP1,Q1 2026,Cloud,12.5\n'))).lines
    ).toEqual([['2026-Q1', 1_250_000, 'EUR']])
    expect((await budget(csv('Phase,Quarter,Category,Budget kCHF\nP1,Q1 2026,Cloud,40\n'))).lines).toEqual([
      ['2026-Q1', 4_000_000, 'CHF']
    ])
    expect(
      (await budget(csv('Phase,Quarter,Category,Amount (EUR millions)\nP1,Q1 2026,Cloud,1.5\n'))).lines
    ).toEqual([['2026-Q1', 150_000_000, 'EUR']])
  })

  it('"Beträge in TEUR" above the table', async () => {
    const r = await budget(
      csv('Budget 2026; Beträge in TEUR\n\nPhase;Quartal;Kategorie;Betrag\nP1;Q2 2026;Cloud;"12,5"\n')
    )
    expect(r).toEqual({
      scale: 1000,
      found: { scale: 1000, where: 'above', text: 'Beträge in TEUR', row: 1 },
      lines: [['2026-Q2', 1_250_000, 'EUR']]
    })
  })

  it('months across with "Tsd. CHF" above the table: months summed into quarters, year total checked', async () => {
    const r = await budget(
      xlsx([
        ['Kostenplan 2026, Tsd. CHF'],
        [],
        ['Phase', 'Kategorie', 'Jan', 'Feb', 'Mär', 'Apr', 'Summe'],
        ['P1', 'Lizenzen', 1.5, '2,25', 0, 10, 13.75]
      ])
    )
    expect(r).toEqual({
      scale: 1000,
      found: { scale: 1000, where: 'above', text: 'Kostenplan 2026, Tsd. CHF', row: 1 },
      lines: [
        ['2026-Q1', 375_000, 'CHF'],
        ['2026-Q2', 1_000_000, 'CHF']
      ]
    })
  })

  it('months across with the unit in each period title ("Jan TEUR")', async () => {
    const r = await budget(
      xlsx([
        ['Phase', 'Kategorie', 'Jan 26 TEUR', 'Feb 26 TEUR', 'Mär 26 TEUR'],
        ['P1', 'Cloud', 1, 2, '0,5']
      ])
    )
    expect(r).toEqual({
      scale: 1000,
      found: { scale: 1000, where: 'periods', text: 'Jan 26 TEUR' },
      lines: [['2026-Q1', 350_000, 'EUR']]
    })
  })

  it('digits past the cent count once scaled: 0,0125 TEUR is 12,50 €, a numeric 12.3456 TEUR 12 345,60 €', async () => {
    expect(
      (await budget(csv('Phase;Quartal;Kategorie;Plan TEUR\nP1;Q1 2026;Cloud;"0,0125"\n'))).lines
    ).toEqual([['2026-Q1', 1250, 'EUR']])
    const r = await budget(
      xlsx([
        ['Phase', 'Quartal', 'Kategorie', 'Betrag (TEUR)'],
        ['P1', 'Q1 2026', 'Cloud', 12.3456]
      ])
    )
    expect(r.lines).toEqual([['2026-Q1', 1_234_560, 'EUR']])
  })

  it('plain EUR amounts stay as written', async () => {
    const r = await budget(csv('Phase;Quartal;Kategorie;Betrag (EUR)\nP1;Q1 2026;Cloud;"12,5"\n'))
    expect(r).toEqual({ scale: 1, found: null, lines: [['2026-Q1', 1250, 'EUR']] })
  })

  it('a bare k in the amount header: "Amount (k)", "Betrag (k)", "Amount k €"', async () => {
    for (const [header, value] of [
      ['Amount (k)', '12.5'],
      ['Betrag (k)', '"12,5"'],
      ['Amount k €', '12.5']
    ]) {
      const sep = header.startsWith('Betrag') ? ';' : ','
      const r = await budget(
        csv(
          [
            `Phase${sep}Quarter${sep}Category${sep}${header}`,
            `P1${sep}Q1 2026${sep}Cloud${sep}${value}`
          ].join('\n')
        )
      )
      expect(r.lines, header).toEqual([['2026-Q1', 1_250_000, 'EUR']])
      expect(r.found).toEqual({ scale: 1000, where: 'header', text: header })
    }
  })

  it('a quantity above the table ("5 Mio. Kunden", "Budget 415 TEUR") scales nothing', async () => {
    const r = await budget(
      csv(
        'Plattform für 5 Mio. Kunden;Budget 415 TEUR\n\nPhase;Quartal;Kategorie;Betrag\nP1;Q2 2026;Cloud;"12,5"\n'
      )
    )
    expect(r).toEqual({ scale: 1, found: null, lines: [['2026-Q2', 1250, 'EUR']] })
  })

  it('says which line above the table named the unit', async () => {
    const r = await budget(
      csv(
        'Kostenplan 2026\nAlle Beträge in Tausend Euro\nPhase;Quartal;Kategorie;Betrag\nP1;Q2 2026;Cloud;"12,5"\n'
      )
    )
    expect(r.found).toEqual({ scale: 1000, where: 'above', text: 'Alle Beträge in Tausend Euro', row: 2 })
    expect(r.lines).toEqual([['2026-Q2', 1_250_000, 'EUR']])
  })
})

describe('bookings in thousands or millions', () => {
  const target = actualsTarget(buildFreshFoodzPlan())
  async function bookings(path: string, mapping?: (m: BookingMapping) => BookingMapping) {
    const { session, summary } = await openImport(path)
    try {
      const first = await session.bookings({ sheet: summary.bestSheet, target })
      const read = mapping
        ? await session.bookings({
            sheet: summary.bestSheet,
            headerRow: first.headerRow,
            mapping: mapping(first.mapping),
            target
          })
        : first
      return {
        found: read.scale,
        scale: read.result.amountScale ?? 1,
        placedCents: read.result.placedCents,
        sums: read.result.sums.map((s) => [s.quarter, s.eurCents, s.chfCents])
      }
    } finally {
      await session.close()
    }
  }

  it('"Betrag TEUR": each booking times 1,000, exact from its digits, credits too', async () => {
    const r = await bookings(
      csv(
        [
          'Buchungsdatum;Kostenstelle;Konto;Betrag TEUR;Soll/Haben',
          '15.01.2026;Phase 2;6500 Lizenzen;"12,5";S',
          '20.02.2026;Phase 2;6500 Lizenzen;"0,0125";S',
          '28.02.2026;Phase 2;6500 Lizenzen;"1,5";H'
        ].join('\n')
      )
    )
    expect(r.found).toEqual({ scale: 1000, where: 'header', text: 'Betrag TEUR' })
    expect(r.scale).toBe(1000)
    expect(r.sums).toEqual([['2026-Q1', 1_250_000 + 1250 - 150_000, 0]])
  })

  it('"Tsd. CHF" on a line above the table: CHF thousands, each converted at the plan\'s rate', async () => {
    const r = await bookings(
      csv(
        [
          'Buchungsjournal 2026, Beträge in Tsd. CHF',
          'Datum;Kostenstelle;Konto;Betrag',
          '15.01.2026;Phase 2;6500 Lizenzen;"1,5"'
        ].join('\n')
      )
    )
    expect(r.found).toEqual({
      scale: 1000,
      where: 'above',
      text: 'Buchungsjournal 2026, Beträge in Tsd. CHF',
      row: 1
    })
    // CHF 1 500,00 at 1.07 = EUR 1 605,00
    expect(r.sums).toEqual([['2026-Q1', 0, 150_000]])
    expect(r.placedCents).toBe(160_500)
  })

  it('debit and credit columns in "Mio": both scaled; "as written" takes the amounts back', async () => {
    const path = csv(
      [
        'Buchungsdatum;Kostenstelle;Soll (Mio. €);Haben (Mio. €)',
        '15.01.2026;Phase 2;"0,25";',
        '16.01.2026;Phase 2;;"0,05"'
      ].join('\n')
    )
    expect((await bookings(path)).sums).toEqual([['2026-Q1', 20_000_000, 0]])
    const { amountScale: _s, ...unscaled } = await openImport(path).then(async ({ session, summary }) => {
      try {
        return (await session.bookings({ sheet: summary.bestSheet, target })).mapping
      } finally {
        await session.close()
      }
    })
    const r = await bookings(path, () => unscaled)
    expect(r).toMatchObject({ scale: 1, found: { scale: 1_000_000, where: 'header' } })
    expect(r.sums).toEqual([['2026-Q1', 20, 0]])
  })

  it('a quantity above the bookings ("5 Mio. Kunden") scales nothing', async () => {
    const r = await bookings(
      csv(
        [
          'Plattform für 5 Mio. Kunden',
          'Buchungsdatum;Kostenstelle;Betrag',
          '15.01.2026;Phase 2;"12,5"'
        ].join('\n')
      )
    )
    expect(r).toMatchObject({ found: null, scale: 1, sums: [['2026-Q1', 1250, 0]] })
  })
})
