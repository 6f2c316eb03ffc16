// A generated German bookings export (CSV, semicolons, German amounts, S/H, EUR and CHF) over the
// built-in plan's quarters, with cost centres the import places by name. Shared by the benches.
const CENTRES = [
  '4100 Foundation',
  '4110 sicherheit',
  '4200 Operations',
  '4300 Integration',
  '4400 Governance',
  '4500 Scale'
]

export function generateBookings(rows: number): string {
  const lines = ['Buchungsdatum;Kostenstelle;Konto;Betrag;Soll/Haben;Währung;Buchungstext']
  for (let i = 0; i < rows; i++) {
    const month = (i % 15) + 10
    const y = 2025 + Math.floor((month - 1) / 12)
    const m = ((month - 1) % 12) + 1
    const euros = ((i * 7919) % 500_000) / 100
    lines.push(
      `${String((i % 28) + 1).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y};${CENTRES[i % CENTRES.length]};${6000 + (i % 40)};${euros.toFixed(2).replace('.', ',')};${i % 10 === 0 ? 'H' : 'S'};${i % 5 === 0 ? 'CHF' : 'EUR'};Buchung ${i}`
    )
  }
  return lines.join('\n')
}
