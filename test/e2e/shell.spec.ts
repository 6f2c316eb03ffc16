import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'

test('first start opens the built-in FreshFoodz plan offline', async ({ app }) => {
  await app.goto('overview')
  await expect(app.page.getByTestId('plan-name')).toContainText('FreshFoodz')
  await expect(app.page).toHaveTitle(/FreshFoodz.*Quartermaster/)
  await app.shot('shell-overview-en')
})

test('the About button asks the real main-process handler and shows its answer', async ({ app }) => {
  await app.goto('overview')
  await app.page.getByRole('button', { name: 'About', exact: true }).click()
  const dialog = app.page.getByRole('dialog', { name: 'About Quartermaster' })
  await expect(dialog.getByTestId('about-version')).toHaveText('0.1.0')
  await expect(dialog).toContainText(app.userDataDir)
  expect(app.calls.map((c) => c.channel)).toContain('app:info')
  await app.shot('shell-about')
})

test('a payload of the wrong shape is refused with a clear error and the handler never runs', async ({
  app
}) => {
  await app.goto('overview')
  const before = app.calls.length
  const result = await app.page.evaluate(() => window.api.invoke('app:open-external', { url: 42 } as never))
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  expect((result as { error: { message: string } }).error.message).toMatch(/app:open-external.*url/)
  expect(app.calls.length).toBe(before)

  const unknown = await app.page.evaluate(() => window.api.invoke('fs:read' as never, {} as never))
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
})

test('only http(s) links are opened externally', async ({ app }) => {
  await app.goto('overview')
  const refused = await app.page.evaluate(() =>
    window.api.invoke('app:open-external', { url: 'file:///etc/passwd' })
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } })
})

test('switching to German relabels the app and formats for the German locale', async ({ app }) => {
  await app.goto('overview')
  await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(app.page.getByRole('link', { name: 'Übersicht' })).toBeVisible()
  await expect(app.page.getByRole('link', { name: 'Zeitplan' })).toBeVisible()
  await app.page.reload()
  await expect(app.page.getByRole('link', { name: 'Übersicht' })).toBeVisible()
  await app.shot('shell-overview-de')
})

test('native menu navigation reaches the renderer', async ({ app }) => {
  await app.goto('overview')
  await app.menu('navigate', 'budget')
  await expect(app.page).toHaveURL(/#\/budget/)
})

test('reset to the built-in plan asks first, and only a yes brings the roadmap back', async ({ app }) => {
  const { page } = app
  await app.goto('deliverables')
  const deliverable = page.getByRole('checkbox', { name: /Migration Strategy Document \+ Templates/ })
  await deliverable.check()
  await expect(deliverable).toBeChecked()

  await page.getByRole('button', { name: /Actions for FreshFoodz/ }).click()
  await page.getByRole('menuitem', { name: /Reset to built-in plan/ }).click()
  const ask = page.getByRole('alertdialog', { name: 'Reset to the built-in plan?' })
  await expect(ask).toBeVisible()
  await app.shot('shell-reset-confirm')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(deliverable).toBeChecked()

  await app.menu('reset-plan')
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset to built-in plan' }).click()
  await expect(page.getByText('The built-in plan was reset.').first()).toBeVisible()
  await expect(deliverable).not.toBeChecked()
  // Only the yes wrote a safety copy, before the reset (as before an import or restore).
  const backups = readdirSync(join(app.userDataDir, 'backups'))
  expect(backups.filter((n) => /^auto-.*-reset\.qmbackup$/.test(n))).toHaveLength(1)
  await expect(
    page.locator('.toast').getByText(/A safety copy of how everything was before is in .*-reset\.qmbackup/)
  ).toBeVisible()
})
