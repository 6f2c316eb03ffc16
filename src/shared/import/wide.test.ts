import { describe, expect, it } from 'vitest'
import type { CellValue, ColumnMapping, ParsedRow } from './types'
import { contextCurrency, convertSheet, detectWideLayout, isNothing } from './wide'

const budget: ColumnMapping = {
  kind: 'budget',
  columns: { title: 0 },
  numberStyle: 'auto',
  shareScale: 'auto',
  defaultCurrency: 'EUR'
}
const staffing: ColumnMapping = { ...budget, kind: 'allocations', columns: { role: 0 } }
const MONTHS = ['Jan 26', 'Feb 26', 'Mär 26', 'Apr 26', 'Mai 26', 'Jun 26']

const values = (rows: ParsedRow[]) =>
  rows.map((p) =>
    !p.ok
      ? p.issues.map((i) => i.code).join()
      : p.kind === 'budget'
        ? [p.values.quarter, p.values.amountCents]
        : [p.values.role, p.values.quarter, p.values.shareBp]
  )

describe('detectWideLayout', () => {
  it('finds months across the header, with a year total after them', () => {
    const l = detectWideLayout(['Position', 'Jan', 'Feb', 'Mär', 'Summe'])
    expect(l?.columns.map((c) => c.col)).toEqual([1, 2, 3])
    expect(l?.totalColumn).toBe(4)
  })

  it('a period named twice is no plan across the columns (a sheet of date formats)', () => {
    expect(detectWideLayout(['', 'Jan-00', 'Jan-00', 'May-00', 'May-03'])).toBeNull()
  })
})

describe('finance grids', () => {
  it('a dash, zero or nothing in a period cell is no record', () => {
    for (const v of ['-', '–', '0', '0,00', '0,00 €', '- €', 0, '', ' '])
      expect(isNothing(v), String(v)).toBe(true)
    for (const v of ['0,5', '1', '-1', 'x', 0.5]) expect(isNothing(v), String(v)).toBe(false)
  })

  it('months summed into their quarter net their corrections; a quarter below zero is refused', () => {
    const rows: CellValue[][] = [
      ['Position', ...MONTHS],
      ['Lasttests', '5.000,00', '-1.234,56', '1.234,56-', '-', '-', '-'],
      ['Rechenzentrum', '0,00', '-', '-', '4.000,00', '(500,00)', '-'],
      ['Gutschrift', '-', '-', '-', '-1.000,00', '', '']
    ]
    const r = convertSheet('Plan', rows, 0, budget)
    expect(values(r.rows)).toEqual([['2026-Q1', 253_088], ['2026-Q2', 350_000], 'negative-amount'])
    expect(r.rows[2]!.ok ? null : r.rows[2]!.issues[0]).toMatchObject({
      value: '2026-Q2: -1000.00',
      row: 4,
      column: 'E, F, G'
    })
  })

  it('one line per month keeps a negative month refused, as no line can be negative', () => {
    const rows: CellValue[][] = [
      ['Position', ...MONTHS],
      ['Lasttests', '5.000,00', '-1.234,56', '', '', '', '']
    ]
    const r = convertSheet('Plan', rows, 0, { ...budget, monthLines: true })
    expect(values(r.rows)).toEqual([['2026-Q1', 500_000], 'negative-amount'])
  })

  it('the share unit named in the period titles or above the table reads a matrix of 1 and 0,5', () => {
    const matrix = (header: CellValue[], above: CellValue[][] = []): CellValue[][] => [
      ...above,
      header,
      ['DevOps Lead', '1', '2', '-'],
      ['Security Specialist', '', '0,5', '']
    ]
    const fte = convertSheet(
      'Team',
      matrix(['Rolle', 'Q1 2026 (FTE)', 'Q2 2026 (FTE)', 'Q3 2026 (FTE)']),
      0,
      staffing
    )
    expect(values(fte.rows)).toEqual([
      ['DevOps Lead', '2026-Q1', 10_000],
      ['DevOps Lead', '2026-Q2', 20_000],
      ['Security Specialist', '2026-Q2', 5_000]
    ])
    const pct = convertSheet('Team', matrix(['Rolle', 'Q1 2026 %', 'Q2 2026 %', 'Q3 2026 %']), 0, staffing)
    expect(values(pct.rows).map((v) => (v as unknown[])[2])).toEqual([100, 200, 5_000])
    const titled = matrix(['Rolle', 'Q1 2026', 'Q2 2026', 'Q3 2026'], [['Kapazität 2026 in FTE'], []])
    expect(values(convertSheet('Team', titled, 2, staffing).rows).map((v) => (v as unknown[])[2])).toEqual([
      10_000, 20_000, 5_000
    ])
  })

  it('the currency a table names above its header or across its periods', () => {
    expect(contextCurrency([['Budget 2026, Beträge in CHF'], [], ['Position', 'Jan', 'Feb']], 2)).toBe('CHF')
    expect(contextCurrency([['Position', 'Jan 26 (CHF)', 'Feb 26 (CHF)']], 0)).toBe('CHF')
    expect(contextCurrency([['Stand 03.11.2025; Beträge in €'], ['Phase', 'Betrag']], 1)).toBe('EUR')
    expect(contextCurrency([['EUR und CHF gemischt'], ['Phase', 'Betrag']], 1)).toBeNull()
    expect(contextCurrency([['Phase', 'Betrag']], 0)).toBeNull()
  })
})
