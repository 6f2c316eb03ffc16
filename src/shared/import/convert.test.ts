import { describe, expect, it } from 'vitest'
import { convertRows, describeIssue } from './convert'
import type { CellValue, ColumnMapping } from './types'
import { TEXT_MAX } from '../limits'

const budget: ColumnMapping = {
  kind: 'budget',
  columns: { phase: 0, quarter: 1, title: 2, amount: 3 },
  numberStyle: 'auto',
  shareScale: 'auto',
  defaultCurrency: 'EUR'
}

describe('convertRows', () => {
  const rows: CellValue[][] = [
    ['Budget'],
    ['Phase', 'Quartal', 'Bezeichnung', 'Betrag'],
    ['Phase 1', 'Q4 2025', 'Review', '1.234'],
    ['Phase 1', 'Q1 2026', 'Lizenz', '2.500,50'],
    [],
    ['Phase 2', 'Q1 2026', 'Tool', '#DIV/0!'],
    ['Summe', null, null, 3734.5]
  ]

  it('uses a style detected from other cells of the column to read "1.234"', () => {
    const r = convertRows('Budget', rows, 1, budget)
    expect(r.numberStyle).toBe('de')
    expect(r.rows[0]).toMatchObject({ ok: true, row: 3, values: { amountCents: 123400, quarter: '2025-Q4' } })
    expect(r.counts).toEqual({ good: 2, bad: 1, totals: 1, empty: 1, ambiguous: 0 })
    expect(r.totalRows).toEqual([7])
  })

  it('flags ambiguous cells when nothing settles the style, and the chosen style resolves them', () => {
    const only = rows.slice(0, 3)
    const flagged = convertRows('Budget', only, 1, budget)
    expect(flagged.counts.ambiguous).toBe(1)
    expect(flagged.rows[0]).toMatchObject({
      ok: false,
      issues: [{ code: 'ambiguous-number', column: 'D', row: 3 }]
    })
    const en = convertRows('Budget', only, 1, { ...budget, numberStyle: 'en' })
    expect(en.rows[0]).toMatchObject({ ok: true, values: { amountCents: 123 } })
    const de = convertRows('Budget', only, 1, { ...budget, numberStyle: 'de' })
    expect(de.rows[0]).toMatchObject({ ok: true, values: { amountCents: 123400 } })
  })

  it('explains a bad cell with sheet, row, column and reason', () => {
    const r = convertRows('Budget', rows, 1, budget)
    const bad = r.rows.find((x) => !x.ok)!
    expect(bad.issues).toHaveLength(1)
    expect(describeIssue(bad.issues[0])).toBe(
      `Sheet 'Budget', row 6, column D (Amount): "#DIV/0!" holds a formula error`
    )
  })

  it('reports missing required fields and a currency that contradicts the amount', () => {
    const r = convertRows(
      'S',
      [
        ['Phase', 'Quarter', 'Amount', 'Currency'],
        ['', 'Q1 2026', '€ 100', 'CHF'],
        ['Phase 1', 'Q1 2026', '100', 'USD']
      ],
      0,
      { ...budget, columns: { phase: 0, quarter: 1, amount: 2, currency: 3 } }
    )
    expect(r.rows[0].issues.map((i) => i.code).sort()).toEqual(['currency-conflict', 'missing'])
    expect(r.rows[1].issues.map((i) => i.code)).toEqual(['unsupported-currency'])
  })

  it('takes the currency from the amount, then the column, then the default', () => {
    const r = convertRows(
      'S',
      [
        ['Phase', 'Quarter', 'Amount', 'Currency'],
        ['P', 'Q1 2026', "CHF 1'000.00", ''],
        ['P', 'Q1 2026', '1.000,00', 'CHF'],
        ['P', 'Q1 2026', '1.000,00', '']
      ],
      0,
      { ...budget, columns: { phase: 0, quarter: 1, amount: 2, currency: 3 } }
    )
    expect(r.rows.map((x) => (x.ok && x.kind === 'budget' ? x.values.currency : null))).toEqual([
      'CHF',
      'CHF',
      'EUR'
    ])
  })

  it('reads allocations with a share scale detected from the column', () => {
    const r = convertRows(
      'Staff',
      [
        ['Rolle', 'Arbeitspaket', 'Quartal', 'Anteil'],
        ['DevOps Lead', 'migrationen', 'Q4 2025', 100],
        ['Security Specialist', 'sicherheit', 'Q4 2025', '50'],
        ['Database Architect', 'migrationen', 'Q4 2025', '12,5 %']
      ],
      0,
      {
        kind: 'allocations',
        columns: { role: 0, workstream: 1, quarter: 2, share: 3 },
        numberStyle: 'auto',
        shareScale: 'auto',
        defaultCurrency: 'EUR'
      }
    )
    expect(r.shareScale).toBe('percent')
    expect(r.rows.map((x) => (x.ok && x.kind === 'allocations' ? x.values.shareBp : null))).toEqual([
      10000, 5000, 1250
    ])
  })

  it('shortens text past the limits with a warning on the cell, and keeps the row', () => {
    const long = 'x'.repeat(TEXT_MAX.name + 10)
    const note = 'n'.repeat(TEXT_MAX.long - 1) + '😀' + 'tail'
    const r = convertRows(
      'Budget',
      [
        ['Phase', 'Quartal', 'Bezeichnung', 'Betrag'],
        ['P1', 'Q1 2026', long, 5]
      ],
      0,
      budget
    )
    expect(r.rows[0]).toMatchObject({ ok: true, values: { title: long.slice(0, TEXT_MAX.name) } })
    expect(r.rows[0].ok && r.rows[0].warnings).toEqual([
      expect.objectContaining({
        code: 'shortened',
        field: 'title',
        column: 'C',
        row: 2,
        limit: TEXT_MAX.name
      })
    ])
    const alloc = convertRows(
      'Team',
      [
        ['Role', 'WS', 'Q', 'Share', 'Note'],
        ['Dev', 'A', 'Q1 2026', '50 %', note]
      ],
      0,
      { ...budget, kind: 'allocations', columns: { role: 0, workstream: 1, quarter: 2, share: 3, note: 4 } }
    )
    const row = alloc.rows[0]
    if (!row.ok || row.kind !== 'allocations') throw new Error('row expected to import')
    // A surrogate pair at the limit is dropped whole rather than split.
    expect(row.values.note).toBe('n'.repeat(TEXT_MAX.long - 1))
    expect(row.warnings?.[0]).toMatchObject({ field: 'note', limit: TEXT_MAX.long })
    expect(describeIssue(row.warnings![0])).toMatch(/32,005 characters long; the first 32,000 are kept/)
  })
})

describe('cells as written, for the preview', () => {
  it('keeps each share as written and an amount only where the style decided it', () => {
    const shares = convertRows(
      'S',
      [
        ['Rolle', 'Arbeitspaket', 'Quartal', 'Anteil'],
        ['A', 'w', 'Q1 2026', '0,5'],
        ['B', 'w', 'Q1 2026', '50 %']
      ],
      0,
      {
        kind: 'allocations',
        columns: { role: 0, workstream: 1, quarter: 2, share: 3 },
        numberStyle: 'auto',
        shareScale: 'auto',
        defaultCurrency: 'EUR'
      }
    )
    expect(
      shares.rows.map((r) => (r.ok && r.kind === 'allocations' ? [r.source, r.values.shareBp] : null))
    ).toEqual([
      ['0,5', 5000],
      ['50 %', 5000]
    ])
    const amounts = convertRows(
      'S',
      [
        ['Phase', 'Quartal', 'Betrag'],
        ['1', 'Q1 2026', '1.234'],
        ['1', 'Q1 2026', '2.500,50']
      ],
      0,
      {
        kind: 'budget',
        columns: { phase: 0, quarter: 1, amount: 2 },
        numberStyle: 'auto',
        shareScale: 'auto',
        defaultCurrency: 'EUR'
      }
    )
    expect(
      amounts.rows.map((r) => (r.ok && r.kind === 'budget' ? [r.source, r.values.amountCents] : null))
    ).toEqual([
      ['1.234', 123_400],
      [undefined, 250_050]
    ])
  })
})
