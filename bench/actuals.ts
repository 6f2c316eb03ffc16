// Bookings exports of 100,000 and 300,000 rows read as actual costs in the parse worker, under the
// import's default limits (heap limit included): prints time, placed bookings and the worker's
// answer size. Run: npm run bench:actuals
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openImport } from '../src/main/excel/import/service'
import { actualsTarget } from '../src/shared/actuals/target'
import { buildFreshFoodzPlan } from '../src/shared/planning/seed/freshfoodz'
import { generateBookings } from './bookings-sheet'

const dir = mkdtempSync(join(tmpdir(), 'qm-bench-actuals-'))
const plan = buildFreshFoodzPlan()

for (const rows of [100_000, 300_000]) {
  const file = join(dir, `bookings-${rows}.csv`)
  writeFileSync(file, generateBookings(rows))
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
