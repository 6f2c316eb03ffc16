import { describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import { applyChanges } from '@shared/planning/changes'
import type { ColumnMapping, ParsedRow } from '@shared/import/types'
import { errorReportRows, newPlanFor, planImport, recallMapping, rememberMapping } from './wizard-model'

const mapping: ColumnMapping = {
  kind: 'budget',
  columns: { phase: 0, workstream: 1, quarter: 2, amount: 5, title: 4 },
  numberStyle: 'de',
  shareScale: 'auto',
  defaultCurrency: 'EUR'
}
const headers = [
  'Phase',
  'Arbeitspaket',
  'Quartal',
  'Kategorie',
  'Leistungsbeschreibung',
  'Betrag',
  'Währung'
]

const rows: ParsedRow[] = [
  {
    row: 5,
    ok: true,
    kind: 'budget',
    values: {
      phase: 'Phase 1',
      workstream: 'migrationen',
      quarter: '2025-Q4',
      category: 'Beratung',
      title: 'Review',
      amountCents: 425000,
      currency: 'EUR'
    },
    issues: []
  },
  {
    row: 6,
    ok: true,
    kind: 'budget',
    values: {
      phase: 'Phase 9',
      workstream: null,
      quarter: '2026-Q1',
      category: '',
      title: 'X',
      amountCents: 100,
      currency: 'EUR'
    },
    issues: []
  },
  {
    row: 9,
    ok: false,
    kind: 'budget',
    cells: ['Phase 3', 'integration', 'Q5 2026'],
    issues: [
      {
        code: 'bad-quarter',
        sheet: 'Budget',
        row: 9,
        column: 'C',
        field: 'quarter',
        value: 'Q5 2026',
        message: 'is not a quarter'
      }
    ]
  }
]

describe('remembered mappings', () => {
  it('round-trip through header names and survive a moved column', () => {
    const stored = rememberMapping('L1-x', headers, mapping, 4)
    expect(stored.mapping).toMatchObject({ amount: 'Betrag', title: 'Leistungsbeschreibung' })
    expect(recallMapping(stored, headers, { ...mapping, numberStyle: 'auto' })).toEqual(mapping)
    const moved = ['Betrag', ...headers.filter((h) => h !== 'Betrag')]
    expect(recallMapping(stored, moved, mapping)?.columns.amount).toBe(0)
  })
  it('are not used when a mapped column is gone', () => {
    const stored = rememberMapping('L1-x', headers, mapping, 4)
    expect(recallMapping(stored, headers.slice(0, 3), mapping)).toBeNull()
  })
})

describe('planImport', () => {
  it('adds the good rows as one set of changes and lists every problem by row', () => {
    const plan = buildFreshFoodzPlan()
    const p = planImport(rows, plan, 'Budget', false)
    expect(p.changes).toHaveLength(1)
    expect(p.changes[0]).toMatchObject({ table: 'budgetLines', before: null, after: { amountCents: 425000 } })
    expect(p.issues.map((i) => [i.row, i.code])).toEqual([
      [6, 'unknown-phase'],
      [9, 'bad-quarter']
    ])
    expect(p.badRows).toBe(2)
    const after = applyChanges(plan, p.changes)
    expect(after.budgetLines.length).toBe(plan.budgetLines.length + 1)
  })
  it('into a new plan, every good row finds its phase', () => {
    const fresh = newPlanFor(rows, 'Import')
    const p = planImport(rows, fresh, 'Budget', true)
    expect(p.changes.filter((c) => c.table === 'budgetLines')).toHaveLength(2)
    expect(fresh.phases.map((ph) => ph.name)).toEqual(['Phase 1', 'Phase 9'])
  })
})

describe('errorReportRows', () => {
  it('gives each skipped row its cells and reasons', () => {
    const plan = buildFreshFoodzPlan()
    const p = planImport(rows, plan, 'Budget', false)
    const report = errorReportRows(rows, p.issues, 'Budget', headers.length)
    expect(report.map((r) => r.row)).toEqual([6, 9])
    expect(report[1]).toMatchObject({
      sheet: 'Budget',
      cells: ['Phase 3', 'integration', 'Q5 2026'],
      issues: [{ code: 'bad-quarter', column: 'C' }]
    })
  })
})
