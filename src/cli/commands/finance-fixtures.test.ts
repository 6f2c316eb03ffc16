// The finance sheets of test/fixtures/finance (made by make.ts there) imported from the command line
// onto the built-in plan: every amount to the cent and every share to the basis point, and the
// phase or workstream the plan supplies where the sheet has no column for it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlanData } from '../../shared/planning/types'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import { runImport } from './import'
import { readPlanFile } from './export'

const dir = mkdtempSync(join(tmpdir(), 'qm-finance-fixtures-'))
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/finance/${name}`, import.meta.url))
const builtin = buildFreshFoodzPlan()

type Run = { plan: PlanData; log: string[]; err: string[] }

async function cli(name: string, ...options: string[]): Promise<Run> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  const log: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  const code = await runImport([fixture(name), '--out', out, ...options])
  vi.restoreAllMocks()
  expect(code, err.join('\n')).toBe(0)
  return { plan: await readPlanFile(out), log, err }
}

/** The lines the import added to the built-in plan: phase, workstream, quarter, title, cents, currency. */
function added(plan: PlanData) {
  const phase = new Map(plan.phases.map((p) => [p.id, p.name]))
  const ws = new Map(plan.workstreams.map((w) => [w.id, w.key]))
  return plan.budgetLines
    .slice(builtin.budgetLines.length)
    .map((l) => [
      phase.get(l.phaseId),
      ws.get(l.workstreamId ?? '') ?? null,
      l.quarter,
      l.title,
      l.amountCents,
      l.currency
    ])
}

function addedAllocations(plan: PlanData) {
  const role = new Map(plan.roles.map((r) => [r.id, r.name]))
  const ws = new Map(plan.workstreams.map((w) => [w.id, w.key]))
  return plan.allocations
    .slice(builtin.allocations.length)
    .map((a) => [role.get(a.roleId), ws.get(a.workstreamId), a.quarter, a.shareBp])
}

afterEach(() => vi.restoreAllMocks())

const GERMAN = [
  ['Foundation', 'migrationen', '2025-Q4', 'Schema-Prüfung durch Dritte', 425_000, 'EUR'],
  ['Foundation', 'sicherheit', '2025-Q4', 'Zertifikatsverwaltung „Vault“', 123_456, 'EUR'],
  ['Operations', 'leistung', '2026-Q1', 'Grafana Enterprise – Überwachung', 1_280_050, 'EUR'],
  ['Operations', 'betrieb', '2026-Q1', 'Zweites Backup-Rechenzentrum', 3_000_000, 'EUR'],
  ['Integration', 'integration', '2026-Q2', 'Schnittstelle Xentral – Änderungen', 750_000, 'EUR'],
  ['Governance', 'verwaltung', '2026-Q3', 'DSGVO-Audit Nachprüfung', 250_000, 'EUR'],
  ['Scale', 'skalierung', '2026-Q4', 'CDN-Gebühren Österreich', 99_999, 'EUR']
]

const SWISS = [
  ['Foundation', null, '2025-Q4', 'Firewall Zürich', 123_450, 'CHF'],
  ['Operations', null, '2026-Q1', 'Beratung Lastprüfung', 1_200_000, 'CHF'],
  ['Integration', null, '2026-Q2', 'Anbindung Allianz', 840_000, 'CHF'],
  ['Governance', null, '2026-Q3', 'Datenschutz-Gutachten', 95_005, 'CHF']
]

const YEARLY = [
  ['Operations', null, '2026-Q1', 'Monitoring-Lizenzen', 375_000, 'EUR'],
  ['Integration', null, '2026-Q2', 'Monitoring-Lizenzen', 375_000, 'EUR'],
  ['Governance', null, '2026-Q3', 'Monitoring-Lizenzen', 375_000, 'EUR'],
  ['Scale', null, '2026-Q4', 'Monitoring-Lizenzen', 375_000, 'EUR'],
  ['Operations', null, '2026-Q1', 'Lasttests extern', 1_000_000, 'EUR'],
  ['Integration', null, '2026-Q2', 'Rechenzentrum Zürich', 1_200_000, 'EUR'],
  ['Governance', null, '2026-Q3', 'Datenschutz-Prüfung', 500_000, 'EUR'],
  ['Scale', null, '2026-Q4', 'Mehrregionen-Betrieb', 3_000_000, 'EUR']
]

/** The roadmap's Team Allocation Matrix; workstreams are where each role works in the plan. */
const MATRIX = [
  ['DevOps Lead', 'migrationen', '2025-Q4', 10_000],
  ['DevOps Lead', 'leistung', '2026-Q1', 10_000],
  ['DevOps Lead', 'integration', '2026-Q2', 5_000],
  ['DevOps Lead', 'skalierung', '2026-Q4', 5_000],
  ['Security Specialist', 'sicherheit', '2025-Q4', 5_000],
  ['Database Architect', 'migrationen', '2025-Q4', 5_000],
  ['Site Reliability Engineer', 'leistung', '2026-Q1', 10_000],
  ['Performance Engineer', 'leistung', '2026-Q1', 5_000],
  ['Performance Engineer', 'skalierung', '2026-Q4', 10_000],
  ['Integration Architect', 'integration', '2026-Q2', 10_000],
  ['Backend Developer', 'integration', '2026-Q2', 5_000],
  ['Compliance Officer', 'verwaltung', '2026-Q3', 10_000],
  ['AI Ethics Specialist', 'verwaltung', '2026-Q3', 5_000],
  ['Legal Advisor', 'verwaltung', '2026-Q3', 2_500]
]

describe('finance fixtures imported from the command line onto the built-in plan', () => {
  it.each(['de-budget-excel.csv', 'de-budget.xlsx'])(
    'German budget %s: € amounts, umlauts, dates',
    async (name) => {
      const { plan, err } = await cli(name)
      expect(err).toEqual([])
      expect(added(plan)).toEqual(GERMAN)
    }
  )

  it.each(['ch-budget.csv', 'ch-budget.xlsx'])(
    "Swiss budget %s: 1'234.50, Fr. and .– in CHF",
    async (name) => {
      const { plan, err } = await cli(name, '--builtin')
      expect(err).toEqual([])
      expect(added(plan)).toEqual(SWISS)
    }
  )

  it('English budget: "Plan (EUR)", comma thousands, three quarter styles', async () => {
    const { plan, err } = await cli('en-budget.csv')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Operations', 'leistung', '2026-Q1', 'k6 Cloud subscription', 125_075, 'EUR'],
      ['Integration', 'integration', '2026-Q2', 'API gateway review', 1_400_000, 'EUR'],
      ['Governance', 'verwaltung', '2026-Q3', 'AI cost dashboard', 299_999, 'EUR'],
      ['Scale', 'skalierung', '2026-Q4', 'Second region, Frankfurt', 2_500_000, 'EUR']
    ])
  })

  it('quarters across ("1. Quartal".."4. Quartal", year in the title, a Gesamt column)', async () => {
    const { plan, err } = await cli('quarters-budget.csv')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Operations', null, '2026-Q1', 'Monitoring-Stack', 2_500_000, 'EUR'],
      ['Integration', null, '2026-Q2', 'Schnittstellen', 4_000_000, 'EUR'],
      ['Integration', null, '2026-Q3', 'Schnittstellen', 2_000_000, 'EUR'],
      ['Scale', null, '2026-Q4', 'CDN und Caching', 5_000_000, 'EUR']
    ])
  })

  it.each(['yearly-months.csv', 'yearly-months.xlsx'])(
    'yearly plan %s: Jan..Dez across, no phase column: each quarter goes to its phase, and says so',
    async (name) => {
      const { plan, err, log } = await cli(name)
      expect(err).toEqual([])
      expect(added(plan)).toEqual(YEARLY)
      expect(log).toContain('No phase column: 8 lines took their phase from the plan:')
      expect(log).toContain('  row 6, 2026-Q1: phase Operations (the phase holding the quarter)')
    }
  )

  it('"Plan TEUR", German CSV one row per line: each amount times 1,000, exact to the cent, and says so', async () => {
    const { plan, err, log } = await cli('de-plan-teur.csv')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Operations', 'leistung', '2026-Q1', 'Observability-Plattform', 1_250_000, 'EUR'],
      ['Integration', 'integration', '2026-Q2', 'Schnittstellen-Ausbau', 4_000_000, 'EUR'],
      ['Governance', 'verwaltung', '2026-Q3', 'ISO-27001-Vorbereitung', 725_000, 'EUR'],
      ['Scale', 'skalierung', '2026-Q4', 'Zweite Region Frankfurt', 125_075_000, 'EUR']
    ])
    expect(log).toContain(
      'Amounts are written in thousands (from the amount header: "Plan TEUR"): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
  })

  it('"Plan TEUR" read as written with --scale 1, and in millions with --scale millions', async () => {
    const asWritten = await cli('de-plan-teur.csv', '--scale', '1')
    expect(added(asWritten.plan).map((l) => l[4])).toEqual([1250, 4000, 725, 125_075])
    expect(asWritten.log).toContain(
      'Amounts are read as written (--scale 1), although the sheet names thousands (in the amount header: "Plan TEUR")'
    )
    const millions = await cli('de-plan-teur.csv', '--scale', 'millions')
    expect(added(millions.plan).map((l) => l[4])).toEqual([
      1_250_000_000, 4_000_000_000, 725_000_000, 125_075_000_000
    ])
    expect(millions.log).toContain(
      'Amounts are written in millions (as given with --scale): each was multiplied by 1,000,000 (1,5 → 1.500.000,00)'
    )
  })

  it('--scale 1000 on a sheet that names no unit: the German budget in thousands', async () => {
    const { plan, log } = await cli('de-budget-excel.csv', '--scale', '1000')
    const plain = await cli('de-budget-excel.csv')
    expect(added(plan).map((l) => l[4])).toEqual(added(plain.plan).map((l) => (l[4] as number) * 1000))
    expect(log).toContain(
      'Amounts are written in thousands (as given with --scale): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
  })

  it('--scale refuses what is no scale, and allocations', async () => {
    const err: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
    const out = join(dir, 'never.json')
    expect(await runImport([fixture('de-plan-teur.csv'), '--out', out, '--scale', '100'])).toBe(2)
    expect(await runImport([fixture('staffing-fte.csv'), '--out', out, '--scale', '1000'])).toBe(2)
    expect(err).toEqual([
      'quartermaster import: --scale must be 1, 1000 or 1000000 (or units, thousands, millions), not "100"',
      'quartermaster import: --scale applies to amounts: the sheet is read as allocations (shares), not budget lines'
    ])
  })

  it('months across in an xlsx with "Tsd. CHF" above the table: months summed into quarters in CHF thousands', async () => {
    const { plan, err, log } = await cli('months-tsd-chf.xlsx')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Operations', null, '2026-Q1', 'Colocation Zürich', 750_000, 'CHF'],
      ['Integration', null, '2026-Q2', 'Colocation Zürich', 750_000, 'CHF'],
      ['Governance', null, '2026-Q3', 'Colocation Zürich', 750_000, 'CHF'],
      ['Scale', null, '2026-Q4', 'Colocation Zürich', 750_000, 'CHF'],
      ['Operations', null, '2026-Q1', 'Backup-Software', 120_000, 'CHF'],
      ['Integration', null, '2026-Q2', 'Backup-Software', 120_000, 'CHF'],
      ['Governance', null, '2026-Q3', 'Backup-Software', 120_000, 'CHF'],
      ['Scale', null, '2026-Q4', 'Backup-Software', 120_000, 'CHF']
    ])
    expect(log).toContain(
      'Amounts are written in thousands (from the line above the table (row 2): "Kostenstelle 4712 · Beträge in Tsd. CHF"): each was multiplied by 1,000 (12.5 → 12,500.00)'
    )
  })

  it.each(['staffing-matrix.csv', 'staffing-matrix.xlsx'])(
    'team matrix %s: quarters across, no workstream column: the role’s workstream in the plan',
    async (name) => {
      const { plan, err, log } = await cli(name)
      expect(addedAllocations(plan)).toEqual(MATRIX)
      expect(log).toContain('No workstream column: 14 allocations took their workstream from the plan:')
      expect(log).toContain('  row 5, 2025-Q4: workstream sicherheit (where the role works in that quarter)')
      // "1" beside "0,5" reads as 1 FTE or 1 %: reported, never guessed.
      expect(err).toEqual([
        expect.stringMatching(/^ {2}skipped: .*row 14, column F \(Share\): "1" could be FTE or percent/)
      ])
    }
  )

  it('team matrix with --share-scale fte and --workstream: the "1" is one FTE, every row on the workstream given', async () => {
    const { plan, err, log } = await cli(
      'staffing-matrix.csv',
      '--share-scale',
      'fte',
      '--workstream',
      'betrieb'
    )
    expect(err).toEqual([])
    const rows = addedAllocations(plan)
    expect(rows).toHaveLength(15)
    expect(rows.every((r) => r[1] === 'betrieb')).toBe(true)
    expect(rows.at(-1)).toEqual(['Cloud Architect', 'betrieb', '2026-Q4', 10_000])
    expect(rows.map((r) => r[3])).toEqual([...MATRIX.map((r) => r[3]), 10_000])
    expect(log).toContain('  row 4, 2025-Q4: workstream betrieb (as given with --workstream)')
  })

  it('a workstream the plan does not have is refused with the plan’s keys', async () => {
    const err: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
    const code = await runImport([
      fixture('staffing-matrix.csv'),
      '--out',
      join(dir, 'x.json'),
      '--workstream',
      'nope'
    ])
    expect(code).toBe(2)
    expect(err[0]).toContain('--workstream "nope" is not a workstream of the plan (migrationen, sicherheit')
  })

  it('mixed share styles: each cell as written', async () => {
    const { plan, err } = await cli('mixed-shares.csv')
    expect(err).toEqual([])
    expect(addedAllocations(plan)).toEqual([
      ['DevOps Lead', 'migrationen', '2025-Q4', 4_500],
      ['Security Specialist', 'sicherheit', '2025-Q4', 3_000],
      ['Database Architect', 'migrationen', '2025-Q4', 6_000],
      ['Performance Engineer', 'leistung', '2026-Q1', 2_500],
      ['Site Reliability Engineer', 'betrieb', '2026-Q1', 10_000],
      ['Backend Developer', 'integration', '2026-Q2', 3_750],
      ['Legal Advisor', 'verwaltung', '2026-Q3', 2_000],
      ['Cloud Architect', 'skalierung', '2026-Q4', 1_250]
    ])
  })

  it.each(['de-budget-unicode.txt', 'de-budget.xls'])(
    'German budget as Excel saves it otherwise (%s): the same lines to the cent',
    async (name) => {
      const { plan, err } = await cli(name)
      expect(err).toEqual([])
      expect(added(plan)).toEqual(GERMAN)
    }
  )

  it('ISO-8859-15 with € and umlauts, € before and after, EUR written out', async () => {
    const { plan, err } = await cli('de-budget-latin9.csv')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Operations', 'betrieb', '2026-Q1', 'Kühlung Süd', 450_000, 'EUR'],
      ['Integration', 'integration', '2026-Q2', 'Glasfaser Straße', 1_234_567, 'EUR'],
      ['Governance', 'verwaltung', '2026-Q3', 'Prüfung Œuvre-Gebäude', 80_000, 'EUR'],
      ['Scale', 'skalierung', '2026-Q4', 'Rückbau Altgeräte', 100_000, 'EUR']
    ])
  })

  it("Swiss CSV with every amount quoted: 1'234.50 and 1’234.50, CHF before and after, CHF named above the table", async () => {
    const { plan, err } = await cli('ch-budget-quoted.csv')
    expect(err).toEqual([])
    expect(added(plan)).toEqual([
      ['Foundation', null, '2025-Q4', 'Firewall Zürich', 123_450, 'CHF'],
      ['Operations', null, '2026-Q1', 'Lastprüfung Genf', 123_450, 'CHF'],
      ['Integration', null, '2026-Q2', 'Anbindung Allianz', 1_200_000, 'CHF'],
      ['Governance', null, '2026-Q3', 'Datenschutz-Gutachten', 250_000, 'CHF'],
      ['Governance', null, '2026-Q3', 'Zertifikat', 9_505, 'CHF']
    ])
  })

  it('English amounts with EUR or € before or after; a dash is zero; credits are named, not imported', async () => {
    const { plan, err } = await cli('en-credits.csv')
    expect(added(plan)).toEqual([
      ['Operations', 'leistung', '2026-Q1', 'Load test tooling', 125_000, 'EUR'],
      ['Integration', 'integration', '2026-Q2', 'Gateway review', 100_000, 'EUR'],
      ['Governance', 'verwaltung', '2026-Q3', 'Audit tooling', 200_000, 'EUR'],
      ['Scale', 'skalierung', '2026-Q4', 'CDN', 350_050, 'EUR'],
      ['Scale', 'skalierung', '2026-Q4', 'CDN reserve', 0, 'EUR']
    ])
    expect(err).toEqual([
      `  skipped: Sheet 'Sheet1', row 3, column E (Amount): "(1,234.56)" is negative; budget lines hold planned spending`,
      `  skipped: Sheet 'Sheet1', row 8, column E (Amount): "-1,234.56" is negative; budget lines hold planned spending`
    ])
  })

  it.each([
    ['months-januar-2026.csv', 'EUR'],
    ['months-numeric.csv', 'EUR'],
    ['months-ch.csv', 'CHF'],
    ['months-en.csv', 'EUR'],
    ['yearly-months.xlsx', 'EUR']
  ])('months across as %s: the same quarters to the cent, in %s', async (name, currency) => {
    const { plan, err } = await cli(name)
    expect(err).toEqual([])
    expect(added(plan)).toEqual(YEARLY.map((l) => [...l.slice(0, 5), currency]))
  })

  it('months across with dashes, corrections netted in their quarter and a year total that is off (warned)', async () => {
    const { plan, err } = await cli('months-corrections.csv')
    expect(added(plan)).toEqual([
      ...YEARLY.slice(0, 4),
      ['Operations', null, '2026-Q1', 'Lasttests extern', 253_088, 'EUR'],
      ['Integration', null, '2026-Q2', 'Rechenzentrum Zürich', 1_200_000, 'EUR'],
      ['Governance', null, '2026-Q3', 'Datenschutz-Prüfung', 500_000, 'EUR'],
      ['Scale', null, '2026-Q4', 'Mehrregionen-Betrieb', 1_800_000, 'EUR']
    ])
    expect(err).toEqual([
      '  warning: row 8: the year total 5500.00 differs from the sum of its periods 5000.00; the periods were imported'
    ])
  })

  it.each(['q-slash', 'q-space', 'quartal', 'q-dash', 'iso'])(
    'quarters across (quarters-%s.csv): dashes are nothing, the Gesamt column and Summe row skipped',
    async (name) => {
      const { plan, err } = await cli(`quarters-${name}.csv`)
      expect(err).toEqual([])
      expect(added(plan)).toEqual([
        ['Foundation', null, '2025-Q4', 'Schema-Migration', 1_200_000, 'EUR'],
        ['Operations', null, '2026-Q1', 'Monitoring-Stack', 2_500_000, 'EUR'],
        ['Integration', null, '2026-Q2', 'Schnittstellen', 4_000_000, 'EUR'],
        ['Governance', null, '2026-Q3', 'Audit', 750_050, 'EUR'],
        ['Scale', null, '2026-Q4', 'CDN und Caching', 5_000_000, 'EUR']
      ])
    }
  )

  it.each(['staffing-fte.csv', 'staffing-fte.xlsx', 'staffing-percent.csv'])(
    'team matrix %s: FTE (1, 0,5, 0.5) named in the title or by the cells alone, or percent in each quarter title',
    async (name) => {
      const { plan, err } = await cli(name)
      expect(err).toEqual([])
      expect(addedAllocations(plan)).toEqual(MATRIX)
    }
  )

  it('a new plan from a sheet without a phase or workstream column puts its rows under "Imported"', async () => {
    const budget = await cli('yearly-months.csv', '--new')
    expect(budget.plan.phases.map((p) => [p.name, p.startQuarter, p.endQuarter])).toEqual([
      ['Imported', '2026-Q1', '2026-Q4']
    ])
    expect(budget.plan.budgetLines.map((l) => l.amountCents)).toEqual(YEARLY.map((l) => l[4]))
    const staff = await cli('staffing-matrix.csv', '--new', '--share-scale', 'fte')
    expect(staff.plan.workstreams.map((w) => w.title)).toEqual(['Imported'])
    expect(staff.plan.allocations).toHaveLength(15)
  })
})
