// Fit: at 1280x800 both boards show every quarter of the built-in plan without sideways scrolling.
import { test, expect, VIEW_IDS } from './fixtures'
import { branchScenario } from './steps'

const QUARTERS = ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']

for (const lang of ['en', 'de'] as const) {
  for (const view of ['capacity-board', 'budget-board']) {
    test(`the ${view} shows every quarter at 1280x800 without sideways scrolling (${lang})`, async ({
      app
    }) => {
      const { page } = app
      await page.setViewportSize({ width: 1280, height: 800 })
      await app.goto(view)
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await expect(page.locator('main h1')).toBeVisible()
      const viewport = page.viewportSize()!
      for (const q of QUARTERS) {
        const header = page.locator('main').getByText(q, { exact: true }).first()
        await expect(header).toBeVisible()
        const box = (await header.boundingBox())!
        expect(box.x + box.width, `${q} header ends inside the window`).toBeLessThanOrEqual(viewport.width)
      }
      // No element of the board scrolls sideways.
      const sideways = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => {
            const s = getComputedStyle(el)
            return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1
          })
          .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)
      )
      expect(sideways).toEqual([])
      await app.shot(`fit-${view}-${lang}-1280x800`)
    })
  }
}

test('the sidebar collapses with its button and with Ctrl+B, and the choice is remembered', async ({
  app
}) => {
  const { page } = app
  await page.setViewportSize({ width: 960, height: 600 })
  await app.goto('overview')
  const sidebar = page.locator('#app-sidebar')
  await expect(sidebar).toBeVisible()
  await page.getByRole('button', { name: 'Hide the sidebar' }).click()
  await expect(sidebar).toBeHidden()
  await expect(page.getByRole('button', { name: 'Show the sidebar' })).toHaveAttribute(
    'aria-expanded',
    'false'
  )
  await app.reload()
  await expect(page.getByTestId('plan-name')).not.toBeEmpty()
  await expect(sidebar).toBeHidden()
  await page.locator('body').press('Control+b')
  await expect(sidebar).toBeVisible()
  await page.locator('body').press('Control+b')
  await expect(sidebar).toBeHidden()
  // Listed with its keys in the shortcuts sheet.
  await page.locator('body').press('F1')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Show or hide the sidebar'
  )
})

for (const lang of ['en', 'de'] as const) {
  test(`at 960x600 with the sidebar collapsed every view fits and both boards show every quarter (${lang})`, async ({
    app
  }) => {
    test.setTimeout(180_000)
    const { page } = app
    await page.setViewportSize({ width: 960, height: 600 })
    await app.goto('overview')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.locator('body').press('Control+b')
    await expect(page.locator('#app-sidebar')).toBeHidden()
    const problems: string[] = []
    for (const view of VIEW_IDS) {
      await app.goto(view)
      await expect(page.locator('main h1')).toBeVisible()
      await page.waitForTimeout(300)
      // Nothing in the view is wider than the window: no clipped tables, no sideways scrolling.
      const wide = await page.evaluate(() => {
        const main = document.querySelector('main')!
        const out: string[] = []
        if (main.scrollWidth > main.clientWidth + 1)
          out.push(`main: ${main.scrollWidth} > ${main.clientWidth}`)
        for (const el of main.querySelectorAll('*')) {
          const s = getComputedStyle(el)
          if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
            out.push(`${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)
        }
        return out
      })
      problems.push(...wide.map((w) => `${view}: ${w}`))
      if (view === 'capacity-board' || view === 'budget-board') {
        for (const q of QUARTERS) {
          const box = (await page.locator('main').getByText(q, { exact: true }).first().boundingBox())!
          if (box.x + box.width > 960) problems.push(`${view}: ${q} header ends at ${box.x + box.width}`)
        }
      }
      await app.shot(`fit-${view}-${lang}-960x600`)
    }
    expect(problems, problems.join('\n')).toEqual([])
  })
}

test('an open dialog closes the notices from before it, and the errors that stay never cover its buttons (960x600)', async ({
  app
}) => {
  const { page } = app
  await page.setViewportSize({ width: 960, height: 600 })
  await app.goto('capacity-board')
  await page.getByRole('button', { name: /^DevOps Lead, Q2 2026, Events \+ External APIs,/ }).focus()
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByTestId('board-status')).toContainText('Q3 2026')
  await page.keyboard.press('Alt+ArrowRight')
  await expect(page.getByTestId('board-status')).toContainText('Q4 2026')
  // Reverting the first move is refused (the second moved the same chip on): an error toast.
  await app.goto('history')
  await page
    .getByTestId('history-entry')
    .nth(1)
    .getByRole('button', { name: /^Revert change/ })
    .click()
  const error = page.locator('.toast-error')
  await expect(error).toBeVisible()
  // Undo reports itself in a notice.
  await page.locator('body').press('Control+z')
  const notice = page.locator('.toast', { hasText: /^Undone/ })
  await expect(notice).toBeVisible()
  await page.locator('body').press('Control+n')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(notice).toBeHidden()
  await expect(error).toBeVisible()
  await page.waitForTimeout(300)
  const t = (await error.boundingBox())!
  const buttons = await dialog.getByRole('button').all()
  expect(buttons.length).toBeGreaterThan(0)
  for (const b of buttons) {
    const r = await b.boundingBox()
    if (!r) continue
    const overlaps =
      t.x < r.x + r.width && r.x < t.x + t.width && t.y < r.y + r.height && r.y < t.y + t.height
    expect(overlaps, `the toast covers “${await b.textContent()}”`).toBe(false)
  }
  await app.shot('fit-toast-over-dialog-960x600')
})

// The Team view's role column stays in sight while the quarter columns scroll sideways, and the
// Deliverables view keeps its quarters readable, with the sidebar shown at both sizes.
for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`${lang} ${w}x${h}: the Team view's role column stays while the quarters scroll; Deliverables keep whole words`, async ({
      app
    }) => {
      const { page } = app
      await page.setViewportSize({ width: w, height: h })
      await app.goto('team')
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await expect(page.locator('#app-sidebar')).toBeVisible()
      const pageOverflow = () =>
        page.evaluate(() => {
          const main = document.querySelector('main')!
          return Math.max(
            0,
            main.scrollWidth - main.clientWidth,
            document.body.scrollWidth - window.innerWidth
          )
        })
      expect(await pageOverflow(), 'the page itself does not scroll sideways').toBe(0)

      const box = page.locator('.util-table').locator('xpath=..')
      const first = page.locator('.util-table tbody th.role-name').first()
      const roleName = (await first.getAttribute('title'))!
      // Scrolled as far right as it goes (nothing to scroll at 1280): the last quarter, the row actions
      // and the role name are all inside the table's box, and the name is not covered by a cell.
      await box.evaluate((el) => (el.scrollLeft = el.scrollWidth))
      const frame = (await box.boundingBox())!
      const inside = async (name: string, el: ReturnType<typeof page.locator>) => {
        const r = (await el.boundingBox())!
        expect(r.x, `${name} starts inside the table`).toBeGreaterThanOrEqual(frame.x - 1)
        expect(r.x + r.width, `${name} ends inside the table`).toBeLessThanOrEqual(frame.x + frame.width + 1)
      }
      await inside('the role name', first)
      await inside('the last quarter', page.locator('.util-table thead th').nth(5))
      const edit = page.getByRole('button', {
        name: lang === 'en' ? `Edit ${roleName}` : `${roleName} bearbeiten`,
        exact: true
      })
      await inside('the edit button', edit)
      const r = (await first.boundingBox())!
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('th')?.getAttribute('title') ?? null,
        [r.x + 20, r.y + r.height / 2]
      )
      expect(onTop, 'the role name is on top of the scrolled cells').toBe(roleName)
      await app.shot(`fit-team-scrolled-${lang}-${w}x${h}`)

      await app.goto('deliverables')
      expect(await pageOverflow()).toBe(0)
      // Each quarter at least 180 px wide; each deliverable's four buttons on one line.
      for (const card of await page.locator('.deliv-quarter').all()) {
        expect((await card.boundingBox())!.width).toBeGreaterThanOrEqual(180)
      }
      const rows = await page
        .locator('.deliv-quarter .row-actions')
        .evaluateAll((spans) =>
          spans.map(
            (s) => new Set([...s.querySelectorAll('button')].map((b) => b.getBoundingClientRect().top)).size
          )
        )
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((n) => n === 1)).toBe(true)
      await app.shot(`fit-deliverables-${lang}-${w}x${h}`)
    })
  }
}

for (const lang of ['en', 'de'] as const) {
  test(`the top bar shows a scenario's name and its Scenario badge whole at 960x600 and 1280x800 (${lang})`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('overview')
    await branchScenario(app, 'Hiring later')
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const badge = page.locator('.plan-title .badge')
    await expect(badge).toHaveText(lang === 'de' ? 'Szenario' : 'Scenario')
    const name = page.getByTestId('plan-name')
    const undo = page
      .getByRole('banner')
      .getByRole('button', { name: lang === 'de' ? 'Rückgängig' : 'Undo', exact: true })
    for (const [width, height] of [
      [960, 600],
      [1280, 800]
    ] as const) {
      await page.setViewportSize({ width, height })
      // Neither the name nor the badge is cut, and nothing of the bar runs past the window.
      const cut = await page.evaluate(() =>
        ['.plan-name', '.plan-title .badge', '.plan-title']
          .map((s) => document.querySelector(s)!)
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)
      )
      expect(cut).toEqual([])
      const bar = (await page.locator('.topbar').boundingBox())!
      const last = (await page.locator('.topbar-actions > *').last().boundingBox())!
      expect(last.x + last.width).toBeLessThanOrEqual(bar.x + bar.width)
      await expect(name).toHaveText('Hiring later')
      await expect(name).toHaveAttribute('title', 'Hiring later')
      // Undo keeps its name and says its shortcut, whether it shows its label or its icon alone.
      await expect(undo).toHaveAttribute('title', lang === 'de' ? 'Rückgängig (Strg+Z)' : 'Undo (Ctrl+Z)')
      await app.shot(`topbar-scenario-${lang}-${width}`)
    }
  })
}
