// Renderer responsiveness during an import: drives the real wizard (real main-process handlers and
// parse worker behind the harness) through file → sheet → columns → preview → commit for generated
// finance sheets, and prints the long tasks (> 50 ms) the renderer's main thread ran meanwhile; after
// the 100,000-row import, its undo and redo with the Budget view open and again with the budget
// board open (wall time until the new figures show, and the long tasks meanwhile), then a second
// import of 10,000 rows into that database (its safety backup then holds the 100,000 lines). Then a 100,000-row bookings export imported as actual costs into the
// built-in plan: file to committed and shown in the Budget view's plan against actual, and undone.
// With QM_BENCH_PROFILE=1 (and a build made with it, unminified) each commit, undo and redo is also
// CPU-profiled: the functions of most self time and every busy stretch over 50 ms with its code.
// With QM_BENCH_TRACE=1 those stages are traced instead (bench/task-trace.mjs): each long task the
// stage counts, lined up with the trace's task, with the events and functions that ran inside it.
// Usage: npm run bench:import-ui [-- --grep 100000]; QM_BENCH_PROFILE=1 npm run bench:import-ui
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '../test/e2e/fixtures'
import { generateSheet } from './finance-sheet'
import { generateBookings } from './bookings-sheet'
import { startProfile, stopProfile } from './cpu-profile.mjs'
import { markClock, printLongTasks, startTrace, stopTrace } from './task-trace.mjs'

type Stage = { stage: string; ms: number; longTasks: number; longestMs: number; totalLongMs: number }

type App = Parameters<Parameters<typeof test>[2]>[0]['app']

const PROFILE = process.env['QM_BENCH_PROFILE'] === '1'
const TRACE = process.env['QM_BENCH_TRACE'] === '1'
/** Stages profiled with QM_BENCH_PROFILE=1: the ones that write. */
const PROFILED = /^(commit|undo|redo)/

/** Runs an action and records its time and the renderer's long tasks meanwhile. */
function measurer(page: App['page'], stages: Stage[]) {
  return async (stage: string, act: () => Promise<void>) => {
    const since = await page.evaluate(() => {
      ;(window as unknown as { __long: number[] }).__long = []
      return performance.now()
    })
    const traced = (PROFILE || TRACE) && PROFILED.test(stage)
    const cdp = traced ? await page.context().newCDPSession(page) : null
    if (cdp) await (TRACE ? startTrace(cdp) : startProfile(cdp))
    const t0 = Date.now()
    await act()
    const ms = Date.now() - t0
    if (cdp && !TRACE) await stopProfile(cdp, stage)
    if (cdp && TRACE) {
      const mark = { name: `qm-bench-clock-${stages.length}`, at: 0 }
      mark.at = await markClock(page, mark.name)
      const at = await page.evaluate(
        (t) =>
          (window as unknown as { __longAt?: [number, number][] }).__longAt?.filter(([s]) => s >= t) ?? [],
        since
      )
      printLongTasks(await stopTrace(cdp), at, mark, stage)
    }
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long)
    stages.push({
      stage,
      ms,
      longTasks: long.length,
      longestMs: long.length ? Math.max(...long) : 0,
      totalLongMs: long.reduce((a, b) => a + b, 0)
    })
  }
}

/** One import through the wizard, stage by stage, with the renderer's long tasks per stage. */
async function importThroughWizard(app: App, rows: number): Promise<Stage[]> {
  const { page } = app
  const file = join(mkdtempSync(join(tmpdir(), 'qm-bench-ui-')), `budget-${rows}.xlsx`)
  writeFileSync(file, generateSheet(rows))
  const stages: Stage[] = []
  const measure = measurer(page, stages)

  const wizard = page.getByRole('dialog', { name: 'Import spreadsheet' })
  // Waits by a plain DOM check every 100 ms: Playwright's expect() builds an accessibility
  // snapshot inside the page after each failed try, tasks that would count as the app's.
  const waitFor = (check: () => boolean) =>
    page.waitForFunction(check, undefined, { polling: 100, timeout: 600_000 }).then(() => undefined)
  await app.menu('import')
  await expect(wizard).toBeVisible()
  app.queueOpen(file)
  await measure('open file (checks, parse in worker)', async () => {
    await wizard.getByRole('button', { name: 'Choose file…' }).click()
    await waitFor(() => document.querySelector('[data-testid="header-row"]') !== null)
  })
  await measure('columns (rows parsed with the mapping)', async () => {
    await wizard.getByRole('button', { name: 'Next' }).click()
    await waitFor(
      () =>
        document.querySelector('[data-testid="mapping-counts"]')?.textContent?.includes('rows ready') ?? false
    )
  })
  await measure('preview', async () => {
    await wizard.getByRole('button', { name: 'Next' }).click()
    await waitFor(() => document.querySelector('[data-testid="import-preview"]') !== null)
  })
  const skip = wizard.getByRole('checkbox', { name: /Skip rows with problems/ })
  if (await skip.isVisible()) await skip.check()
  await measure('commit (backup, one transaction)', async () => {
    await wizard.getByRole('button', { name: /^Import .* rows$/ }).click()
    await waitFor(() => document.querySelector('.import-wizard') === null)
  })
  // The views take in the new rows after the dialog has closed: two seconds of that count too.
  await measure('after (views update, 2 s)', () => page.waitForTimeout(2_000))
  const parts = await page.evaluate(() => {
    const m = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('import: '))
    performance.clearMeasures()
    return m.map((e) => ({ name: e.name, ms: e.duration }))
  })
  for (const p of parts)
    stages.push({ stage: `  ${p.name}`, ms: Math.round(p.ms), longTasks: 0, longestMs: 0, totalLongMs: 0 })
  return stages
}

/**
 * Starts recording the renderer's long tasks (> 50 ms): their durations into window.__long (reset
 * per stage), and [start, duration] into window.__longAt (a trace lines them up).
 */
async function observeLongTasks(page: App['page']) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longAt: [number, number][] }
    w.__long = []
    w.__longAt = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__long.push(e.duration)
        w.__longAt.push([e.startTime, e.duration])
      }
    }).observe({ type: 'longtask' })
  })
}

function print(title: string, stages: Stage[]) {
  console.log(`\n${title}: renderer long tasks (> 50 ms) per stage`)
  for (const s of stages) {
    console.log(
      `  ${s.stage.padEnd(40)} ${String(s.ms).padStart(7)} ms  long tasks ${String(s.longTasks).padStart(3)}` +
        `  longest ${s.longestMs.toFixed(0).padStart(6)} ms  total ${s.totalLongMs.toFixed(0).padStart(7)} ms`
    )
  }
}

for (const rows of [10_000, 100_000]) {
  test(`import of ${rows} rows through the wizard`, async ({ app }) => {
    const { page } = app
    await app.goto('budget')
    await observeLongTasks(page)
    print(`${rows.toLocaleString('en')} rows`, await importThroughWizard(app, rows))
    if (rows < 100_000) return
    // Undo and redo of that import (the toolbar buttons), each until the budget total shows it.
    const steps: Stage[] = []
    const measure = measurer(page, steps)
    const total = () => document.querySelector('[data-testid="budget-total"]')?.textContent ?? ''
    const imported = await page.evaluate(total)
    await measure('undo the import', async () => {
      await page.locator('.topbar-actions').getByRole('button', { name: /Undo$/ }).click()
      await page.waitForFunction(
        (t) => (document.querySelector('[data-testid="budget-total"]')?.textContent ?? t) !== t,
        imported,
        { polling: 100, timeout: 600_000 }
      )
    })
    await measure('redo it', async () => {
      await page.locator('.topbar-actions').getByRole('button', { name: /Redo$/ }).click()
      await page.waitForFunction(
        (t) => document.querySelector('[data-testid="budget-total"]')?.textContent === t,
        imported,
        { polling: 100, timeout: 600_000 }
      )
    })
    print(`undo and redo of the ${rows.toLocaleString('en')}-row import, Budget view open`, steps)
    // The same on the budget board: it shows its last figures while it takes the change in, then
    // the new ones (grand total changed and the "updating" line gone).
    await app.goto('budget-board')
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="grand-total"]') !== null &&
        document.querySelector('[data-testid="board-counting"]') === null,
      undefined,
      { polling: 100, timeout: 600_000 }
    )
    const board: Stage[] = []
    const onBoard = measurer(page, board)
    const boardTotal = () => document.querySelector('[data-testid="grand-total"]')?.textContent ?? ''
    const shown = await page.evaluate(boardTotal)
    // Until the board's total differs from (undo) or equals (redo) the imported one, updated.
    const settled = ({ t, changed }: { t: string; changed: boolean }) => {
      const now = document.querySelector('[data-testid="grand-total"]')?.textContent ?? ''
      return document.querySelector('[data-testid="board-updating"]') === null && (now === t) !== changed
    }
    await onBoard('undo the import', async () => {
      await page.locator('.topbar-actions').getByRole('button', { name: /Undo$/ }).click()
      await page.waitForFunction(settled, { t: shown, changed: true }, { polling: 100, timeout: 600_000 })
    })
    await onBoard('redo it', async () => {
      await page.locator('.topbar-actions').getByRole('button', { name: /Redo$/ }).click()
      await page.waitForFunction(settled, { t: shown, changed: false }, { polling: 100, timeout: 600_000 })
    })
    print(`undo and redo of the ${rows.toLocaleString('en')}-row import, budget board open`, board)
    await app.goto('budget')
    // The next import into that database: its safety backup now holds the 100,000 lines (sent to
    // main in parts, a message per task).
    print(
      `then 10,000 rows more, into the database that holds those ${rows.toLocaleString('en')}`,
      await importThroughWizard(app, 10_000)
    )
  })
}

test('import of 100000 bookings as actual costs through the wizard', async ({ app }) => {
  const { page } = app
  const rows = 100_000
  const file = join(mkdtempSync(join(tmpdir(), 'qm-bench-ui-')), `buchungen-${rows}.csv`)
  writeFileSync(file, generateBookings(rows))
  await app.goto('budget')
  await observeLongTasks(page)
  const stages: Stage[] = []
  const measure = measurer(page, stages)
  const wizard = page.getByRole('dialog', { name: 'Import spreadsheet' })
  const waitFor = (check: () => boolean) =>
    page.waitForFunction(check, undefined, { polling: 100, timeout: 600_000 }).then(() => undefined)
  const spent = () => document.querySelector('[data-testid="actual-spent"]')?.textContent ?? ''
  const before = await page.evaluate(spent)
  await app.menu('import')
  await expect(wizard).toBeVisible()
  app.queueOpen(file)
  const t0 = Date.now()
  await measure('open file (checks, parse in worker)', async () => {
    await wizard.getByRole('button', { name: 'Choose file…' }).click()
    // The sheet step recognises a bookings export: its second kind, actual costs, is chosen.
    await waitFor(
      () =>
        (document.querySelectorAll('[data-testid="import-kind"] input')[1] as HTMLInputElement | undefined)
          ?.checked ?? false
    )
  })
  await measure('bookings read against the plan (sums)', async () => {
    await wizard.getByRole('button', { name: 'Next' }).click()
    await waitFor(() => document.querySelector('[data-testid="actuals-counts"]') !== null)
  })
  await measure('commit (backup, one transaction) and shown', async () => {
    await wizard.getByRole('button', { name: /^Import .* bookings$/ }).click()
    await page.waitForFunction(
      (b) => {
        const now = document.querySelector('[data-testid="actual-spent"]')?.textContent ?? ''
        return document.querySelector('.import-wizard') === null && now !== '' && now !== b
      },
      before,
      { polling: 100, timeout: 600_000 }
    )
  })
  const total = Date.now() - t0
  await measure('after (views update, 2 s)', () => page.waitForTimeout(2_000))
  const shown = await page.evaluate(spent)
  print(`${rows.toLocaleString('en')} bookings as actual costs`, stages)
  const longest = Math.max(...stages.map((s) => s.longestMs))
  console.log(
    `  file to plan against actual shown: ${total} ms (target under 10,000 ms), spent ${shown}; ` +
      `longest renderer task ${longest.toFixed(0)} ms (target at most 50 ms)`
  )
  // Undoable like any import: the actuals go (the Budget view's spent figure with them).
  const undo: Stage[] = []
  await measurer(page, undo)('undo the import', async () => {
    await page.locator('.topbar-actions').getByRole('button', { name: /Undo$/ }).click()
    await page.waitForFunction(
      (t) => (document.querySelector('[data-testid="actual-spent"]')?.textContent ?? '') !== t,
      shown,
      { polling: 100, timeout: 600_000 }
    )
  })
  print('undo', undo)
})
