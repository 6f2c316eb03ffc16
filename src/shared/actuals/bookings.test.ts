// Reading finance's bookings exports into actuals of the FreshFoodz plan.
import { describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import type { CellValue } from '../import/types'
import { readBookings, debitCreditSign } from './bookings'
import { defaultBookingMapping, suggestBookingColumns, suggestCentre } from './mapping'
import { actualsTarget } from './target'
import { centreMapping } from './merge'

const plan = buildFreshFoodzPlan({ planId: 'p', now: '2026-01-01T00:00:00.000Z' })
const target = actualsTarget(plan)

const GERMAN_HEADER = [
  'Buchungsdatum',
  'Kostenstelle',
  'Konto',
  'Betrag',
  'Soll/Haben',
  'Währung',
  'Buchungstext'
]

function read(rows: CellValue[][], t = target) {
  const header = rows[0]
  return readBookings('Buchungen', rows, 0, defaultBookingMapping(header), t)
}

describe('bookings columns', () => {
  it('maps a German bookings export by its titles', () => {
    expect(suggestBookingColumns(GERMAN_HEADER)).toEqual({
      date: 0,
      costCentre: 1,
      category: 2,
      amount: 3,
      debitCredit: 4,
      currency: 5,
      text: 6
    })
  })

  it('maps an English export with separate debit and credit columns', () => {
    expect(
      suggestBookingColumns([
        'Posting date',
        'Cost center',
        'GL account',
        'Debit',
        'Credit',
        'Currency',
        'Description'
      ])
    ).toEqual({ date: 0, costCentre: 1, category: 2, debit: 3, credit: 4, currency: 5, text: 6 })
  })

  it('reads S/H, Soll/Haben and Dr/Cr indicators', () => {
    expect(['S', 'Soll', 'D', 'Dr'].map(debitCreditSign)).toEqual([1, 1, 1, 1])
    expect(['H', 'haben', 'C', 'Cr.', 'Credit'].map(debitCreditSign)).toEqual([-1, -1, -1, -1, -1])
    expect(debitCreditSign('')).toBe(0)
  })
})

describe('cost centres', () => {
  it('are suggested from phase names, "Phase N", priorities and workstream names', () => {
    const at = (label: string) => suggestCentre(label, target)
    expect(at('4100 Foundation')).toEqual({ phaseId: 'p:phase:1', workstreamId: null })
    expect(at('KST Phase 3')).toEqual({ phaseId: 'p:phase:3', workstreamId: null })
    expect(at('P4 Zukunft')).toEqual({ phaseId: 'p:phase:5', workstreamId: null })
    expect(at('KST 4711 sicherheit')).toEqual({ phaseId: 'p:phase:1', workstreamId: 'p:ws:sicherheit' })
    expect(at('Runbooks + Incident Response')).toEqual({ phaseId: 'p:phase:2', workstreamId: 'p:ws:betrieb' })
    expect(at('9999 Kantine')).toBeNull()
  })
})

describe('readBookings', () => {
  const rows: CellValue[][] = [
    GERMAN_HEADER,
    ['15.10.2025', '4100 Foundation', '6815 Beratung', '1.234,56', 'S', 'EUR', 'Migration consulting'],
    ['2025-11-03', '4100 Foundation', '6815 Beratung', '200,00', 'H', 'EUR', 'Gutschrift'],
    [46035, 'KST Phase 2', '6500 Lizenzen', "CHF 1'000.00", 'S', '', 'Grafana'],
    ['Feb 2026', 'KST Phase 2', '6500 Lizenzen', '500,00', 'S', 'CHF', 'Grafana'],
    ['2. Quartal 2026', '4711 integration', '6300 Dienstleistung', '10.000,00', 'S', 'EUR', 'API gateway'],
    ['01.03.2027', '4100 Foundation', '6815 Beratung', '99,99', 'S', 'EUR', 'too late'],
    ['', '4100 Foundation', '6815 Beratung', '10,00', 'S', 'EUR', 'no date'],
    ['01.12.2025', '4100 Foundation', '6815 Beratung', '', 'S', 'EUR', 'no amount'],
    ['01.12.2025', '9999 Kantine', '6000', '50,00', 'S', 'EUR', 'unknown centre'],
    ['01.12.2025', '4100 Foundation', '6815', '5,00', 'S', 'USD', 'dollars'],
    [null, null, null, null, null, null, null],
    ['Summe', null, null, '12.000,00', null, null, null]
  ]

  it('adds up bookings per phase, workstream, quarter and account, credits negative', () => {
    const r = read(rows)
    const find = (phase: string, quarter: string) =>
      r.sums.filter((s) => s.phaseId === phase && s.quarter === quarter)
    expect(find('p:phase:1', '2025-Q4')).toEqual([
      expect.objectContaining({
        category: '6815 Beratung',
        eurCents: 123456 - 20000,
        chfCents: 0,
        bookings: 2
      })
    ])
    // 46035 is 2026-01-13; "Feb 2026" a month; CHF from the amount's symbol and from the column.
    expect(find('p:phase:2', '2026-Q1')).toEqual([
      expect.objectContaining({ category: '6500 Lizenzen', eurCents: 0, chfCents: 150000, bookings: 2 })
    ])
    expect(find('p:phase:3', '2026-Q2')).toEqual([
      expect.objectContaining({ workstreamId: 'p:ws:integration', eurCents: 1000000, bookings: 1 })
    ])
    expect(r.counts).toEqual({ placed: 5, bad: 3, totals: 1, empty: 1, outside: 1, unplaced: 1 })
    expect(r.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    // CHF 1,500.00 at 1.07 = EUR 1,605.00
    expect(r.placedCents).toBe(103456 + 160500 + 1000000)
  })

  it('lists bookings outside the plan with their sum, the total row, and each bad row', () => {
    const r = read(rows)
    expect(r.outside).toEqual([{ quarter: '2027-Q1', bookings: 1, baseCents: 9999 }])
    expect(r.totalRows).toEqual([13])
    expect(r.issues.map((i) => [i.row, i.code, i.column])).toEqual([
      [8, 'missing-date', 'A'],
      [9, 'missing-amount', 'D'],
      [11, 'unsupported-currency', 'F']
    ])
    expect(r.centres.find((c) => c.label === '9999 Kantine')).toMatchObject({
      bookings: 1,
      baseCents: 5000,
      mapped: null,
      suggested: null
    })
  })

  it('places a centre the plan table knows, over any suggestion', () => {
    const t = actualsTarget(plan, [
      centreMapping('p', '9999 kantine', '9999 Kantine', { phaseId: 'p:phase:4', workstreamId: null })
    ])
    const r = read(rows, t)
    expect(r.counts.unplaced).toBe(0)
    expect(r.sums.find((s) => s.phaseId === 'p:phase:4')).toMatchObject({
      quarter: '2025-Q4',
      eurCents: 5000
    })
  })

  it('uses a phase or workstream column before the cost centre', () => {
    const r = read([
      ['Datum', 'Phase', 'Arbeitspaket', 'Kostenstelle', 'Betrag'],
      ['2026-07-01', 'Governance', '', 'x', 100],
      ['2026-07-01', '', 'Data + AI Governance', 'x', 200],
      ['2026-07-01', 'Nirgendwo', '', '', 300]
    ])
    expect(r.sums).toEqual([
      expect.objectContaining({ phaseId: 'p:phase:4', workstreamId: null, eurCents: 10000 }),
      expect.objectContaining({ phaseId: 'p:phase:4', workstreamId: 'p:ws:verwaltung', eurCents: 20000 })
    ])
    expect(r.issues).toEqual([expect.objectContaining({ row: 4, code: 'unknown-phase', column: 'B' })])
  })

  it('takes debit minus credit from separate columns', () => {
    const r = read([
      ['Posting date', 'Cost center', 'Debit', 'Credit'],
      ['2026-10-05', 'Scale', '1,000.50', ''],
      ['2026-10-06', 'Scale', '', '250.25']
    ])
    expect(r.sums).toEqual([
      expect.objectContaining({ phaseId: 'p:phase:5', eurCents: 100050 - 25025, bookings: 2 })
    ])
  })

  it("carries the first amount cell with a value as the sheet's example, read in its unit and currency", () => {
    expect(read(rows).example).toEqual({ source: '1.234,56', cents: 123456, currency: 'EUR' })
    const teur: CellValue[][] = [
      ['Buchungsdatum', 'Kostenstelle', 'Betrag (TEUR)', 'Währung'],
      ['', 'Scale', '', 'CHF'],
      ['15.10.2025', 'Scale', 'n/a', 'CHF'],
      ['16.10.2025', 'Scale', '7,25', 'CHF'],
      ['17.10.2025', 'Scale', '1,5', 'EUR']
    ]
    const mapping = { ...defaultBookingMapping(teur[0]!), amountScale: 1000 as const }
    // The empty and the unreadable amount are passed over; the third row's is the example.
    expect(readBookings('Buchungen', teur, 0, mapping, target).example).toEqual({
      source: '7,25',
      cents: 725_000,
      currency: 'CHF'
    })
    // A credit column's cell as written, before its sign.
    expect(
      read([
        ['Posting date', 'Cost center', 'Debit', 'Credit'],
        ['2026-10-06', 'Scale', '', '250.25']
      ]).example
    ).toEqual({ source: '250.25', cents: 25025, currency: 'EUR' })
    expect(
      read([
        ['Buchungsdatum', 'Kostenstelle', 'Betrag'],
        ['15.10.2025', 'Scale', '']
      ]).example
    ).toBe(undefined)
  })

  it('refuses nothing silently: a sheet without a date column reports every row', () => {
    const r = read([
      ['Kostenstelle', 'Betrag'],
      ['Scale', 100]
    ])
    expect(r.counts.bad).toBe(1)
    expect(r.issues[0]).toMatchObject({ row: 2, code: 'missing-date' })
  })
})
