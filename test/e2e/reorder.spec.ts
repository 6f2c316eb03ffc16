// Reordering a list by keyboard: Alt+↓/↑ (Edit > Move down/up) move the focused row of any reorderable
// list, focus follows the moved row (after a shortcut and after a button), Ctrl+Z restores the order.
import { test, expect, type Harness } from './fixtures'

const L = {
  en: {
    down: /^Move .+ down$/,
    editOf: (name: string) => `Edit ${name}`,
    up: (name: string) => `Move ${name} up`,
    downOf: (name: string) => `Move ${name} down`,
    moveDown: 'Move down',
    shortcuts: 'Keyboard shortcuts'
  },
  de: {
    down: /^.+ nach unten$/,
    editOf: (name: string) => `${name} bearbeiten`,
    up: (name: string) => `${name} nach oben`,
    downOf: (name: string) => `${name} nach unten`,
    moveDown: 'Nach unten verschieben',
    shortcuts: 'Tastenkürzel'
  }
}

/** The role names of the Team view's utilization table, top to bottom. */
const roleNames = (app: Harness) =>
  app.page
    .locator('.util-table tbody th.role-name')
    .evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''))

/** The name of the role whose row holds the focus, and that row's position. */
const focusedRole = (app: Harness) =>
  app.page.evaluate(() => {
    const row = document.activeElement?.closest('tr')
    const rows = [...document.querySelectorAll('.util-table tbody tr')]
    return {
      name: row?.querySelector('th.role-name')?.firstChild?.textContent ?? null,
      index: rows.indexOf(row!)
    }
  })

for (const lang of ['en', 'de'] as const) {
  const l = L[lang]
  test(`${lang}: a role moves down with Alt+↓, focus stays on it, Ctrl+Z restores the order`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('team')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const before = await roleNames(app)
    expect(before.length).toBeGreaterThan(3)
    const [a, b, c] = before

    // The shortcut acts on the row holding the focus, here its edit button.
    await page.getByRole('button', { name: l.editOf(a), exact: true }).focus()
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => roleNames(app)).toEqual([b, a, c, ...before.slice(3)])
    await expect.poll(() => focusedRole(app)).toEqual({ name: a, index: 1 })
    await expect(page.getByRole('button', { name: l.editOf(a), exact: true })).toBeFocused()
    await app.shot(`reorder-role-${lang}-1280`)

    // Focus followed the row, so the next press moves the same role again.
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => roleNames(app)).toEqual([b, c, a, ...before.slice(3)])
    await expect.poll(() => focusedRole(app)).toEqual({ name: a, index: 2 })

    await page.keyboard.press('Control+z')
    await expect.poll(() => roleNames(app)).toEqual([b, a, c, ...before.slice(3)])
    await page.keyboard.press('Control+z')
    await expect.poll(() => roleNames(app)).toEqual(before)

    // After a move by its button focus is on the moved row's button, so Enter moves it on.
    await page.getByRole('button', { name: l.down }).first().click()
    await expect.poll(() => roleNames(app)).toEqual([b, a, c, ...before.slice(3)])
    await expect.poll(() => focusedRole(app)).toEqual({ name: a, index: 1 })
    await page.keyboard.press('Enter')
    await expect.poll(() => roleNames(app)).toEqual([b, c, a, ...before.slice(3)])
    await expect.poll(() => focusedRole(app)).toEqual({ name: a, index: 2 })

    // A button that is disabled where the row lands (up, at the top) hands focus to the row's other one.
    await page.getByRole('button', { name: l.up(a), exact: true }).click()
    await expect.poll(() => roleNames(app)).toEqual([b, a, c, ...before.slice(3)])
    await page.getByRole('button', { name: l.up(a), exact: true }).click()
    await expect.poll(() => roleNames(app)).toEqual(before)
    await expect(page.getByRole('button', { name: l.up(a), exact: true })).toBeDisabled()
    await expect(page.getByRole('button', { name: l.downOf(a), exact: true })).toBeFocused()
    await page.keyboard.press('Alt+ArrowDown')
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => roleNames(app)).toEqual([b, c, a, ...before.slice(3)])

    // The native menu's Edit > Move up runs the same action on the focused row.
    await app.menu('move-up')
    await expect.poll(() => roleNames(app)).toEqual([b, a, c, ...before.slice(3)])
    await expect.poll(() => focusedRole(app)).toEqual({ name: a, index: 1 })

    // The help sheet lists the pair with its keys.
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('F1')
    const sheet = page.getByRole('dialog', { name: l.shortcuts })
    const edit = sheet.locator('dt', { hasText: new RegExp(`^${l.moveDown}$`) })
    await expect(edit).toHaveCount(1)
    await expect(edit.locator('xpath=following-sibling::dd[1]')).toHaveText('Alt+↓')
    await app.shot(`reorder-help-${lang}-1280`)
  })
}

test('Alt+↓ and Alt+↑ move a workstream in the Timeline; at the top Alt+↑ does nothing', async ({ app }) => {
  const { page } = app
  await app.goto('timeline')
  // The schedule table (the phase table below it has no header row).
  const schedule = page.locator('table.schedule-table').filter({ has: page.locator('thead') })
  const edits = () =>
    schedule
      .getByRole('button', { name: /^Edit / })
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))
  const before = await edits()
  expect(before.length).toBeGreaterThan(2)
  const first = schedule.getByRole('button', { name: before[0]!, exact: true })
  await first.focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(edits).toEqual([before[1], before[0], ...before.slice(2)])
  await expect(first).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(edits).toEqual(before)
  await expect(first).toBeFocused()
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(edits).toEqual(before)
  await expect(first).toBeFocused()
  // History holds the two moves, not a third.
  await page.keyboard.press('Control+z')
  await expect.poll(edits).toEqual([before[1], before[0], ...before.slice(2)])
})
