// An allocation is added from an empty capacity-board cell, by mouse and by keyboard: the cell's
// + opens the add-allocation form with the role and quarter filled in.
import { test, expect } from './fixtures'

test('the + of an empty cell adds an allocation there (mouse), Enter on it opens the same form (keyboard), Ctrl+Z takes it back', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await page.getByRole('button', { name: 'Add allocation: Security Specialist, Q1 2026' }).click()
  const dialog = page.getByTestId('allocation-form')
  await expect(dialog.getByLabel('Role').locator('option:checked')).toHaveText('Security Specialist')
  await expect(dialog.getByLabel('Quarter').locator('option:checked')).toHaveText('Q1 2026')
  await dialog
    .getByLabel('Workstream')
    .selectOption({ label: 'skalierung – Horizontal Scale + Multi-Region' })
  await dialog.getByLabel('Share (% of an FTE)').fill('40')
  await dialog.getByRole('button', { name: 'Add allocation' }).click()
  await expect(dialog).toBeHidden()
  const added = page.getByRole('button', {
    name: /^Security Specialist, Q1 2026, Horizontal Scale \+ Multi-Region, 40%/
  })
  await expect(added).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Add allocation: Security Specialist, Q1 2026' })
  ).toHaveCount(0)
  await app.shot('board-add-en-1280')

  // Keyboard: focus the + of another empty cell and press Enter.
  const plus = page.getByRole('button', { name: 'Add allocation: Database Architect, Q2 2026' })
  await plus.focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Role').locator('option:checked')).toHaveText('Database Architect')
  await expect(dialog.getByLabel('Quarter').locator('option:checked')).toHaveText('Q2 2026')
  await app.shot('board-add-form-en-1280')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(added).toHaveCount(0)
  await expect(
    page.getByRole('button', { name: 'Add allocation: Security Specialist, Q1 2026' })
  ).toBeVisible()
})
