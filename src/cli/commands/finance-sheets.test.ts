// Finance sheets as German, Swiss and English finance teams write them, built here byte for byte
// and imported from the command line: the amounts and shares must come out exactly.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlanData } from '../../shared/planning/types'
import { runImport } from './import'
import { readPlanFile } from './export'

const dir = mkdtempSync(join(tmpdir(), 'qm-finance-'))

/** Windows-1252 bytes of a text, as Excel's "CSV (Trennzeichen-getrennt)" writes it. */
function cp1252(text: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  return Uint8Array.from([...text].map((c) => (high.includes(c) ? 0x80 + high.indexOf(c) : c.charCodeAt(0))))
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Imports into a new plan made from the sheet and returns it, or fails the test with the CLI's words. */
async function importNew(path: string, ...options: string[]): Promise<PlanData> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation(() => undefined)
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  const code = await runImport([path, '--out', out, '--new', ...options])
  vi.restoreAllMocks()
  expect(
    // Skipped rows and year totals that differ are reported per sheet; the tests below check them.
    err.filter((e) => !e.startsWith('  skipped') && !e.startsWith('  warning')),
    err.join('\n')
  ).toEqual([])
  expect(code).toBe(0)
  return readPlanFile(out)
}

const lines = (plan: PlanData) =>
  plan.budgetLines
    .map((l) => [l.title, l.quarter, l.amountCents, l.currency] as const)
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))

afterEach(() => vi.restoreAllMocks())

describe('finance sheets from the command line', () => {
  it('a CSV saved by German Excel on Windows (Windows-1252, no BOM, € in the amounts)', async () => {
    const csv = cp1252(
      'Phase;Arbeitspaket;Quartal;Bezeichnung;Betrag\r\n' +
        'Phase 1 – Grundlagen;Monitoring;Q1 2026;Lizenzgebühr Grafana;1.234,56 €\r\n' +
        'Phase 1 – Grundlagen;Monitoring;Q2 2026;Schulung Überwachung;12.000,00 €\r\n' +
        'Phase 2 – Ausbau;Netzwerk;3. Quartal 2026;Switches „Core“;€ 7.500\r\n'
    )
    const plan = await importNew(file('excel-windows.csv', csv))
    expect(lines(plan)).toEqual([
      ['Lizenzgebühr Grafana', '2026-Q1', 123_456, 'EUR'],
      ['Schulung Überwachung', '2026-Q2', 1_200_000, 'EUR'],
      ['Switches „Core“', '2026-Q3', 750_000, 'EUR']
    ])
    expect(plan.phases.map((p) => p.name).sort()).toEqual(['Phase 1 – Grundlagen', 'Phase 2 – Ausbau'])
  })

  it('--encoding reads a file in the encoding given', async () => {
    const csv = cp1252('Phase;Quartal;Bezeichnung;Betrag\r\nPhase 1;Q1 2026;Gebühr;1.000,00 €\r\n')
    const plan = await importNew(file('forced.csv', csv), '--encoding', 'cp1252')
    expect(lines(plan)).toEqual([['Gebühr', '2026-Q1', 100_000, 'EUR']])
  })
})

const allocations = (plan: PlanData) => {
  const role = new Map(plan.roles.map((r) => [r.id, r.name]))
  return plan.allocations
    .map((a) => [role.get(a.roleId), a.quarter, a.shareBp] as const)
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || a[1].localeCompare(b[1]))
}

describe('shares and headers from the command line', () => {
  it('a share column mixing styles stores each cell as written', async () => {
    const csv =
      'Rolle;Arbeitspaket;Quartal;Auslastung\n' +
      'DevOps Lead;Migration;Q1 2026;45 %\n' +
      'Security Specialist;Migration;Q1 2026;0,3\n' +
      'Database Architect;Migration;Q1 2026;60%\n' +
      'Cloud Engineer;Migration;Q1 2026;25\n' +
      'Network Engineer;Migration;Q1 2026;100 %\n' +
      'QA Engineer;Migration;Q1 2026;0,375\n'
    const plan = await importNew(file('mixed-shares.csv', csv))
    expect(allocations(plan)).toEqual([
      ['Cloud Engineer', '2026-Q1', 2500],
      ['Database Architect', '2026-Q1', 6000],
      ['DevOps Lead', '2026-Q1', 4500],
      ['Network Engineer', '2026-Q1', 10000],
      ['QA Engineer', '2026-Q1', 3750],
      ['Security Specialist', '2026-Q1', 3000]
    ])
  })

  it('a Swiss sheet: "Betrag in CHF" with apostrophes, and an English "Plan (EUR)" sheet', async () => {
    const swiss =
      "Phase,Quartal,Position,Betrag in CHF\nPhase 1,Q4 2025,Firewall,1'234.50\nPhase 1,1. Quartal 2026,Beratung,CHF 12'000.00\n"
    expect(lines(await importNew(file('swiss.csv', swiss)))).toEqual([
      ['Beratung', '2026-Q1', 1_200_000, 'CHF'],
      ['Firewall', '2025-Q4', 123_450, 'CHF']
    ])
    const english =
      'Phase,Quarter,Item,Plan (EUR)\nPhase 1,Q1 2026,Licences,"1,250.75"\nPhase 1,Q2 2026,Training,900\n'
    expect(lines(await importNew(file('english.csv', english)))).toEqual([
      ['Licences', '2026-Q1', 125_075, 'EUR'],
      ['Training', '2026-Q2', 90_000, 'EUR']
    ])
  })
})

describe('periods across the columns from the command line', () => {
  const MONTHS =
    'Jahresplanung IT-Infrastruktur 2026\n\n' +
    'Phase;Kostenart;Position;Jan;Feb;Mär;Apr;Mai;Jun;Jul;Aug;Sep;Okt;Nov;Dez;Summe\n' +
    'Phase 1;Lizenzen;Grafana Enterprise;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;1.000,00;12.000,00\n' +
    'Phase 2;Beratung;Migration;;;5.500,50;2.000;;;;;;;;;7.500,50\n' +
    'Summe;;;1.000;1.000;6.500,50;3.000;1.000;1.000;1.000;1.000;1.000;1.000;1.000;1.000;19.500,50\n'

  it('months across (German names, year in the title): months summed into their quarters', async () => {
    expect(lines(await importNew(file('months.csv', MONTHS)))).toEqual([
      ['Grafana Enterprise', '2026-Q1', 300_000, 'EUR'],
      ['Grafana Enterprise', '2026-Q2', 300_000, 'EUR'],
      ['Grafana Enterprise', '2026-Q3', 300_000, 'EUR'],
      ['Grafana Enterprise', '2026-Q4', 300_000, 'EUR'],
      ['Migration', '2026-Q1', 550_050, 'EUR'],
      ['Migration', '2026-Q2', 200_000, 'EUR']
    ])
  })

  it('months across as one line per month (--month-lines)', async () => {
    const plan = await importNew(file('months-lines.csv', MONTHS), '--month-lines')
    expect(plan.budgetLines).toHaveLength(14)
    expect(lines(plan).filter((l) => l[0].startsWith('Migration'))).toEqual([
      ['Migration (2026-03)', '2026-Q1', 550_050, 'EUR'],
      ['Migration (2026-04)', '2026-Q2', 200_000, 'EUR']
    ])
  })

  it('English months with years and a CHF total that does not add up is reported', async () => {
    const csv =
      'Phase,Item,Jan 2026,Feb 2026,Mar 2026,Total (CHF)\n' +
      "Phase 1,Firewall,1'000.00,2'000.00,500.00,3'000.00\n"
    const log: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { runInspect } = await import('./inspect')
    expect(await runInspect([file('english-months.csv', csv), '--currency', 'CHF'])).toBe(0)
    vi.restoreAllMocks()
    expect(log.join('\n')).toContain('row 2: the year total 3000 differs from the sum 3500')
    expect(lines(await importNew(file('english-months2.csv', csv), '--currency', 'CHF'))).toEqual([
      ['Firewall', '2026-Q1', 350_000, 'CHF']
    ])
  })

  it('a staffing matrix: roles down, Q4 2025..Q4 2026 across, mixed share styles in the cells', async () => {
    const csv =
      'Rolle;Arbeitspaket;Q4 2025;Q1 2026;Q2 2026;Q3 2026;Q4 2026\n' +
      'DevOps Lead;migrationen;100%;1,0;50 %;0,5;\n' +
      'Security Specialist;sicherheit;50%;0,25;;;25\n' +
      'Database Architect;migrationen;0,5;;;;\n'
    expect(allocations(await importNew(file('matrix.csv', csv)))).toEqual([
      ['Database Architect', '2025-Q4', 5000],
      ['DevOps Lead', '2025-Q4', 10000],
      ['DevOps Lead', '2026-Q1', 10000],
      ['DevOps Lead', '2026-Q2', 5000],
      ['DevOps Lead', '2026-Q3', 5000],
      ['Security Specialist', '2025-Q4', 5000],
      ['Security Specialist', '2026-Q1', 2500],
      ['Security Specialist', '2026-Q4', 2500]
    ])
  })

  it('quarters without a year ("1. Quartal") take the year given with --year', async () => {
    const csv = 'Phase;Position;1. Quartal;2. Quartal;3. Quartal;4. Quartal\nPhase 1;Cloud;100;200;300;400\n'
    expect(lines(await importNew(file('quartal.csv', csv), '--year', '2026'))).toEqual([
      ['Cloud', '2026-Q1', 10_000, 'EUR'],
      ['Cloud', '2026-Q2', 20_000, 'EUR'],
      ['Cloud', '2026-Q3', 30_000, 'EUR'],
      ['Cloud', '2026-Q4', 40_000, 'EUR']
    ])
  })
})
