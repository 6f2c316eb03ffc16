// A big commit on an open board: removing a workstream with thousands of allocations, undone and
// redone while the capacity board is open. The board keeps its last figures and says it is
// updating while it takes the change in a slice per task (never the loading line again), then
// shows the plan's true figures. The harness asks for the shortest slices (sessionStorage
// 'qm.e2e.sliceMs', see lib/sliced.ts), so a plan of test size takes the sliced path.
import type { Page } from '@playwright/test'
import { test, expect, type Harness } from './fixtures'
import { backupFileOf } from './backup-file'
import { generateLargePlan } from '../support/large-plan'
import { buildAllocationIndex, buildUtilization } from '../../src/shared/planning/plan-index'
import type { PlanData } from '../../src/shared/planning/types'

const LOCALE = { en: 'en-GB', de: 'de-DE' } as const
const STRINGS = {
  en: {
    total: (fte: string) => `${fte} FTE allocated`,
    counts: (red: number, amber: number) =>
      `${red.toLocaleString('en-US')} over capacity · ${amber.toLocaleString('en-US')} above soft cap`,
    updating: 'Updating …'
  },
  de: {
    total: (fte: string) => `${fte} FTE verplant`,
    counts: (red: number, amber: number) =>
      `${red.toLocaleString('de-DE')} überlastet · ${amber.toLocaleString('de-DE')} über der Warnschwelle`,
    updating: 'Wird aktualisiert …'
  }
} as const

/** 1,500 roles, 20,000 allocations in 4 workstreams: removing one takes about 5,000 of them. */
function bigPlan(): PlanData {
  return generateLargePlan({ roles: 1_500, workstreams: 4, allocations: 20_000, budgetLines: 200, seed: 21 })
}

/** Notes whether the board ever said it was updating, and whether it fell back to the loading line. */
function watchUpdating() {
  const seen = { updating: false, loading: false }
  ;(window as unknown as { __qmUpdating: typeof seen }).__qmUpdating = seen
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="board-updating"]')) seen.updating = true
    if (document.querySelector('[data-testid="board-loading"]')) seen.loading = true
  }).observe(document.body, { childList: true, subtree: true })
}

const seenSince = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __qmUpdating: { updating: boolean; loading: boolean } }).__qmUpdating
  )

const quarterHeader = (page: Page, i: number) =>
  page.getByTestId('capacity-board').locator('.vboard-colhead').nth(i)

/** The board's quarter totals and red and amber counts for `data`. */
async function expectFigures(page: Page, lang: 'en' | 'de', data: PlanData) {
  const s = STRINGS[lang]
  const fte = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 })
  const perQuarter = new Map<string, number>()
  for (const a of data.allocations) perQuarter.set(a.quarter, (perQuarter.get(a.quarter) ?? 0) + a.shareBp)
  for (const [i, q] of data.plan.quarters.slice(0, 3).entries())
    await expect(quarterHeader(page, i)).toContainText(s.total(fte.format((perQuarter.get(q) ?? 0) / 10_000)))
  const util = buildUtilization(data, buildAllocationIndex(data.allocations))
  await expect(page.getByTestId('capacity-counts')).toHaveText(s.counts(util.red, util.amber))
}

/** Waits until the board shows that it is updating, and saves a screenshot of that. */
/**
 * The big plan restored from a backup file (slices of 0 ms: every slice yields), then `ws`
 * removed in the Timeline: thousands of allocations in one commit; the UI in `lang` after it.
 */
async function restoreAndRemove(
  app: Harness,
  data: PlanData,
  ws: PlanData['workstreams'][number],
  lang: 'en' | 'de'
) {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('overview')
  await page.evaluate(() => sessionStorage.setItem('qm.e2e.sliceMs', '0'))
  await app.reload()
  app.queueOpen(backupFileOf(data, 'qm-big-undo-'))
  await page.getByRole('button', { name: 'Export, re-import and backup' }).click()
  await page.getByRole('menuitem', { name: 'Restore from backup…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace everything' }).click()
  await expect(page.getByText('Backup restored', { exact: true })).toBeVisible({ timeout: 60_000 })

  await app.goto('timeline')
  await page.getByRole('button', { name: `Remove ${ws.key}` }).click()
  await page.getByTestId('remove-workstream').getByRole('button', { name: 'Remove workstream' }).click()
  await expect(page.getByTestId(`bar-${ws.key}`)).toHaveCount(0)
  if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
}

async function shotUpdating(app: Harness, lang: 'en' | 'de', name: string) {
  const updating = app.page.getByTestId('board-updating')
  await expect(updating).toBeVisible()
  await expect(updating).toContainText(STRINGS[lang].updating)
  await app.shot(name)
}

for (const lang of ['en', 'de'] as const) {
  test(`${lang}: undoing and redoing the removal of a workstream with thousands of allocations on the open capacity board shows "updating", then the right figures`, async ({
    app
  }) => {
    const { page } = app
    const data = bigPlan()
    const ws = data.workstreams[0]!
    const without = { ...data, allocations: data.allocations.filter((a) => a.workstreamId !== ws.id) }
    expect(data.allocations.length - without.allocations.length).toBeGreaterThan(4_000)

    // The big change, made in the Timeline.
    await restoreAndRemove(app, data, ws, lang)

    await app.goto('capacity-board')
    await expect(page.getByTestId('board-counting')).toBeHidden({ timeout: 60_000 })
    await expectFigures(page, lang, without)
    await page.evaluate(watchUpdating)

    // Undo: the board keeps the plan without the workstream, says it is updating, then shows it back.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await shotUpdating(app, lang, `board-updating-${lang}-1280x800`)
    await expect(page.getByTestId('board-updating')).toBeHidden({ timeout: 60_000 })
    await expectFigures(page, lang, data)

    // Redo, in a narrow window: the same the other way.
    await page.setViewportSize({ width: 960, height: 600 })
    await page.keyboard.press('Control+Shift+z')
    await shotUpdating(app, lang, `board-updating-${lang}-960x600`)
    await expect(page.getByTestId('board-updating')).toBeHidden({ timeout: 60_000 })
    await expectFigures(page, lang, without)

    const seen = await seenSince(page)
    expect(seen).toEqual({ updating: true, loading: false })
  })
}

/**
 * The group row of `ws` (found by the roles filter, which also matches group titles) says the FTE
 * its lane has in the first quarter, or is not there when the plan has no such workstream.
 */
async function expectLaneSum(
  page: Page,
  lang: 'en' | 'de',
  data: PlanData,
  ws: PlanData['workstreams'][number]
) {
  const fte = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 })
  const q = data.plan.quarters[0]!
  const bp = data.allocations
    .filter((a) => a.workstreamId === ws.id && a.quarter === q)
    .reduce((n, a) => n + a.shareBp, 0)
  const filter = page.getByLabel(lang === 'de' ? 'Rollen filtern' : 'Filter roles')
  await filter.fill(ws.title)
  const group = page.getByRole('group', {
    name: new RegExp(`^${ws.title}, ${q.slice(5)} ${q.slice(0, 4)}: `)
  })
  if (data.workstreams.some((w) => w.id === ws.id))
    await expect(group).toHaveAttribute('aria-label', new RegExp(`: ${fte.format(bp / 10_000)} FTE`))
  else await expect(group).toHaveCount(0)
  await filter.fill('')
  // Ctrl+Z in the field would undo its text, not the plan.
  await filter.blur()
}

for (const lang of ['en', 'de'] as const) {
  test(`${lang}: grouped by workstream, the lanes take a big undo and redo in slices, say they are updating, then show the right sums`, async ({
    app
  }) => {
    const { page } = app
    const data = bigPlan()
    const ws = data.workstreams[0]!
    const without = {
      ...data,
      workstreams: data.workstreams.slice(1),
      allocations: data.allocations.filter((a) => a.workstreamId !== ws.id)
    }
    await restoreAndRemove(app, data, ws, lang)

    await app.goto('capacity-board')
    await expect(page.getByTestId('board-counting')).toBeHidden({ timeout: 60_000 })
    await page.getByTestId('capacity-board').scrollIntoViewIfNeeded()
    await page
      .getByRole('combobox', { name: lang === 'de' ? 'Gruppieren nach' : 'Group by' })
      .selectOption('workstream')
    await expect(page.getByTestId('board-updating')).toBeHidden({ timeout: 60_000 })
    await expectLaneSum(page, lang, without, ws)
    await expectLaneSum(page, lang, without, data.workstreams[1]!)
    await page.evaluate(watchUpdating)

    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await shotUpdating(app, lang, `board-lanes-updating-${lang}-1280x800`)
    await expect(page.getByTestId('board-updating')).toBeHidden({ timeout: 60_000 })
    await expectLaneSum(page, lang, data, ws)
    await expectLaneSum(page, lang, data, data.workstreams[1]!)
    await app.shot(`board-lanes-${lang}-1280x800`)

    await page.setViewportSize({ width: 960, height: 600 })
    await page.keyboard.press('Control+Shift+z')
    await shotUpdating(app, lang, `board-lanes-updating-${lang}-960x600`)
    await expect(page.getByTestId('board-updating')).toBeHidden({ timeout: 60_000 })
    await expectLaneSum(page, lang, without, ws)
    await expectLaneSum(page, lang, without, data.workstreams[1]!)
    await app.shot(`board-lanes-${lang}-960x600`)
    expect(await seenSince(page)).toEqual({ updating: true, loading: false })
  })
}
