// The whole import as main runs it: file checks, the parse worker, limits, cancel and the
// German budget fixture, through the same service the handler, CLI and corpus script use.
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { importFile, openImport } from './service'
import { ImportError } from './errors'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { matchToPlan } from '../../../shared/import/to-plan'
import { describeIssue } from '../../../shared/import/convert'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url))

async function failure(p: Promise<unknown>): Promise<{ reason: string; message: string }> {
  try {
    await p
  } catch (err) {
    if (err instanceof ImportError) return { reason: err.reason, message: err.message }
    throw err
  }
  throw new Error('expected the import to fail')
}

describe('importing the German budget sheet', () => {
  it('finds the header on row 4 and reads German, Swiss and date values, formulas as values', async () => {
    const { summary, sheet } = await importFile(fixture('budget-de.xlsx'))
    expect(summary.sheets.map((s) => s.name)).toEqual(['Budget 2026', 'Hinweise'])
    expect(summary.bestSheet).toBe(0)
    expect(sheet.headerRow).toBe(4)
    expect(sheet.mapping.columns).toEqual({
      phase: 0,
      workstream: 1,
      quarter: 2,
      category: 3,
      amount: 5,
      currency: 6
    })
    const good = sheet.result.rows
      .filter((r) => r.ok)
      .map(
        (r) =>
          r.ok && r.kind === 'budget' && [r.row, r.values.quarter, r.values.amountCents, r.values.currency]
      )
    expect(good).toEqual([
      [5, '2025-Q4', 425000, 'EUR'],
      [6, '2026-Q1', 1280050, 'EUR'],
      [7, '2026-Q1', 975000, 'EUR'],
      [8, '2026-Q2', 840050, 'CHF'],
      [10, '2026-Q3', 250000, 'EUR']
    ])
    expect(sheet.result.counts).toMatchObject({ good: 5, bad: 1, totals: 1 })
    expect(sheet.result.totalRows).toEqual([12])
    const bad = sheet.result.rows.find((r) => !r.ok)!
    expect(bad.issues.map(describeIssue)).toEqual([
      `Sheet 'Budget 2026', row 9, column C (Quarter): "Q5 2026" is not a quarter (Q1 2026, 2026-Q1, 1. Quartal 2026 or a date)`
    ])
  })

  it('maps onto the FreshFoodz plan: phases by name and priority, workstreams by key', async () => {
    const { sheet } = await importFile(fixture('budget-de.xlsx'))
    const plan = buildFreshFoodzPlan()
    const matched = matchToPlan(sheet.result.rows, plan, { sheet: sheet.result.sheet })
    expect(matched.errors).toEqual([])
    expect(
      matched.budgetLines.map((l) => [
        plan.phases.find((p) => p.id === l.phaseId)!.name,
        l.amountCents,
        l.currency
      ])
    ).toEqual([
      ['Foundation', 425000, 'EUR'],
      ['Operations', 1280050, 'EUR'],
      ['Operations', 975000, 'EUR'],
      ['Integration', 840050, 'CHF'],
      ['Governance', 250000, 'EUR']
    ])
  })

  it('reads the title column once the user maps it', async () => {
    const { session, summary } = await openImport(fixture('budget-de.xlsx'))
    try {
      const first = await session.read({ sheet: summary.bestSheet })
      const fixed = await session.read({
        sheet: 0,
        mapping: { ...first.mapping, columns: { ...first.mapping.columns, title: 4 } }
      })
      const titles = fixed.result.rows.flatMap((r) => (r.ok && r.kind === 'budget' ? [r.values.title] : []))
      expect(titles[0]).toBe('Zusätzliches Migrations-Review')
    } finally {
      await session.close()
    }
  })

  it('reads an English staffing CSV as allocations', async () => {
    const { sheet } = await importFile(fixture('staffing-en.csv'))
    expect(sheet.mapping.kind).toBe('allocations')
    expect(sheet.result.counts).toMatchObject({ good: 4, bad: 0, totals: 1 })
  })
})

describe('hostile files end in a specific reason, in bounded time', () => {
  it('reads a sheet declaring A1:XFD1048576 with few cells quickly', async () => {
    const started = Date.now()
    const { summary } = await openImport(fixture('calamine/issue_174.xlsx')).then(async (o) => {
      await o.session.close()
      return o
    })
    expect(Date.now() - started).toBeLessThan(8000)
    expect(summary.sheets[0].rowCount).toBeLessThan(10)
  })
  it('refuses the ODS that repeats a row a billion times', async () => {
    expect((await failure(importFile(fixture('calamine/issue_594_dos.ods')))).reason).toBe('corrupt')
  })
  it('reads the billion-row ODS in bounded time once it is otherwise valid', async () => {
    const started = Date.now()
    const { summary } = await importFile(fixture('calamine/issue_594_dos_with_styles.ods'), {
      limits: { timeoutMs: 25_000 }
    })
    // About a second on an idle machine; the bound leaves room for a busy test run.
    expect(Date.now() - started).toBeLessThan(25_000)
    expect(summary.sheets[0].rowCount).toBeLessThanOrEqual(1000)
  }, 40_000)
  it('names encrypted files', async () => {
    expect((await failure(importFile(fixture('calamine/pass_protected.xlsx')))).reason).toBe('encrypted')
    expect((await failure(importFile(fixture('calamine/pass_protected.ods')))).reason).toBe('encrypted')
  })
  it('says a text file is not a spreadsheet although SheetJS reads it as CSV', async () => {
    const f = await failure(importFile(fixture('calamine/too_small.xls')))
    expect(f.reason).toBe('not-tabular')
    expect(f.message).toMatch(/not a spreadsheet: it is plain text/)
  })
  it('refuses unsupported types and missing files', async () => {
    expect((await failure(importFile('/tmp/report.pdf'))).reason).toBe('unsupported-type')
    expect((await failure(importFile('/nonexistent/budget.xlsx'))).reason).toBe('unreadable')
  })
})

describe('worker limits and cancel', () => {
  it('stops the worker when a request takes longer than the time limit', async () => {
    const f = await failure(importFile(fixture('budget-de.xlsx'), { limits: { timeoutMs: 5 } }))
    expect(f.reason).toBe('timeout')
  })
  it('cancel terminates the worker and ends the pending open', async () => {
    let started: (cancel: () => Promise<void>) => void = () => {}
    const session = new Promise<() => Promise<void>>((resolve) => (started = resolve))
    const p = importFile(fixture('budget-de.xlsx'), { onSession: (s) => started(s.cancel) })
    const cancel = await session
    await cancel()
    expect((await failure(p)).reason).toBe('cancelled')
  })
  it('reports out of memory when the worker heap limit is exceeded', async () => {
    // A heap this small cannot even load SheetJS: the worker dies and the reason says why.
    const f = await failure(importFile(fixture('budget-de.xlsx'), { limits: { maxOldGenerationSizeMb: 4 } }))
    expect(f.reason).toBe('out-of-memory')
  })
})
