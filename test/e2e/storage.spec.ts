import { join } from 'node:path'
import { test, expect } from './fixtures'

for (const lang of ['en', 'de'] as const) {
  test(`About shows the database size, whether storage is kept and opens the backups folder (${lang})`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('overview')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const aboutName = lang === 'de' ? 'Info' : 'About'
    await page.getByRole('button', { name: aboutName, exact: true }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByTestId('storage-usage')).toHaveText(/\d.*(B|byte)/i)
    await expect(dialog.getByTestId('storage-persisted')).toHaveText(
      lang === 'de' ? /Dauerhaft|Nach Möglichkeit/ : /Persistent|Best effort/
    )
    const backups = join(app.userDataDir, 'backups')
    await expect(dialog.getByTestId('backups-folder')).toHaveText(backups)
    for (const [w, h] of [
      [1280, 800],
      [960, 600]
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await app.shot(`storage-about-${lang}-${w}x${h}`)
    }
    await dialog
      .getByRole('button', { name: lang === 'de' ? 'Sicherungsordner öffnen' : 'Open backups folder' })
      .click()
    await expect.poll(() => app.openedPaths).toEqual([backups])
  })
}

test('the backups folder channel takes no path from the page', async ({ app }) => {
  await app.goto('overview')
  const refused = await app.page.evaluate(() =>
    window.api.invoke('app:open-backups-folder', { path: '/etc' } as never)
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  expect(app.openedPaths).toEqual([])
})
