// The finance sheets in thousands or millions of test/fixtures/finance (scale-sheets.ts, written by
// make.ts) imported from the command line onto the built-in plan: bookings as actual costs and plan
// sheets as budget lines, every amount to the cent, the unit and where it was found printed, and
// --scale overriding what a sheet names.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PlanData } from '../../shared/planning/types'
import { planFileActuals } from '../../shared/export/plan-schema'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import { runActuals } from './actuals'
import { runImport } from './import'
import { runInspect } from './inspect'
import { main } from '../index'
import { readPlanFile } from './export'

const dir = mkdtempSync(join(tmpdir(), 'qm-scale-fixtures-'))
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/finance/${name}`, import.meta.url))
const builtin = buildFreshFoodzPlan()

type Run = { plan: PlanData; log: string[]; err: string[] }

async function cli(run: typeof runImport, name: string, ...options: string[]): Promise<Run> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
  const log: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  const code = await run([fixture(name), '--builtin', '--out', out, ...options])
  vi.restoreAllMocks()
  expect(code, err.join('\n')).toBe(0)
  return { plan: await readPlanFile(out), log, err }
}

/** Actual cost per phase and quarter in EUR cents (CHF at the plan's rate, each booking rounded). */
function actuals(plan: PlanData): Record<string, number> {
  const phase = new Map(plan.phases.map((p) => [p.id, p.name]))
  const out: Record<string, number> = {}
  for (const a of planFileActuals(plan).actuals) {
    const k = `${phase.get(a.phaseId)} ${a.quarter}`
    out[k] = (out[k] ?? 0) + a.eurCents + (a.chfBaseCents ?? 0)
  }
  return out
}

/** The lines an import added to the built-in plan: quarter, title, cents, currency. */
function added(plan: PlanData) {
  return plan.budgetLines
    .slice(builtin.budgetLines.length)
    .map((l) => [l.quarter, l.title, l.amountCents, l.currency])
}

afterEach(() => vi.restoreAllMocks())

describe('bookings in thousands or millions, from the command line', () => {
  it('"Betrag TEUR" (Windows-1252): S/H credits, CHF at 1.07 each rounded, 2027 kept out', async () => {
    const { plan, log } = await cli(runActuals, 'bookings-teur.csv')
    // Foundation: 12 345,67 - 1 000,00 EUR + CHF 8 000,10 → 8 560,107 → 8 560,11
    // Operations: 2 499,99 EUR + CHF 1 234,56 → 1 320,9792 → 1 320,98
    expect(actuals(plan)).toEqual({
      'Foundation 2025-Q4': 1_990_578,
      'Operations 2026-Q1': 382_097,
      'Integration 2026-Q2': 2_000_000
    })
    expect(log[0]).toMatch(/^Imported 6 bookings \(EUR 43726\.75\)/)
    expect(log).toContain(
      'Amounts are written in thousands (from the amount header: "Betrag TEUR"): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
    expect(log).toContain("  outside the plan's quarters, kept out: 2027-Q1: 1 bookings, EUR 999.00")
  })

  it('"Alle Beträge in Tsd. CHF" above the table (xlsx): CHF thousands, a date cell, a period, a credit', async () => {
    const { plan, log } = await cli(runActuals, 'bookings-tsd-chf.xlsx')
    // CHF 1 500,00 → 1 605,00; CHF -250,00 → -267,50; CHF 2 250,00 → 2 407,50; CHF 0,50 → 0,535 → 0,54
    expect(actuals(plan)).toEqual({
      'Operations 2026-Q1': 133_750,
      'Integration 2026-Q2': 240_750,
      'Governance 2026-Q3': 54
    })
    expect(log).toContain(
      'Amounts are written in thousands (from the line above the table (row 2): "Alle Beträge in Tsd. CHF"): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
  })

  it('a bare k: "Amount (k)"', async () => {
    const { plan, log } = await cli(runActuals, 'bookings-k.csv')
    expect(actuals(plan)).toEqual({ 'Operations 2026-Q1': 237_500, 'Governance 2026-Q3': 420_000 })
    expect(log).toContain(
      'Amounts are written in thousands (from the amount header: "Amount (k)"): each was multiplied by 1,000 (12.5 → 12,500.00)'
    )
  })

  it('debit and credit in "EUR \'000"', async () => {
    const { plan } = await cli(runActuals, 'bookings-eur-000.csv')
    expect(actuals(plan)).toEqual({ 'Foundation 2025-Q4': 675_000, 'Scale 2026-Q4': 125_000_100 })
  })

  it('"Betrag (Mio. €)": millions, exact from the digits', async () => {
    const { plan, log } = await cli(runActuals, 'bookings-mio.csv')
    expect(actuals(plan)).toEqual({ 'Integration 2026-Q2': 1_250_000, 'Governance 2026-Q3': 25_000_000 })
    expect(log).toContain(
      'Amounts are written in millions (from the amount header: "Betrag (Mio. €)"): each was multiplied by 1,000,000 (1,5 → 1.500.000,00)'
    )
  })

  it('--scale overrides the unit a bookings sheet names: thousands for "Mio", as written for "(k)"', async () => {
    const thousands = await cli(runActuals, 'bookings-mio.csv', '--scale', 'thousands')
    expect(actuals(thousands.plan)).toEqual({ 'Integration 2026-Q2': 1250, 'Governance 2026-Q3': 25_000 })
    expect(thousands.log).toContain(
      'Amounts are written in thousands (as given with --scale): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
    // -0.125 as written is -0,13 (half away from zero): 2,50 - 0,13
    const asWritten = await cli(runActuals, 'bookings-k.csv', '--scale', '1')
    expect(actuals(asWritten.plan)).toEqual({ 'Operations 2026-Q1': 237, 'Governance 2026-Q3': 420 })
    expect(asWritten.log).toContain(
      'Amounts are read as written (--scale 1), although the sheet names thousands (in the amount header: "Amount (k)")'
    )
  })

  it('--scale with a value that is no scale is refused with the reason', async () => {
    const err: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
    const code = await runActuals([
      fixture('bookings-k.csv'),
      '--builtin',
      '--out',
      join(dir, 'x.json'),
      '--scale',
      'k€'
    ])
    expect(code).toBe(2)
    expect(err).toEqual([
      'quartermaster actuals: --scale must be 1, 1000 or 1000000 (or units, thousands, millions), not "k€"'
    ])
  })
})

describe('plan sheets in thousands or millions, from the command line', () => {
  it('a bare k: "Amount (k)"', async () => {
    const { plan, log } = await cli(runImport, 'en-plan-k.csv')
    expect(added(plan)).toEqual([
      ['2026-Q1', 'Grafana Cloud', 1_250_000, 'EUR'],
      ['2026-Q2', 'API gateway', 4_000_000, 'EUR'],
      ['2026-Q4', 'Second region', 125_075_000, 'EUR']
    ])
    expect(log).toContain(
      'Amounts are written in thousands (from the amount header: "Amount (k)"): each was multiplied by 1,000 (12.5 → 12,500.00)'
    )
  })

  it('"(in 1.000 EUR)" in the line above the table', async () => {
    const { plan, log } = await cli(runImport, 'de-plan-in-1000.csv')
    expect(added(plan)).toEqual([
      ['2026-Q1', 'Observability', 1_250_000, 'EUR'],
      ['2026-Q3', 'ISO 27001', 725_000, 'EUR']
    ])
    expect(log).toContain(
      'Amounts are written in thousands (from the line above the table (row 1): "Investitionsplan Infrastruktur 2026 (in 1.000 EUR)"): each was multiplied by 1,000 (12,5 → 12.500,00)'
    )
  })

  it('"5 Mio. Kunden" above the table is a quantity: the euro amounts stay as written', async () => {
    const { plan, log } = await cli(runImport, 'de-plan-kunden.csv')
    expect(added(plan)).toEqual([
      ['2026-Q1', 'Observability', 1_250_000, 'EUR'],
      ['2026-Q4', 'CDN', 300_000, 'EUR']
    ])
    expect(log.join('\n')).not.toMatch(/thousands|millions/)
  })

  it('"Q1 2026 (Mio. €)" in the period titles: quarters across in millions, a dash is nothing', async () => {
    const { plan, log } = await cli(runImport, 'quarters-mio.csv')
    expect(added(plan)).toEqual([
      ['2026-Q1', 'Rechenzentrum', 25_000_000, 'EUR'],
      ['2026-Q2', 'Rechenzentrum', 12_500_000, 'EUR'],
      ['2026-Q1', 'Datenbank', 1_250_000, 'EUR'],
      ['2026-Q3', 'Datenbank', 50_000_000, 'EUR']
    ])
    expect(log).toContain(
      'Amounts are written in millions (from the period titles: "Q1 2026 (Mio. €)"): each was multiplied by 1,000,000 (1,5 → 1.500.000,00)'
    )
  })

  it('--scale thousands on "5 Mio. Kunden": the user knows better than the sheet', async () => {
    const { plan } = await cli(runImport, 'de-plan-kunden.csv', '--scale', 'thousands')
    expect(added(plan).map((l) => l[2])).toEqual([1_250_000_000, 300_000_000])
  })

  it('inspect --json names the unit and where it was found; --scale 1 reads as written', async () => {
    const json = async (...options: string[]) => {
      const log: string[] = []
      vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
      expect(await runInspect([fixture('de-plan-in-1000.csv'), '--json', ...options])).toBe(0)
      vi.restoreAllMocks()
      return JSON.parse(log.join('\n')) as { amountScale: number; amountScaleFound: unknown }
    }
    const found = {
      scale: 1000,
      where: 'above',
      text: 'Investitionsplan Infrastruktur 2026 (in 1.000 EUR)',
      row: 1
    }
    expect(await json()).toMatchObject({ amountScale: 1000, amountScaleFound: found })
    expect(await json('--scale', 'units')).toMatchObject({ amountScale: 1, amountScaleFound: found })
  })
})

describe('--help', () => {
  it.each([[[]], [['import']], [['inspect']], [['actuals']]])('%j lists --scale', async (command) => {
    const log: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
    expect(await main([...command, '--help'])).toBe(0)
    expect(log.join('\n')).toContain('--scale 1|1000|1000000')
  })
})
