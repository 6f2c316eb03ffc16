// Switching what a sheet holds (budget lines ↔ allocations) on a sheet with its periods across the
// columns: the mapping after any switch reads the sheet as a fresh read of it with that kind would.
import { describe, expect, it } from 'vitest'
import { readSheet, readWorkbook } from './read-workbook'
import { DEFAULT_LIMITS } from './limits'
import { columnsForKind } from '../../../shared/import/mapping'
import type { ColumnMapping, ImportKind } from '../../../shared/import/types'

function open(csv: string) {
  return readWorkbook(new TextEncoder().encode(csv), 'csv', 'plan.csv', DEFAULT_LIMITS)
}

/** The mapping the wizard's kind switch gives from the mapping shown. */
function switched(opened: ReturnType<typeof open>, from: ColumnMapping, kind: ImportKind): ColumnMapping {
  const fresh = readSheet(opened, { sheet: 0 })
  return { ...from, kind, columns: columnsForKind(fresh.suggestion, fresh.headers, kind, from.layout) }
}

const records = (r: ReturnType<typeof readSheet>) =>
  r.result.rows.map((p) =>
    p.ok && p.kind === 'budget' ? `${p.row} ${p.values.quarter} ${p.values.amountCents}` : `${p.row} bad`
  )

describe('a kind switch on a sheet with periods across', () => {
  // "Summe" is an amount title and "Plan Jan 2026" holds one, yet both are the periods' here.
  const MONTHS =
    'Phase;Position;Plan Jan 2026;Plan Feb 2026;Plan Apr 2026;Summe\n' +
    'Phase 1;Grafana;1.000,00;1.000,00;2.000,00;4.000,00\n' +
    'Phase 1;Schulung;;500,00;250,00;750,00\n'

  it('budget → allocations → budget reads every period again, never one as the amount', () => {
    const opened = open(MONTHS)
    const fresh = readSheet(opened, { sheet: 0 })
    expect(fresh.mapping.kind).toBe('budget')
    expect(fresh.mapping.columns).toEqual({ phase: 0, title: 1 })
    expect(records(fresh)).toEqual([
      '2 2026-Q1 200000',
      '2 2026-Q2 200000',
      '3 2026-Q1 50000',
      '3 2026-Q2 25000'
    ])
    const allocs = switched(opened, fresh.mapping, 'allocations')
    expect(allocs.columns.share).toBeUndefined()
    const back = switched(opened, readSheet(opened, { sheet: 0, mapping: allocs }).mapping, 'budget')
    expect(back).toEqual(fresh.mapping)
    const again = readSheet(opened, { sheet: 0, mapping: back })
    expect(records(again)).toEqual(records(fresh))
    expect(again.result.wide).toEqual(fresh.result.wide)
  })

  it('allocations → budget → allocations keeps the FTE periods as periods, not one as the share', () => {
    const opened = open(
      'Rolle;Arbeitspaket;Q1 2026 (FTE);Q2 2026 (FTE);Q3 2026 (FTE)\n' +
        'DevOps Lead;Scale;0,5;1;0,5\n' +
        'Cloud Architect;Monitoring;1;0,5;\n'
    )
    const fresh = readSheet(opened, { sheet: 0 })
    expect(fresh.mapping.kind).toBe('allocations')
    expect(fresh.mapping.columns).toEqual({ role: 0, workstream: 1 })
    const budget = switched(opened, fresh.mapping, 'budget')
    expect(budget.columns.amount).toBeUndefined()
    expect(readSheet(opened, { sheet: 0, mapping: budget }).result.wide?.columns).toEqual(['C', 'D', 'E'])
    const back = switched(opened, budget, 'allocations')
    expect(back.columns).toEqual(fresh.mapping.columns)
    const again = readSheet(opened, { sheet: 0, mapping: back })
    expect(again.result.rows).toEqual(fresh.result.rows)
    expect(again.result.counts.good).toBe(5)
  })

  it('read one row per record by choice, the period titles are plain columns after a switch too', () => {
    const opened = open(MONTHS)
    const long: ColumnMapping = { ...readSheet(opened, { sheet: 0 }).mapping, layout: 'long' }
    const allocs = switched(opened, long, 'allocations')
    const back = switched(opened, allocs, 'budget')
    expect(back.layout).toBe('long')
    // "Summe" as a fresh read names it, before the periods were set aside.
    expect(back.columns.amount).toBe(5)
  })

  it('a quarter column outside the periods keeps its amount column: the sheet is one row per record', () => {
    const opened = open(
      'Phase;Quartal;Betrag;Jan;Feb\n' + 'Phase 1;Q1 2026;1.000,00;x;y\n' + 'Phase 1;Q2 2026;500,00;;\n'
    )
    const fresh = readSheet(opened, { sheet: 0 })
    expect(fresh.mapping.columns).toMatchObject({ phase: 0, quarter: 1, amount: 2 })
    expect(switched(opened, fresh.mapping, 'budget').columns).toEqual(fresh.mapping.columns)
    expect(fresh.result.wide).toBeUndefined()
  })
})
