// Bookings exports of 100,000 and 300,000 rows read as actual costs in the parse worker, under the
// import's default limits (heap limit included): prints time, placed bookings and the worker's
// answer size. Run: npm run bench:actuals
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImport } from '../src/main/excel/import/service'
import { actualsTarget } from '../src/shared/actuals/target'
import { buildFreshFoodzPlan } from '../src/shared/planning/seed/freshfoodz'

const CENTRES = [
  '4100 Foundation',
  '4110 sicherheit',
  '4200 Operations',
  '4300 Integration',
  '4400 Governance',
  '4500 Scale'
]
const dir = mkdtempSync(join(tmpdir(), 'qm-bench-actuals-'))
const plan = buildFreshFoodzPlan()

for (const rows of [100_000, 300_000]) {
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
  const file = join(dir, `bookings-${rows}.csv`)
  writeFileSync(file, lines.join('\n'))
  const started = performance.now()
  const { session, summary } = await openImport(file)
  try {
    const read = await session.bookings({ sheet: summary.bestSheet, target: actualsTarget(plan) })
    const ms = Math.round(performance.now() - started)
    console.log(
      `${rows} rows: ${ms} ms file to sums, ${read.result.counts.placed} placed, ${read.result.counts.bad} bad, ${read.result.counts.outside} outside, ${read.result.sums.length} sums, answer ${Math.round(JSON.stringify(read).length / 1024)} KiB, worker heap limit ${session.limits.maxOldGenerationSizeMb} MB: ok`
    )
  } finally {
    await session.close()
  }
}
