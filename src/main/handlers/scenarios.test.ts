import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import type { MainDeps } from '../deps'
import { createFileGrants } from '../files/grants'
import { createDispatcher } from '../../shared/ipc/dispatch'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import { clonePlanData } from '../../shared/planning/clone'
import { applyChanges } from '../../shared/planning/changes'
import { moveBudgetLine } from '../../shared/planning/moves'
import { buildComparisonReport } from '../../shared/scenarios/compare-report'
import { localDateTime, safeFileName, scenariosHandlers } from './scenarios'

function deps(dir: string, savePath: string | null): MainDeps {
  return {
    userDataDir: dir,
    appName: 'Quartermaster',
    appVersion: '0',
    electronVersion: null,
    locale: 'en',
    dialogs: { showOpen: async () => null, showSave: async () => savePath, confirm: async () => true },
    openExternal: async () => undefined,
    openPath: async () => '',
    writesFlushed: () => undefined,
    setTitle: () => undefined,
    setLanguage: () => undefined,
    noteRecentFile: () => undefined,
    lastFolder: () => null,
    grants: createFileGrants()
  }
}

function report() {
  const base = buildFreshFoodzPlan({ planId: 'freshfoodz' })
  let s = clonePlanData(base, { newPlanId: 's', name: 'Later backup' })
  s = applyChanges(
    s,
    moveBudgetLine(s, s.budgetLines.find((l) => l.title.startsWith('Backup'))!.id, { quarter: '2026-Q3' })
  )
  return buildComparisonReport(base, s)
}

describe('scenarios:export-comparison', () => {
  it('writes the comparison workbook where the user chose, with numbers that read back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cmp-'))
    const target = join(dir, 'out')
    const dispatch = createDispatcher(scenariosHandlers(deps(dir, target)))
    const res = await dispatch(
      'scenarios:export-comparison',
      { report: report(), language: 'en', fileName: 'a vs b', title: 'Export' },
      { emit: () => undefined }
    )
    expect(res).toEqual({ ok: true, value: { path: `${target}.xlsx` } })
    const wb = XLSX.read(readFileSync(`${target}.xlsx`), { cellNF: true })
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Budget deltas'], { header: 1 })
    expect(rows).toEqual([
      ['Phase', 'Quarter', 'A', 'B', 'Change (B − A)'],
      ['Operations', 'Q1 2026', 75_000, 45_000, -30_000],
      ['Operations', 'Q3 2026', 0, 30_000, 30_000]
    ])
    expect(wb.Sheets['Budget deltas']['E2'].z).toContain('€')
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('resolves to null when the save dialog is cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cmp-'))
    const dispatch = createDispatcher(scenariosHandlers(deps(dir, null)))
    const res = await dispatch(
      'scenarios:export-comparison',
      { report: report(), language: 'de', fileName: 'x', title: 'Export' },
      { emit: () => undefined }
    )
    expect(res).toEqual({ ok: true, value: null })
  })

  it('says clearly when the folder cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cmp-'))
    const dispatch = createDispatcher(scenariosHandlers(deps(dir, join(dir, 'missing', 'x.xlsx'))))
    const res = await dispatch(
      'scenarios:export-comparison',
      { report: report(), language: 'en', fileName: 'x', title: 'Export' },
      { emit: () => undefined }
    )
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.message).toMatch(/could not be saved.*the folder does not exist/)
  })

  it('refuses a malformed report before the handler runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cmp-'))
    const dispatch = createDispatcher(scenariosHandlers(deps(dir, join(dir, 'x.xlsx'))))
    const bad = { ...report(), shareDeltas: [{ role: 'x', quarter: 'Q1', aBp: 1, bBp: 2, deltaBp: 1 }] }
    const res = await dispatch(
      'scenarios:export-comparison',
      { report: bad, language: 'en', fileName: 'x', title: 'Export' },
      { emit: () => undefined }
    )
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('makes safe file names', () => {
    expect(safeFileName('FreshFoodz vs Plan B: Q1/Q2')).toBe('FreshFoodz vs Plan B Q1 Q2.xlsx')
    expect(safeFileName('...')).toBe('comparison.xlsx')
    expect(safeFileName('a.xlsx')).toBe('a.xlsx')
  })

  it('writes "Created" as a local date and time, not a UTC ISO stamp', () => {
    const at = new Date('2026-12-07T08:40:00Z')
    expect(localDateTime(at, 'en', 'Europe/Berlin')).toBe('7 Dec 2026, 09:40')
    expect(localDateTime(at, 'de', 'Europe/Berlin')).toBe('07.12.2026, 09:40')
    expect(localDateTime(at, 'en', 'Europe/Berlin')).not.toMatch(/T\d\d:|Z$/)
  })
})
