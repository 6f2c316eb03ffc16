// Opening a plan big enough to be counted a slice per task: each board (capacity and budget) draws
// its first rows with their chips while it still counts the rest, says so, and once done shows the
// plan's true totals; a drop and Ctrl+Z work then. The harness asks for the shortest slices (sessionStorage
// 'qm.e2e.sliceMs', see lib/sliced.ts), so a plan of test size takes the sliced path on any machine.
import type { Locator, Page } from '@playwright/test'
import { test, expect, type Harness } from './fixtures'
import { backupFileOf } from './backup-file'
import { dragTo } from './board-helpers'
import { generateLargePlan } from '../support/large-plan'
import { buildAllocationIndex, buildUtilization } from '../../src/shared/planning/plan-index'
import { buildProblemIndex } from '../../src/shared/planning/problem-index'
import { budgetTotals, toBaseCents } from '../../src/shared/planning/budget'
import { catKey } from '../../src/shared/planning/budget-index'
import type { PlanData, QuarterKey } from '../../src/shared/planning/types'

const LOCALE = { en: 'en-GB', de: 'de-DE' } as const
const STRINGS = {
  en: {
    restore: 'Restore from backup…',
    menu: 'Export, re-import and backup',
    replace: 'Replace everything',
    restored: 'Backup restored',
    total: (fte: string) => `${fte} FTE allocated`,
    counts: (red: number, amber: number) =>
      `${red.toLocaleString('en-US')} over capacity · ${amber.toLocaleString('en-US')} above soft cap`,
    counting: 'Still counting',
    problems: (n: number) => `${n.toLocaleString('en-US')} problems on this board`,
    collapseAll: 'Collapse all',
    capOf: (spent: string, cap: string) => `${spent} of ${cap} cap`
  },
  de: {
    restore: 'Aus Sicherung wiederherstellen…',
    menu: 'Export, Wiedereinlesen und Sicherung',
    replace: 'Alles ersetzen',
    restored: 'Sicherung wiederhergestellt',
    total: (fte: string) => `${fte} FTE verplant`,
    counts: (red: number, amber: number) =>
      `${red.toLocaleString('de-DE')} überlastet · ${amber.toLocaleString('de-DE')} über der Warnschwelle`,
    counting: 'Noch werden',
    problems: (n: number) => `${n.toLocaleString('de-DE')} Probleme auf dieser Tafel`,
    collapseAll: 'Alle zuklappen',
    capOf: (spent: string, cap: string) => `${spent} von ${cap} Obergrenze`
  }
} as const

/** 300 roles, 6,000 allocations: counted in about a hundred slices at the shortest slice. */
function bigPlan(): PlanData {
  return generateLargePlan({ roles: 300, workstreams: 20, allocations: 6_000, budgetLines: 300, seed: 11 })
}

/**
 * Notes, from the page's first script on, whether a board ever showed chips while it was still
 * counting, and the problems panel's summary in the very commit that took the counting line away.
 */
function watchCounting() {
  const seen: { countingWithChips: boolean; counting: boolean; problemsWhenDone?: string | null } = {
    countingWithChips: false,
    counting: false
  }
  ;(window as unknown as { __qmCounting: typeof seen }).__qmCounting = seen
  const mo = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="board-counting"]')) {
      if (seen.counting && seen.problemsWhenDone === undefined)
        seen.problemsWhenDone =
          document.querySelector('[data-testid="board-problems"] summary')?.textContent ?? null
      return
    }
    seen.counting = true
    if (document.querySelector('[data-testid$="-board"] .chip')) seen.countingWithChips = true
  })
  document.addEventListener('DOMContentLoaded', () =>
    mo.observe(document.body, { childList: true, subtree: true })
  )
}

const quarterHeader = (page: Page, i: number) =>
  page.getByTestId('capacity-board').locator('.vboard-colhead').nth(i)

/**
 * Restores `data` from a backup with the shortest slices asked for, in the language given, and
 * opens `view` cold, as after a start of the app, watching whether it counts with chips on screen.
 */
async function openCold(
  app: Harness,
  lang: 'en' | 'de',
  size: readonly [number, number],
  data: PlanData,
  view: string
) {
  const { page } = app
  const s = STRINGS[lang]
  await page.setViewportSize({ width: size[0], height: size[1] })
  await app.goto('overview')
  await page.evaluate(() => sessionStorage.setItem('qm.e2e.sliceMs', '0'))
  await app.reload()
  if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  app.queueOpen(backupFileOf(data, 'qm-open-big-'))
  await page.getByRole('button', { name: s.menu }).click()
  await page.getByRole('menuitem', { name: s.restore }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: s.replace }).click()
  await expect(page.getByText(s.restored, { exact: true })).toBeVisible({ timeout: 60_000 })
  await page.addInitScript(watchCounting)
  await app.flushWrites()
  await page.goto('about:blank')
  await app.goto(view)
  await expect(page.getByTestId('plan-name')).toContainText(data.plan.name)
}

/** What watchCounting saw: chips on screen while counting, and the problems when the counting line went. */
const countedWithChips = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          __qmCounting: { countingWithChips: boolean; problemsWhenDone?: string | null }
        }
      ).__qmCounting
  )

/** Each board's test runs in English and German, at 1280x800 and 960x600. */
function inEachLanguageAndSize(
  title: (lang: 'en' | 'de', size: string) => string,
  body: (app: Harness, lang: 'en' | 'de', size: readonly [number, number]) => Promise<void>
) {
  for (const lang of ['en', 'de'] as const) {
    for (const size of [
      [1280, 800],
      [960, 600]
    ] as const) {
      test(title(lang, `${size[0]}x${size[1]}`), async ({ app }) => body(app, lang, size))
    }
  }
}

/**
 * Opens `view` cold on `data` and waits until it has counted the plan: it showed chips while it
 * counted, and the counting line went in the same commit that showed the plan's problems.
 */
async function openCounted(
  app: Harness,
  lang: 'en' | 'de',
  size: readonly [number, number],
  data: PlanData,
  view: 'capacity-board' | 'budget-board',
  firstRow?: string
) {
  const { page } = app
  await openCold(app, lang, size, data, view)
  const board = page.getByTestId(view)
  if (firstRow) await expect(board.getByText(firstRow, { exact: true })).toBeVisible()
  await expect(board.locator('.chip').first()).toBeVisible()
  await expect(page.getByTestId('board-counting')).toBeHidden({ timeout: 30_000 })
  const seen = await countedWithChips(page)
  expect(seen.countingWithChips).toBe(true)
  const problems = buildProblemIndex(data).counts[view === 'capacity-board' ? 'allocation' : 'budgetLine']
  expect(problems).toBeGreaterThan(0)
  expect(seen.problemsWhenDone).toContain(STRINGS[lang].problems(problems))
  return board
}

/** Drags `src` onto `target`, checks what the drop did, then undoes it with Ctrl+Z and checks it is gone. */
async function dropAndUndo(
  page: Page,
  src: Locator,
  target: Locator,
  dropped: () => Promise<void>,
  undone: () => Promise<void>
) {
  await dragTo(page, src, target)
  await dropped()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await undone()
}

inEachLanguageAndSize(
  (lang, size) =>
    `${lang} ${size}: a big plan's first rows show with their chips while the board still counts; then every total is right and a drop and Ctrl+Z work`,
  async (app, lang, [w, h]) => {
    const { page } = app
    const s = STRINGS[lang]
    const data = bigPlan()
    // The counting line goes only once the problems are found too: the panel, with the plan's
    // count, is there in the same commit.
    const board = await openCounted(app, lang, [w, h], data, 'capacity-board', 'Role 1')
    const problems = buildProblemIndex(data).counts.allocation
    await expect(page.getByTestId('board-problems').locator('summary')).toContainText(s.problems(problems))

    // Once counted: every quarter's total and the red and amber counts of the whole plan.
    const fte = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 })
    const perQuarter = new Map<string, number>()
    for (const a of data.allocations) perQuarter.set(a.quarter, (perQuarter.get(a.quarter) ?? 0) + a.shareBp)
    for (const [i, q] of data.plan.quarters.slice(0, 3).entries())
      await expect(quarterHeader(page, i)).toContainText(
        s.total(fte.format((perQuarter.get(q) ?? 0) / 10_000))
      )
    const util = buildUtilization(data, buildAllocationIndex(data.allocations))
    await expect(page.getByTestId('capacity-counts')).toHaveText(s.counts(util.red, util.amber))
    await app.shot(`open-big-plan-${lang}-${w}x${h}`)

    // A drop: Role 1's first chip one quarter on; the two quarters' totals move by its share.
    const first = data.plan.quarters[0]!
    const next = data.plan.quarters[1]!
    const moved = data.allocations.find((a) => a.roleId === data.roles[0]!.id && a.quarter === first)!
    const target = board.locator(`[data-cell="c|${data.roles[0]!.id}|${next}"]`)
    const totalsAre = async (q0: number, q1: number) => {
      await expect(quarterHeader(page, 0)).toContainText(s.total(fte.format(q0 / 10_000)))
      await expect(quarterHeader(page, 1)).toContainText(s.total(fte.format(q1 / 10_000)))
    }
    const before0 = perQuarter.get(first) ?? 0
    const before1 = perQuarter.get(next) ?? 0
    await dropAndUndo(
      page,
      board.locator(`[data-chip-id="${moved.id}"]`),
      target,
      async () => {
        await totalsAre(before0 - moved.shareBp, before1 + moved.shareBp)
        await expect(target.locator(`[data-chip-id]`).first()).toBeVisible()
      },
      async () => {
        await totalsAre(before0, before1)
        await expect(
          board.locator(`[data-cell="c|${data.roles[0]!.id}|${first}"] [data-chip-id="${moved.id}"]`)
        ).toBeVisible()
      }
    )
  }
)

/** Money as the budget board writes it: whole euros where there are no cents. */
const moneyIn = (lang: 'en' | 'de') => (cents: number) =>
  new Intl.NumberFormat(LOCALE[lang], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2
  }).format(cents / 100)

inEachLanguageAndSize(
  (lang, size) =>
    `${lang} ${size}: the budget board of a big plan shows its first phase's lines while it still counts; then every total is right and a drop and Ctrl+Z work`,
  async (app, lang, [w, h]) => {
    const { page } = app
    const s = STRINGS[lang]
    const money = moneyIn(lang)
    // 300 lines: the board opens with every group expanded, so lines are on the first screen.
    const data = bigPlan()
    const board = await openCounted(app, lang, [w, h], data, 'budget-board')

    // Once counted: the plan's total, the first quarters' totals and the first phase's against its cap.
    const totals = budgetTotals(data)
    const [q0, q1, q2] = data.plan.quarters as [QuarterKey, QuarterKey, QuarterKey]
    await expect(page.getByTestId('grand-total')).toContainText(money(totals.totalCents))
    for (const q of [q0, q1, q2])
      await expect(page.getByTestId(`quarter-total-${q}`)).toHaveText(money(totals.byQuarter.get(q) ?? 0))
    const phase1 = data.phases[0]!
    await expect(page.getByTestId('phase-total-1')).toContainText(
      s.capOf(money(totals.byPhase.get(phase1.id) ?? 0), money(phase1.capCents))
    )
    await app.shot(`open-big-budget-${lang}-${w}x${h}`)

    // A drop: the first line of the first category row in the first quarter, one quarter on.
    const firstLeaf = board.locator(`.leaf-cell[data-cell$="|${q0}"]`).filter({ has: page.locator('.chip') })
    const src = firstLeaf.first().locator('[data-chip-id]').first()
    const lineId = await src.getAttribute('data-chip-id')
    const line = data.budgetLines.find((l) => l.id === lineId)!
    expect(line.quarter).toBe(q0)
    const target = board.locator(
      `[data-cell="${catKey(line.phaseId, line.workstreamId, line.category)}|${q1}"]`
    )
    const moved = toBaseCents(line, data.plan)
    const before0 = totals.byQuarter.get(q0) ?? 0
    const before1 = totals.byQuarter.get(q1) ?? 0
    const totalsAre = async (t0: number, t1: number) => {
      await expect(page.getByTestId(`quarter-total-${q0}`)).toHaveText(money(t0))
      await expect(page.getByTestId(`quarter-total-${q1}`)).toHaveText(money(t1))
    }
    await dropAndUndo(
      page,
      src,
      target,
      async () => {
        await totalsAre(before0 - moved, before1 + moved)
        await expect(target.locator(`[data-chip-id="${line.id}"]`)).toBeVisible()
      },
      async () => {
        await totalsAre(before0, before1)
        await expect(board.locator(`[data-cell$="|${q0}"] [data-chip-id="${line.id}"]`)).toBeVisible()
      }
    )

    // Every phase against its cap, all phases in sight once the groups are closed.
    await page.getByRole('button', { name: s.collapseAll }).click()
    for (const phase of data.phases)
      await expect(page.getByTestId(`phase-total-${phase.order}`)).toContainText(
        s.capOf(money(totals.byPhase.get(phase.id) ?? 0), money(phase.capCents))
      )
  }
)
