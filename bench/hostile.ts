// Hostile files through main's real handlers, at the app's own limits: for each re-import, restore
// and import, the outcome, the wall time, the longest block of this (main's) event loop and the
// peak resident memory of the process (the parse worker is a thread of it, so it counts too).
// Each file runs in its own child process so one file's memory never inflates the next figure.
// Usage: npm run bench:hostile
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Gzip, Zip, ZipDeflate, strToU8 } from 'fflate'

const MB = 1024 * 1024
const GB = 1024 * MB

type Case = {
  name: string
  channel: 'export:reimport' | 'backup:restore' | 'import:open'
  file: string
  build: () => Uint8Array
}

/** Zeros through a streaming compressor, 1 MB at a time, so building a 2 GB bomb costs no memory. */
function feedZeros(push: (chunk: Uint8Array, final: boolean) => void, bytes: number, head?: Uint8Array) {
  const zeros = new Uint8Array(MB)
  if (head) push(head, bytes === 0)
  for (let left = bytes; left > 0; left -= MB) push(zeros.subarray(0, Math.min(MB, left)), left <= MB)
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** A zip with one entry of zeros; with `declare`, every size field says that instead. */
function zipOfZeros(bytes: number, declare?: number): Uint8Array {
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    chunks.push(chunk)
  })
  const types = new ZipDeflate('[Content_Types].xml', { level: 9 })
  zip.add(types)
  types.push(strToU8('<?xml version="1.0"?><Types/>'), true)
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 })
  zip.add(sheet)
  feedZeros((c, f) => sheet.push(c, f), bytes)
  zip.end()
  const out = concat(chunks)
  if (declare !== undefined) {
    const v = new DataView(out.buffer)
    for (let i = 0; i + 16 <= out.length; i++) {
      const sig = v.getUint32(i, true)
      // Data descriptor (+12), central directory header (+24): the uncompressed size.
      if (sig === 0x08074b50 && v.getUint32(i + 12, true) === bytes >>> 0) v.setUint32(i + 12, declare, true)
      if (sig === 0x02014b50 && v.getUint32(i + 24, true) === bytes >>> 0) v.setUint32(i + 24, declare, true)
    }
  }
  return out
}

function gzipOfZeros(bytes: number, header?: object): Uint8Array {
  const chunks: Uint8Array[] = []
  const gz = new Gzip({ level: 9 }, (chunk) => chunks.push(chunk))
  feedZeros((c, f) => gz.push(c, f), bytes, header ? strToU8(JSON.stringify(header) + '\n') : undefined)
  return concat(chunks)
}

const backupHeader = (payloadBytes: number) => ({
  format: 'quartermaster-backup',
  schemaVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  appVersion: '0.1.0',
  checksum: `sha256:${'0'.repeat(64)}`,
  payloadBytes,
  counts: { plans: 0, history: 0, mappings: 0 }
})

const CASES: Case[] = [
  {
    name: 'zip bomb, 1 GB of zeros (re-import)',
    channel: 'export:reimport',
    file: 'bomb.xlsx',
    build: () => zipOfZeros(GB)
  },
  {
    name: 'zip declaring 1 kB, holding 2 GB (re-import)',
    channel: 'export:reimport',
    file: 'liar.xlsx',
    build: () => zipOfZeros(2 * GB, 1000)
  },
  {
    name: 'zip declaring 1 kB, holding 2 GB (import)',
    channel: 'import:open',
    file: 'liar-import.xlsx',
    build: () => zipOfZeros(2 * GB, 1000)
  },
  {
    name: 'gzip bomb, 1 GB, no header (restore)',
    channel: 'backup:restore',
    file: 'bomb.qmbackup',
    build: () => gzipOfZeros(GB)
  },
  {
    name: 'gzip bomb, header declaring 2 GB (restore)',
    channel: 'backup:restore',
    file: 'declares.qmbackup',
    build: () => gzipOfZeros(64 * MB, backupHeader(2 * GB))
  },
  {
    name: 'gzip bomb, header declaring 500 MB of zeros (restore)',
    channel: 'backup:restore',
    file: 'zeros.qmbackup',
    build: () => gzipOfZeros(500 * MB, backupHeader(500 * MB))
  },
  {
    name: 'CSV with a 50 MB cell (import)',
    channel: 'import:open',
    file: 'huge-cell.csv',
    build: () => strToU8(`Phase,Quarter,Title,Amount\n"Phase 1",Q1 2026,"${'x'.repeat(50 * MB)}",100\n`)
  }
]

type Result = { outcome: string; ms: number; maxBlockMs: number; peakRssMb: number; baseRssMb: number }

async function runOne(channel: Case['channel'], path: string): Promise<Result> {
  const { createDispatcher } = await import('../src/shared/ipc/dispatch')
  const { createFileGrants } = await import('../src/main/files/grants')
  const { reimportHandlers } = await import('../src/main/handlers/reimport')
  const { backupHandlers } = await import('../src/main/handlers/backup')
  const { importHandlers } = await import('../src/main/handlers/import')
  const { buildFreshFoodzPlan } = await import('../src/shared/planning/seed/freshfoodz')
  const { prewarmParseWorker } = await import('../src/main/excel/import/session')
  const grants = createFileGrants()
  grants.grant(path)
  const deps = {
    userDataDir: join(tmpdir(), 'qm-bench-hostile'),
    appVersion: '0.1.0',
    grants,
    dialogs: { showOpen: async () => path },
    noteRecentFile: () => undefined,
    lastFolder: () => null
  } as never
  const dispatch = createDispatcher({
    ...reimportHandlers(deps),
    ...backupHandlers(deps),
    ...importHandlers(deps)
  })
  // A worker started and settled first, as the app's wizard does, so its start-up is not counted.
  prewarmParseWorker()
  await new Promise((r) => setTimeout(r, 3000))
  const payload =
    channel === 'export:reimport'
      ? { plan: buildFreshFoodzPlan(), language: 'en' }
      : channel === 'backup:restore'
        ? { language: 'en' }
        : { taskId: 'bench', path }
  const baseRssMb = process.memoryUsage.rss() / MB
  let peak = baseRssMb
  // A probe every 5 ms: the largest gap between its runs is the longest block of the event loop.
  let last = performance.now()
  let maxGap = 0
  const probe = setInterval(() => {
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last)
    last = now
    peak = Math.max(peak, process.memoryUsage.rss() / MB)
  }, 5)
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  const t0 = performance.now()
  const r = (await dispatch(channel, payload, { emit: () => undefined })) as {
    ok: boolean
    error?: { code: string; message: string }
  }
  const ms = performance.now() - t0
  histogram.disable()
  clearInterval(probe)
  peak = Math.max(peak, process.memoryUsage.rss() / MB)
  const outcome = r.ok ? 'accepted' : `${r.error!.code}: ${r.error!.message}`
  // The probe's gap includes its own 5 ms period; the histogram's max is the delay past its 10 ms tick.
  const maxBlockMs = Math.max(maxGap - 5, histogram.max / 1e6)
  return { outcome, ms, maxBlockMs, peakRssMb: peak, baseRssMb }
}

async function main() {
  const [mode, channel, path] = process.argv.slice(2)
  if (mode === '--child') {
    process.stdout.write(JSON.stringify(await runOne(channel as Case['channel'], path)))
    process.exit(0)
  }
  const dir = mkdtempSync(join(tmpdir(), 'qm-hostile-'))
  const self = fileURLToPath(import.meta.url)
  console.log("Hostile files through main's handlers at the app's limits (one child process each)\n")
  console.log('| file | bytes | outcome | time | longest event-loop block | peak RSS (base) |')
  console.log('| --- | ---: | --- | ---: | ---: | ---: |')
  for (const c of CASES) {
    const bytes = c.build()
    const path = join(dir, c.file)
    writeFileSync(path, bytes)
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', c.channel, path], {
      encoding: 'utf8',
      maxBuffer: 16 * MB
    })
    const r = JSON.parse(out) as Result
    console.log(
      `| ${c.name} | ${(bytes.length / MB).toFixed(2)} MB | ${r.outcome.slice(0, 110)} | ${(r.ms / 1000).toFixed(2)} s | ${r.maxBlockMs.toFixed(0)} ms | ${r.peakRssMb.toFixed(0)} MB (${r.baseRssMb.toFixed(0)}) |`
    )
  }
}

await main()
