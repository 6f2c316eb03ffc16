// A generated finance budget sheet, shared by the import benchmarks.
import * as XLSX from 'xlsx'

const PHASES = ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 4', 'Phase 5']
const STREAMS = [
  'migrationen',
  'sicherheit',
  'leistung',
  'betrieb',
  'integration',
  'verwaltung',
  'skalierung'
]
const CATEGORIES = ['Beratung', 'Lizenzen', 'Infrastruktur', 'Personal', 'Schulung']
const QUARTERS = ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']

/** A budget sheet as finance keeps it: title block, header on row 3, amounts as numbers, some as German text. */
export function generateSheet(rows: number): Uint8Array {
  const aoa: (string | number)[][] = [
    ['FreshFoodz – Budget (generiert)'],
    [],
    ['Phase', 'Arbeitspaket', 'Quartal', 'Kategorie', 'Bezeichnung', 'Betrag', 'Währung']
  ]
  for (let i = 0; i < rows; i++) {
    const cents = 10_000 + ((i * 7919) % 5_000_000)
    const amount: string | number =
      i % 10 === 0
        ? `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')} €`
        : cents / 100
    aoa.push([
      PHASES[i % 5],
      STREAMS[i % 7],
      QUARTERS[i % 5],
      CATEGORIES[i % 5],
      `Position ${i + 1}`,
      amount,
      i % 25 === 0 ? 'CHF' : 'EUR'
    ])
  }
  aoa.push(['Summe', '', '', '', '', rows, ''])
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet(aoa, { dense: true } as XLSX.AOA2SheetOpts),
    'Budget'
  )
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}
