// The command line imports a German bookings export into the built-in plan and reports each
// phase's actual cost per quarter to the cent, CHF at the plan's rate.
import { describe, expect, it, vi } from 'vitest'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { runActuals } from './actuals'
import { runReport } from './report'
import { readPlanFile } from './export'

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  return { out, err }
}

/** A bookings export as German finance writes it: a title, real dates, S/H, CHF, a total row. */
function germanExport(dir: string): string {
  const d = (iso: string) => new Date(`${iso}T00:00:00`)
  const rows: unknown[][] = [
    ['Buchungsjournal FreshFoodz GmbH, Kostenrechnung 2025/2026'],
    [],
    ['Buchungsdatum', 'Kostenstelle', 'Konto', 'Betrag', 'Soll/Haben', 'Währung', 'Buchungstext'],
    [d('2025-10-14'), '4100 Foundation', '6815 Beratung', 12345.67, 'S', 'EUR', 'Migration consulting'],
    [d('2025-11-20'), '4100 Foundation', '6815 Beratung', 1000, 'H', 'EUR', 'Gutschrift'],
    [d('2025-12-01'), '4110 Sicherheit', '6300 Fremdleistung', 8000.1, 'S', 'CHF', 'Security audit Zürich'],
    [d('2026-01-15'), '4200 Operations', '6500 Lizenzen', 2499.99, 'S', 'EUR', 'Grafana'],
    ['03.02.2026', '4200 Operations', '6500 Lizenzen', '1.234,56', 'S', 'CHF', 'Prometheus hosting'],
    [46100, '4200 Operations', '6815 Beratung', 333.33, 'S', 'EUR', 'k6 workshop'],
    [d('2026-05-05'), '4300 Integration', '6300 Fremdleistung', 20000, 'S', 'EUR', 'API gateway'],
    [d('2027-01-10'), '4300 Integration', '6300 Fremdleistung', 999, 'S', 'EUR', 'next year'],
    [null, '4300 Integration', '6300 Fremdleistung', 50, 'S', 'EUR', 'no date'],
    ['Summe', null, null, 43412.65, null, null, null]
  ]
  const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true })
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Buchungen')
  const file = join(dir, 'buchungen.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
  return file
}

describe('quartermaster actuals / report', () => {
  it('imports a German bookings export into the built-in plan and reports actuals per phase and quarter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-actuals-'))
    const file = germanExport(dir)
    const out = join(dir, 'plan.json')
    const log = capture()
    expect(await runActuals([file, '--builtin', '--out', out])).toBe(0)
    vi.restoreAllMocks()
    expect(log.out[0]).toMatch(/^Imported 7 bookings/)
    expect(log.out.join('\n')).toContain(
      "outside the plan's quarters, kept out: 2027-Q1: 1 bookings, EUR 999.00"
    )
    expect(log.out.join('\n')).toContain('total rows skipped: 13')
    expect(log.err.join('\n')).toMatch(/row 12, column A \(date\): has no booking date/)

    const plan = await readPlanFile(out)
    const saved = plan as typeof plan & { actuals: unknown[]; costCentres: { label: string }[] }
    expect(saved.costCentres.map((c) => c.label).sort()).toEqual([
      '4100 Foundation',
      '4110 Sicherheit',
      '4200 Operations',
      '4300 Integration'
    ])

    const json = capture()
    expect(await runReport([out, '--json'])).toBe(0)
    vi.restoreAllMocks()
    const report = JSON.parse(json.out.join('\n'))
    const actual = (order: number, quarter: string) =>
      report.phases
        .find((p: { order: number }) => p.order === order)
        .quarters.find((q: { quarter: string }) => q.quarter === quarter).actual
    // Foundation 2025-Q4: 12,345.67 - 1,000.00 EUR + CHF 8,000.10 × 1.07 (8,560.107 → 8,560.11)
    expect(actual(1, '2025-Q4')).toBe('19905.78')
    // Operations 2026-Q1: 2,499.99 + 333.33 EUR + CHF 1,234.56 × 1.07 (1,320.9792 → 1,320.98)
    expect(actual(2, '2026-Q1')).toBe('4154.30')
    expect(actual(3, '2026-Q2')).toBe('20000.00')
    expect(actual(4, '2026-Q3')).toBe('0.00')
    expect(report.closed).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(report.total.actual).toBe('44060.08')
    // Open quarters at plan: Governance 40,000 and Scale 150,000.
    expect(report.total.forecast).toBe('234060.08')

    const text = capture()
    expect(await runReport([out])).toBe(0)
    vi.restoreAllMocks()
    const printed = text.out.join('\n')
    expect(printed).toContain('Phase 1 Foundation')
    expect(printed).toMatch(/2025-Q4\s+50000\.00\s+19905\.78\s+30094\.22\s+19905\.78/)
  })

  it('asks for --replace or --add when the same quarters are imported again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-actuals-'))
    const file = germanExport(dir)
    const out = join(dir, 'plan.json')
    const again = join(dir, 'again.json')
    const log = capture()
    expect(await runActuals([file, '--builtin', '--out', out])).toBe(0)
    expect(await runActuals([file, '--plan', out, '--out', again])).toBe(2)
    expect(existsSync(again)).toBe(false)
    expect(log.err.at(-1)).toMatch(/already holds actuals for 2025-Q4, 2026-Q1, 2026-Q2: give --replace/)
    expect(await runActuals([file, '--plan', out, '--out', again, '--add'])).toBe(0)
    vi.restoreAllMocks()
    const json = capture()
    await runReport([again, '--json'])
    vi.restoreAllMocks()
    // Each CHF booking is converted on its own: twice CHF 8,000.10 × 1.07 = 2 × 8,560.11, not
    // the cell's CHF 16,000.20 × 1.07 = 17,120.21 at once.
    expect(JSON.parse(json.out.join('\n')).total.actual).toBe('88120.16')
  })

  it('keeps a centre it cannot place out and names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-actuals-'))
    const ws = XLSX.utils.aoa_to_sheet([
      ['Buchungsdatum', 'Kostenstelle', 'Betrag'],
      ['2026-01-10', '9000 Kantine', 10],
      ['2026-01-10', '4200 Operations', 20]
    ])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'Buchungen')
    const file = join(dir, 'b.xlsx')
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
    const log = capture()
    expect(await runActuals([file, '--builtin', '--out', join(dir, 'p.json')])).toBe(0)
    expect(log.out.join('\n')).toContain('cost centre "9000 Kantine": 1 bookings, EUR 10.00 → no phase')
    expect(
      await runActuals([file, '--builtin', '--out', join(dir, 'q.json'), '--centre', '9000 Kantine=Scale'])
    ).toBe(0)
    vi.restoreAllMocks()
    expect(log.out.join('\n')).toContain('cost centre "9000 Kantine": 1 bookings, EUR 10.00 → Scale')
  })
})

describe('the unit of the amount columns read (--map amount=…)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qm-actuals-unit-'))
  const file = join(dir, 'buchungen.csv')
  // "Betrag (TEUR)" is the amount the export suggests; "Betrag EUR" beside it is written in euros.
  writeFileSync(
    file,
    'Buchungsdatum;Kostenstelle;Konto;Betrag (TEUR);Betrag EUR;Soll/Haben\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;12,5;12500;S\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;2,5;2500;S\n'
  )
  async function run(...options: string[]) {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.json`)
    const log = capture()
    const code = await runActuals([file, '--builtin', '--out', out, ...options])
    vi.restoreAllMocks()
    expect(code, log.err.join('\n')).toBe(0)
    return log.out
  }
  it('another amount column without a unit is read as written', async () => {
    expect((await run())[0]).toContain('(EUR 15000.00)')
    // Before, the thousands of "Betrag (TEUR)" stayed applied: 15 million euros.
    const euros = await run('--map', 'amount=E')
    expect(euros[0]).toContain('(EUR 15000.00)')
    expect(euros.some((l) => /thousands/.test(l))).toBe(false)
  })
})
