// The whole import as main runs it: file checks, the parse worker, limits, cancel and the
// German budget fixture, through the same service the handler, CLI and corpus script use.
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile, openImport } from './service'
import * as XLSX from 'xlsx'
import { ImportError, ImportStateError } from './errors'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { matchToPlan, planStructureOf } from '../../../shared/import/to-plan'
import { planImport } from '../../../shared/import/plan-import'
import { unpackChanges } from '../../../shared/import/packed-changes'
import { describeIssue } from '../../../shared/import/convert'
import type { EntityChange } from '../../../shared/planning/types'

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

describe('the rows stay in the worker', () => {
  const withTitle = async () => {
    const opened = await openImport(fixture('budget-de.xlsx'))
    const first = await opened.session.readOverview({ sheet: opened.summary.bestSheet })
    const mapping = { ...first.mapping, columns: { ...first.mapping.columns, title: 4 } }
    return { ...opened, mapping, overview: await opened.session.readOverview({ sheet: 0, mapping }) }
  }
  const withoutIds = (changes: EntityChange[]) =>
    changes.map((c) => ({ ...c, id: '', after: { ...c.after, id: '', planId: '' } }))

  it('a read answers with counts, mapping and a few samples instead of the rows', async () => {
    const { session, overview } = await withTitle()
    try {
      expect(overview.headerRow).toBe(4)
      expect(overview.result.counts).toMatchObject({ good: 5, bad: 1, totals: 1 })
      expect(overview.result.rowCount).toBe(6)
      expect(overview.result.sample[0]).toMatchObject({ row: 5, ok: true })
      expect('rows' in overview.result).toBe(false)
      // The same sheet read with all rows (as the CLI does) says the same.
      const full = await session.read({ sheet: 0, mapping: overview.mapping })
      const { rows, ...rest } = full.result
      expect(rows).toHaveLength(6)
      expect(overview.result).toMatchObject(rest)
    } finally {
      await session.close()
    }
  })

  it('plans onto the current plan and pages the preview and the changes, as the CLI matches them', async () => {
    const { session, mapping } = await withTitle()
    try {
      const plan = buildFreshFoodzPlan()
      const target = { kind: 'current', plan: planStructureOf(plan), createRoles: false } as const
      const summary = await session.plan(target)
      expect(summary).toEqual({
        importCount: 5,
        badRows: 1,
        totals: 1,
        newRoles: 0,
        changeCount: 5,
        newPlan: null,
        version: 1
      })
      const all = await session.preview({ offset: 0, limit: 300, onlyProblems: false })
      expect(all.total).toBe(6)
      expect(all.rows.map((r) => r.parsed.row)).toEqual([5, 6, 7, 8, 9, 10])
      const problems = await session.preview({ offset: 0, limit: 300, onlyProblems: true })
      expect(problems.total).toBe(1)
      expect(problems.rows[0].issues.map(describeIssue)).toEqual([
        `Sheet 'Budget 2026', row 9, column C (Quarter): "Q5 2026" is not a quarter (Q1 2026, 2026-Q1, 1. Quartal 2026 or a date)`
      ])
      const first = await session.changes({ version: summary.version, offset: 0, limit: 3 })
      const rest = await session.changes({ version: summary.version, offset: 3, limit: 3 })
      expect([first.total, first.packed.count, rest.packed.count]).toEqual([5, 3, 2])
      const changes = [...unpackChanges(first.packed), ...unpackChanges(rest.packed)]
      expect(changes.every((c) => c.table === 'budgetLines' && c.before === null)).toBe(true)
      // The CLI reads every row and matches in its own thread: the same lines come out.
      const full = await session.read({ sheet: 0, mapping })
      const cli = planImport(full.result, target)
      expect(withoutIds(changes)).toEqual(withoutIds(cli.changes))
      expect(matchToPlan(full.result.rows, plan, { sheet: full.result.sheet }).budgetLines).toHaveLength(5)
    } finally {
      await session.close()
    }
  })

  it('plans into a new plan: the skeleton comes back and the changes belong to it', async () => {
    const { session } = await withTitle()
    try {
      const summary = await session.plan({ kind: 'new', name: 'budget-de.xlsx (import)' })
      expect(summary.newPlan?.plan.name).toBe('budget-de.xlsx (import)')
      expect(summary.newPlan?.phases.map((p) => p.name)).toEqual(['Phase 1', 'Phase 2', 'P2', 'Phase 4'])
      const page = await session.changes({ version: summary.version, offset: 0, limit: 100 })
      const changes = unpackChanges(page.packed)
      expect(changes).toHaveLength(summary.changeCount)
      const planId = summary.newPlan?.plan.id
      expect(changes.every((c) => (c.after as { planId: string }).planId === planId)).toBe(true)
    } finally {
      await session.close()
    }
  })

  it('builds the error report from the kept rows', async () => {
    const { session } = await withTitle()
    try {
      await session.plan({
        kind: 'current',
        plan: planStructureOf(buildFreshFoodzPlan()),
        createRoles: false
      })
      const report = await session.errorReport('budget-de.xlsx')
      expect(report.rows).toBe(1)
      const wb = XLSX.read(report.data)
      const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Skipped rows'], { header: 1 })
      expect(rows[0]).toEqual(['Rows skipped when importing budget-de.xlsx'])
      expect(rows[3].slice(0, 5)).toEqual(['Budget 2026', 9, 'C', 'quarter', 'Q5 2026'])
    } finally {
      await session.close()
    }
  })

  it('refuses pages before a plan, after a new read and of an older plan, and keeps working', async () => {
    const { session, mapping } = await withTitle()
    try {
      const refused = (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(ImportStateError)
      await refused(session.preview({ offset: 0, limit: 10, onlyProblems: false }))
      await refused(session.changes({ version: 1, offset: 0, limit: 10 }))
      const { version } = await session.plan({ kind: 'new', name: 'x' })
      expect((await session.changes({ version, offset: 0, limit: 10 })).total).toBe(5)
      await session.readOverview({ sheet: 0, mapping })
      await refused(session.changes({ version, offset: 0, limit: 10 }))
      await refused(session.errorReport('x'))
      const again = await session.plan({ kind: 'new', name: 'x' })
      expect(again).toMatchObject({ importCount: 5, version: version + 1 })
      await refused(session.changes({ version, offset: 0, limit: 10 }))
    } finally {
      await session.close()
    }
  })
})

describe("Excel's text saves", () => {
  it('reads a "Unicode Text" .txt (UTF-16 LE with a BOM, tabs) with its umlauts and amounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-txt-'))
    const path = join(dir, 'Budget.txt')
    const text =
      '\ufeffPhase\tQuartal\tBezeichnung\tBetrag\r\nPhase 1\tQ4 2025\tPrüfung „extern“\t1.234,56 €\r\n'
    writeFileSync(path, Buffer.from(text + 'Phase 2\tQ1 2026\tLizenz\t99,00 €\r\n', 'utf16le'))
    const { summary, sheet } = await importFile(path)
    expect(summary.encoding).toBe('utf-16le')
    const rows = sheet.result.rows.map((r) =>
      r.ok && r.kind === 'budget' ? [r.values.title, r.values.amountCents] : r
    )
    expect(rows).toEqual([
      ['Prüfung „extern“', 123_456],
      ['Lizenz', 9_900]
    ])
  })
  it('a .txt that is not a table is refused as one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-txt-'))
    writeFileSync(join(dir, 'notes.txt'), 'Bitte bis Freitag das Budget schicken.\n')
    expect((await failure(importFile(join(dir, 'notes.txt')))).reason).toBe('not-tabular')
  })
})

describe('hostile files end in a specific reason, in bounded time', () => {
  it('reads a sheet declaring A1:XFD1048576 with few cells quickly', async () => {
    const started = Date.now()
    const { summary } = await openImport(fixture('calamine/issue_174.xlsx')).then(async (o) => {
      await o.session.close()
      return o
    })
    // A hang guard, not a timing: the bound leaves room for a busy test run, as below.
    expect(Date.now() - started).toBeLessThan(25_000)
    expect(summary.sheets[0].rowCount).toBeLessThan(10)
  })
  it('refuses the ODS that repeats a row a billion times, naming the counts', async () => {
    // Its filled cell is repeated 999,999,999 times across the row: past the column limit.
    const err = await failure(importFile(fixture('calamine/issue_594_dos.ods')))
    expect(err.reason).toBe('too-large')
    expect(err.message).toMatch(/repeated 999,999,999 times.*past the import's limit of 512 columns/)
  })
  it('refuses the billion-row ODS with styles in bounded time, naming the counts', async () => {
    const started = Date.now()
    const err = await failure(importFile(fixture('calamine/issue_594_dos_with_styles.ods')))
    // About a second on an idle machine; the bound leaves room for a busy test run.
    expect(Date.now() - started).toBeLessThan(25_000)
    expect(err.reason).toBe('too-large')
    expect(err.message).toMatch(/repeated 999,999,999 times/)
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
