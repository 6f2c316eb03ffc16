// Reordering a list by keyboard: Alt+↓/↑ (Edit > Move down/up) move the focused row of any reorderable
// list, focus follows the moved row (after a shortcut and after a button), Ctrl+Z restores the order.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Harness } from './fixtures'
import { openImport } from './steps'

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

test('moving the last line shown of a phase down keeps it on screen with the focus on it; Ctrl+Z puts it back', async ({
  app
}) => {
  const { page } = app
  const dir = mkdtempSync(join(tmpdir(), 'qm-reorder-e2e-'))
  const path = join(dir, 'twelve-lines.csv')
  const rows = Array.from({ length: 12 }, (_, i) => `Phase 1;Monitoring;Q1 2026;Reorder ${i + 1};100,00 €`)
  writeFileSync(path, ['Phase;Arbeitspaket;Quartal;Bezeichnung;Betrag', ...rows].join('\r\n'))
  const wizard = await openImport(app, path, { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Import 12 rows' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })

  const phase = page.getByTestId('budget-phase-1')
  const lines = phase.locator('tr.line-row')
  const titles = () => lines.locator('.line-title > span:first-child').allTextContents()
  await expect(lines).toHaveCount(10)
  const before = await titles()
  const last = before[9]!
  await phase.getByRole('button', { name: `Move ${last} down`, exact: true }).click()
  await expect(lines).toHaveCount(11)
  await expect.poll(titles).toEqual([...before.slice(0, 9), expect.any(String), last])
  await expect(phase.getByRole('button', { name: `Move ${last} down`, exact: true })).toBeFocused()
  await app.shot('budget-move-past-shown-en-1280')

  // The shortcut takes the same path: one more line shows, focus stays on the moved one.
  await page.keyboard.press('Alt+ArrowDown')
  await expect(lines).toHaveCount(12)
  await expect.poll(async () => (await titles())[11]).toBe(last)
  await expect(phase.getByRole('button', { name: `Move ${last} down`, exact: true })).toBeFocused()

  await page.keyboard.press('Control+z')
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await titles()).slice(0, 10)).toEqual(before)

  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await phase.getByRole('button', { name: `Move ${last} down`, exact: true }).scrollIntoViewIfNeeded()
    await app.shot(`budget-move-past-shown-en-${w}`)
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await phase.getByRole('button', { name: `${before[8]} nach unten`, exact: true }).click()
  await expect(phase.getByRole('button', { name: `${before[8]} nach unten`, exact: true })).toBeFocused()
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    await page.setViewportSize({ width: w, height: h })
    await app.shot(`budget-move-past-shown-de-${w}`)
  }
})
