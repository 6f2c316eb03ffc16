// Runs the import (file checks + parse worker, as the app does) on every spreadsheet of the
// corpus and prints the count per outcome, the slowest file and the peak memory.
// Usage: npm run corpus [-- CORPUS_DIR] [--tsx] [--verbose]
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { importFile } from '../src/main/excel/import/service'
import { ImportError } from '../src/main/excel/import/errors'
import { bundleParseWorker } from '../src/main/excel/import/dev-bundle'
import { prewarmParseWorker } from '../src/main/excel/import/session'

const TIME_LIMIT_MS = 10_000
const MEMORY_LIMIT_MB = 1024

function listFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listFiles(path))
    else if (!/^(README|LICENSE)/i.test(name)) out.push(path)
  }
  return out
}

type Result = { file: string; outcome: string; ms: number; peakRssMb: number; detail: string }

async function main() {
  const args = process.argv.slice(2)
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/corpus')
  const verbose = args.includes('--verbose')
  // The built app runs a bundled worker; --tsx runs the TypeScript sources as tests do.
  const workerPath = args.includes('--tsx') ? undefined : await bundleParseWorker()
  const files = listFiles(dir)
  console.log(
    `Corpus: ${dir} (${files.length} files), limits ${TIME_LIMIT_MS / 1000} s and ${MEMORY_LIMIT_MB} MB per file`
  )
  let peak = 0
  let current = 0
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss()
    current = Math.max(current, rss)
    peak = Math.max(peak, rss)
  }, 20)
  const results: Result[] = []
  const started = performance.now()
  const limits = { timeoutMs: TIME_LIMIT_MS, maxOldGenerationSizeMb: MEMORY_LIMIT_MB }
  for (const file of files) {
    // As the wizard does when it opens: a worker is started before the file is chosen.
    prewarmParseWorker({ workerPath, limits })
    current = process.memoryUsage.rss()
    const t0 = performance.now()
    let outcome: string
    let detail: string
    try {
      const { sheet } = await importFile(file, { workerPath, limits })
      const c = sheet.result.counts
      outcome = c.good > 0 ? 'imported' : 'opened, rows need mapping'
      detail = `sheet "${sheet.result.sheet}", header row ${sheet.headerRow}, ${c.good} good / ${c.bad} bad rows`
    } catch (err) {
      if (err instanceof ImportError) {
        outcome = err.reason
        detail = err.message
      } else {
        outcome = 'UNEXPECTED'
        detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
      }
    }
    const ms = performance.now() - t0
    if (ms > TIME_LIMIT_MS + 2000) outcome = `OVER TIME (${outcome})`
    const r = { file: relative(dir, file), outcome, ms, peakRssMb: current / 2 ** 20, detail }
    results.push(r)
    if (verbose)
      console.log(
        `${r.outcome.padEnd(26)} ${Math.round(ms).toString().padStart(6)} ms  ${r.file}  ${detail.slice(0, 120)}`
      )
  }
  clearInterval(sampler)
  const counts = new Map<string, number>()
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1)
  console.log('\nOutcome                     files')
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`${k.padEnd(28)}${String(v).padStart(5)}`)
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3)
  console.log(
    `\nSlowest: ${slowest.map((r) => `${r.file} ${(r.ms / 1000).toFixed(2)} s (${r.outcome})`).join('; ')}`
  )
  const heaviest = [...results].sort((a, b) => b.peakRssMb - a.peakRssMb)[0]
  const maxRss = process.resourceUsage().maxRSS / 1024
  console.log(
    `Peak memory: ${Math.round(peak / 2 ** 20)} MB RSS sampled (process maxRSS ${Math.round(maxRss)} MB, main + workers), highest during ${heaviest?.file}`
  )
  console.log(`Total: ${results.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const bad = results.filter(
    (r) => r.outcome === 'UNEXPECTED' || r.outcome.startsWith('OVER TIME') || r.outcome === 'crashed'
  )
  if (bad.length || peak / 2 ** 20 > MEMORY_LIMIT_MB + 512) {
    for (const r of bad) console.log(`FAILED: ${r.file}: ${r.outcome}: ${r.detail}`)
    process.exitCode = 1
  }
}

await main()
