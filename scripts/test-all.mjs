#!/usr/bin/env node
// `npm test`: every check in order, then one line that counts the tests that passed and failed.
// Steps: typecheck (node + web), lint, import cycles, component size, format check, unit tests, build, bundle check, end-to-end tests.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs'

const steps = [
  ['typecheck (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']],
  ['typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']],
  ['typecheck (tests, benchmarks, scripts)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.test.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['import cycles in src', 'npm', ['run', '--silent', 'check:cycles']],
  ['component size', 'npm', ['run', '--silent', 'check:size']],
  ['format check', 'npx', ['prettier', '--check', '.']],
  [
    'unit tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']
  ],
  ['build', 'npx', ['electron-vite', 'build']],
  ['no benchmark hook in the bundle', 'npm', ['run', '--silent', 'check:bundle']],
  ['end-to-end tests', 'npx', ['playwright', 'test']]
]

mkdirSync('test-results', { recursive: true })
for (const f of ['test-results/unit.json']) rmSync(f, { force: true })

const failedSteps = []
const started = Date.now()
for (const [name, cmd, args] of steps) {
  const t0 = Date.now()
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const secs = ((Date.now() - t0) / 1000).toFixed(1)
  if (r.status !== 0) {
    failedSteps.push(name)
    console.log(`=== ${name}: FAILED after ${secs} s`)
    // Without a build there is nothing to test end to end.
    if (name === 'build') break
  } else {
    console.log(`=== ${name}: ok (${secs} s)`)
  }
}

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
  } catch {
    return null
  }
}

let passed = 0
let failed = 0
let skipped = 0
const unit = readJson('test-results/unit.json')
if (unit) {
  passed += unit.numPassedTests ?? 0
  failed += unit.numFailedTests ?? 0
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0)
}
const e2e = readJson('test-results/e2e.json')
if (e2e?.stats) {
  passed += e2e.stats.expected ?? 0
  failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0)
  skipped += e2e.stats.skipped ?? 0
}
const minutes = ((Date.now() - started) / 60000).toFixed(1)
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`\nAll checks took ${minutes} min.`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failedSteps.length || failed ? 1 : 0)
