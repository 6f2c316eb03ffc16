// The import channels through the real dispatcher: payload checks, progress events, errors
// with their reason, sessions, matching and pages of the kept rows, cancel and the error report file.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { createDispatcher } from '../../shared/ipc/dispatch'
import type { ImportOpened } from '../../shared/ipc/channels/import'
import type { SheetOverview } from '../../shared/import/workbook'
import type { ChangesPage, PreviewPage, SessionPlanSummary } from '../../shared/import/plan-import'
import { unpackChanges } from '../../shared/import/packed-changes'
import { planStructureOf } from '../../shared/import/to-plan'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { MainDeps } from '../deps'
import { importHandlers } from './import'
import { createFileGrants } from '../files/grants'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url))

function setup(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  // The fixtures stand for files the user dropped on the window; every other path was never chosen.
  const grants = createFileGrants()
  const deps = {
    grants: { grant: grants.grant, has: (p: string) => grants.has(p) || p.startsWith(fixture('')) },
    dialogs: {
      showOpen: async () => answers.open?.shift() ?? null,
      showSave: async () => answers.save?.shift() ?? null,
      confirm: async () => true
    },
    lastFolder: () => null
  } as unknown as MainDeps
  const dispatch = createDispatcher(importHandlers(deps))
  const events: { taskId: string; stage: string }[] = []
  const ctx = { emit: (_e: 'progress', p: { taskId: string; stage: string }) => void events.push(p) }
  return { call: (channel: string, payload: unknown) => dispatch(channel, payload, ctx), events }
}

type Call = ReturnType<typeof setup>['call']

/** Opens the German budget sheet by path and reads its best sheet. */
async function openBudget(call: Call): Promise<{ sessionId: string }> {
  const opened = await call('import:open', { taskId: 'open', path: fixture('budget-de.xlsx') })
  const { sessionId } = (opened as { value: ImportOpened }).value
  expect(await call('import:read-sheet', { sessionId, sheet: 0 })).toMatchObject({ ok: true })
  return { sessionId }
}

describe('import channels', () => {
  it('opens a file from the dialog, reports progress and reads a sheet', async () => {
    const { call, events } = setup({ open: [fixture('budget-de.xlsx')] })
    const opened = await call('import:open', { taskId: 't1' })
    expect(opened.ok).toBe(true)
    const value = (opened as { value: ImportOpened }).value
    expect(value.summary.sheets[0].headerRow).toBe(4)
    expect(value.summary.sheets[0].preview[3]).toEqual([
      'Phase',
      'Arbeitspaket',
      'Quartal',
      'Kategorie',
      'Leistungsbeschreibung',
      'Betrag',
      'Währung'
    ])
    expect(events.every((e) => e.taskId === 't1')).toBe(true)
    expect(events.map((e) => e.stage)).toContain('reading')
    const read = await call('import:read-sheet', { sessionId: value.sessionId, sheet: 0 })
    const overview = (read as { value: SheetOverview }).value
    expect(overview.result.counts.good).toBe(5)
    // The rows stay in main: the answer is small, plain JSON that survives a round trip unchanged.
    expect('rows' in overview.result).toBe(false)
    expect(overview.result.sample.length).toBeLessThanOrEqual(10)
    expect(JSON.parse(JSON.stringify(read))).toEqual(read)
    expect(await call('import:close', { sessionId: value.sessionId })).toEqual({
      ok: true,
      value: { closed: true }
    })
    const gone = await call('import:read-sheet', { sessionId: value.sessionId, sheet: 0 })
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('returns null when the open dialog is cancelled', async () => {
    const { call } = setup({ open: [null] })
    expect(await call('import:open', { taskId: 't2' })).toEqual({ ok: true, value: null })
  })

  it('fails with a specific reason and message', async () => {
    const { call } = setup()
    const r = await call('import:open', { taskId: 't3', path: fixture('calamine/pass_protected.xlsx') })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', details: { reason: 'encrypted' } } })
    expect((r as { error: { message: string } }).error.message).toMatch(/password-protected/)
  })

  it('refuses malformed mappings before any handler runs', async () => {
    const { call } = setup()
    const r = await call('import:read-sheet', {
      sessionId: 'x',
      sheet: 0,
      mapping: { kind: 'budget', columns: { amount: -1 } }
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('takes a mapping with amounts in thousands back (the wizard\'s "Amounts written" choice)', async () => {
    const { call } = setup()
    const { sessionId } = await openBudget(call)
    const first = ((await call('import:read-sheet', { sessionId, sheet: 0 })) as { value: SheetOverview })
      .value
    const r = await call('import:read-sheet', {
      sessionId,
      sheet: 0,
      mapping: { ...first.mapping, amountScale: 1000 }
    })
    const read = (r as { value: SheetOverview }).value
    expect(read.result.amountScale).toBe(1000)
    const cents = (o: SheetOverview) =>
      o.result.sample.map((s) => (s.ok && s.kind === 'budget' ? s.values.amountCents : null))
    expect(cents(read)).toEqual(cents(first).map((c) => (c === null ? null : c * 1000)))
    const bad = await call('import:read-sheet', {
      sessionId,
      sheet: 0,
      mapping: { ...first.mapping, amountScale: 10 }
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  })

  it('cancel stops a running open', async () => {
    const { call } = setup()
    const pending = call('import:open', { taskId: 't4', path: fixture('calamine/issue_174.xlsx') })
    await new Promise((r) => setTimeout(r, 30))
    expect(await call('import:cancel', { taskId: 't4' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(await call('import:cancel', { taskId: 'unknown' })).toEqual({
      ok: true,
      value: { cancelled: false }
    })
  })

  it('matches the kept rows to the current plan and pages the preview and the changes', async () => {
    const { call } = setup()
    const { sessionId } = await openBudget(call)
    const target = {
      kind: 'current',
      plan: planStructureOf(buildFreshFoodzPlan()),
      createRoles: false
    }
    // Nothing to page through before the rows are matched: refused, the session stays open.
    expect(
      await call('import:preview', { sessionId, offset: 0, limit: 10, onlyProblems: false })
    ).toMatchObject({ ok: false, error: { code: 'refused' } })
    const planned = await call('import:plan', { sessionId, target })
    expect((planned as { value: SessionPlanSummary }).value).toEqual({
      importCount: 5,
      badRows: 1,
      totals: 1,
      newRoles: 0,
      changeCount: 5,
      newPlan: null,
      version: 1
    })
    const preview = await call('import:preview', { sessionId, offset: 0, limit: 10, onlyProblems: true })
    const page = (preview as { value: PreviewPage }).value
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({ parsed: { row: 9, ok: false }, issues: [{ code: 'bad-quarter' }] })
    const { version } = (planned as { value: SessionPlanSummary }).value
    const changes = await call('import:changes', { sessionId, version, offset: 4, limit: 10 })
    expect((changes as { value: ChangesPage }).value).toMatchObject({ offset: 4, total: 5 })
    expect(unpackChanges((changes as { value: ChangesPage }).value.packed)).toHaveLength(1)
    // Matching again makes a new plan: pages of the old one are refused, never mixed in.
    await call('import:plan', { sessionId, target: { ...target, createRoles: true } })
    expect(await call('import:changes', { sessionId, version, offset: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'refused' }
    })
  })

  it('refuses oversized pages and malformed targets before any handler runs', async () => {
    const { call } = setup()
    const invalid = { ok: false, error: { code: 'invalid-payload' } }
    expect(
      await call('import:changes', { sessionId: 'x', version: 1, offset: 0, limit: 100_000 })
    ).toMatchObject(invalid)
    expect(
      await call('import:preview', { sessionId: 'x', offset: -1, limit: 10, onlyProblems: false })
    ).toMatchObject(invalid)
    // The structure carries names only: a whole phase with its texts is refused.
    const plan = buildFreshFoodzPlan()
    const target = {
      kind: 'current',
      plan: { ...planStructureOf(plan), phases: plan.phases },
      createRoles: false
    }
    expect(await call('import:plan', { sessionId: 'x', target })).toMatchObject(invalid)
    expect(await call('import:plan', { sessionId: 'x', target: { kind: 'new', name: '' } })).toMatchObject(
      invalid
    )
    expect(await call('import:plan', { sessionId: 'x', target: { kind: 'new', name: 'n' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
  })

  it('saves the skipped rows of the kept sheet as an xlsx report, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-report-'))
    const target = join(dir, 'skipped')
    const { call } = setup({ save: [null, target] })
    const { sessionId } = await openBudget(call)
    await call('import:plan', {
      sessionId,
      target: { kind: 'current', plan: planStructureOf(buildFreshFoodzPlan()), createRoles: false }
    })
    // The user cancels the save dialog first: nothing is written.
    expect(await call('import:save-error-report', { sessionId, sourceName: 'budget-de.xlsx' })).toEqual({
      ok: true,
      value: null
    })
    const r = await call('import:save-error-report', { sessionId, sourceName: 'budget-de.xlsx' })
    expect(r).toEqual({ ok: true, value: { path: `${target}.xlsx` } })
    expect(readdirSync(dir)).toEqual(['skipped.xlsx'])
    const wb = XLSX.read(readFileSync(`${target}.xlsx`))
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Skipped rows'], { header: 1 })
    expect(rows[2]).toEqual([
      'Sheet',
      'Row',
      'Column',
      'Field',
      'Value',
      'Problem',
      'Phase',
      'Arbeitspaket',
      'Quartal',
      'Kategorie',
      'Leistungsbeschreibung',
      'Betrag',
      'Währung'
    ])
    expect(rows[3].slice(0, 9)).toEqual([
      'Budget 2026',
      9,
      'C',
      'quarter',
      'Q5 2026',
      'C: is not a quarter (Q1 2026, 2026-Q1, 1. Quartal 2026 or a date)',
      'Phase 3',
      'integration',
      'Q5 2026'
    ])
    expect(
      await call('import:save-error-report', { sessionId: 'gone', sourceName: 'budget-de.xlsx' })
    ).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses a path the user never chose, and a relative one, with a clear error; reads it once dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-grant-'))
    const secret = join(dir, 'credentials.csv')
    writeFileSync(secret, 'user,password\nadmin,hunter2\n')
    const grants = createFileGrants()
    const deps = { grants, dialogs: {}, lastFolder: () => null } as unknown as MainDeps
    const call = (payload: unknown) =>
      createDispatcher(importHandlers(deps))('import:open', payload, { emit: () => undefined })
    for (const path of [secret, 'credentials.csv', '../credentials.csv']) {
      const r = await call({ taskId: 'g', path })
      expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
      expect((r as { error: { message: string } }).error.message).toMatch(/was not chosen in this session/)
    }
    // A drop on the window: the preload reports the dropped file's path and main grants it.
    grants.grant(secret)
    const r = await call({ taskId: 'g2', path: secret })
    expect(r).toMatchObject({ ok: true })
    await createDispatcher(importHandlers(deps))(
      'import:close',
      { sessionId: (r as { value: ImportOpened }).value.sessionId },
      { emit: () => undefined }
    )
  })
})
