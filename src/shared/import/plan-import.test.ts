import { describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import { applyChanges } from '../planning/changes'
import type { BudgetLine } from '../planning/types'
import type { ConvertResult, ParsedRow } from './types'
import { changesPage, planImport, previewPage } from './plan-import'
import { unpackChanges } from './packed-changes'
import { errorReportRows } from './report-rows'
import { planStructureOf } from './to-plan'
import { overviewOf, SHEET_SAMPLE_ROWS, type ReadSheetResult } from './workbook'

const budgetRow = (row: number, phase: string, quarter: string, amountCents: number): ParsedRow => ({
  row,
  ok: true,
  kind: 'budget',
  values: {
    phase,
    workstream: row === 5 ? 'migrationen' : null,
    quarter: quarter as '2026-Q1',
    category: 'Beratung',
    title: `Line ${row}`,
    amountCents,
    currency: 'EUR'
  },
  issues: []
})

const badRow: ParsedRow = {
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

const rows: ParsedRow[] = [
  budgetRow(5, 'Phase 1', '2025-Q4', 425000),
  budgetRow(6, 'Phase 9', '2026-Q1', 100),
  budgetRow(7, 'Phase 2', '2026-Q1', 2000),
  badRow
]

const sheet = (r: ParsedRow[] = rows): ConvertResult => ({
  sheet: 'Budget',
  kind: 'budget',
  headerRow: 4,
  rows: r,
  counts: {
    good: r.filter((x) => x.ok).length,
    bad: r.filter((x) => !x.ok).length,
    totals: 1,
    empty: 0,
    ambiguous: 0
  },
  totalRows: [12],
  numberStyle: 'de',
  shareScale: null
})

describe('planImport', () => {
  it('adds the good rows as one set of changes and lists every problem by row', () => {
    const plan = buildFreshFoodzPlan()
    const p = planImport(sheet(), { kind: 'current', plan: planStructureOf(plan), createRoles: false })
    expect(p.changes.map((c) => [c.table, c.before])).toEqual([
      ['budgetLines', null],
      ['budgetLines', null]
    ])
    expect(p.changes[0]).toMatchObject({ after: { amountCents: 425000, planId: plan.plan.id } })
    expect(p.issues.map((i) => [i.row, i.code])).toEqual([
      [6, 'unknown-phase'],
      [9, 'bad-quarter']
    ])
    expect(p.summary).toEqual({
      importCount: 2,
      badRows: 2,
      totals: 1,
      newRoles: 0,
      changeCount: 2,
      newPlan: null
    })
    const after = applyChanges(plan, p.changes)
    expect(after.budgetLines.length).toBe(plan.budgetLines.length + 2)
  })

  it('matches on the plan structure alone exactly as on the whole plan', () => {
    const plan = buildFreshFoodzPlan()
    let n = 0
    const newId = () => `id-${++n}`
    const whole = planImport(sheet(), { kind: 'current', plan, createRoles: false }, { newId })
    n = 0
    const small = planImport(
      sheet(),
      { kind: 'current', plan: planStructureOf(plan), createRoles: false },
      { newId }
    )
    expect(small.changes).toEqual(whole.changes)
    expect(small.issues).toEqual(whole.issues)
  })

  it('into a new plan, the skeleton comes back and every good row finds its phase', () => {
    const p = planImport(sheet(), { kind: 'new', name: 'Import' })
    expect(p.summary.newPlan?.plan.name).toBe('Import')
    expect(p.summary.newPlan?.phases.map((ph) => ph.name)).toEqual(['Phase 1', 'Phase 9', 'Phase 2'])
    expect(p.summary.importCount).toBe(3)
    expect(p.summary.badRows).toBe(1)
    expect(p.changes.map((c) => (c.after as BudgetLine).planId)).toEqual(
      [1, 2, 3].map(() => p.summary.newPlan?.plan.id)
    )
  })

  it('creates missing roles only when asked, and lists them before the allocations', () => {
    const plan = buildFreshFoodzPlan()
    const alloc: ParsedRow = {
      row: 3,
      ok: true,
      kind: 'allocations',
      values: {
        role: 'Data Wrangler',
        workstream: 'migrationen',
        quarter: '2026-Q1',
        shareBp: 5000,
        note: ''
      },
      issues: []
    }
    const result = { ...sheet([alloc]), kind: 'allocations' as const }
    const strict = planImport(result, { kind: 'current', plan: planStructureOf(plan), createRoles: false })
    expect(strict.summary).toMatchObject({ importCount: 0, badRows: 1, newRoles: 0 })
    expect(strict.issues[0].code).toBe('unknown-role')
    const lenient = planImport(result, { kind: 'current', plan: planStructureOf(plan), createRoles: true })
    expect(lenient.summary).toMatchObject({ importCount: 1, badRows: 0, newRoles: 1, changeCount: 2 })
    expect(lenient.changes.map((c) => c.table)).toEqual(['roles', 'allocations'])
  })
})

describe('pages', () => {
  const many: ParsedRow[] = Array.from({ length: 25 }, (_, i) =>
    i % 5 === 4
      ? { ...badRow, row: 10 + i, issues: [{ ...badRow.issues[0], row: 10 + i }] }
      : budgetRow(10 + i, 'Phase 1', '2026-Q1', 100 * i)
  )
  const planned = planImport(sheet(many), {
    kind: 'current',
    plan: planStructureOf(buildFreshFoodzPlan()),
    createRoles: false
  })

  it('preview pages walk every row once, each with its problems', () => {
    const seen: number[] = []
    for (let offset = 0; offset < many.length; offset += 7) {
      const page = previewPage(many, planned, { offset, limit: 7, onlyProblems: false })
      expect(page.total).toBe(25)
      seen.push(...page.rows.map((r) => r.parsed.row))
    }
    expect(seen).toEqual(many.map((r) => r.row))
    const first = previewPage(many, planned, { offset: 0, limit: 5, onlyProblems: false })
    expect(first.rows[4].issues.map((i) => i.code)).toEqual(['bad-quarter'])
    expect(first.rows[0].issues).toEqual([])
  })

  it('only-problems pages hold the problem rows and count them', () => {
    const page = previewPage(many, planned, { offset: 1, limit: 3, onlyProblems: true })
    expect(page.total).toBe(5)
    expect(page.rows.map((r) => r.parsed.row)).toEqual([19, 24, 29])
    expect(previewPage(many, planned, { offset: 99, limit: 3, onlyProblems: true })).toEqual({
      offset: 5,
      total: 5,
      rows: []
    })
  })

  it('change pages concatenate to the whole list', () => {
    const all = []
    for (let offset = 0; ; offset += 6) {
      const page = changesPage(planned, { offset, limit: 6 })
      expect(page.total).toBe(20)
      if (!page.packed.count) break
      all.push(...unpackChanges(page.packed))
    }
    expect(all).toEqual(planned.changes)
  })
})

describe('errorReportRows', () => {
  it('gives each skipped row its cells and reasons', () => {
    const plan = buildFreshFoodzPlan()
    const p = planImport(sheet(), { kind: 'current', plan: planStructureOf(plan), createRoles: false })
    const report = errorReportRows(rows, p.issuesByRow, 'Budget', 7)
    expect(report.map((r) => r.row)).toEqual([6, 9])
    expect(report[0].cells.slice(0, 2)).toEqual(['Phase 9', ''])
    expect(report[1]).toMatchObject({
      sheet: 'Budget',
      cells: ['Phase 3', 'integration', 'Q5 2026'],
      issues: [{ code: 'bad-quarter', column: 'C' }]
    })
  })
})

describe('overviewOf', () => {
  it('keeps everything but the rows, of which a few samples', () => {
    const many = Array.from({ length: 40 }, (_, i) => budgetRow(5 + i, 'Phase 1', '2026-Q1', i))
    const read: ReadSheetResult = {
      sheet: 0,
      headerRow: 4,
      headers: ['Phase'],
      fingerprint: 'L1-x',
      suggestion: {
        kind: 'budget',
        columns: { phase: 0 },
        headerCurrency: null,
        scale: null,
        tableScale: null,
        matched: { budget: 1, allocations: 0 },
        periodColumns: []
      },
      mapping: {
        kind: 'budget',
        columns: { phase: 0 },
        numberStyle: 'auto',
        shareScale: 'auto',
        defaultCurrency: 'EUR'
      },
      result: sheet(many)
    }
    const o = overviewOf(read)
    expect(o.result.rowCount).toBe(40)
    expect(o.result.sample).toEqual(many.slice(0, SHEET_SAMPLE_ROWS))
    expect('rows' in o.result).toBe(false)
    expect(o.result.counts).toEqual(read.result.counts)
    expect(o.mapping).toEqual(read.mapping)
  })
})
