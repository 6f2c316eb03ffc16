// Bundles the parse worker the way the built app ships it (ESM, dependencies left to
// node_modules), for the corpus script and the benchmark. Never imported by the app itself.
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Builds node_modules/.cache/quartermaster/CHECKOUT/excel-worker.mjs and returns its path. */
export async function bundleParseWorker(): Promise<string> {
  const { build } = await import('esbuild')
  const root = fileURLToPath(new URL('../../../../', import.meta.url))
  // One folder per checkout: worktrees share node_modules, and one's build must not replace the
  // worker another is running.
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12)
  const outDir = `${root}node_modules/.cache/quartermaster/${checkout}`
  mkdirSync(outDir, { recursive: true })
  await build({
    entryPoints: { 'excel-worker': fileURLToPath(new URL('./worker.ts', import.meta.url)) },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // As the app's build does: what the worker imports on first use is a chunk of its own, so
    // its packages (zod) load only then.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error'
  })
  return `${outDir}/excel-worker.mjs`
}
