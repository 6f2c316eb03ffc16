// Fit: at 1280x800 both boards show every quarter of the built-in plan without sideways scrolling.
import { test, expect } from './fixtures'

const QUARTERS = ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']

for (const lang of ['en', 'de'] as const) {
  for (const view of ['capacity-board', 'budget-board']) {
    test(`the ${view} shows every quarter at 1280x800 without sideways scrolling (${lang})`, async ({
      app
    }) => {
      const { page } = app
      await page.setViewportSize({ width: 1280, height: 800 })
      await app.goto(view)
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await expect(page.locator('main h1')).toBeVisible()
      const viewport = page.viewportSize()!
      for (const q of QUARTERS) {
        const header = page.locator('main').getByText(q, { exact: true }).first()
        await expect(header).toBeVisible()
        const box = (await header.boundingBox())!
        expect(box.x + box.width, `${q} header ends inside the window`).toBeLessThanOrEqual(viewport.width)
      }
      // No element of the board scrolls sideways.
      const sideways = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => {
            const s = getComputedStyle(el)
            return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1
          })
          .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)
      )
      expect(sideways).toEqual([])
      await app.shot(`fit-${view}-${lang}-1280x800`)
    })
  }
}
