import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, SCREENSHOT_DIR } from './fixtures'
import { dragTo, pickUpAndStepRightAtOnce } from './board-helpers'

const cell = (page: Page, role: string, quarter: string) =>
  page.getByRole('group', { name: new RegExp(`^${role}, ${quarter}:`) })
const chip = (page: Page, role: string, quarter: string, ws: string) =>
  page.getByRole('button', { name: new RegExp(`^${role}, ${quarter}, ${ws.replace(/[+]/g, '\\+')},`) })

test('dragging 50% of the DevOps Lead from Q4 2025 to Q1 2026 shows 150% in red and updates the heatmap', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  const q1 = cell(page, 'DevOps Lead', 'Q1 2026')
  await expect(q1).toHaveAttribute('data-level', 'amber')
  await expect(page.getByTestId('heatmap-summary')).toContainText('0 cells over capacity')

  await dragTo(page, chip(page, 'DevOps Lead', 'Q4 2025', 'Database Foundation'), q1)

  await expect(q1).toHaveAttribute('data-level', 'red')
  await expect(q1).toHaveAttribute('aria-label', /150%.*over capacity/)
  await expect(cell(page, 'DevOps Lead', 'Q4 2025')).toHaveAttribute('aria-label', /\(50%\)/)
  await expect(chip(page, 'DevOps Lead', 'Q1 2026', 'Database Foundation')).toBeVisible()
  await expect(page.getByTestId('heatmap-summary')).toContainText('1 cell over capacity')
  await expect(page.getByTestId('heatmap-summary')).toContainText('DevOps Lead in Q1 2026 at 150%')
  await expect(page.getByTestId('board-status')).toContainText(
    'Moved 50% of DevOps Lead (Database Foundation) from Q4 2025 to Q1 2026'
  )
  // The status line (a live region) states the figure after the drop, not the one before it.
  await expect(page.getByTestId('board-status')).toContainText('Q1 2026: 150%')
  await app.shot('capacity-board-over-allocated')
  const heatmap = page.locator('.heatmap-card')
  await heatmap.scrollIntoViewIfNeeded()
  // Made once on screen, drawn first without the cells' figures and then with them.
  await expect(heatmap).toHaveAttribute('data-labelled', 'true')
  await expect(page.getByTestId('utilization-heatmap')).toHaveAttribute('data-drawn', 'true')
  await heatmap.screenshot({ path: join(SCREENSHOT_DIR, 'capacity-heatmap.png') })

  // Undo and redo with the keyboard shortcuts the shell binds.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(q1).toHaveAttribute('data-level', 'amber')
  await expect(page.getByTestId('heatmap-summary')).toContainText('0 cells over capacity')
  await page.keyboard.press('Control+Shift+z')
  await expect(q1).toHaveAttribute('data-level', 'red')
})

test('holding Shift while dropping asks how much moves; the rest stays', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  await dragTo(
    page,
    chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs'),
    cell(page, 'Integration Architect', 'Q3 2026'),
    {
      shift: true
    }
  )
  const dialog = page.getByRole('dialog', { name: 'How much should move?' })
  await expect(dialog).toBeVisible()
  const field = dialog.getByLabel('Share to move, in percent')
  const confirm = dialog.getByRole('button', { name: 'Move' })
  // Refused input disables the confirm button and says why; no stale preview stays.
  for (const [input, reason] of [
    ['-10', 'Must not be negative.'],
    ['150', 'At most 100% can move.'],
    ['abc', 'Enter a number.']
  ] as const) {
    await field.fill(input)
    await expect(confirm).toBeDisabled()
    await expect(dialog.getByRole('alert')).toHaveText(reason)
    await expect(dialog).not.toContainText('stays')
  }
  await field.fill('25')
  await expect(confirm).toBeEnabled()
  await expect(dialog).toContainText('75% stays')
  await app.shot('capacity-board-amount-dialog')
  await dialog.getByRole('button', { name: 'Move' }).click()
  await expect(cell(page, 'Integration Architect', 'Q2 2026')).toHaveAttribute('aria-label', /\(75%\)/)
  await expect(cell(page, 'Integration Architect', 'Q3 2026')).toHaveAttribute('aria-label', /\(25%\)/)
  await expect(chip(page, 'Integration Architect', 'Q3 2026', 'Events + External APIs')).toContainText('25%')
})

test('keyboard: Alt+Arrow moves the focused chip a quarter, Alt+Shift+Arrow moves half of it', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs').focus()
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await expect(cell(page, 'Integration Architect', 'Q2 2026')).toHaveAttribute('aria-label', /\(50%\)/)
  await expect(cell(page, 'Integration Architect', 'Q3 2026')).toHaveAttribute('aria-label', /\(50%\)/)
  // Focus stays on the part that stayed; a whole move follows the chip.
  await expect(chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs')).toBeFocused()
  await expect(page.getByTestId('board-status')).toContainText('Q3 2026: 50%')
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(chip(page, 'Integration Architect', 'Q1 2026', 'Events + External APIs')).toBeFocused()
  await expect(cell(page, 'Integration Architect', 'Q1 2026')).toHaveAttribute('aria-label', /\(50%\)/)
  await page.keyboard.press('Alt+ArrowDown')
  await expect(chip(page, 'Backend Developer', 'Q1 2026', 'Events + External APIs')).toBeFocused()
  await expect(page.getByTestId('board-status')).toContainText(
    'from Integration Architect to Backend Developer'
  )
})

test('the status line reads in the language switched to after it was written', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  const status = page.getByTestId('board-status')
  await chip(page, 'DevOps Lead', 'Q4 2025', 'Database Foundation').focus()
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(status).toHaveText('There is no quarter in that direction.')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(status).toHaveText('In dieser Richtung gibt es kein Quartal.')

  await chip(page, 'Integration Architect', 'Q2 2026', 'Events + External APIs').focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect(status).toContainText(
    '100 % von Events + External APIs in Q2 2026 von Integration Architect zu Backend Developer verschoben'
  )
  await expect(status).toContainText(/Q2 2026: 150\s%$/)
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await expect(status).toContainText(
    'Moved 100% of Events + External APIs in Q2 2026 from Integration Architect to Backend Developer'
  )
  await expect(status).toContainText(/Q2 2026: 150%$/)
})

for (const lang of ['en', 'de'] as const) {
  test(`at 960x600 the drop preview beside the last quarter stays inside the window (${lang})`, async ({
    app
  }) => {
    const { page } = app
    await page.setViewportSize({ width: 960, height: 600 })
    await app.goto('capacity-board')
    await page.locator('body').press('Control+b')
    await expect(page.locator('#app-sidebar')).toBeHidden()
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    // DevOps Lead's chip of Q2 2026 carried over the Q4 2026 cell, the board's last column.
    const source = chip(page, 'DevOps Lead', 'Q2 2026', 'Events + External APIs')
    const role = 'DevOps Lead'
    await source.scrollIntoViewIfNeeded()
    const from = (await source.boundingBox())!
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(from.x + from.width / 2 + 6, from.y + from.height / 2 + 2, { steps: 3 })
    const to = (await cell(page, role, 'Q4 2026').boundingBox())!
    expect(to.x + to.width).toBeGreaterThan(900)
    await page.mouse.move(to.x + to.width - 12, to.y + 12, { steps: 12 })
    const preview = page.getByTestId('drop-preview')
    await expect(preview).toContainText(lang === 'de' ? 'Q4 2026 wäre bei' : 'Q4 2026 would be at')
    await page.mouse.move(to.x + to.width - 10, to.y + 14, { steps: 2 })
    const box = (await preview.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(960)
    expect(box.y + box.height).toBeLessThanOrEqual(600)
    await app.shot(`capacity-board-preview-edge-${lang}-960x600`)
    await page.keyboard.press('Escape')
    await page.mouse.up()
    await expect(preview).toBeHidden()
  })
}

test('keyboard: Space picks a chip up, arrows choose the cell with a preview, Space drops it', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await chip(page, 'DevOps Lead', 'Q4 2025', 'ABAC/RLS Foundation').focus()
  await page.keyboard.press('Space')
  const live = page.locator('[id^="DndLiveRegion"]').first()
  await expect(live).toContainText(
    'DevOps Lead, Q4 2025, ABAC/RLS Foundation, 50% is over DevOps Lead, Q4 2025'
  )
  await page.keyboard.press('ArrowRight')
  await expect(live).toContainText('is over DevOps Lead, Q1 2026. Q1 2026 would be at 150%')
  await expect(page.getByTestId('drop-preview')).toContainText('Q1 2026 would be at 150%')
  await expect(page.getByTestId('drop-preview')).toContainText('over capacity')
  await app.shot('capacity-board-keyboard-preview')
  await page.keyboard.press('Space')
  await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('data-level', 'red')
  await expect(cell(page, 'DevOps Lead', 'Q4 2025')).toHaveAttribute('aria-label', /\(50%\)/)
})

test('a fast typist: Space and ArrowRight pressed at once move the chip, even while the pick-up keeps the window busy', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await chip(page, 'DevOps Lead', 'Q4 2025', 'ABAC/RLS Foundation').focus()
  await pickUpAndStepRightAtOnce(page)
  await expect(page.getByTestId('drop-preview')).toContainText('Q1 2026 would be at 150%')
  await page.keyboard.press('Space')
  await expect(cell(page, 'DevOps Lead', 'Q1 2026')).toHaveAttribute('data-level', 'red')
})

test('the soft cap is set in the toolbar and can be undone', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  const q1 = cell(page, 'DevOps Lead', 'Q1 2026')
  await expect(q1).toHaveAttribute('data-level', 'amber')
  const field = page.getByRole('textbox', { name: 'Soft cap' })
  await field.fill('100')
  await field.press('Enter')
  await expect(q1).toHaveAttribute('data-level', 'ok')
  await expect(page.getByTestId('heatmap-summary')).toContainText('0 above the soft cap of 100%')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(q1).toHaveAttribute('data-level', 'amber')
  await expect(field).toHaveValue('85')
})

test('grouping by workstream shows lanes; dropping on a workstream row moves the chip to that workstream', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('workstream')
  const source = chip(page, 'Security Specialist', 'Q4 2025', 'ABAC/RLS Foundation')
  const target = page.getByRole('group', { name: /^Database Foundation, Q4 2025:/ })
  await dragTo(page, source, target)
  await expect(page.getByTestId('board-status')).toContainText(
    'Moved 50% of Security Specialist in Q4 2025 from ABAC/RLS Foundation to Database Foundation'
  )
  await expect(chip(page, 'Security Specialist', 'Q4 2025', 'Database Foundation')).toBeVisible()
  await page.getByLabel('Filter roles').fill('Security')
  await expect(page.getByRole('button', { name: /^DevOps Lead,/ })).toHaveCount(0)
  await app.shot('capacity-board-by-workstream')
})

test('after a mouse drop, work outside its workstream’s months and work before a dependency ends stay marked and listed', async ({
  app
}) => {
  const { page } = app
  await app.goto('capacity-board')
  await expect(page.getByTestId('board-problems')).toHaveCount(0)
  // leistung (SLO + Monitoring Framework) runs in Q1 2026; betrieb (Runbooks) depends on it.
  await dragTo(
    page,
    chip(page, 'DevOps Lead', 'Q1 2026', 'SLO + Monitoring Framework'),
    cell(page, 'DevOps Lead', 'Q2 2026')
  )
  await expect(page.getByTestId('board-status')).toContainText('Q2 2026: 100%')
  const moved = chip(page, 'DevOps Lead', 'Q2 2026', 'SLO + Monitoring Framework')
  await expect(moved).toHaveAttribute('data-problem', 'true')
  await expect(moved).toHaveAccessibleName(/Outside the months of SLO \+ Monitoring Framework \(Q1 2026\)/)
  await expect(moved).toHaveAttribute('title', /⚠ Outside the months of SLO \+ Monitoring Framework/)
  const runbooks = chip(page, 'DevOps Lead', 'Q1 2026', 'Runbooks + Incident Response')
  await expect(runbooks).toHaveAccessibleName(/Before SLO \+ Monitoring Framework ends \(Q2 2026\)/)
  const list = page.getByTestId('board-problems')
  await expect(list).toContainText(
    'Q2 2026 · DevOps Lead · SLO + Monitoring Framework: Outside the months of'
  )
  await expect(list).toContainText(
    'Q1 2026 · DevOps Lead · Runbooks + Incident Response: Before SLO + Monitoring Framework ends'
  )
  await list.getByRole('button', { name: /^Q1 2026 · DevOps Lead · Runbooks \+ Incident Response/ }).click()
  await expect(runbooks).toBeFocused()
  await app.shot('capacity-board-problems')
  // Undo takes the problems away with the move.
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('board-problems')).toHaveCount(0)
})

test('the heatmap writes its peak as 150% in English and 150 % in German', async ({ app }) => {
  const { page } = app
  await app.goto('capacity-board')
  await dragTo(
    page,
    chip(page, 'DevOps Lead', 'Q4 2025', 'Database Foundation'),
    cell(page, 'DevOps Lead', 'Q1 2026')
  )
  const summary = page.getByTestId('heatmap-summary')
  await expect(summary).toContainText('DevOps Lead in Q1 2026 at 150%.')
  const heatmap = page.locator('.heatmap-card')
  for (const lang of ['en', 'de'] as const) {
    if (lang === 'de') {
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await expect(summary).toContainText('DevOps Lead in Q1 2026 mit 150\u00a0%.')
    }
    for (const size of [
      { width: 1280, height: 800 },
      { width: 960, height: 600 }
    ]) {
      await page.setViewportSize(size)
      await heatmap.scrollIntoViewIfNeeded()
      await expect(heatmap).toHaveAttribute('data-labelled', 'true')
      await app.shot(`capacity-heatmap-peak-${lang}-${size.width}`)
    }
  }
})
