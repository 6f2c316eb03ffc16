// What-if scenarios end to end: branch the built-in plan, change it, compare, export, promote.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { test, expect, type Harness } from './fixtures'
import { branchScenario, plansTree, shotBothSizes } from './steps'
import type { Locator, Page } from '@playwright/test'
import { dragTo } from './board-helpers'

/**
 * A mouse drag that follows its target: the budget board scrolls itself while a line is dragged
 * near its edge, so the drop point is measured again until the target stops moving.
 */
async function dragOnto(page: Page, source: Locator, target: Locator) {
  await source.scrollIntoViewIfNeeded()
  const from = (await source.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2 + 6, from.y + from.height / 2 + 2, { steps: 3 })
  let last = ''
  for (let i = 0; i < 10; i++) {
    const to = (await target.boundingBox())!
    const key = `${Math.round(to.x)},${Math.round(to.y)}`
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 })
    await page.waitForTimeout(150)
    if (key === last) break
    last = key
  }
  await page.mouse.up()
}

async function pickOption(app: Harness, form: string, field: string, text: RegExp | string) {
  const select = app.page
    .getByRole('form', { name: form })
    .getByRole('combobox', { name: field, exact: true })
  await expect(select).toBeVisible()
  if ((await select.evaluate((el) => el.tagName)) !== 'SELECT') {
    // A Radix select (the quarter pickers): open it and click the option.
    await select.click()
    await app.page.getByRole('option', { name: text, exact: typeof text === 'string' }).click()
    await expect(select).toContainText(text)
    return
  }
  const options = await select.locator('option').allTextContents()
  const label = options.find((o) => (typeof text === 'string' ? o === text : text.test(o)))
  if (!label) throw new Error(`No option ${text} in ${field}: ${options.join(' | ')}`)
  await select.selectOption({ label })
}

/** The Scenarios view's Move budget line form: the Backup + Disaster Recovery line of Q1 2026 to `quarter`. */
async function moveBackupLine(app: Harness, quarter: string) {
  await pickOption(app, 'Move budget line', 'Budget line', /^Backup \+ Disaster Recovery Setup · Q1 2026/)
  await pickOption(app, 'Move budget line', 'Target quarter', quarter)
  await app.page.getByRole('form', { name: 'Move budget line' }).getByRole('button', { name: 'Move' }).click()
  await expect(app.page.getByRole('table', { name: 'Budget per phase and quarter' })).toBeVisible()
}

/** Branches "Backup later", moves its backup line to Q3 2026 and makes it the baseline; the base's name. */
async function backupLaterMadeBaseline(app: Harness): Promise<string> {
  const { page } = app
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!
  await branchScenario(app, 'Backup later')
  await moveBackupLine(app, 'Q3 2026')
  await page.getByRole('button', { name: 'Make baseline…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Make baseline' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  return builtinName
}

test('branch the built-in plan, move DevOps Lead and a budget line, compare, export and promote', async ({
  app
}) => {
  const { page } = app
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!
  await expect(page.getByRole('heading', { name: 'No scenarios yet' })).toBeVisible()

  await branchScenario(app, 'DevOps early')
  // The scenario sits under its base in the sidebar.
  const tree = plansTree(app)
  await expect(tree.getByRole('button', { name: 'DevOps early', exact: true })).toHaveAttribute(
    'aria-current',
    'true'
  )
  await expect(
    tree
      .locator('li', { hasText: builtinName })
      .locator('ul')
      .getByRole('button', { name: 'DevOps early', exact: true })
  ).toBeVisible()

  // An unchanged copy: no differences at all.
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible()
  await app.shot('scenarios-no-differences')

  // On the capacity board, drag the DevOps Lead's 50 % on betrieb (Runbooks + Incident
  // Response) from Q1 2026 to Q2 2026 with the mouse.
  await app.goto('capacity-board')
  await expect(page.getByTestId('plan-name')).toHaveText('DevOps early')
  await dragTo(
    page,
    page.getByRole('button', { name: /^DevOps Lead, Q1 2026, Runbooks \+ Incident Response,/ }),
    page.getByRole('group', { name: /^DevOps Lead, Q2 2026:/ })
  )
  await expect(
    page.getByRole('button', { name: /^DevOps Lead, Q2 2026, Runbooks \+ Incident Response,/ })
  ).toBeVisible()
  // On the budget board, drag the backup line from Q1 2026 to Q3 2026.
  await app.goto('budget-board')
  await page.getByLabel('Filter lines').fill('Backup')
  await dragOnto(
    page,
    page.getByRole('button', { name: /^Backup \+ Disaster Recovery Setup,/ }),
    page.getByRole('group', {
      name: /^Operations \/ Runbooks \+ Incident Response \/ Infrastructure, Q3 2026:/
    })
  )
  await expect(page.getByTestId('quarter-total-2026-Q3')).toHaveText('€70,000')
  await app.goto('scenarios')

  // Exactly those deltas and nothing else.
  const shares = page.getByRole('table', { name: 'Share per role and quarter' })
  await expect(shares.locator('tbody tr')).toHaveCount(2)
  await expect(shares.locator('tbody tr').nth(0)).toContainText(
    ['DevOps Lead', 'Q1 2026', '100%', '50%', '−50%'].join('')
  )
  await expect(shares.locator('tbody tr').nth(1)).toContainText(
    ['DevOps Lead', 'Q2 2026', '50%', '100%', '+50%'].join('')
  )
  const budget = page.getByRole('table', { name: 'Budget per phase and quarter' })
  await expect(budget.locator('tbody tr')).toHaveCount(2)
  await expect(budget.locator('tbody tr').nth(0)).toContainText('Q1 2026')
  await expect(budget.locator('tbody tr').nth(0)).toContainText('−€30,000.00')
  await expect(budget.locator('tbody tr').nth(1)).toContainText('Q3 2026')
  await expect(budget.locator('tbody tr').nth(1)).toContainText('+€30,000.00')
  await expect(page.getByText('No workstream moved.')).toBeVisible()
  await expect(page.getByTestId('total-cost-a')).toHaveText(
    await page.getByTestId('total-cost-b').innerText()
  )
  await expect(page.getByTestId('share-heatmap')).toHaveAttribute(
    'aria-label',
    /DevOps Lead Q1 2026 −50%; DevOps Lead Q2 2026 \+50%/
  )
  await page.getByRole('region', { name: 'What differs' }).scrollIntoViewIfNeeded()
  await app.shot('scenarios-comparison-tables')
  await page.getByRole('region', { name: 'Budget and contingency per quarter' }).scrollIntoViewIfNeeded()
  await app.shot('scenarios-comparison-charts')

  // The base is unchanged: switch to it in the sidebar; its side (A) still has the roadmap's figures.
  await tree.getByRole('button', { name: builtinName, exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect(shares.locator('tbody tr').nth(0)).toContainText('Q1 2026100%50%')
  await expect(budget.locator('tbody tr').nth(0)).toContainText('€75,000.00€45,000.00')
  await expect(page.getByRole('region', { name: `A: ${builtinName}` })).toContainText('€415,000.00')
  await expect(page.locator('.compare-note')).toHaveCount(0)

  // Export the comparison to an xlsx.
  const file = join(app.userDataDir, 'comparison.xlsx')
  app.queueSave(file)
  await page.getByRole('button', { name: 'Export to Excel…' }).click()
  await expect(page.locator('.toast').getByText('Comparison exported')).toBeVisible()
  expect(existsSync(file)).toBe(true)
  const wb = XLSX.read(readFileSync(file))
  expect(wb.SheetNames).toEqual([
    'Summary',
    'Share deltas',
    'Budget deltas',
    'Schedule',
    'Added and removed',
    'Budget per quarter',
    'Checks'
  ])
  const shareRows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Share deltas'], { header: 1 })
  expect(shareRows.slice(1)).toEqual([
    ['DevOps Lead', 'Q1 2026', 1, 0.5, -0.5],
    ['DevOps Lead', 'Q2 2026', 0.5, 1, 0.5]
  ])

  // Promote: the new baseline carries the changes, the old one is archived.
  await page.getByRole('button', { name: 'Make baseline…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Make baseline' }).click()
  await expect(page.locator('.toast').getByText('“DevOps early” is now the baseline')).toBeVisible()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect(tree.getByRole('button', { name: 'DevOps early', exact: true })).toHaveCount(0)
  await tree.getByText(/Archived \(1\)/).click()
  const archivedList = tree.getByRole('list', { name: 'Archived' })
  await expect(archivedList.getByRole('button', { name: /^Before “DevOps early”/ })).toBeVisible()
  await app.shot('scenarios-sidebar-after-promote')
  // The baseline's History numbers its own changes from #1 and shows the scenario's two moves under the promotion.
  await app.goto('history')
  const entries = page.getByTestId('history-entry')
  await expect(entries.first().locator('.history-seq')).toHaveText(`#${await entries.count()}`)
  await expect(entries.last().locator('.history-seq')).toHaveText('#1')
  const steps = page.getByTestId('promoted-steps').getByRole('listitem')
  await expect(steps).toHaveCount(2)
  await expect(steps.first()).toContainText('DevOps Lead')
  await app.shot('history-after-promote')
  await app.goto('scenarios')
  // The Scenarios view now compares the archived old baseline (A) with the new baseline (B).
  await expect(
    page.getByRole('table', { name: 'Share per role and quarter' }).locator('tbody tr')
  ).toHaveCount(2)
  await expect(
    page.getByRole('table', { name: 'Budget per phase and quarter' }).locator('tbody tr')
  ).toHaveCount(2)

  // Compare the archived old baseline (A) with the new baseline (B): the same two deltas.
  await archivedList.getByRole('button', { name: /^Before “DevOps early”/ }).click()
  await app.goto('scenarios')
  await expect(
    page.getByRole('table', { name: 'Share per role and quarter' }).locator('tbody tr')
  ).toHaveCount(2)
  await expect(
    page.getByRole('table', { name: 'Budget per phase and quarter' }).locator('tbody tr')
  ).toHaveCount(2)
})

test('a scenario that schedules skalierung before integration shows the dependency warning', async ({
  app
}) => {
  const { page } = app
  await app.goto('scenarios')
  await branchScenario(app, 'Scale first')
  const builtinName = (await page
    .getByRole('combobox', { name: 'Compare (A)' })
    .locator('option:checked')
    .textContent())!
  await pickOption(app, 'Reschedule workstream', 'Workstream', /^skalierung ·/)
  const form = page.getByRole('form', { name: 'Reschedule workstream' })
  await form.getByLabel('First month').fill('2026-04')
  await form.getByRole('button', { name: 'Apply' }).click()

  const warnings = page.getByRole('list', { name: 'Dependency warnings: Scale first' })
  await expect(warnings).toContainText('skalierung starts Apr 2026, before integration ends (May 2026)')
  await expect(page.getByRole('table', { name: 'Workstreams whose schedule moved' })).toContainText(
    'skalierung'
  )
  // The base has none; the sidebar badges the scenario.
  await expect(page.getByRole('list', { name: `Dependency warnings: ${builtinName}` })).toHaveCount(0)
  await expect(plansTree(app).getByRole('img', { name: /dependency warning/ })).toBeVisible()
  await page.getByRole('region', { name: 'Each side' }).scrollIntoViewIfNeeded()
  await app.shot('scenarios-dependency-warning')

  // In German too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(page.getByRole('list', { name: 'Abhängigkeitswarnungen: Scale first' })).toContainText(
    'skalierung beginnt Apr. 2026, bevor integration endet (Mai 2026)'
  )
  await page.getByRole('region', { name: 'Was sich unterscheidet' }).scrollIntoViewIfNeeded()
  await app.shot('scenarios-de')
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')

  // The timeline of the scenario flags it too.
  await app.goto('timeline')
  await expect(page.getByTestId('violations')).toContainText(
    /skalierung[^\n]*starts before[^\n]*integration/i
  )
})

test('rename, duplicate and delete a scenario, with undo', async ({ app }) => {
  const { page } = app
  await app.goto('scenarios')
  await branchScenario(app, 'Draft')
  const tree = plansTree(app)
  await tree.getByRole('button', { name: 'Actions for Draft' }).click()
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  await page.getByRole('dialog', { name: 'Rename' }).getByLabel('Name').fill('Plan B')
  await page.getByRole('dialog', { name: 'Rename' }).getByRole('button', { name: 'Rename' }).click()
  await expect(tree.getByRole('button', { name: 'Plan B', exact: true })).toBeVisible()
  // The rename reports success with its Undo, never "That did not work".
  const renamed = page.locator('.toast').filter({ hasText: 'Renamed to “Plan B”' })
  await expect(renamed.getByRole('button', { name: 'Undo' })).toBeVisible()
  await expect(page.locator('.toast').filter({ hasText: /did not work|committed too early/ })).toHaveCount(0)
  await renamed.getByRole('button', { name: 'Undo' }).click()
  await expect(tree.getByRole('button', { name: 'Draft', exact: true })).toBeVisible()
  await expect(page.locator('.toast').filter({ hasText: /did not work|committed too early/ })).toHaveCount(0)
  await tree.getByRole('button', { name: 'Actions for Draft' }).click()
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  await page.getByRole('dialog', { name: 'Rename' }).getByLabel('Name').fill('Plan B')
  await page.getByRole('dialog', { name: 'Rename' }).getByRole('button', { name: 'Rename' }).click()
  await expect(tree.getByRole('button', { name: 'Plan B', exact: true })).toBeVisible()

  await tree.getByRole('button', { name: 'Actions for Plan B' }).click()
  await page.getByRole('menuitem', { name: 'Duplicate…' }).click()
  await page
    .getByRole('dialog', { name: 'Duplicate scenario' })
    .getByRole('button', { name: 'Create' })
    .click()
  await expect(tree.getByRole('button', { name: 'Plan B (copy)', exact: true })).toBeVisible()
  await app.shot('scenarios-sidebar')

  await tree.getByRole('button', { name: 'Actions for Plan B', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(tree.getByRole('button', { name: 'Plan B', exact: true })).toHaveCount(0)
  // The delete wrote a safety copy first.
  expect(
    readdirSync(join(app.userDataDir, 'backups')).filter((n) => n.endsWith('-delete.qmbackup'))
  ).toHaveLength(1)
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).last().click()
  await expect(tree.getByRole('button', { name: 'Plan B', exact: true })).toBeVisible()
})

test('applying chosen changes onto the base: one applies, a clashing one is refused with the reason', async ({
  app
}) => {
  const { page } = app
  const tree = plansTree(app)
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!

  // Two scenarios move the same budget line to different quarters.
  await branchScenario(app, 'Backup in Q3')
  await moveBackupLine(app, 'Q3 2026')

  await tree.getByRole('button', { name: builtinName, exact: true }).click()
  await branchScenario(app, 'Backup in Q4')
  await moveBackupLine(app, 'Q4 2026')

  // Apply the first scenario's change onto the base.
  await tree.getByRole('button', { name: 'Backup in Q3', exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('Backup in Q3')
  await page
    .getByRole('checkbox', {
      name: /Apply “Moved budget line “Backup \+ Disaster Recovery Setup” from Q1 2026 to Q3 2026”/
    })
    .check()
  await page.getByRole('button', { name: 'Apply chosen changes…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('.toast').getByText('1 change applied to “' + builtinName + '”')).toBeVisible()
  // Base and scenario now agree.
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible()

  // The second scenario's change no longer fits: the base moved that line since the branch.
  await tree.getByRole('button', { name: 'Backup in Q4', exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('Backup in Q4')
  await expect(page.locator('.compare-note')).toHaveText(
    'The base changed 1 time since this scenario branched from it.'
  )
  await page.getByRole('checkbox', { name: /Apply “Moved budget line/ }).check()
  await page.getByRole('button', { name: 'Apply chosen changes…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was applied' })
  await expect(alert).toContainText(
    'budget line “Backup + Disaster Recovery Setup”: it was changed in the base since the branch.'
  )
  await alert.scrollIntoViewIfNeeded()
  await app.shot('scenarios-apply-refused')
  // Nothing happened to the base: it still has the line in Q3, as the first scenario does.
  await tree.getByRole('button', { name: 'Backup in Q3', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible()
})

for (const path of ['Ctrl+Z', 'toolbar', 'Edit menu'] as const) {
  test(`after "Make baseline", undo by ${path} brings the scenario back as the toast's Undo does, and redo makes it the baseline again`, async ({
    app
  }) => {
    const { page } = app
    const tree = plansTree(app)
    const builtinName = await backupLaterMadeBaseline(app)
    await expect(tree.getByRole('button', { name: 'Backup later', exact: true })).toHaveCount(0)
    await expect(tree.getByText(/Archived \(1\)/)).toBeVisible()

    if (path === 'Ctrl+Z') {
      await page.locator('body').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('Control+z')
    } else if (path === 'toolbar') {
      await page.getByRole('banner').getByRole('button', { name: /Undo/ }).first().click()
    } else {
      await app.menu('undo')
    }
    // The scenario is back and open, the archived copy is gone, the base has its old figures.
    await expect(page.getByTestId('plan-name')).toHaveText('Backup later')
    await expect(tree.getByRole('button', { name: 'Backup later', exact: true })).toBeVisible()
    await expect(tree.getByText(/Archived/)).toHaveCount(0)
    await expect(page.locator('.toast').filter({ hasText: /did not work|failed/i })).toHaveCount(0)

    // Redo by the same path makes it the baseline again, the old one archived, as before the undo.
    if (path === 'Ctrl+Z') {
      await page.locator('body').click({ position: { x: 5, y: 5 } })
      await page.keyboard.press('Control+Shift+z')
    } else if (path === 'toolbar') {
      await page.getByRole('banner').getByRole('button', { name: /Redo/ }).first().click()
    } else {
      await app.menu('redo')
    }
    await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
    await expect(tree.getByRole('button', { name: 'Backup later', exact: true })).toHaveCount(0)
    await expect(tree.getByText(/Archived \(1\)/)).toBeVisible()
    await expect(
      page.locator('.toast').filter({ hasText: 'Redone: Made scenario “Backup later” the baseline' })
    ).toBeVisible()
    await expect(
      page.locator('.toast').filter({ hasText: /did not work|failed|Nothing to redo/i })
    ).toHaveCount(0)
  })
}

test('redo of an undone "Make baseline" after the scenario changed is refused with its own title and text, in English and German', async ({
  app
}) => {
  const { page } = app
  const tree = plansTree(app)
  const builtinName = await backupLaterMadeBaseline(app)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('plan-name')).toHaveText('Backup later')
  // A change in the scenario after the undo: its own move undone.
  await page.keyboard.press('Control+z')
  await expect(page.locator('.toast').filter({ hasText: 'Undone: Moved budget line' })).toBeVisible()

  await tree.getByRole('button', { name: builtinName, exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Shift+z')
  const refused = page.locator('.toast').filter({ hasText: 'Cannot make “Backup later” the baseline again' })
  await expect(refused).toContainText(
    '“Backup later” was changed or removed after “Make baseline” was undone, so redo would no longer make the same baseline. Nothing was changed.'
  )
  await expect(page.locator('.toast').filter({ hasText: 'Could not save' })).toHaveCount(0)
  // Nothing changed: the scenario is still there and the base is not archived.
  await expect(tree.getByRole('button', { name: 'Backup later', exact: true })).toBeVisible()
  await expect(tree.getByText(/Archived/)).toHaveCount(0)
  for (const size of [
    { width: 1280, height: 800 },
    { width: 960, height: 600 }
  ]) {
    await page.setViewportSize(size)
    await app.shot(`scenarios-redo-refused-en-${size.width}x${size.height}`)
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(
    page.locator('.toast').filter({ hasText: '„Backup later“ kann nicht wieder zur Basis werden' })
  ).toContainText('Nichts wurde geändert.')
  for (const size of [
    { width: 960, height: 600 },
    { width: 1280, height: 800 }
  ]) {
    await page.setViewportSize(size)
    await app.shot(`scenarios-redo-refused-de-${size.width}x${size.height}`)
  }
})

test('a deleted plan stays in Recently deleted after a restart and comes back with its changes', async ({
  app
}) => {
  const { page } = app
  const tree = plansTree(app)
  await app.goto('scenarios')
  await branchScenario(app, 'Kept for later')
  await moveBackupLine(app, 'Q3 2026')

  await tree.getByRole('button', { name: 'Actions for Kept for later' }).click()
  await page.getByRole('menuitem', { name: 'Delete…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(tree.getByRole('button', { name: 'Kept for later', exact: true })).toHaveCount(0)

  // A restart: the toast's 10-second Undo is gone, the deleted plan is not.
  await app.reload()
  await expect(page.getByTestId('plan-name')).not.toBeEmpty()
  await tree.getByText('Recently deleted (1)').click()
  const deleted = tree.getByRole('list', { name: 'Recently deleted' })
  await expect(deleted).toContainText('Kept for later')
  for (const lang of ['en', 'de'] as const) {
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await expect(
      page.getByText(lang === 'de' ? 'Zuletzt gelöscht (1)' : 'Recently deleted (1)')
    ).toBeVisible()
    for (const [w, h] of [
      [1280, 800],
      [960, 600]
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await app.shot(`recently-deleted-${lang}-${w}x${h}`)
    }
  }
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await deleted.getByRole('button', { name: 'Restore “Kept for later”' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText('Kept for later')
  await expect(tree.getByRole('button', { name: 'Kept for later', exact: true })).toBeVisible()
  await expect(tree.getByText(/Recently deleted/)).toHaveCount(0)
  // Its own change came back with it (undo still knows it).
  await page.keyboard.press('Control+z')
  await expect(
    page
      .locator('.toast')
      .filter({ hasText: /^Undone/ })
      .first()
  ).toBeVisible()
})

test('the “Scenario created” notice closes when the next dialog opens, in English and German', async ({
  app
}) => {
  const { page } = app
  await app.goto('overview')
  await branchScenario(app, 'Noticed')
  const notice = page.locator('.toast', { hasText: 'Scenario “Noticed” created' })
  await expect(notice).toBeVisible()
  await app.menu('import')
  await expect(page.getByRole('dialog', { name: 'Import spreadsheet' })).toBeVisible()
  // Well before its own 10 s are up.
  await expect(notice).toBeHidden({ timeout: 2_000 })
  await app.shot('scenario-notice-dialog-en-1280')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('scenario-notice-dialog-en-960')
  await page.keyboard.press('Escape')
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page
    .getByRole('navigation', { name: 'Pläne' })
    .getByRole('button', { name: /Neues Szenario aus/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Szenario abzweigen' })
  await dialog.getByLabel('Name').fill('Bemerkt')
  await dialog.getByRole('button', { name: 'Anlegen' }).click()
  const hinweis = page.locator('.toast', { hasText: 'Szenario „Bemerkt“ angelegt' })
  await expect(hinweis).toBeVisible()
  await app.menu('import')
  await expect(page.getByRole('dialog', { name: 'Tabelle importieren' })).toBeVisible()
  await expect(hinweis).toBeHidden({ timeout: 2_000 })
  await app.shot('scenario-notice-dialog-de-1280')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('scenario-notice-dialog-de-960')
})

test('a notice shown while the language switches reads in the new language, and its Undo still works', async ({
  app
}) => {
  const { page } = app
  await app.goto('overview')
  await branchScenario(app, 'Switched')
  const notice = page.locator('.toast')
  await expect(notice).toContainText('Scenario “Switched” created')
  await expect(notice).toContainText('You are now working in the scenario.')

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(notice).toContainText('Szenario „Switched“ angelegt')
  await expect(notice).toContainText('Sie arbeiten jetzt im Szenario.')
  await expect(notice).not.toContainText('created')
  await expect(notice.getByRole('button', { name: 'Schließen' })).toBeVisible()
  await shotBothSizes(app, 'scenario-notice-switched-de')

  await notice.getByRole('button', { name: 'Rückgängig' }).click()
  await expect(page.getByTestId('plan-name')).not.toHaveText('Switched')
  await expect(
    page.getByRole('navigation', { name: 'Pläne' }).getByRole('button', { name: 'Switched', exact: true })
  ).toHaveCount(0)
})

test('the quick moves pick their target quarter from a list of the plan’s quarters, in English and German', async ({
  app
}) => {
  const { page } = app
  await app.goto('overview')
  await branchScenario(app, 'Picked')
  await app.goto('scenarios')
  for (const lang of ['en', 'de'] as const) {
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const form = page.getByRole('form', {
      name: lang === 'en' ? 'Move budget line' : /Budgetposten verschieben/
    })
    const picker = form.getByRole('combobox', { name: lang === 'en' ? 'Target quarter' : 'Zielquartal' })
    const list = page.getByRole('listbox')
    // A resize closes the list: it is opened at each size.
    for (const [w, h] of [
      [960, 600],
      [1280, 800]
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await picker.scrollIntoViewIfNeeded()
      await picker.click()
      await expect(list).toBeVisible()
      await expect(list.getByRole('option')).toHaveText([
        'Q4 2025',
        'Q1 2026',
        'Q2 2026',
        'Q3 2026',
        'Q4 2026'
      ])
      await app.shot(`scenario-quick-quarter-${lang}-${w}`)
      if (w === 960) {
        await page.keyboard.press('Escape')
        await expect(list).toBeHidden()
      }
    }
    await list.getByRole('option', { name: 'Q3 2026' }).click()
    await expect(picker).toContainText('Q3 2026')
    await expect(list).toBeHidden()
  }
})
