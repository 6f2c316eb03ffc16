// A German bookings export as finance's tools write it (SAP/DATEV style: Buchungsdatum as dates,
// Excel serials and "MM/JJJJ" periods; German amounts with credits as "-1.234,56" or SAP's trailing
// "1.234,56-"; EUR and CHF; a Summe row; bookings outside the plan; a row without amount), as
// Windows-1252 CSV, UTF-8 CSV and xlsx, imported into the built-in plan from the command line.
// The expected actual of every phase and quarter is worked out by hand below.
import { describe, expect, it, vi } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { runActuals } from './actuals'
import { runReport } from './report'

const HEADER = ['Buchungsdatum', 'Kostenstelle', 'Konto', 'Buchungstext', 'Betrag', 'Währung']

/**
 * The bookings; the date column holds what the CSV says, and for the xlsx a serial where the CSV
 * has one. Amounts are written as German text; the xlsx writes most of them as numbers.
 */
const BOOKINGS: [date: string, centre: string, account: string, text: string, amount: string, cur: string][] =
  [
    ['15.10.2025', '4100 Foundation', '6815 Beratung', 'Migration Beratung Okt', '12.345,67', 'EUR'],
    ['20.11.2025', '4100 Foundation', '6815 Beratung', 'Gutschrift Beratung', '-1.000,00', 'EUR'],
    ['01.12.2025', '4110 Sicherheit', '6300 Fremdleistungen', 'Security-Audit Zürich', '8.000,10', 'CHF'],
    ['12/2025', '4110 Sicherheit', '6300 Fremdleistungen', 'Rundungstest', '0,50', 'CHF'],
    ['12/2025', '4110 Sicherheit', '6300 Fremdleistungen', 'Rundungstest', '0,50', 'CHF'],
    ['46037', '4200 Operations', '6500 Lizenzen', 'Grafana Cloud Jan', '2.499,99', 'EUR'],
    ['03.02.2026', '4200 Operations', '6500 Lizenzen', 'Prometheus Hosting', '1.234,56', 'CHF'],
    ['01/2026', '4200 Operations', '6815 Beratung', 'k6 Workshop (€ 333,33)', '333,33', 'EUR'],
    ['28.02.2026', '4200 Operations', '6500 Lizenzen', 'Gutschrift Lizenz CH', '0,50-', 'CHF'],
    ['31.03.2026', '4200 Operations', '6815 Beratung', 'Storno Workshop', '33,33-', 'EUR'],
    ['002/2026', '4200 Operations', '6500 Lizenzen', 'Abgrenzung Periode 002', '100,00', 'EUR'],
    ['05.05.2026', '4300 Integration', '6300 Fremdleistungen', 'API-Gateway', '20.000,00', 'EUR'],
    ['04/2026', '4300 Integration', '6300 Fremdleistungen', 'Kafka-Schulung Basel', '1.500,00', 'CHF'],
    ['15.07.2026', '4400 Governance', '6815 Beratung', 'Datenkatalog Beratung', '4.200,00', 'EUR'],
    ['46251', '4400 Governance', '6500 Lizenzen', 'Lizenz Collibra', '999,99', 'EUR'],
    ['10.10.2026', '4500 Skalierung', '6300 Fremdleistungen', 'Multi-Region Vorbereitung', '7.777,77', 'CHF'],
    ['30.09.2025', '4100 Foundation', '6815 Beratung', 'Vorprojekt', '5.000,00', 'EUR'],
    ['15.01.2027', '4500 Skalierung', '6300 Fremdleistungen', 'Vorauszahlung 2027', '999,00', 'EUR'],
    ['20.10.2025', '4100 Foundation', '6815 Beratung', 'Beleg fehlt', '', 'EUR'],
    ['', '4200 Operations', '6500 Lizenzen', 'ohne Datum', '50,00', 'EUR'],
    ['Summe', '', '', '', '65.012,41', '']
  ]

/**
 * By hand, CHF at the built-in plan's 1.07, each booking rounded half away from zero:
 * - Phase 1, 2025-Q4: 12,345.67 - 1,000.00 EUR; CHF 8,000.10 → 8,560.107 → 8,560.11; twice
 *   CHF 0.50 → 0.535 → 0.54 (the sum CHF 1.00 at once would give 1.07, one cent less):
 *   12,345.67 - 1,000.00 + 8,560.11 + 0.54 + 0.54 = 19,906.86
 * - Phase 2, 2026-Q1: 2,499.99 (serial 46037 = 15.01.2026) + CHF 1,234.56 → 1,320.9792 → 1,320.98
 *   + 333.33 (period 01/2026) + CHF 0.50- → -0.535 → -0.54 - 33.33 + 100.00 (SAP period 002/2026)
 *   = 4,220.43
 * - Phase 3, 2026-Q2: 20,000.00 + CHF 1,500.00 → 1,605.00 = 21,605.00
 * - Phase 4, 2026-Q3: 4,200.00 + 999.99 (serial 46251 = 17.08.2026) = 5,199.99
 * - Phase 5, 2026-Q4: CHF 7,777.77 → 8,322.2139 → 8,322.21
 * Kept out: 2025-Q3 5,000.00 and 2027-Q1 999.00 (outside the plan), the Summe row, the CSV's row 20 (no
 * amount) and row 21 (no date). Total 59,254.49.
 */
const EXPECTED: Record<number, Record<string, string>> = {
  1: { '2025-Q4': '19906.86' },
  2: { '2026-Q1': '4220.43' },
  3: { '2026-Q2': '21605.00' },
  4: { '2026-Q3': '5199.99' },
  5: { '2026-Q4': '8322.21' }
}
const QUARTERS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']

function csv(): string {
  return [HEADER, ...BOOKINGS].map((r) => r.join(';')).join('\r\n') + '\r\n'
}

/** Windows-1252: Latin-1 bytes, with € at 0x80. */
function windows1252(text: string): Buffer {
  const bytes = Buffer.from(text.replace(/€/g, '\u0080'), 'latin1')
  return bytes
}

/** The xlsx as an ERP writes it: a title, numbers for amounts (credits negative), serials as numbers. */
function xlsx(): Buffer {
  const amount = (t: string): number | string => {
    if (t === '' || t === '0,50-') return t // one credit stays SAP text, one amount is missing
    const neg = t.endsWith('-')
    const n = Number(t.replace(/-$/, '').replace(/\./g, '').replace(',', '.'))
    return neg ? -n : n
  }
  const rows: unknown[][] = [['Kostenstellen-Einzelposten FreshFoodz GmbH, Buchungskreis 1000'], [], HEADER]
  for (const [date, centre, account, text, amt, cur] of BOOKINGS)
    rows.push([/^\d+$/.test(date) ? Number(date) : date, centre, account, text, amount(amt), cur])
  const ws = XLSX.utils.aoa_to_sheet(rows)
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Einzelposten')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}

async function importAndReport(file: string, dir: string) {
  const out = join(dir, `${file.split('/').pop()}.json`)
  const log: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...a) => void log.push(a.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')))
  try {
    expect(await runActuals([file, '--builtin', '--out', out])).toBe(0)
    const imported = log.splice(0)
    expect(await runReport([out, '--json'])).toBe(0)
    const json = JSON.parse(log.splice(0).join('\n'))
    expect(await runReport([out])).toBe(0)
    return { imported: imported.join('\n'), errors: err.join('\n'), json, text: log.join('\n') }
  } finally {
    vi.restoreAllMocks()
  }
}

describe('a German bookings export into the built-in plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qm-buchungen-'))
  const files = {
    'Windows-1252 CSV': (() => {
      const f = join(dir, 'buchungen-cp1252.csv')
      writeFileSync(f, windows1252(csv()))
      return f
    })(),
    'UTF-8 CSV': (() => {
      const f = join(dir, 'buchungen-utf8.csv')
      writeFileSync(f, '\ufeff' + csv())
      return f
    })(),
    xlsx: (() => {
      const f = join(dir, 'buchungen.xlsx')
      writeFileSync(f, xlsx())
      return f
    })()
  }

  for (const [kind, file] of Object.entries(files))
    it(`reports each phase's actual per quarter to the cent (${kind})`, async () => {
      const r = await importAndReport(file, dir)
      expect(r.imported).toMatch(/^Imported 16 bookings \(EUR 59254\.49\)/)
      expect(r.imported).toContain("outside the plan's quarters, kept out: 2025-Q3: 1 bookings, EUR 5000.00")
      expect(r.imported).toContain("outside the plan's quarters, kept out: 2027-Q1: 1 bookings, EUR 999.00")
      expect(r.imported).toMatch(/total rows skipped: \d+/)
      expect(r.errors).toMatch(/row \d+, column E \(amount\): has no amount/)
      expect(r.errors).toMatch(/row \d+, column A \(date\): has no booking date/)
      expect(r.imported).toContain(
        'cost centre "4110 Sicherheit": 3 bookings, EUR 8561.19 → ABAC/RLS Foundation'
      )

      for (const p of r.json.phases as { order: number; quarters: { quarter: string; actual: string }[] }[])
        for (const q of QUARTERS)
          expect([p.order, q, p.quarters.find((x) => x.quarter === q)!.actual]).toEqual([
            p.order,
            q,
            EXPECTED[p.order]?.[q] ?? '0.00'
          ])
      expect(r.json.total.actual).toBe('59254.49')
      expect(r.json.chfToEur).toBe(1.07)
      expect(r.json.chf).toEqual({
        rate: 1.07,
        rounding: 'per booking, half away from zero',
        chfCents: 1_851_293,
        eurCents: 1_980_884,
        atOtherRate: 0
      })
      expect(r.text).toContain('CHF at 1.07 EUR per CHF, each booking converted and rounded to the cent')
      expect(r.text).toMatch(/2025-Q4\s+50000\.00\s+19906\.86\s+30093\.14/)
      expect(r.text).toMatch(/Phase 5 Scale[\s\S]*?2026-Q4\s+\S+\s+8322\.21/)
    })
})
