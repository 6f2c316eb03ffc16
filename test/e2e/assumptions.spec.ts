// The built-in plan's assumptions (the CHF rate, 50/50 splits of shared roles, risk costs) are
// marked as estimates where they apply, listed under Overview > Assumptions, editable there and
// confirmed one by one; each step undoes.
import { test, expect } from './fixtures'

const R1 = 'Phase 1 delays block ALL Module Go-Lives'

test('the Overview lists the assumptions; a risk cost edited there changes the contingency, a confirmed split leaves the list and Ctrl+Z brings it back', async ({
  app
}) => {
  const { page } = app
  await app.goto('overview')
  const card = page.getByTestId('assumptions')
  await expect(card.getByTestId('assumption-rate')).toContainText('CHF → EUR rate')
  await expect(card.getByTestId('assumption-rate')).toContainText('Estimate')
  await expect(card.getByTestId('assumption-split')).toHaveCount(3)
  await expect(card.getByTestId('assumption-split').first()).toContainText('migrationen 50% + sicherheit 50%')
  await expect(card.getByTestId('assumption-risk')).toHaveCount(3)

  const label = `Cost of “${R1}” if it happens`
  await card.getByRole('button', { name: label }).click()
  const field = card.getByRole('textbox', { name: label, exact: true })
  await field.fill('120000')
  await field.press('Enter')
  await expect(card.getByRole('button', { name: `${label}, €120,000` })).toBeVisible()

  await card.getByRole('button', { name: 'Confirm DevOps Lead, Q4 2025' }).click()
  await expect(card.getByTestId('assumption-split')).toHaveCount(2)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(card.getByTestId('assumption-split')).toHaveCount(3)

  await app.goto('risks')
  // 30 % of €120,000 + €12,000 + €18,000
  await expect(page.getByTestId('risk-contingency')).toHaveText('€66,000')
  await expect(page.getByTestId('risk-estimate-note')).toContainText(
    '3 risk costs are our estimates, not figures from the roadmap'
  )

  await app.goto('overview')
  await card.getByRole('button', { name: 'Confirm CHF → EUR rate' }).click()
  await expect(card.getByTestId('assumption-rate')).toHaveCount(0)
  await app.reload()
  await app.goto('overview')
  await expect(page.getByTestId('assumptions').getByTestId('assumption-rate')).toHaveCount(0)
  await expect(page.getByTestId('assumptions').getByTestId('assumption-split')).toHaveCount(3)
})

test('estimated shares carry the mark in the Team view and on the capacity board', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  // Three splits of two shares each.
  await expect(page.locator('.breakdown-table .estimate-badge')).toHaveCount(6)
  await app.goto('capacity-board')
  await expect(
    page.getByRole('button', { name: /^DevOps Lead, Q4 2025, Database Foundation, 50%, Estimate/ })
  ).toBeVisible()
  await expect(page.locator('.chip.is-estimate')).toHaveCount(6)
})

for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`the assumptions in ${lang} at ${w}x${h} (screenshots)`, async ({ app }) => {
      const { page } = app
      await page.setViewportSize({ width: w, height: h })
      await app.goto('overview')
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      const card = page.getByTestId('assumptions')
      await card.scrollIntoViewIfNeeded()
      await expect(card.getByTestId('assumption-risk')).toHaveCount(3)
      await app.shot(`assumptions-${lang}-${w}`)
      await app.goto('risks')
      await page.getByTestId('risk-estimate-note').scrollIntoViewIfNeeded()
      await expect(page.getByTestId('risk-estimate-note')).toBeVisible()
      await app.shot(`assumptions-risks-${lang}-${w}`)
    })
  }
}
