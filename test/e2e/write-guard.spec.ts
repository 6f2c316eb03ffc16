// No edit lost on close or reload: the harness plays main's part (ask the renderer, wait for its
// answer, then reload or close) and never waits for IndexedDB itself.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { dragTo } from './board-helpers'

const cell = (page: Page, role: string, quarter: string) =>
  page.getByRole('group', { name: new RegExp(`^${role}, ${quarter}:`) })
const chip = (page: Page, role: string, quarter: string, ws: string) =>
  page.getByRole('button', { name: new RegExp(`^${role}, ${quarter}, ${ws},`) })

async function dragDevOpsToQ1(page: Page) {
  await dragTo(
    page,
    chip(page, 'DevOps Lead', 'Q4 2025', 'Database Foundation'),
    cell(page, 'DevOps Lead', 'Q1 2026')
  )
}

test('a drag followed at once by a reload is still there after the reload', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  await dragDevOpsToQ1(page)
  await app.reload()
  await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('aria-label', /150%.*over capacity/)
  await expect(chip(page, 'DevOps Lead', 'Q1 2026', 'Database Foundation')).toBeVisible()
})

test('a drag followed at once by closing the window is there when the app opens again', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  await dragDevOpsToQ1(page)
  await app.closeAndReopen()
  await app.goto('capacity-board')
  await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('aria-label', /150%.*over capacity/)
  await expect(chip(page, 'DevOps Lead', 'Q1 2026', 'Database Foundation')).toBeVisible()
})

for (const lang of ['en', 'de'] as const) {
  test(`a close that waits more than a few seconds says so, and goes ahead once the write ended (${lang})`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('capacity-board')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    // Another connection holds the plans store, so the drag's write stays pending meanwhile.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('quartermaster')
          open.onsuccess = () => {
            const tx = open.result.transaction(['plans'], 'readwrite')
            const store = tx.objectStore('plans')
            const w = window as unknown as { __release?: boolean }
            const spin = () => {
              if (!w.__release) store.get('none').onsuccess = spin
            }
            spin()
            tx.oncomplete = () => open.result.close()
            resolve()
          }
        })
    )
    await dragDevOpsToQ1(page)
    const outcome = app.flushWrites()
    const notice = page.getByRole('alertdialog')
    await expect(notice).toBeVisible({ timeout: 10_000 })
    await expect(notice).toContainText(
      lang === 'de' ? 'Ihre letzten Änderungen werden gespeichert' : 'Saving your last changes'
    )
    for (const [w, h] of [
      [1280, 800],
      [960, 600]
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await app.shot(`write-guard-saving-${lang}-${w}x${h}`)
    }
    await page.evaluate(() => ((window as unknown as { __release?: boolean }).__release = true))
    expect(await outcome).toBe('flushed')
    await expect(notice).toBeHidden()
    await page.reload()
    await app.goto('capacity-board')
    await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('aria-label', /150\s?%/)
  })
}
