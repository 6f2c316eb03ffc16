import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAllocationWorkbook } from '../../main/excel/export/read-workbook'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import { runExport } from './export'

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
})
