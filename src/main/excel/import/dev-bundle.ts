// Bundles the parse worker the way the built app ships it (one ESM file, dependencies left to
// node_modules), for the corpus script and the benchmark. Never imported by the app itself.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Builds node_modules/.cache/quartermaster/excel-worker.mjs and returns its path. */
export async function bundleParseWorker(): Promise<string> {
  const { build } = await import('esbuild')
  const root = fileURLToPath(new URL('../../../../', import.meta.url))
  const outDir = `${root}node_modules/.cache/quartermaster`
  mkdirSync(outDir, { recursive: true })
  const outfile = `${outDir}/excel-worker.mjs`
  await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error'
  })
  return outfile
}
