// The command line runs the same import as the wizard and writes a plan file the app reads back.
import { describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runImport } from './import'
import { runInspect } from './inspect'
import { readPlanFile } from './export'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/import/${name}`, import.meta.url))

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  return { out, err }
}

describe('quartermaster import / inspect', () => {
  it('inspect --json reports header row, mapping, rows read and the explained error', async () => {
    const { out } = capture()
    expect(await runInspect([fixture('budget-de.xlsx'), '--json'])).toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report).toMatchObject({ sheet: 'Budget 2026', headerRow: 4, kind: 'budget', rowsRead: 6 })
    expect(report.mapping.amount).toEqual({ column: 'F', header: 'Betrag' })
    expect(report.errors).toHaveLength(1)
    expect(report.errors[0]).toMatchObject({ row: 9, column: 'C', code: 'bad-quarter' })
    vi.restoreAllMocks()
  })

  it('import writes a plan file the app can open, with the sheet rows added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cli-'))
    const out = join(dir, 'plan.json')
    capture()
    expect(await runImport([fixture('budget-de.xlsx'), '--out', out, '--map', 'title=E'])).toBe(0)
    vi.restoreAllMocks()
    const plan = await readPlanFile(out)
    const added = plan.budgetLines.filter((l) => l.title === 'Grafana Enterprise Lizenz')
    expect(added).toHaveLength(1)
    expect(added[0].amountCents).toBe(1280050)
    expect(plan.budgetLines.some((l) => l.currency === 'CHF' && l.amountCents === 840050)).toBe(true)
  })

  it('fails with one line and a non-zero code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-cli-'))
    const { out, err } = capture()
    expect(await runImport([fixture('calamine/too_small.xls'), '--out', join(dir, 'p.json')])).toBe(3)
    expect(await runImport([fixture('budget-de.xlsx')])).toBe(2)
    vi.restoreAllMocks()
    expect(out).toEqual([])
    expect(err).toHaveLength(2)
    expect(err[0]).toMatch(
      /^quartermaster import: not-tabular: The file is not a spreadsheet: it is plain text/
    )
    expect(existsSync(join(dir, 'p.json'))).toBe(false)
    expect(readFileSync(fixture('budget-de.xlsx')).length).toBeGreaterThan(0)
  })
})
