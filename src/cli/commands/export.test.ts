import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAllocationWorkbook } from '../../main/excel/export/read-workbook'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import * as XLSX from 'xlsx'
import { runExport } from './export'
import { runInspect } from './inspect'
import { runReport } from './report'

const dir = mkdtempSync(join(tmpdir(), 'qm-cli-export-'))

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m))
  vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(m))
  return { out, err }
}

afterEach(() => vi.restoreAllMocks())

describe('quartermaster export', () => {
  it('exports the built-in plan', async () => {
    const io = capture()
    const out = join(dir, 'builtin.xlsx')
    expect(await runExport(['--builtin', '--out', out])).toBe(0)
    expect(io.out[0]).toMatch(
      /^Wrote allocation workbook of "FreshFoodz Infrastructure Roadmap" to .*builtin\.xlsx/
    )
    expect(readAllocationWorkbook(readFileSync(out)).stored.plan.name).toBe(
      'FreshFoodz Infrastructure Roadmap'
    )
  })

  it('exports a plan file, in German, and a board as CSV', async () => {
    const io = capture()
    const plan = buildFreshFoodzPlan()
    const planPath = join(dir, 'plan.json')
    writeFileSync(planPath, JSON.stringify(plan))
    expect(await runExport([planPath, '--out', join(dir, 'p.xlsx'), '--lang', 'de'])).toBe(0)
    expect(readAllocationWorkbook(readFileSync(join(dir, 'p.xlsx'))).stored).toEqual(plan)
    expect(await runExport([planPath, '--out', join(dir, 'b.csv'), '--board', 'budget'])).toBe(0)
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toContain('"Phase / line item"')
    expect(io.err).toEqual([])
  })

  it.each([
    [[], 2, /give either PLAN\.json or --builtin/],
    [['--builtin'], 2, /--out is required/],
    [['--builtin', '--out', 'x.pdf'], 2, /must end in \.xlsx, \.csv/],
    [['--builtin', '--out', 'x.xlsx', '--lang', 'fr'], 2, /--lang must be en or de/],
    [['/no/such/plan.json', '--out', 'x.xlsx'], 1, /no such file/],
    [['--builtin', '--out', '/no/such/folder/x.xlsx'], 1, /cannot write .* \(ENOENT\)/]
  ])('fails %j with exit code %i and one line', async (args, code, message) => {
    const io = capture()
    expect(await runExport(args as string[])).toBe(code)
    expect(io.err).toHaveLength(1)
    expect(io.err[0]).toMatch(message)
    expect(io.err[0]).not.toContain('\n')
  })

  it('refuses a JSON file that is not a plan', async () => {
    const io = capture()
    const p = join(dir, 'not-plan.json')
    writeFileSync(p, JSON.stringify({ hello: 'world' }))
    expect(await runExport([p, '--out', join(dir, 'x.xlsx')])).toBe(1)
    expect(io.err[0]).toMatch(/not a plan file/)
  })

  it('prints person names and open positions: the export shows them, inspect and report list them', async () => {
    const plan = buildFreshFoodzPlan()
    const [devops, sre] = [...plan.roles].sort((a, b) => a.order - b.order)
    plan.roles = plan.roles.map((r) =>
      r.id === devops.id
        ? { ...r, personName: 'Grace Hopper' }
        : r.id === sre.id
          ? { ...r, openPosition: true, hireQuarter: '2026-Q2' }
          : r
    )
    const planPath = join(dir, 'people.json')
    writeFileSync(planPath, JSON.stringify(plan))
    const xlsx = join(dir, 'people.xlsx')
    capture()
    expect(await runExport([planPath, '--out', xlsx])).toBe(0)
    // The person and the hire quarter are visible cells of the team sheet, not only hidden data.
    const wb = XLSX.read(readFileSync(xlsx), { type: 'buffer' })
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Team allocation'], { header: 1 })
    const header = rows[3]
    const roleRow = (name: string) => rows.find((r) => r[0] === name)!
    expect(roleRow(devops.name)[header.indexOf('Person')]).toBe('Grace Hopper')
    expect(roleRow(sre.name)[header.indexOf('Open position: hire from')]).toBe('Q2 2026')

    vi.restoreAllMocks()
    let io = capture()
    expect(await runInspect([xlsx])).toBe(0)
    expect(io.out).toContain(`    ${devops.name} (Grace Hopper)`)
    expect(io.out).toContain(`    ${sre.name}  open position, hire from Q2 2026`)
    vi.restoreAllMocks()
    io = capture()
    expect(await runInspect([xlsx, '--json'])).toBe(0)
    const inspected = JSON.parse(io.out.join('\n'))
    expect(inspected.plan.settings).toMatchObject({ totalBudgetCents: 41_500_000, chfToEur: 1.07 })
    expect(inspected.plan.team.find((r: { id: string }) => r.id === sre.id)).toMatchObject({
      openPosition: true,
      hireQuarter: '2026-Q2'
    })

    vi.restoreAllMocks()
    io = capture()
    expect(await runReport([planPath, '--json'])).toBe(0)
    const report = JSON.parse(io.out.join('\n'))
    expect(report.team.find((r: { id: string }) => r.id === devops.id).personName).toBe('Grace Hopper')
    expect(report.assumptions).toEqual({ chfRate: true, estimatedSplits: 3, estimatedRiskCosts: 3 })
    vi.restoreAllMocks()
    io = capture()
    expect(await runReport([planPath])).toBe(0)
    expect(io.out).toContain('Team: 11 roles, 1 open position')
    expect(io.err).toEqual([])
  })
})
