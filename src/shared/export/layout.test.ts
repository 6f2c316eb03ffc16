import { describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import { smallPlan } from '../../../test/support/testing'
import type { PlanData } from '../planning/types'
import type { SheetLayout, XCell } from './layout'
import { buildWorkbookLayout, colName, DATA_CHUNK, splitChunks } from './layout'

const cells = (sheet: SheetLayout) => sheet.rows.flatMap((r) => r.filter((c): c is XCell => c !== undefined))
const find = (sheet: SheetLayout, text: string) => {
  for (let r = 0; r < sheet.rows.length; r++) {
    const c = sheet.rows[r].findIndex((x) => x?.v === text)
    if (c >= 0) return { r, c, cell: sheet.rows[r][c]! }
  }
  throw new Error(`no cell "${text}" on ${sheet.name}`)
}

describe('workbook layout', () => {
  const plan = buildFreshFoodzPlan()
  const en = buildWorkbookLayout(plan, { language: 'en', exportedAt: new Date('2026-11-26T10:00:00Z') })

  it('has the five visible sheets in the app language and one hidden data sheet', () => {
    expect(en.sheets.map((s) => [s.name, Boolean(s.hidden)])).toEqual([
      ['Team allocation', false],
      ['Budget', false],
      ['Summary', false],
      ['Risks', false],
      ['Deliverables and metrics', false],
      ['_qm', true]
    ])
    const de = buildWorkbookLayout(plan, { language: 'de' })
    expect(de.sheets.map((s) => s.name)).toEqual([
      'Teamzuordnung',
      'Budget',
      'Übersicht',
      'Risiken',
      'Ergebnisse und Kennzahlen',
      '_qm'
    ])
    expect(find(de.sheets[0], 'Rolle').cell).toMatchObject({ t: 's' })
  })

  it('totals the budget with SUM formulas whose computed values are the plan totals', () => {
    const budget = en.sheets[1]
    const total = find(budget, 'Plan total')
    const row = budget.rows[total.r]
    const formulas = row.filter((c): c is Extract<XCell, { t: 'n' }> => c?.t === 'n' && 'f' in c && !!c.f)
    expect(formulas.length).toBeGreaterThan(5)
    // Total (EUR), cap and remaining of the whole plan: €415,000 planned against €415,000.
    const values = row.filter((c) => c?.t === 'n').map((c) => c!.v)
    expect(values.slice(-3)).toEqual([415_000, 415_000, 0])
    const foundation = budget.rows[find(budget, 'Foundation (P0)').r]
    const sums = foundation.filter((c) => c?.t === 'n' && (c as { f?: string }).f?.startsWith('SUM('))
    expect(sums.length).toBeGreaterThan(0)
    const remaining = foundation.filter((c) => c?.t === 'n').at(-1) as { f?: string }
    expect(remaining.f).toMatch(/^[A-Z]+\d+-[A-Z]+\d+$/)
  })

  it('writes every text as a text cell, so a role named like a formula stays text', () => {
    const evil: PlanData = { ...smallPlan() }
    evil.roles = evil.roles.map((r, i) =>
      i === 0 ? { ...r, name: '=HYPERLINK("http://example.com","x")' } : r
    )
    evil.budgetLines = evil.budgetLines.map((l, i) => (i === 0 ? { ...l, title: '+cmd|" /C calc"!A0' } : l))
    const layout = buildWorkbookLayout(evil, { language: 'en' })
    const role = find(layout.sheets[0], '=HYPERLINK("http://example.com","x")').cell
    expect(role).toEqual({ t: 's', v: '=HYPERLINK("http://example.com","x")', z: expect.any(String) })
    expect('f' in role).toBe(false)
    // No formula anywhere mentions user text.
    for (const sheet of layout.sheets) {
      for (const c of cells(sheet)) {
        if (c.t === 'n' && c.f) expect(c.f).not.toMatch(/HYPERLINK|cmd|calc/)
      }
    }
  })

  it('freezes the header rows and gives every column a width', () => {
    for (const sheet of en.sheets.slice(0, 5)) {
      expect(sheet.freeze?.rows).toBeGreaterThan(0)
      const width = Math.max(...sheet.rows.map((r) => r.length))
      expect(sheet.cols.length).toBeGreaterThanOrEqual(width)
    }
    expect(en.sheets[0].freeze).toEqual({ rows: 4, cols: 2 })
  })

  it('uses EUR, CHF and percent number formats', () => {
    const withChf = smallPlan()
    const layout = buildWorkbookLayout(withChf, { language: 'en' })
    const formats = new Set(layout.sheets.flatMap((s) => cells(s).map((c) => c.z ?? '')))
    expect([...formats].some((z) => z.startsWith('"€"#,##0.00'))).toBe(true)
    expect([...formats].some((z) => z.startsWith('"CHF "#,##0.00'))).toBe(true)
    expect([...formats].some((z) => z.includes('0%'))).toBe(true)
    const de = buildWorkbookLayout(withChf, { language: 'de' })
    expect(
      de.sheets.flatMap((s) => cells(s).map((c) => c.z ?? '')).some((z) => z.startsWith('#,##0.00 "€"'))
    ).toBe(true)
  })

  it('lists over-allocations and cap breaches on the summary', () => {
    const over = smallPlan()
    over.allocations.push({ ...over.allocations[0], id: 'x9', shareBp: 8_000 })
    over.budgetLines.push({ ...over.budgetLines[0], id: 'l9', amountCents: 100_000 })
    const summary = buildWorkbookLayout(over, { language: 'en' }).sheets[2]
    const overRow = summary.rows[find(summary, 'Over-allocations (above 100 % of capacity)').r + 2]
    expect(overRow.map((c) => c?.v)).toEqual(['r1', 'Q4 2025', 1.8, 1, 1.8])
    const breach = summary.rows[find(summary, 'Phase budget caps exceeded').r + 2]
    expect(breach[0]?.v).toBe('Phase 1')
    expect(breach[3]?.v).toBe(1_000 + 200 + 300 - 500)
  })

  it('splits the hidden JSON into cells below Excel’s limit without cutting a character in two', () => {
    const text = 'a'.repeat(DATA_CHUNK - 1) + '😀' + 'b'.repeat(10)
    const parts = splitChunks(text, DATA_CHUNK)
    expect(parts.join('')).toBe(text)
    expect(parts[0].length).toBe(DATA_CHUNK - 1)
    expect(parts.every((p) => p.length <= DATA_CHUNK)).toBe(true)
    expect(colName(0)).toBe('A')
    expect(colName(27)).toBe('AB')
  })
})
