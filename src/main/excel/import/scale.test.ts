// Amounts written in thousands or millions, read through the whole import reader: the header,
// period titles of a wide sheet and a line above the table name the unit.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { importFile } from './service'

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
    expect(r).toEqual({ scale: 1000, lines: [['2026-Q2', 1_250_000, 'EUR']] })
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
    expect(r).toEqual({ scale: 1000, lines: [['2026-Q1', 350_000, 'EUR']] })
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
    expect(r).toEqual({ scale: 1, lines: [['2026-Q1', 1250, 'EUR']] })
  })
})
