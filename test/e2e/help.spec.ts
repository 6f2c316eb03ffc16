// Help at hand: the shortcuts sheet from "?" and F1, the command palette (Ctrl+K), the Help menu
// and Getting started, offered once on the first start.
import { test, expect } from './fixtures'

test('"?" and F1 open the keyboard shortcuts sheet, generated from the actions', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  await page.locator('body').press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  const edit = sheet.getByRole('region', { name: 'Edit' })
  await expect(edit).toContainText('Undo')
  await expect(edit).toContainText('Ctrl+Z')
  await expect(sheet.getByRole('region', { name: 'Views' })).toContainText('Ctrl+5')
  await expect(sheet.getByRole('region', { name: 'On the capacity and budget boards' })).toContainText(
    'Alt+←'
  )
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await app.shot(`help-shortcuts-en-${w}x${h}`)
  }
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.locator('body').press('F1')
  const de = page.getByRole('dialog', { name: 'Tastenkürzel' })
  await expect(de).toBeVisible()
  // German keyboards say Strg and Umschalt.
  await expect(de.getByRole('region', { name: 'Bearbeiten' })).toContainText('Strg+Umschalt+Z')
  await expect(de).not.toContainText('Ctrl')
  await app.shot('help-shortcuts-de-960x600')
})

test('Ctrl+K opens a command palette that lists every action with its shortcut and runs it', async ({
  app
}) => {
  const { page } = app
  await app.goto('overview')
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  await expect(palette.getByRole('option', { name: /Budget board/ })).toContainText('Ctrl+6')
  await expect(palette.getByRole('option', { name: /Undo/ })).toBeVisible()
  await page.keyboard.type('budget board')
  await app.shot('help-palette-en')
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page).toHaveURL(/#\/budget-board/)
})

test('the Help menu holds the shortcuts, the palette, Getting started and About', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  await page.getByRole('button', { name: 'Help', exact: true }).click()
  for (const item of ['Keyboard shortcuts', 'Command palette', 'Getting started', 'About Quartermaster'])
    await expect(page.getByRole('menuitem', { name: new RegExp(item) })).toBeVisible()
  await page.getByRole('menuitem', { name: /Getting started/ }).click()
  const start = page.getByRole('dialog', { name: 'Getting started' })
  await expect(start).toContainText('FreshFoodz')
  await expect(start).toContainText('Alt+arrow keys')
  await app.shot('help-getting-started-en')
})

test('Getting started is offered once, on the first start', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  await page.evaluate(() => {
    sessionStorage.setItem('qm.e2e.firstStart', '1')
    localStorage.removeItem('qm.welcomeOffered')
  })
  await app.reload()
  const offer = page.locator('.toast').filter({ hasText: 'New to Quartermaster?' })
  await expect(offer).toBeVisible()
  await offer.getByRole('button', { name: 'Getting started' }).click()
  await expect(page.getByRole('dialog', { name: 'Getting started' })).toBeVisible()
  await page.keyboard.press('Escape')
  await app.reload()
  await expect(page.getByTestId('plan-name')).toContainText('FreshFoodz')
  await expect(page.locator('.toast').filter({ hasText: 'New to Quartermaster?' })).toHaveCount(0)
})
