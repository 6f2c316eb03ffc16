#!/usr/bin/env node
// Command-line entry: runs the TypeScript sources through tsx, the same code the app uses.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'

register()
const entry = new URL('../src/cli/index.ts', import.meta.url)
const { main } = await import(fileURLToPath(entry))
process.exitCode = await main(process.argv.slice(2))
