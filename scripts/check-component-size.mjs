#!/usr/bin/env node
// Fails when a renderer component (.tsx under src/renderer) is over 400 lines: split it into its
// folder's parts (cells, toolbars, dialogs, models) instead. A step of `npm test`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const MAX_LINES = 400
const ROOT = 'src/renderer'

function* tsxFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* tsxFiles(path)
    else if (entry.name.endsWith('.tsx')) yield path
  }
}

const tooLong = []
for (const file of tsxFiles(ROOT)) {
  const text = readFileSync(file, 'utf8')
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length
  if (lines > MAX_LINES) tooLong.push(`${file}: ${lines} lines`)
}
if (tooLong.length) {
  console.error(`Renderer components over ${MAX_LINES} lines (split them):\n  ${tooLong.join('\n  ')}`)
  process.exit(1)
}
console.log(`No renderer component over ${MAX_LINES} lines.`)
