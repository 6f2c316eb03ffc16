import { test, expect } from './fixtures'
import { addRole } from './steps'
import type { Page } from '@playwright/test'
import { dragTo } from './board-helpers'

test.use({ viewport: { width: 1440, height: 900 } })

const cell = (page: Page, role: string, quarter: string) =>
  page.getByRole('group', { name: new RegExp(`^${role}, ${quarter}:`) })
const chip = (page: Page, role: string, quarter: string, ws: string) =>
  page.getByRole('button', { name: new RegExp(`^${role}, ${quarter}, ${ws.replace(/[+]/g, '\\+')},`) })

test('the history lists every move newest first, greys undone ones, reverts with a reason, and survives a reload', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  // #1 move with the mouse, #2 move half with the keyboard, #3 move the same chip again.
  await dragTo(
    page,
    chip(page, 'DevOps Lead', 'Q4 2025', 'Database Foundation'),
    cell(page, 'DevOps Lead', 'Q1 2026')
  )
  await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('data-level', 'red')
  await chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs').focus()
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect(cell(page, 'Integration Architect', 'Q3 2026')).toHaveAttribute('aria-label', /\(50%\)/)
  await chip(page, 'DevOps Lead', 'Q1 2026', 'Database Foundation').focus()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(chip(page, 'DevOps Lead', 'Q2 2026', 'Database Foundation')).toBeFocused()

  // A budget split, then undo it: it stays in the history, greyed.
  await app.goto('budget-board')
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill('Multi-Region')
  await page.getByRole('button', { name: 'Split “Multi-Region Infrastructure”…' }).click()
  await page.getByRole('dialog').getByLabel('Amount, in EUR').fill('40000')
  await page.getByRole('dialog').getByRole('button', { name: 'Split' }).click()
  await expect(page.getByRole('button', { name: /^Multi-Region Infrastructure,/ })).toHaveCount(2)
  await page.getByRole('button', { name: 'Undo', exact: false }).first().click()
  await expect(page.getByRole('button', { name: /^Multi-Region Infrastructure,/ })).toHaveCount(1)

  await app.goto('history')
  const entries = page.getByTestId('history-entry')
  await expect(entries).toHaveCount(4)
  await expect(entries.nth(0)).toContainText(
    'Split €40,000 off “Multi-Region Infrastructure” (Scale, Q4 2026)'
  )
  await expect(entries.nth(0)).toHaveAttribute('data-undone', 'true')
  await expect(entries.nth(0)).toContainText('Undone')
  await expect(entries.nth(1)).toContainText(
    'Moved 50% of DevOps Lead (Database Foundation) from Q1 2026 to Q2 2026'
  )
  await expect(entries.nth(2)).toContainText(
    'Moved 50% of Integration Architect (Events + External APIs) from Q2 2026 to Q3 2026'
  )
  await expect(entries.nth(2)).toContainText('Split')
  await expect(entries.nth(3)).toContainText(
    'Moved 50% of DevOps Lead (Database Foundation) from Q4 2025 to Q1 2026'
  )

  // Before → after details.
  await entries
    .nth(2)
    .getByRole('button', { name: /Show before and after of change/ })
    .click()
  const details = entries.nth(2).locator('.history-details')
  await expect(details).toContainText('Allocation Integration Architect · Events + External APIs changed')
  await expect(details.getByRole('row', { name: /Share 100% 50%/ })).toBeVisible()
  await expect(details).toContainText('created')
  await app.shot('history')

  // The oldest move was moved on by a later one: reverting it is refused with the reason.
  await entries
    .nth(3)
    .getByRole('button', { name: /^Revert change/ })
    .click()
  await expect(page.locator('.toast-title', { hasText: 'Could not revert this change' })).toBeVisible()
  await expect(
    page
      .locator('.toast-desc')
      .getByText(
        /Later changes touched the same items: #\d+ Moved 50% of DevOps Lead \(Database Foundation\) from Q1 2026 to Q2 2026/
      )
  ).toBeVisible()
  await app.shot('history-revert-conflict')
  // The reason is shown to its end, never cut off after a few lines.
  const reason = page.locator('.toast-desc', { hasText: 'Later changes touched the same items' })
  await expect(reason).toContainText('Revert or undo those later changes first, then try again.')
  const clipped = () => reason.evaluate((el) => el.scrollHeight > el.clientHeight + 1)
  expect(await clipped()).toBe(false)
  await page.setViewportSize({ width: 960, height: 600 })
  expect(await clipped()).toBe(false)
  await app.shot('history-revert-conflict-960')
  await page.setViewportSize({ width: 1440, height: 900 })

  // The independent keyboard move reverts cleanly and shows up as a new entry on top.
  await entries
    .nth(2)
    .getByRole('button', { name: /^Revert change/ })
    .click()
  await expect(
    page.locator('.toast-title', { hasText: /^Reverted: Moved 50% of Integration Architect/ })
  ).toBeVisible()
  await expect(entries).toHaveCount(4) // the undone split is discarded by the new commit
  await expect(entries.nth(0)).toHaveAttribute('data-kind', 'revert')

  // A reload (a restart of the window) finds the same history in IndexedDB.
  await app.reload()
  await expect(page.getByTestId('plan-name')).not.toBeEmpty()
  await expect(entries).toHaveCount(4)
  await expect(entries.nth(0)).toHaveAttribute('data-kind', 'revert')
  await expect(entries.nth(3)).toContainText(
    'Moved 50% of DevOps Lead (Database Foundation) from Q4 2025 to Q1 2026'
  )
  await app.goto('capacity-board')
  await expect(cell(page, 'Integration Architect', 'Q2 2026')).toHaveAttribute('aria-label', /\(100%\)/)
  await expect(cell(page, 'DevOps Lead', 'Q2 2026')).toHaveAttribute('aria-label', /\(100%\)/)
})

test('history sentences follow the UI language (German)', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  await chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs').focus()
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect(cell(page, 'Integration Architect', 'Q3 2026')).toHaveAttribute('aria-label', /\(50%\)/)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await app.goto('history')
  await expect(page.getByTestId('history-entry').first()).toContainText(
    '50 % von Integration Architect (Events + External APIs) von Q2 2026 nach Q3 2026 verschoben'
  )
  await expect(page.getByTestId('history-entry').first()).toContainText('Aufteilen')
  await app.goto('capacity-board')
  await expect(page.getByRole('heading', { name: 'Auslastung nach Rolle und Quartal' })).toBeVisible()
  await app.shot('capacity-board-de')
})

test('a budget line moved to another category row names the category in the UI language, in the sentence and the details', async ({
  app
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('budget-board')
  await page.getByRole('searchbox', { name: 'Filter lines' }).fill('SLO + Monitoring')
  await dragTo(
    page,
    page.getByRole('button', { name: /^Monitoring Stack \(Grafana \+ Prometheus\),/ }),
    page.getByRole('group', {
      name: /^Operations \/ SLO \+ Monitoring Framework \/ Infrastructure, Q1 2026:/
    })
  )
  await app.goto('history')
  const first = page.getByTestId('history-entry').first()
  await expect(first).toContainText(
    'Moved €25,000 of “Monitoring Stack (Grafana + Prometheus)” to SLO + Monitoring Framework / Infrastructure (Operations, Q1 2026)'
  )
  await first.getByRole('button', { name: /Show before and after/ }).click()
  await expect(first.getByRole('row', { name: 'Category Tools Infrastructure' })).toBeVisible()
  await app.shot('history-category-en-1280')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('history-category-en-960')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(first).toContainText(
    '25.000 € von „Monitoring Stack (Grafana + Prometheus)“ nach SLO + Monitoring Framework / Infrastruktur (Operations, Q1 2026) verschoben'
  )
  await expect(first.getByRole('row', { name: 'Kategorie Werkzeuge Infrastruktur' })).toBeVisible()
  await app.shot('history-category-de-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.shot('history-category-de-1280')
})

test('reverting an added role that was given work since is refused and names that work; reverted in order it goes', async ({
  app
}) => {
  const { page } = app
  await app.goto('team')
  await addRole(app, 'Data Engineer')
  await page.getByRole('button', { name: 'Add allocation' }).click()
  const form = page.getByTestId('allocation-form')
  await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Data Engineer' })
  await form.getByLabel('Quarter').selectOption({ label: 'Q2 2026' })
  await form.getByLabel('Share (% of an FTE)').fill('50')
  await form.getByRole('button', { name: 'Add allocation' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByRole('row', { name: /^Data Engineer/ }).locator('td.fte-total')).toHaveText('0.50')

  await app.goto('history')
  const entries = page.getByTestId('history-entry')
  const added = entries.filter({ hasText: 'Added the role Data Engineer' })
  await added.getByRole('button', { name: /^Revert change/ }).click()
  await expect(page.locator('.toast-title', { hasText: 'Could not revert this change' })).toBeVisible()
  await expect(
    page
      .locator('.toast-desc')
      .getByText(/^Later changes build on what this change added: #2 Assigned 50% of Data Engineer/)
  ).toBeVisible()
  await app.shot('history-revert-built-on')
  await app.goto('team')
  await expect(page.getByRole('row', { name: /^Data Engineer/ }).locator('td.fte-total')).toHaveText('0.50')

  // The work first, then the role: both revert, and the role is gone with no work left behind.
  await app.goto('history')
  await entries
    .filter({ hasText: 'Assigned 50% of Data Engineer' })
    .getByRole('button', { name: /^Revert change/ })
    .click()
  await expect(page.locator('.toast-title', { hasText: /^Reverted: Assigned/ })).toBeVisible()
  await added.getByRole('button', { name: /^Revert change/ }).click()
  await expect(page.locator('.toast-title', { hasText: /^Reverted: Added the role/ })).toBeVisible()
  await app.goto('team')
  await expect(page.getByRole('row', { name: /^Data Engineer/ })).toHaveCount(0)
})
