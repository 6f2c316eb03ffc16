import { join } from 'node:path'
import { test, expect, SCREENSHOT_DIR } from './fixtures'
import type { Page } from '@playwright/test'
import { dragTo, pickUpAndStepRightAtOnce } from './board-helpers'

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const line = (page: Page, title: string) => page.getByRole('button', { name: new RegExp(`^${esc(title)},`) })
const leaf = (page: Page, path: string, quarter: string) =>
  page.getByRole('group', { name: new RegExp(`^${esc(path)}, ${quarter}:`) })
const phaseCell = (page: Page, phase: string, quarter: string) =>
  page.getByRole('group', { name: new RegExp(`^${esc(phase)}, ${quarter}:`) })
const quarterTotal = (page: Page, q: string) => page.getByTestId(`quarter-total-${q}`)
const filter = (page: Page, text: string) => page.getByRole('searchbox', { name: 'Filter lines' }).fill(text)

test.use({ viewport: { width: 1440, height: 900 } })

test('dragging a budget line to another quarter moves its amount between the quarter totals', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget-board')
  await expect(quarterTotal(page, '2025-Q4')).toHaveText('€50,000')
  await expect(quarterTotal(page, '2026-Q1')).toHaveText('€75,000')
  await expect(page.getByTestId('budget-chart-summary')).toContainText(
    'Total €415,000 of the €415,000 plan budget'
  )
  await app.shot('budget-board')

  await dragTo(
    page,
    line(page, 'Database Migration Tools + Consulting'),
    leaf(page, 'Foundation / Database Foundation / Tools', 'Q1 2026')
  )
  await expect(quarterTotal(page, '2025-Q4')).toHaveText('€30,000')
  await expect(quarterTotal(page, '2026-Q1')).toHaveText('€95,000')
  await expect(page.getByTestId('phase-total-1')).toContainText('€50,000 of €50,000 cap')
  await expect(page.getByTestId('board-status')).toContainText(
    'Moved €20,000 of “Database Migration Tools + Consulting” from Q4 2025 to Q1 2026'
  )
  await expect(page.getByTestId('budget-chart-summary')).toContainText(
    'Busiest quarter: Q4 2026 with €150,000'
  )

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(quarterTotal(page, '2025-Q4')).toHaveText('€50,000')
  await expect(quarterTotal(page, '2026-Q1')).toHaveText('€75,000')
  await page.keyboard.press('Control+Shift+z')
  await expect(quarterTotal(page, '2026-Q1')).toHaveText('€95,000')
})

test('moving a line into another phase previews and then shows the breached cap', async ({ app }) => {
  const { page } = app
  await app.goto('budget-board')
  const source = line(page, 'Load Testing Infrastructure + Tools')
  const target = phaseCell(page, 'Foundation', 'Q4 2025')
  // Hold the chip over the target to see the preview before dropping.
  const from = (await source.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + 8, { steps: 3 })
  const to = (await target.boundingBox())!
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
  await expect(page.getByTestId('drop-preview')).toContainText(
    'Foundation would be at €70,000 of €50,000 — cap exceeded'
  )
  await expect(page.getByTestId('drop-preview')).toContainText('Q4 2025 total would be €70,000')
  await app.shot('budget-board-drag-preview')
  await page.mouse.up()

  await expect(page.getByTestId('phase-total-1')).toHaveAttribute('data-breached', 'true')
  await expect(page.getByTestId('phase-total-1')).toContainText(
    '€70,000 of €50,000 cap — cap exceeded by €20,000'
  )
  await expect(page.getByTestId('phase-total-2')).toContainText('€55,000 of €75,000 cap')
  // The status line (a live region) states the phase after the drop, not before it.
  await expect(page.getByTestId('board-status')).toContainText('Foundation: €70,000 of €50,000')
  await expect(page.getByTestId('caps-summary')).toContainText('1 phase cap exceeded')
  await expect(quarterTotal(page, '2025-Q4')).toHaveText('€70,000')
  await expect(quarterTotal(page, '2026-Q1')).toHaveText('€55,000')
  await expect(page.getByTestId('budget-chart-summary')).toContainText('1 phase cap exceeded: Foundation')
  // Its workstream stayed in Operations: a question in the corner, which leaves the board usable.
  const choose = page.getByTestId('choose-workstream')
  await expect(choose).toContainText('Which workstream does “Load Testing Infrastructure + Tools” join?')
  await expect(choose.getByRole('button')).toHaveText([
    'Database Foundation',
    'ABAC/RLS Foundation',
    'No workstream',
    'Cancel'
  ])
  await app.shot('budget-board-cap-breached')
  await page.keyboard.press('Escape')
  await expect(choose).toBeHidden()
  const charts = page.locator('.budget-charts')
  await charts.scrollIntoViewIfNeeded()
  // Made once on screen (lazy): drawn a few frames after coming into view.
  await expect(page.getByTestId('budget-chart')).toHaveAttribute('data-drawn', 'true')
  await expect(page.getByTestId('caps-chart')).toHaveAttribute('data-drawn', 'true')
  await charts.screenshot({ path: join(SCREENSHOT_DIR, 'budget-charts.png') })
})

test('splitting a line keeps every cent and both parts stay in place', async ({ app }) => {
  const { page } = app
  await app.goto('budget-board')
  await filter(page, 'Multi-Region')
  await page.getByRole('button', { name: 'Split “Multi-Region Infrastructure”…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Split “Multi-Region Infrastructure”' })
  await dialog.getByLabel('Amount, in EUR').fill('33.333,33')
  await expect(dialog).toContainText('€66,666.67 stays')
  await dialog.getByRole('button', { name: 'Split' }).click()
  await expect(line(page, 'Multi-Region Infrastructure')).toHaveCount(2)
  await expect(
    page.getByRole('button', { name: /^Multi-Region Infrastructure, €66,666\.67, Scale, Q4 2026$/ })
  ).toBeVisible()
  await expect(
    page.getByRole('button', { name: /^Multi-Region Infrastructure, €33,333\.33, Scale, Q4 2026$/ })
  ).toBeVisible()
  await expect(quarterTotal(page, '2026-Q4')).toHaveText('€150,000')
  await expect(page.getByTestId('board-status')).toContainText(
    'Split €33,333.33 off “Multi-Region Infrastructure”'
  )
})

test('Shift-dropping moves part of a line to the cent; the phase and quarter totals follow', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget-board')
  await filter(page, 'Scale')
  await dragTo(
    page,
    line(page, 'CDN + Caching Infrastructure'),
    leaf(page, 'Scale / Horizontal Scale + Multi-Region / Infrastructure', 'Q3 2026'),
    {
      shift: true
    }
  )
  const dialog = page.getByRole('dialog', { name: 'How much should move?' })
  await dialog.getByLabel('Amount, in EUR').fill('12345.67')
  await dialog.getByRole('button', { name: 'Move' }).click()
  await expect(quarterTotal(page, '2026-Q4')).toHaveText('€137,654.33')
  await expect(quarterTotal(page, '2026-Q3')).toHaveText('€52,345.67')
  await expect(page.getByTestId('phase-total-5')).toContainText('€150,000 of €150,000 cap')
  await expect(page.getByTestId('grand-total')).toContainText('€415,000')
})

test('keyboard: Alt+Arrow moves a line a quarter, Alt+Shift+Arrow half of it, Alt+ArrowUp to the previous phase', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget-board')
  await filter(page, 'Governance')
  await line(page, 'AI Governance Tools + Framework').focus()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(quarterTotal(page, '2026-Q3')).toHaveText('€25,000')
  await expect(quarterTotal(page, '2026-Q4')).toHaveText('€165,000')
  await expect(line(page, 'AI Governance Tools + Framework')).toBeFocused()
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect(quarterTotal(page, '2026-Q3')).toHaveText('€32,500')
  await expect(quarterTotal(page, '2026-Q4')).toHaveText('€157,500')
  await page.keyboard.press('Alt+ArrowUp')
  // The move is made at once and the status states the figures after it.
  await expect(page.getByTestId('phase-total-4')).toContainText('€32,500 of €40,000 cap')
  await expect(page.getByTestId('phase-total-3')).toContainText('€107,500 of €100,000 cap')
  await expect(page.getByTestId('board-status')).toContainText('from Governance to Integration')
  // Its workstream stays in Governance: the board asks which of Integration's workstreams it joins.
  const choose = page.getByRole('dialog', {
    name: 'Which workstream does “AI Governance Tools + Framework” join?'
  })
  await expect(choose).toBeVisible()
  await expect(choose.getByRole('button')).toHaveText(['Events + External APIs', 'No workstream', 'Cancel'])
  await expect(choose.getByRole('button', { name: 'Events + External APIs' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(choose).toBeHidden()
  await expect(page.getByTestId('board-status')).toContainText('to Events + External APIs')
  // It joined the workstream chosen in the dialog; the phase totals stay.
  await expect(
    page
      .getByRole('group', { name: /^Integration \/ Events \+ External APIs \/ Tools, Q\d 2026:/ })
      .filter({ hasText: 'AI Governance Tools + Framework' })
  ).toHaveCount(1)
  await expect(page.getByTestId('phase-total-3')).toContainText('€107,500 of €100,000 cap')

  // dnd-kit's keyboard sensor: Space picks up, arrows move with a preview, Space drops.
  await filter(page, 'Compliance')
  await line(page, 'Compliance Consulting + Audit').focus()
  await page.keyboard.press('Space')
  // What a user sees before moving on: the announcement that the line is over its cell.
  const live = page.locator('[id^="DndLiveRegion"]').first()
  await expect(live).toContainText('Compliance Consulting + Audit, €25,000, Governance, Q3 2026 is over')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('drop-preview')).toContainText('Q4 2026 total would be')
  await page.keyboard.press('Space')
  await expect(quarterTotal(page, '2026-Q3')).toHaveText('€7,500')
})

test('a fast typist: Space and ArrowRight pressed at once move the line, even while the pick-up keeps the window busy', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget-board')
  await filter(page, 'Compliance')
  await line(page, 'Compliance Consulting + Audit').focus()
  await pickUpAndStepRightAtOnce(page)
  await expect(page.getByTestId('drop-preview')).toContainText('Q4 2026 total would be')
  await page.keyboard.press('Space')
  await expect(quarterTotal(page, '2026-Q3')).toHaveText('€15,000')
})

test('a line dropped outside its phase’s quarters stays marked and listed, in English and German', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget-board')
  await dragTo(
    page,
    line(page, 'Database Migration Tools + Consulting'),
    leaf(page, 'Foundation / Database Foundation / Tools', 'Q1 2026')
  )
  await expect(page.getByTestId('board-status')).toContainText('Foundation: €50,000 of €50,000')
  const moved = line(page, 'Database Migration Tools + Consulting')
  await expect(moved).toHaveAttribute('data-problem', 'true')
  await expect(moved).toHaveAccessibleName(/Outside Foundation \(Q4 2025\)/)
  const list = page.getByTestId('board-problems')
  await expect(list).toContainText(
    'Q1 2026 · Database Migration Tools + Consulting: Outside Foundation (Q4 2025)'
  )
  await app.shot('budget-board-problems-en')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(list).toContainText(
    'Q1 2026 · Database Migration Tools + Consulting: Außerhalb von Foundation (Q4 2025)'
  )
  // The status line written before the switch reads in German too.
  await expect(page.getByTestId('board-status')).toContainText('Foundation: 50.000 € von 50.000 €')
  // Categories by name, in German too.
  await expect(
    page.getByRole('group', { name: /^Foundation \/ Database Foundation \/ Werkzeuge, Q1 2026:/ })
  ).toBeVisible()
  await app.shot('budget-board-problems-de')
})

test('the filter matches category names as shown in the UI language, whatever their case', async ({
  app
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('budget-board')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const search = page.getByRole('searchbox', { name: 'Positionen filtern' })
  await search.fill('WERKZEUGE')
  await expect(line(page, 'Monitoring Stack (Grafana + Prometheus)')).toBeVisible()
  await expect(line(page, 'AI Governance Tools + Framework')).toBeVisible()
  await expect(line(page, 'Load Testing Infrastructure + Tools')).toBeHidden()
  await expect(
    page.getByRole('group', { name: /^Operations \/ SLO \+ Monitoring Framework \/ Werkzeuge, Q1 2026:/ })
  ).toBeVisible()
  await app.shot('budget-board-filter-de-1280')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('budget-board-filter-de-960')
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await filter(page, 'consulting')
  await expect(line(page, 'Compliance Consulting + Audit')).toBeVisible()
  await expect(line(page, 'Database Migration Tools + Consulting')).toBeVisible()
  await expect(line(page, 'Monitoring Stack (Grafana + Prometheus)')).toBeHidden()
  await app.shot('budget-board-filter-en-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.shot('budget-board-filter-en-1280')
})
