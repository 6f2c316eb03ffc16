// Import benchmark: generates finance sheets of 10k, 100k and 300k rows (xlsx) and compares
// the app's end-to-end import (file checks → parse worker → previewable parsed rows) with plain
// SheetJS (read + sheet_to_json) on the same file. Each measurement runs in its own child
// process, which reports its time and its peak resident memory (maxRSS, worker threads included).
// Usage: npm run bench:import [-- --rows 10000,100000,300000] [--runs 1]
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { generateSheet } from './finance-sheet'

type Measurement = { ms: number; cpuMs: number; maxRssMb: number; rows: number }

/** CPU time of the whole process (all threads, the worker too) since c0, in ms. */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0)
  return (d.user + d.system) / 1000
}

async function child(mode: string, file: string, workerPath: string): Promise<Measurement> {
  if (mode === 'sheetjs') {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const wb = XLSX.read(readFileSync(file))
    const json = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]])
    const ms = performance.now() - t0
    return { ms, cpuMs: cpuSince(c0), maxRssMb: process.resourceUsage().maxRSS / 1024, rows: json.length }
  }
  const { openImport } = await import('../src/main/excel/import/service')
  const { prewarmParseWorker } = await import('../src/main/excel/import/session')
  const limits = { timeoutMs: 600_000 }
  if (mode === 'import-warm') {
    // As in the app: the wizard starts a worker when it opens, before the user picks the file.
    prewarmParseWorker({ workerPath, limits })
    await new Promise((r) => setTimeout(r, 1500))
  }
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const { session, summary } = await openImport(file, { workerPath, limits })
  const read = await session.read({ sheet: summary.bestSheet })
  const ms = performance.now() - t0
  const cpuMs = cpuSince(c0)
  await session.close()
  return { ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: read.result.rows.length }
}

function measure(mode: string, file: string, workerPath: string): Measurement {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, file, workerPath],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measurement
}

async function main() {
  const argv = process.argv.slice(2)
  if (argv[0] === '--child') {
    console.log(JSON.stringify(await child(argv[1], argv[2], argv[3])))
    return
  }
  const rowsArg = argv.indexOf('--rows')
  const sizes = rowsArg >= 0 ? argv[rowsArg + 1].split(',').map(Number) : [10_000, 100_000, 300_000]
  const runsArg = argv.indexOf('--runs')
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : 1
  const { bundleParseWorker } = await import('../src/main/excel/import/dev-bundle')
  const workerPath = await bundleParseWorker()
  const dir = join(tmpdir(), 'quartermaster-bench')
  mkdirSync(dir, { recursive: true })
  console.log(
    `Import benchmark (node ${process.versions.node}, bundled worker as in the built app, best of ${runs} run(s))`
  )
  console.log(
    'Time to previewable rows, wall clock and CPU (all threads); peak = maxRSS of the measuring process.'
  )
  console.log('In brackets: ratio to SheetJS read + sheet_to_json on the same file.')
  for (const n of sizes) {
    const file = join(dir, `budget-${n}.xlsx`)
    if (!existsSync(file)) writeFileSync(file, generateSheet(n))
    const best = (mode: string): Measurement => {
      const all = Array.from({ length: runs }, () => measure(mode, file, workerPath))
      return {
        ms: Math.min(...all.map((m) => m.ms)),
        cpuMs: Math.min(...all.map((m) => m.cpuMs)),
        maxRssMb: Math.min(...all.map((m) => m.maxRssMb)),
        rows: all[0].rows
      }
    }
    const base = best('sheetjs')
    const size = readFileSync(file).byteLength / 2 ** 20
    console.log(`\n${n.toLocaleString('en')} rows (${size.toFixed(1)} MB xlsx)`)
    const line = (label: string, m: Measurement) =>
      console.log(
        `  ${label.padEnd(30)} wall ${(m.ms / 1000).toFixed(2).padStart(6)} s (${(m.ms / base.ms).toFixed(2)})` +
          `  cpu ${(m.cpuMs / 1000).toFixed(2).padStart(6)} s (${(m.cpuMs / base.cpuMs).toFixed(2)})` +
          `  peak ${Math.round(m.maxRssMb).toString().padStart(5)} MB (${(m.maxRssMb / base.maxRssMb).toFixed(2)})  rows ${m.rows}`
      )
    line('SheetJS read + sheet_to_json', base)
    line('import, cold worker', best('import-cold'))
    line('import, prewarmed worker', best('import-warm'))
  }
  console.log('Targets: time ratio ≤ 1.25, memory ratio ≤ 1.5.')
}

await main()
