// The import channels through the real dispatcher: payload checks, progress events, errors
// with their reason, sessions, cancel and the error report file.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { createDispatcher } from '../../shared/ipc/dispatch'
import type { ImportOpened } from '../../shared/ipc/channels/import'
import type { ReadSheetResult } from '../../shared/import/workbook'
import type { MainDeps } from '../deps'
import { importHandlers } from './import'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url))

function setup(answers: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const deps = {
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
    expect((read as { value: ReadSheetResult }).value.result.counts.good).toBe(5)
    // The response is plain JSON: it survives a JSON round trip unchanged.
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

  it('saves the skipped rows as an xlsx report, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-report-'))
    const target = join(dir, 'skipped')
    const { call } = setup({ save: [target] })
    const r = await call('import:save-error-report', {
      sourceName: 'budget-de.xlsx',
      headers: ['Phase', 'Quartal'],
      rows: [
        {
          sheet: 'Budget 2026',
          row: 9,
          cells: ['Phase 3', 'Q5 2026'],
          issues: [
            {
              code: 'bad-quarter',
              column: 'C',
              field: 'quarter',
              value: 'Q5 2026',
              message: 'is not a quarter'
            }
          ]
        }
      ]
    })
    expect(r).toEqual({ ok: true, value: { path: `${target}.xlsx` } })
    expect(readdirSync(dir)).toEqual(['skipped.xlsx'])
    const wb = XLSX.read(readFileSync(`${target}.xlsx`))
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Skipped rows'], { header: 1 })
    expect(rows[2]).toEqual(['Sheet', 'Row', 'Column', 'Field', 'Value', 'Problem', 'Phase', 'Quartal'])
    expect(rows[3]).toEqual([
      'Budget 2026',
      9,
      'C',
      'quarter',
      'Q5 2026',
      'C: is not a quarter',
      'Phase 3',
      'Q5 2026'
    ])
  })
})
