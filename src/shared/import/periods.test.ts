import { describe, expect, it } from 'vitest'
import { headerUnit, readPeriodHeader } from './periods'
import { detectWideLayout, periodKeys } from './wide'

describe('period column titles', () => {
  it('reads German and English months, quarters, ISO months and dates, and totals', () => {
    expect(readPeriodHeader('Jan')).toEqual({ kind: 'month', year: null, index: 1 })
    expect(readPeriodHeader('Mär')).toEqual({ kind: 'month', year: null, index: 3 })
    expect(readPeriodHeader('Dezember 2026')).toEqual({ kind: 'month', year: 2026, index: 12 })
    expect(readPeriodHeader('Oct-25')).toEqual({ kind: 'month', year: 2025, index: 10 })
    expect(readPeriodHeader('2026-03')).toEqual({ kind: 'month', year: 2026, index: 3 })
    expect(readPeriodHeader('2026-03-01')).toEqual({ kind: 'month', year: 2026, index: 3 })
    expect(readPeriodHeader('Q1')).toEqual({ kind: 'quarter', year: null, index: 1 })
    expect(readPeriodHeader('Q4 2025')).toEqual({ kind: 'quarter', year: 2025, index: 4 })
    expect(readPeriodHeader('1. Quartal')).toEqual({ kind: 'quarter', year: null, index: 1 })
    expect(readPeriodHeader('2026-Q2')).toEqual({ kind: 'quarter', year: 2026, index: 2 })
    expect(readPeriodHeader('Summe')).toBe('total')
    expect(readPeriodHeader('Gesamt 2026')).toBe('total')
    expect(readPeriodHeader('Betrag')).toBeNull()
    expect(readPeriodHeader('Phase')).toBeNull()
  })

  it('reads a period with its unit beside it, and the unit as a hint', () => {
    expect(readPeriodHeader('Q4 2025 (FTE)')).toEqual({ kind: 'quarter', year: 2025, index: 4 })
    expect(readPeriodHeader('Q1 2026 %')).toEqual({ kind: 'quarter', year: 2026, index: 1 })
    expect(readPeriodHeader('Jan 26 in %')).toEqual({ kind: 'month', year: 2026, index: 1 })
    expect(readPeriodHeader('März 2026 [EUR]')).toEqual({ kind: 'month', year: 2026, index: 3 })
    expect(readPeriodHeader('Feb €')).toEqual({ kind: 'month', year: null, index: 2 })
    expect(readPeriodHeader('Summe (CHF)')).toBe('total')
    expect(readPeriodHeader('%')).toBeNull()
    expect(headerUnit('Q4 2025 (FTE)')).toBe('fte')
    expect(headerUnit('Q1 2026 %')).toBe('percent')
    expect(headerUnit('Jan 26 (CHF)')).toBe('CHF')
    expect(headerUnit('Feb €')).toBe('EUR')
    expect(headerUnit('Q1 2026')).toBeNull()
  })

  it('reads the quarter titles finance writes', () => {
    for (const t of ['Q1/26', 'Q1 2026', '1. Quartal 2026', 'Q1-2026', '2026-Q1', "Q1 '26"])
      expect(readPeriodHeader(t), t).toEqual({ kind: 'quarter', year: 2026, index: 1 })
    for (const t of ['Jan 26', 'Januar 2026', '01/2026', 'Jan-26', '2026-01'])
      expect(readPeriodHeader(t), t).toEqual({ kind: 'month', year: 2026, index: 1 })
  })

  it("reads a period named as the plan's, and leaves actuals and other words unread", () => {
    expect(readPeriodHeader('Plan Q1 2026')).toEqual({ kind: 'quarter', year: 2026, index: 1 })
    expect(readPeriodHeader('Jan 26 Budget')).toEqual({ kind: 'month', year: 2026, index: 1 })
    expect(readPeriodHeader('Soll März 2026 (EUR)')).toEqual({ kind: 'month', year: 2026, index: 3 })
    expect(readPeriodHeader('Qtr 2 2026')).toEqual({ kind: 'quarter', year: 2026, index: 2 })
    expect(readPeriodHeader('2026/04')).toEqual({ kind: 'month', year: 2026, index: 4 })
    expect(readPeriodHeader('Ist Q1 2026')).toBeNull()
    expect(readPeriodHeader('Plan')).toBeNull()
    const layout = detectWideLayout([
      'Position',
      'Plan Q1 2026',
      'Ist Q1 2026',
      'Plan Q2 2026',
      'Ist Q2 2026'
    ])!
    expect(layout.columns.map((c) => c.col)).toEqual([1, 3])
  })

  it('finds the periods across a header and gives years to those without one', () => {
    const layout = detectWideLayout(['Position', 'Okt', 'Nov', 'Dez', 'Jan', 'Feb', 'Summe'])!
    expect(layout.periods).toBe('month')
    expect(layout.totalColumn).toBe(6)
    expect(periodKeys(layout, 2025)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    const quarters = detectWideLayout(['Rolle', 'Q4 2025', 'Q1 2026', 'Q2 2026'])!
    expect(periodKeys(quarters, null)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(periodKeys(detectWideLayout(['x', 'Q1', 'Q2'])!, null)).toEqual([null, null])
    expect(detectWideLayout(['Phase', 'Quartal', 'Betrag'])).toBeNull()
  })
})
