// Export benchmark: the large plan (20,000 allocations, 10,000 budget lines) through the app's
// export (layout + SheetJS + frozen panes and styles) against SheetJS writing the very same cells
// directly (aoa_to_sheet + write, compressed like ours). Each side runs in its own child process so
// peak memory (maxRSS) is its own; each is run several times and the median time taken.
// Usage: npm run bench:export [-- --runs 3 --rounds 2]
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { generateLargePlan } from '../test/support/large-plan'
import { buildWorkbookLayout } from '../src/shared/export/layout'
import { writeAllocationWorkbook } from '../src/main/excel/export/write-workbook'

const here = dirname(fileURLToPath(import.meta.url))
const dataDir = join(here, '.data')
const cellsFile = join(dataDir, 'export-cells.json')

type ChildResult = {
  side: string
  times: number[]
  /** CPU time (user + system, all threads) per run: less disturbed than wall time on a busy machine. */
  cpu: number[]
  maxRssMb: number
  startRssMb: number
  bytes: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const mb = (kb: number) => Math.round(kb / 1024)

async function child(side: 'app' | 'direct', runs: number): Promise<ChildResult> {
  const times: number[] = []
  const cpu: number[] = []
  let bytes = 0
  const cpuMs = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
  if (side === 'app') {
    const plan = generateLargePlan()
    const startRssMb = mb(process.resourceUsage().maxRSS)
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      const c = cpuMs()
      const out = await writeAllocationWorkbook(plan, { language: 'en', exportedAt: new Date('2026-11-26') })
      times.push(performance.now() - t)
      cpu.push(cpuMs() - c)
      bytes = out.length
    }
    return { side, times, cpu, maxRssMb: mb(process.resourceUsage().maxRSS), startRssMb, bytes }
  }
  // The same cells, as SheetJS would be handed them by code that builds them directly.
  const sheets = JSON.parse(readFileSync(cellsFile, 'utf8')) as {
    name: string
    rows: unknown[][]
    hidden: boolean
  }[]
  const startRssMb = mb(process.resourceUsage().maxRSS)
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const c = cpuMs()
    const wb = XLSX.utils.book_new()
    for (const s of sheets) {
      // Fresh cell objects per run: aoa_to_sheet keeps the objects it is given.
      const rows = s.rows.map((r) => r.map((c) => (c && typeof c === 'object' ? { ...c } : (c ?? undefined))))
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet(rows as XLSX.CellObject[][], { dense: true }),
        s.name
      )
    }
    wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) }
    bytes = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer).length
    times.push(performance.now() - t)
    cpu.push(cpuMs() - c)
  }
  return { side, times, cpu, maxRssMb: mb(process.resourceUsage().maxRSS), startRssMb, bytes }
}

function runChild(side: 'app' | 'direct', runs: number): ChildResult {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', side, '--runs', String(runs)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  )
  if (r.status !== 0) throw new Error(`${side} child failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult
}

async function main() {
  const argv = process.argv.slice(2)
  const runsAt = argv.indexOf('--runs')
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1])) : 3
  const roundsAt = argv.indexOf('--rounds')
  const childAt = argv.indexOf('--child')
  if (childAt >= 0) {
    console.log(JSON.stringify(await child(argv[childAt + 1] as 'app' | 'direct', runs)))
    return
  }
  // Prepare the direct side's input once: every cell of the app's layout, as plain JSON.
  mkdirSync(dataDir, { recursive: true })
  const plan = generateLargePlan()
  const layout = buildWorkbookLayout(plan, { language: 'en', exportedAt: new Date('2026-11-26') })
  const cells = layout.sheets.map((s) => ({ name: s.name, hidden: Boolean(s.hidden), rows: s.rows }))
  const cellCount = layout.sheets.reduce(
    (n, s) => n + s.rows.reduce((m, r) => m + r.filter(Boolean).length, 0),
    0
  )
  writeFileSync(cellsFile, JSON.stringify(cells))
  console.log(
    `Large plan: ${plan.allocations.length} allocations, ${plan.budgetLines.length} budget lines, ${plan.roles.length} roles; ${cellCount} cells in ${layout.sheets.length} sheets`
  )
  // Interleaved rounds, alternating which side goes first, so a busy machine disturbs both alike.
  const rounds = roundsAt >= 0 ? Math.max(1, Number(argv[roundsAt + 1])) : 2
  const app: ChildResult[] = []
  const direct: ChildResult[] = []
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      app.push(runChild('app', runs))
      direct.push(runChild('direct', runs))
    } else {
      direct.push(runChild('direct', runs))
      app.push(runChild('app', runs))
    }
  }
  const summary = (rs: ChildResult[]) => ({
    ms: median(rs.flatMap((r) => r.times)),
    cpu: median(rs.flatMap((r) => r.cpu)),
    rss: median(rs.map((r) => r.maxRssMb)),
    start: median(rs.map((r) => r.startRssMb)),
    bytes: rs[0].bytes
  })
  const a = summary(app)
  const d = summary(direct)
  const line = (x: ReturnType<typeof summary>, label: string) =>
    `${label.padEnd(36)} ${Math.round(x.ms).toString().padStart(6)} ms wall, ${Math.round(x.cpu).toString().padStart(6)} ms CPU   peak RSS ${String(x.rss).padStart(5)} MB (after loading input: ${x.start} MB)   file ${Math.round(x.bytes / 1024)} KiB`
  console.log(line(a, 'app export (writeAllocationWorkbook)'))
  console.log(line(d, 'SheetJS direct (aoa_to_sheet + write)'))
  console.log(
    `ratio time ${(a.ms / d.ms).toFixed(2)} wall, ${(a.cpu / d.cpu).toFixed(2)} CPU   ratio peak memory ${(a.rss / d.rss).toFixed(2)}   (target ≤ 1.20 each; ${rounds} rounds × ${runs} runs, medians; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`
  )
}

await main()
