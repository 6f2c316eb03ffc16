import { describe, expect, it } from 'vitest'
import { columnLetter, detectHeaderRow, isTotalRow } from './header'
import { layoutFingerprint, suggestMapping } from './mapping'

describe('detectHeaderRow', () => {
  it('finds the header below a title block, notes and blank rows', () => {
    const rows = [
      ['FreshFoodz GmbH – Budget 2026'],
      ['Stand 14.11.2025, alle Beträge in EUR'],
      [],
      ['Phase', 'Arbeitspaket', 'Quartal', 'Betrag'],
      ['Phase 1', 'migrationen', 'Q4 2025', '4.250,00'],
      ['Phase 2', 'leistung', 'Q1 2026', '12.800,50']
    ]
    expect(detectHeaderRow(rows)).toBe(3)
  })
  it('prefers known column names over a two-word note', () => {
    const rows = [
      ['Entwurf', 'vertraulich'],
      [],
      ['Role', 'Workstream', 'Quarter', 'Share'],
      ['DevOps Lead', 'migrationen', 'Q4 2025', '100 %']
    ]
    expect(detectHeaderRow(rows)).toBe(2)
  })
  it('finds a header of unknown names when it leads a table', () => {
    const rows = [
      ['Alpha', 'Beta', 'Gamma'],
      [1, 2, 3],
      [4, 5, 6]
    ]
    expect(detectHeaderRow(rows)).toBe(0)
  })
  it('gives -1 when no row has two text cells', () => {
    expect(
      detectHeaderRow([
        [1, 2],
        [3, 4]
      ])
    ).toBe(-1)
    expect(detectHeaderRow([])).toBe(-1)
  })
})

describe('isTotalRow', () => {
  it.each([['Summe'], ['Gesamtsumme Phase 1'], ['Total'], ['Zwischensumme:'], ['Gesamt'], ['Grand total']])(
    'skips %s',
    (label) => {
      expect(isTotalRow([null, label, null, 41500])).toBe(true)
    }
  )
  it('keeps data rows', () => {
    expect(isTotalRow(['Phase 1', 'Summary report tooling', 'Q1 2026', 100])).toBe(false)
    expect(isTotalRow(['Phase 1', 'migrationen', 'Q4 2025', '4.250,00'])).toBe(false)
  })
})

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA'])
  })
})

describe('suggestMapping', () => {
  it('maps German budget headers', () => {
    const s = suggestMapping([
      'Phase',
      'Arbeitspaket',
      'Quartal',
      'Kategorie',
      'Bezeichnung',
      'Betrag (EUR)',
      'Währung'
    ])
    expect(s.kind).toBe('budget')
    expect(s.columns).toEqual({
      phase: 0,
      workstream: 1,
      quarter: 2,
      category: 3,
      title: 4,
      amount: 5,
      currency: 6
    })
    expect(s.headerCurrency).toBe('EUR')
  })
  it('maps English budget headers and reads a currency in the amount header', () => {
    const s = suggestMapping(['Title', 'Cost centre', 'Quarter', 'Amount CHF', 'Phase', 'Workstream'])
    expect(s.kind).toBe('budget')
    expect(s.columns).toMatchObject({ title: 0, category: 1, quarter: 2, amount: 3, phase: 4, workstream: 5 })
    expect(s.headerCurrency).toBe('CHF')
  })
  it('prefers Kategorie over Kostenstelle for the category', () => {
    const s = suggestMapping(['Kostenstelle', 'Kategorie', 'Betrag', 'Quartal', 'Phase'])
    expect(s.columns.category).toBe(1)
  })
  it('suggests allocations for staffing sheets in both languages', () => {
    const de = suggestMapping(['Rolle', 'Arbeitspaket', 'Quartal', 'Anteil', 'Bemerkung'])
    expect(de.kind).toBe('allocations')
    expect(de.columns).toEqual({ role: 0, workstream: 1, quarter: 2, share: 3, note: 4 })
    const en = suggestMapping(['Role', 'Work stream', 'Quarter', 'FTE %'])
    expect(en.kind).toBe('allocations')
    expect(en.columns).toEqual({ role: 0, workstream: 1, quarter: 2, share: 3 })
  })
})

describe('layoutFingerprint', () => {
  it('is the same for the same columns whatever the case, spacing or trailing blanks', () => {
    const a = layoutFingerprint(['Phase', 'Betrag (EUR)', 'Quartal'])
    expect(layoutFingerprint([' phase ', 'BETRAG EUR', 'Quartal', '', null])).toBe(a)
    expect(layoutFingerprint(['Phase', 'Quartal', 'Betrag (EUR)'])).not.toBe(a)
    expect(a).toMatch(/^L1-3-[0-9a-f]{16}$/)
  })
})

describe('finance headers', () => {
  it('maps the amount, share and quarter titles finance uses, with units as hints', async () => {
    const { suggestMapping } = await import('./mapping')
    const { shareHeaderHint } = await import('./shares')
    for (const amount of ['Plan (EUR)', 'Budget (EUR)', 'Soll', 'Kosten', 'Betrag in CHF', 'Summe']) {
      const s = suggestMapping(['Phase', 'Quartal', 'Bezeichnung', amount])
      expect(s.kind, amount).toBe('budget')
      expect(s.columns.amount, amount).toBe(3)
    }
    expect(suggestMapping(['Phase', 'Quartal', 'Betrag in CHF']).headerCurrency).toBe('CHF')
    expect(suggestMapping(['Phase', 'Quartal', 'Plan (EUR)']).headerCurrency).toBe('EUR')
    for (const share of ['FTE', 'Auslastung', 'Kapazität', 'Auslastung %']) {
      const s = suggestMapping(['Rolle', 'Arbeitspaket', 'Quartal', share])
      expect(s.kind, share).toBe('allocations')
      expect(s.columns.share, share).toBe(3)
    }
    expect(shareHeaderHint('Auslastung %')).toBe('percent')
    expect(shareHeaderHint('FTE')).toBe('fte')
    expect(shareHeaderHint('Kapazität')).toBeNull()
  })
})
