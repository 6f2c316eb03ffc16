// Writing a plan by hand: roles, allocations and budget lines added in their views, removes that
// ask first, phases, deliverables, risks and budget lines moved up and down, new plans (blank,
// template, copy) and the plan settings; screenshots of the dialogs.
import { test, expect, type Harness } from './fixtures'
import { roleForm } from './steps'

const form = (app: Harness, testId: string) => app.page.getByTestId(testId)

test('a planner adds a role in the Team view; it survives a reload and Ctrl+Z takes it back', async ({
  app
}) => {
  const { page } = app
  await app.goto('team')
  const dialog = await roleForm(app, 'Data Engineer', 'Ada Lovelace')
  await dialog.getByLabel('Cost per FTE-quarter (EUR, optional)').fill('30000')
  await dialog.getByLabel('Open position (still to be hired)').check()
  await dialog.getByLabel('Hire starts in').selectOption({ label: 'Q2 2026' })
  await dialog.getByRole('button', { name: 'Add role' }).click()
  await expect(dialog).toBeHidden()
  const row = page.getByRole('row', { name: /Data Engineer/ })
  await expect(row).toContainText('Ada Lovelace')
  await expect(row).toContainText('Open position from Q2 2026')
  await expect(page.getByTestId('hiring-plan')).toContainText('Data Engineer: from Q2 2026')

  await app.reload()
  await app.goto('team')
  await expect(page.getByRole('row', { name: /Data Engineer/ })).toContainText('Ada Lovelace')

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('row', { name: /Data Engineer/ })).toHaveCount(0)
})

// Exactly what a planner does on a first day with the app, by the labels on screen, in both languages.
for (const L of [
  {
    lang: 'en' as const,
    addRole: 'Add role',
    role: 'Role',
    addLine: 'Add budget line',
    title: 'Title',
    phase: 'Phase',
    amount: 'Amount',
    total: ['€415,000', '€432,500'],
    newPlan: 'New plan',
    create: 'Create plan',
    name: 'Name',
    plans: 'Plans'
  },
  {
    lang: 'de' as const,
    addRole: 'Rolle hinzufügen',
    role: 'Rolle',
    addLine: 'Budgetposition hinzufügen',
    title: 'Titel',
    phase: 'Phase',
    amount: 'Betrag',
    total: ['415.000 €', '432.500 €'],
    newPlan: 'Neuer Plan',
    create: 'Plan anlegen',
    name: 'Name',
    plans: 'Pläne'
  }
]) {
  test(`${L.lang}: a role added in Team and a budget line added in Budget survive a reload, Ctrl+Z takes the line back, a new plan starts`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('team')
    if (L.lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.getByRole('button', { name: L.addRole }).click()
    const role = form(app, 'role-form')
    await role.getByLabel(L.role, { exact: true }).fill('Platform Engineer')
    await role.getByRole('button', { name: L.addRole }).click()
    await expect(role).toBeHidden()
    await expect(page.getByRole('rowheader', { name: /Platform Engineer/ })).toBeVisible()

    await app.goto('budget')
    await expect(page.getByTestId('budget-total')).toHaveText(L.total[0])
    await page.getByRole('button', { name: L.addLine }).click()
    const line = form(app, 'line-form')
    await line.getByLabel(L.title).fill('Observability licences')
    await line.getByLabel(L.phase).selectOption({ index: 1 })
    await line.getByLabel(L.amount).fill('17500')
    await line.getByRole('button', { name: L.addLine }).click()
    await expect(line).toBeHidden()
    await expect(page.getByTestId('budget-total')).toHaveText(L.total[1])

    await app.reload()
    await app.goto('team')
    await expect(page.getByRole('rowheader', { name: /Platform Engineer/ })).toBeVisible()
    await app.goto('budget')
    await expect(page.getByTestId('budget-total')).toHaveText(L.total[1])
    await expect(page.getByText('Observability licences')).toBeVisible()

    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('budget-total')).toHaveText(L.total[0])
    await expect(page.getByText('Observability licences')).toHaveCount(0)
    await app.goto('team')
    await expect(page.getByRole('rowheader', { name: /Platform Engineer/ })).toBeVisible()

    await page.getByRole('navigation', { name: L.plans }).getByRole('button', { name: L.newPlan }).click()
    const dialog = form(app, 'new-plan')
    await dialog.getByLabel(L.name).fill('Platform 2027')
    await dialog.getByRole('button', { name: L.create }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('plan-name')).toHaveText('Platform 2027')
  })
}

test('a role name already in the plan is refused beside the field and nothing is stored', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  const dialog = await roleForm(app, 'devops lead')
  await dialog.getByRole('button', { name: 'Add role' }).click()
  await expect(dialog.getByText('Another one in this plan already has this name.')).toBeVisible()
  await expect(dialog.getByLabel('Role', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('rowheader', { name: /^devops lead$/ })).toHaveCount(0)
})

test('a planner adds a budget line in the Budget view; it survives a reload and Ctrl+Z takes it back', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
  await page.getByRole('button', { name: 'Add budget line' }).click()
  const dialog = form(app, 'line-form')
  await dialog.getByLabel('Title').fill('Penetration test')
  await dialog.getByLabel('Category').fill('security')
  await dialog.getByLabel('Phase').selectOption({ label: 'Phase 2: Operations' })
  await dialog.getByLabel('Quarter').selectOption({ label: 'Q1 2026' })
  await dialog.getByLabel('Amount').fill('abc')
  await dialog.getByRole('button', { name: 'Add budget line' }).click()
  await expect(dialog.getByText('Not a number.')).toBeVisible()
  // "12.345" is German for twelve thousand, or English with three decimals: the form asks.
  await dialog.getByLabel('Amount').fill('12.345')
  await dialog.getByRole('button', { name: 'Add budget line' }).click()
  await expect(dialog.getByText('Not clear which number this is')).toBeVisible()
  await dialog.getByRole('button', { name: 'Store €12,345.00' }).click()
  await expect(dialog.getByText('Stores €12,345.00')).toBeVisible()
  await dialog.getByRole('button', { name: 'Add budget line' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('budget-total')).toHaveText('€427,345')
  await expect(page.getByText('Penetration test')).toBeVisible()

  await app.reload()
  await app.goto('budget')
  await expect(page.getByTestId('budget-total')).toHaveText('€427,345')

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
  await expect(page.getByText('Penetration test')).toHaveCount(0)
})

test('removing a role with allocations asks and moves its work to another role', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  await page.getByRole('button', { name: 'Remove Legal Advisor' }).click()
  const dialog = form(app, 'remove-role')
  await expect(dialog).toContainText('Legal Advisor has 1 allocation.')
  await dialog.getByLabel('Its allocations').selectOption({ label: 'Move to Compliance Officer' })
  await dialog.getByRole('button', { name: 'Remove role' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('rowheader', { name: 'Legal Advisor' })).toHaveCount(0)
  await expect(
    page.getByRole('cell', { name: 'Compliance Officer, Q3 2026, 125%', exact: true })
  ).toBeVisible()
})

test('a new plan can be started blank, from the template and as a copy', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  const plans = page.getByRole('navigation', { name: 'Plans' })

  await plans.getByRole('button', { name: 'New plan' }).click()
  let dialog = form(app, 'new-plan')
  await dialog.getByLabel('Name').fill('Platform 2027')
  // Quarters are chosen, not typed.
  await dialog.getByLabel('First quarter').selectOption({ label: 'Q1 2027' })
  await dialog.getByLabel('Last quarter').selectOption({ label: 'Q4 2027' })
  await dialog.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('Platform 2027')
  await app.goto('team')
  await expect(page.getByText('No roles yet. Add the first role of the team.')).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Q4 2027' }).first()).toBeVisible()

  await plans.getByRole('button', { name: 'New plan' }).click()
  dialog = form(app, 'new-plan')
  await dialog.getByLabel('Name').fill('From the template')
  await dialog.getByLabel('Start from').selectOption('template')
  await dialog.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('From the template')
  await app.goto('budget')
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')

  await plans.getByRole('button', { name: 'New plan' }).click()
  dialog = form(app, 'new-plan')
  await dialog.getByLabel('Name').fill('Copy of 2027')
  await dialog.getByLabel('Start from').selectOption({ label: 'Copy of “Platform 2027”' })
  await dialog.getByRole('button', { name: 'Create plan' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('Copy of 2027')
  await app.goto('team')
  await expect(page.getByRole('columnheader', { name: 'Q1 2027' }).first()).toBeVisible()
  await expect(plans.getByRole('button', { name: 'Copy of 2027', exact: true })).toBeVisible()
})

test('plan settings change the total budget', async ({ app }) => {
  const { page } = app
  await app.goto('budget')
  await expect(page.getByTestId('budget-plan')).toHaveText('€415,000')
  await page
    .getByRole('navigation', { name: 'Plans' })
    .getByRole('button', { name: /Actions for FreshFoodz/ })
    .click()
  await page.getByRole('menuitem', { name: 'Plan settings…' }).click()
  const dialog = form(app, 'plan-settings')
  await dialog.getByLabel('Total budget (EUR)').fill('500000')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('budget-plan')).toHaveText('€500,000')
  await expect(page.getByTestId('budget-remaining')).toHaveText('€85,000')
})

for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`the writing dialogs in ${lang} at ${w}x${h} (screenshots)`, async ({ app }) => {
      const { page } = app
      await page.setViewportSize({ width: w, height: h })
      await app.goto('team')
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      const L =
        lang === 'en'
          ? {
              addRole: 'Add role',
              addLine: 'Add budget line',
              newPlan: 'New plan',
              remove: 'Remove Legal Advisor'
            }
          : {
              addRole: 'Rolle hinzufügen',
              addLine: 'Budgetposition hinzufügen',
              newPlan: 'Neuer Plan',
              remove: 'Legal Advisor entfernen'
            }
      const suffix = `${lang}-${w}`
      await page.getByRole('button', { name: L.addRole }).click()
      const role = form(app, 'role-form')
      await role.locator('input[name="open"]').check()
      await role.locator('button[type="submit"]').click()
      await expect(role.locator('.field-error')).toBeVisible()
      await app.shot(`write-role-form-${suffix}`)
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: L.remove }).click()
      await expect(form(app, 'remove-role')).toBeVisible()
      await app.shot(`write-remove-role-${suffix}`)
      await page.keyboard.press('Escape')
      await app.shot(`write-team-${suffix}`)

      await app.goto('budget')
      await page.getByRole('button', { name: L.addLine }).click()
      await expect(form(app, 'line-form')).toBeVisible()
      await app.shot(`write-line-form-${suffix}`)
      await page.keyboard.press('Escape')

      await page.getByRole('navigation').first().getByRole('button', { name: L.newPlan }).click()
      await expect(form(app, 'new-plan')).toBeVisible()
      await app.shot(`write-new-plan-${suffix}`)
      await page.keyboard.press('Escape')

      await page.locator('.plan-row .tree-menu-button').first().click()
      await page
        .getByRole('menuitem', { name: lang === 'en' ? 'Plan settings…' : 'Planeinstellungen…' })
        .click()
      const settings = form(app, 'plan-settings')
      await settings.locator('select[name="from"]').selectOption('2026-Q1')
      await expect(settings.locator('select[name="dropped"]')).toBeVisible()
      await app.shot(`write-settings-${suffix}`)
      await page.keyboard.press('Escape')
    })
  }
}

test('workstreams, phases, risks and deliverables are added and removed in their views', async ({ app }) => {
  const { page } = app
  await app.goto('timeline')
  await page.getByRole('button', { name: 'Add workstream' }).click()
  let dialog = form(app, 'workstream-form')
  await dialog.getByLabel('Title').fill('Backups and restore drills')
  await dialog.getByLabel('Key', { exact: true }).fill('Migrationen')
  await dialog.getByRole('button', { name: 'Add workstream' }).click()
  await expect(dialog.getByText('Another workstream in this plan already has this key.')).toBeVisible()
  await dialog.getByLabel('Key', { exact: true }).fill('backups')
  await dialog.getByLabel('Start month').fill('2026-04')
  await dialog.getByRole('checkbox', { name: 'integration' }).check()
  await dialog.getByRole('button', { name: 'Add workstream' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('bar-backups')).toBeVisible()

  // sicherheit has allocations, a budget line and dependents: the question says how many.
  await page.getByRole('button', { name: 'Remove sicherheit' }).click()
  dialog = form(app, 'remove-workstream')
  await expect(dialog).toContainText(/Affected: \d+ allocations/)
  await dialog.getByRole('button', { name: 'Remove workstream' }).click()
  await expect(page.getByTestId('bar-sicherheit')).toHaveCount(0)

  await app.goto('risks')
  await page.getByRole('button', { name: 'Add risk' }).click()
  dialog = form(app, 'risk-form')
  await dialog.getByLabel('Title').fill('Key supplier insolvency')
  await dialog.getByLabel('Probability (%)').fill('10')
  await dialog.getByLabel('Cost if it happens (EUR)').fill('50000')
  await dialog.getByRole('button', { name: 'Add risk' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('risk-contingency')).toHaveText('€65,000')
  await expect(page.getByText('Estimate').first()).toBeVisible()

  await app.goto('deliverables')
  await page.getByRole('button', { name: 'Add deliverable' }).click()
  dialog = form(app, 'deliverable-form')
  await dialog.getByLabel('Deliverable').fill('Restore drill passed')
  await dialog.getByRole('button', { name: 'Add deliverable' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Restore drill passed')).toBeVisible()
  await page.getByRole('button', { name: 'Remove Restore drill passed' }).click()
  await expect(page.getByText('Restore drill passed')).toHaveCount(0)
  await app.shot('write-deliverables-en-1280')

  await app.goto('timeline')
  await app.shot('write-timeline-en-1280')
  await app.goto('risks')
  await app.shot('write-risks-en-1280')
})

// Issue 16: phases and deliverables are reordered where they live; each move is one undoable step.
for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`${lang} ${w}x${h}: a phase and a deliverable move down by their button, Ctrl+Z moves them back`, async ({
      app
    }) => {
      const { page } = app
      await page.setViewportSize({ width: w, height: h })
      await app.goto('timeline')
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      const down = lang === 'en' ? /^Move .+ down$/ : /^.+ nach unten$/
      const up = lang === 'en' ? /^Move .+ up$/ : /^.+ nach oben$/
      const undo = async () => {
        await page.locator('body').click({ position: { x: 5, y: 5 } })
        await page.keyboard.press('Control+z')
      }

      const phases = page.getByRole('region', { name: lang === 'en' ? 'Add phase' : 'Phase hinzufügen' })
      // A phase is labelled by its position ("Phase 2: …"), so compare the names after the label.
      const names = async () =>
        (await phases.getByRole('rowheader').allTextContents()).map((s) => s.replace(/^.*?: /, ''))
      const before = await names()
      expect(before.length).toBeGreaterThan(1)
      // The first phase cannot go up, the last cannot go down.
      await expect(phases.getByRole('button', { name: up }).first()).toBeDisabled()
      await expect(phases.getByRole('button', { name: down }).last()).toBeDisabled()
      await phases.getByRole('button', { name: down }).first().click()
      await expect.poll(names).toEqual([before[1], before[0], ...before.slice(2)])
      await app.shot(`reorder-phases-${lang}-${w}`)
      await undo()
      await expect.poll(names).toEqual(before)

      await app.goto('deliverables')
      // The first quarter holding two or more deliverables: its first one can move down.
      const downEnd = lang === 'en' ? ' down' : ' nach unten'
      const movable = page.locator(`li:first-child button:enabled[aria-label$="${downEnd}"]`)
      const list = page.locator('.check-list').filter({ has: movable }).first()
      const first = list.locator('li').first().getByRole('button', { name: down })
      const items = list.locator('.check-text')
      const order = await items.allTextContents()
      expect(order.length).toBeGreaterThan(1)
      await first.click()
      await expect(items).toHaveText([order[1], order[0], ...order.slice(2)])
      await app.shot(`reorder-deliverables-${lang}-${w}`)
      await undo()
      await expect(items).toHaveText(order)
    })
  }
}

// Issue 16: risks (Risks view) and budget lines (Budget view, within their phase) move by their
// buttons; each move is one history entry, survives a reload, and Ctrl+Z moves it back.
for (const lang of ['en', 'de'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [960, 600]
  ] as const) {
    test(`${lang} ${w}x${h}: a risk and a budget line move down by their button, survive a reload, and Ctrl+Z moves them back`, async ({
      app
    }) => {
      const { page } = app
      await page.setViewportSize({ width: w, height: h })
      await app.goto('risks')
      if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      const down = lang === 'en' ? /^Move .+ down$/ : /^.+ nach unten$/
      const up = lang === 'en' ? /^Move .+ up$/ : /^.+ nach oben$/
      const undo = async () => {
        await page.locator('body').click({ position: { x: 5, y: 5 } })
        await page.keyboard.press('Control+z')
      }
      const entry = async (text: string) => {
        await app.goto('history')
        await expect(page.getByTestId('history-entry').first()).toContainText(text)
      }

      const cards = page.locator('.risk-card')
      const risks = cards.locator('h3')
      const before = await risks.allTextContents()
      expect(before.length).toBeGreaterThan(2)
      await expect(cards.first().getByRole('button', { name: up })).toBeDisabled()
      await expect(cards.last().getByRole('button', { name: down })).toBeDisabled()
      await cards.first().getByRole('button', { name: down }).click()
      const moved = [before[1], before[0], ...before.slice(2)]
      await expect(risks).toHaveText(moved)
      // The numbers follow the list: the risk moved down is R2 now.
      await expect(cards.nth(1).locator('.rm-chip')).toHaveText('R2')
      await app.shot(`reorder-risks-${lang}-${w}`)
      await app.reload()
      await expect(risks).toHaveText(moved)
      await entry(
        lang === 'en'
          ? `Moved the risk “${before[0]}” to place 2 of ${before.length}`
          : `Risiko „${before[0]}“ an Stelle 2 von ${before.length} verschoben`
      )
      await app.goto('risks')
      await undo()
      await expect(risks).toHaveText(before)
      // By keyboard: Alt+↓ moves the risk whose card holds the focus, and focus goes with it.
      await cards.first().getByRole('button', { name: down }).focus()
      await page.keyboard.press('Alt+ArrowDown')
      await expect(risks).toHaveText(moved)
      await expect(cards.nth(1).getByRole('button', { name: down })).toBeFocused()
      await undo()
      await expect(risks).toHaveText(before)

      await app.goto('budget')
      const phase = page.getByTestId('budget-phase-1')
      const rows = phase.locator('tr.line-row')
      const titles = rows.locator('.line-title > span:first-child')
      const lines = await titles.allTextContents()
      expect(lines.length).toBeGreaterThan(1)
      const otherTitles = page.getByTestId('budget-phase-2').locator('.line-title > span:first-child')
      const others = await otherTitles.allTextContents()
      await expect(rows.first().getByRole('button', { name: up })).toBeDisabled()
      await expect(rows.last().getByRole('button', { name: down })).toBeDisabled()
      await rows.first().getByRole('button', { name: down }).click()
      const movedLines = [lines[1], lines[0], ...lines.slice(2)]
      await expect(titles).toHaveText(movedLines)
      // Focus stays on the moved line's button, where the line now stands.
      await expect(rows.nth(1).getByRole('button', { name: up })).toBeFocused()
      await app.shot(`reorder-lines-${lang}-${w}`)
      await app.reload()
      await expect(titles).toHaveText(movedLines)
      // The lines of other phases stay where they were.
      await expect(otherTitles).toHaveText(others)
      await entry(
        lang === 'en'
          ? `Moved the budget line “${lines[0]}” to place 2 of`
          : `Budgetposition „${lines[0]}“ an Stelle 2 von`
      )
      await app.goto('budget')
      await undo()
      await expect(titles).toHaveText(lines)
      await rows.nth(1).getByRole('button', { name: up }).focus()
      await page.keyboard.press('Alt+ArrowUp')
      await expect(titles).toHaveText(movedLines)
      await undo()
      await expect(titles).toHaveText(lines)
    })
  }
}
