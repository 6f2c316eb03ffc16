// The command line runs the same import as the wizard and writes a plan file the app reads back.
import { describe, expect, it, vi } from 'vitest'
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
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

describe('the unit of the amount column read (--map amount=…, --kind budget)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qm-cli-unit-'))
  const csv = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  async function importAmounts(path: string, ...options: string[]) {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
    const { out: log, err } = capture()
    const code = await runImport([path, '--out', out, ...options])
    vi.restoreAllMocks()
    expect(code, err.join('\n')).toBe(0)
    const plan = await readPlanFile(out)
    return { cents: plan.budgetLines.filter((l) => l.title === 'Cloud').map((l) => l.amountCents), log }
  }
  async function inspectJson(path: string, ...options: string[]) {
    const { out } = capture()
    expect(await runInspect([path, '--json', ...options])).toBe(0)
    vi.restoreAllMocks()
    return JSON.parse(out.join('\n')) as { amountScale: number; amountScaleFound: unknown }
  }

  it('a column without a unit, mapped over "Plan (TEUR)", is read as written, with no note', async () => {
    const path = csv(
      'plan-ist.csv',
      'Phase;Quartal;Kategorie;Plan (TEUR);Ist\nPhase 2;Q1 2026;Cloud;12,5;13000\n'
    )
    expect((await importAmounts(path)).cents).toEqual([1_250_000])
    // Before, the thousands of "Plan (TEUR)" stayed applied: 13000 came in as 13 million euros.
    const ist = await importAmounts(path, '--map', 'amount=E')
    expect(ist.cents).toEqual([1_300_000])
    expect(ist.log.some((l) => /thousands/.test(l))).toBe(false)
    expect(await inspectJson(path, '--map', 'amount=E')).toMatchObject({
      amountScale: 1,
      amountScaleFound: null
    })
  })

  it('a column in TEUR mapped over a plain one is read in thousands, and says where that was found', async () => {
    const path = csv(
      'plan-ist-teur.csv',
      'Phase;Quartal;Kategorie;Plan;Ist (TEUR)\nPhase 2;Q1 2026;Cloud;13000;12,5\n'
    )
    const ist = await importAmounts(path, '--map', 'amount=E')
    expect(ist.cents).toEqual([1_250_000])
    expect(ist.log).toContain(
      'Amounts are written in thousands (from the amount header: "Ist (TEUR)"): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
    expect(await inspectJson(path, '--map', 'amount=E')).toMatchObject({
      amountScale: 1000,
      amountScaleFound: { scale: 1000, where: 'header', text: 'Ist (TEUR)' }
    })
    // --scale still has the last word.
    expect((await importAmounts(path, '--map', 'amount=E', '--scale', '1')).cents).toEqual([1250])
  })

  it('a line above the table names the unit of whichever column is read', async () => {
    const path = csv(
      'above.csv',
      'Beträge in TEUR\n\nPhase;Quartal;Kategorie;Plan (Mio);Ist\nPhase 2;Q1 2026;Cloud;0,5;12,5\n'
    )
    expect((await importAmounts(path)).cents).toEqual([50_000_000])
    expect((await importAmounts(path, '--map', 'amount=E')).cents).toEqual([1_250_000])
  })

  it('--kind budget on a sheet read as allocations applies the unit of its amount column', async () => {
    const path = csv(
      'staffing-costs.csv',
      'Rolle;Arbeitspaket;Quartal;Anteil;Kategorie;Kosten TEUR\nDevOps Lead;WS1;Q1 2026;50 %;Cloud;12,5\n'
    )
    expect((await inspectJson(path)).amountScale).toBe(1)
    const budget = await importAmounts(
      path,
      '--kind',
      'budget',
      '--map',
      'phase=none',
      '--map',
      'workstream=none'
    )
    // Before, the budget lines came in as written: 12,50 €.
    expect(budget.cents).toEqual([1_250_000])
  })
})
