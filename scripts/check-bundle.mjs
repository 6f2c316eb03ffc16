#!/usr/bin/env node
// After `electron-vite build`: the normal renderer bundle in out/renderer must not hold the
// benchmark hook (window.__quartermaster) or, with it, the large-plan generator. Only a build with
// VITE_QM_BENCH=1 (bench/board.mjs builds one into its own folder) carries them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'out/renderer'
const FORBIDDEN = ['__quartermaster']

if (!existsSync(dir)) {
  console.error(`${dir} does not exist: run \`npx electron-vite build\` first`)
  process.exit(1)
}

function* files(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (/\.(js|mjs|html)$/.test(name)) yield path
  }
}

const found = []
let scanned = 0
for (const path of files(dir)) {
  scanned++
  const text = readFileSync(path, 'utf8')
  for (const word of FORBIDDEN) if (text.includes(word)) found.push(`${path}: ${word}`)
}
if (found.length) {
  console.error(`Benchmark-only code in the production renderer bundle:\n  ${found.join('\n  ')}`)
  process.exit(1)
}
console.log(`${scanned} files in ${dir}: no benchmark hook`)
