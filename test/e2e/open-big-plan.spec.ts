// Opening a plan big enough to be counted a slice per task: the board draws its first rows with
// their chips while it still counts the rest, says so, and once done shows the plan's true totals;
// a drop and Ctrl+Z work then. The harness asks for the shortest slices (sessionStorage
// 'qm.e2e.sliceMs', see lib/sliced.ts), so a plan of test size takes the sliced path on any machine.
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { dragTo } from './board-helpers'
import { generateLargePlan } from '../support/large-plan'
import { encodeBackup } from '../../src/shared/export/backup-format'
import { buildAllocationIndex, buildUtilization } from '../../src/shared/planning/plan-index'
import { buildProblemIndex } from '../../src/shared/planning/problem-index'
import type { PlanData } from '../../src/shared/planning/types'

const LOCALE = { en: 'en-GB', de: 'de-DE' } as const
const STRINGS = {
  en: {
    restore: 'Restore from backup…',
    menu: 'Export, re-import and backup',
    replace: 'Replace everything',
    restored: 'Backup restored',
    total: (fte: string) => `${fte} FTE allocated`,
    counts: (red: number, amber: number) => `${red} over capacity · ${amber} above soft cap`,
    counting: 'Still counting',
    problems: (n: number) => `${n} problems on this board`
  },
  de: {
    restore: 'Aus Sicherung wiederherstellen…',
    menu: 'Export, Wiedereinlesen und Sicherung',
    replace: 'Alles ersetzen',
    restored: 'Sicherung wiederhergestellt',
    total: (fte: string) => `${fte} FTE verplant`,
    counts: (red: number, amber: number) => `${red} überlastet · ${amber} über der Warnschwelle`,
    counting: 'Noch werden',
    problems: (n: number) => `${n} Probleme auf dieser Tafel`
  }
} as const

/** 300 roles, 6,000 allocations: counted in about a hundred slices at the shortest slice. */
function bigPlan(): PlanData {
  return generateLargePlan({ roles: 300, workstreams: 20, allocations: 6_000, budgetLines: 300, seed: 11 })
}

function backupOf(data: PlanData): string {
  const bytes = encodeBackup(
    { plans: [data], history: [], mappings: [], settings: [] },
    {
      createdAt: '2026-01-05T10:00:00.000Z',
      appVersion: '0.1.0',
      sha256: (b) => createHash('sha256').update(b).digest('hex')
    }
  )
  const path = join(mkdtempSync(join(tmpdir(), 'qm-open-big-')), 'big.qmbackup')
  writeFileSync(path, bytes)
  return path
}

/**
 * Notes, from the page's first script on, whether the board ever showed chips while it was still
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
    if (document.querySelector('[data-testid="capacity-board"] .chip')) seen.countingWithChips = true
  })
  document.addEventListener('DOMContentLoaded', () =>
    mo.observe(document.body, { childList: true, subtree: true })
  )
}

const quarterHeader = (page: Page, i: number) =>
  page.getByTestId('capacity-board').locator('.vboard-colhead').nth(i)

for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`${lang} ${w}x${h}: a big plan's first rows show with their chips while the board still counts; then every total is right and a drop and Ctrl+Z work`, async ({
      app
    }) => {
      const { page } = app
      const s = STRINGS[lang]
      await page.setViewportSize({ width: w, height: h })
      await app.goto('overview')
      await page.evaluate(() => sessionStorage.setItem('qm.e2e.sliceMs', '0'))
      await app.reload()
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')

      const data = bigPlan()
      app.queueOpen(backupOf(data))
      await page.getByRole('button', { name: s.menu }).click()
      await page.getByRole('menuitem', { name: s.restore }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: s.replace }).click()
      await expect(page.getByText(s.restored, { exact: true })).toBeVisible({ timeout: 60_000 })

      // A cold open of the board, as after a start of the app.
      await page.addInitScript(watchCounting)
      await app.flushWrites()
      await page.goto('about:blank')
      await app.goto('capacity-board')
      await expect(page.getByTestId('plan-name')).toContainText(data.plan.name)
      const board = page.getByTestId('capacity-board')
      await expect(board.getByText('Role 1', { exact: true })).toBeVisible()
      await expect(board.locator('.chip').first()).toBeVisible()
      await expect(page.getByTestId('board-counting')).toBeHidden({ timeout: 30_000 })
      const seen = await page.evaluate(
        () =>
          (
            window as unknown as {
              __qmCounting: { countingWithChips: boolean; problemsWhenDone?: string | null }
            }
          ).__qmCounting
      )
      expect(seen.countingWithChips).toBe(true)
      // The counting line goes only once the problems are found too: the panel, with the plan's
      // count, is there in the same commit.
      const problems = buildProblemIndex(data).counts.allocation
      expect(problems).toBeGreaterThan(0)
      expect(seen.problemsWhenDone).toContain(s.problems(problems))
      await expect(page.getByTestId('board-problems').locator('summary')).toContainText(s.problems(problems))

      // Once counted: every quarter's total and the red and amber counts of the whole plan.
      const fte = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 })
      const perQuarter = new Map<string, number>()
      for (const a of data.allocations)
        perQuarter.set(a.quarter, (perQuarter.get(a.quarter) ?? 0) + a.shareBp)
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
      const src = board.locator(`[data-chip-id="${moved.id}"]`)
      const target = board.locator(`[data-cell="c|${data.roles[0]!.id}|${next}"]`)
      await dragTo(page, src, target)
      const after0 = (perQuarter.get(first) ?? 0) - moved.shareBp
      const after1 = (perQuarter.get(next) ?? 0) + moved.shareBp
      await expect(quarterHeader(page, 0)).toContainText(s.total(fte.format(after0 / 10_000)))
      await expect(quarterHeader(page, 1)).toContainText(s.total(fte.format(after1 / 10_000)))
      await expect(target.locator(`[data-chip-id]`).first()).toBeVisible()

      await page.locator('body').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('Control+z')
      await expect(quarterHeader(page, 0)).toContainText(
        s.total(fte.format((perQuarter.get(first) ?? 0) / 10_000))
      )
      await expect(quarterHeader(page, 1)).toContainText(
        s.total(fte.format((perQuarter.get(next) ?? 0) / 10_000))
      )
      await expect(
        board.locator(`[data-cell="c|${data.roles[0]!.id}|${first}"] [data-chip-id="${moved.id}"]`)
      ).toBeVisible()
    })
  }
}
