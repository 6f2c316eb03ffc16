// Accessibility: axe-core over every view in English and German; no serious or critical violation.
import AxeBuilder from '@axe-core/playwright'
import { test, expect, VIEW_IDS } from './fixtures'

for (const lang of ['en', 'de'] as const) {
  test(`axe-core finds no serious or critical violation on any view (${lang})`, async ({ app }) => {
    test.setTimeout(180_000)
    const { page } = app
    await app.goto('overview')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const found: string[] = []
    for (const view of VIEW_IDS) {
      await app.goto(view)
      await expect(page.locator('main h1')).toBeVisible()
      // Charts draw after their data; let the view settle before the check.
      await page.waitForTimeout(300)
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue
        found.push(
          `${view}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`
        )
      }
    }
    expect(found, found.join('\n')).toEqual([])
  })
}
