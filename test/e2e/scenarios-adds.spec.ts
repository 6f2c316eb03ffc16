// Scenarios with adds and removes, not only moves (issue 16 item 5): a scenario adds a role and a
// budget line and removes a workstream with its allocations; the comparison lists what was added and
// removed; "Make baseline" and "Apply chosen changes" carry exactly that onto the base, and undo and
// History's revert take it back. Every step by the labels on screen.
import { test, expect, type Harness } from './fixtures'
import { addRole, branchScenario, plansTree } from './steps'

/** In the open plan: add the role Data Engineer, add a €17,500 line, remove the workstream skalierung. */
async function addAndRemove(app: Harness) {
  const { page } = app
  await app.goto('team')
  await addRole(app, 'Data Engineer')
  await expect(page.getByRole('rowheader', { name: 'Data Engineer' })).toBeVisible()

  await app.goto('budget')
  await page.getByRole('button', { name: 'Add budget line' }).click()
  const line = page.getByTestId('line-form')
  await line.getByLabel('Title').fill('Data platform licences')
  await line.getByLabel('Phase').selectOption({ label: 'Phase 2: Operations' })
  await line.getByLabel('Quarter').selectOption({ label: 'Q1 2026' })
  await line.getByLabel('Amount').fill('17500')
  await line.getByRole('button', { name: 'Add budget line' }).click()
  await expect(line).toBeHidden()
  await expect(page.getByTestId('budget-total')).toHaveText('€432,500')

  await app.goto('timeline')
  await page.getByRole('button', { name: 'Remove skalierung' }).click()
  const remove = page.getByTestId('remove-workstream')
  await expect(remove).toContainText('Affected: 3 allocations')
  await remove.getByRole('button', { name: 'Remove workstream' }).click()
  await expect(page.getByTestId('bar-skalierung')).toHaveCount(0)
}

/** What the open plan holds of the three changes. */
async function holds(app: Harness) {
  const { page } = app
  await app.goto('team')
  const role = await page.getByRole('rowheader', { name: 'Data Engineer' }).count()
  // Cloud Architect works only on skalierung: its FTE-quarters say whether that work is still there.
  const cloud = await page
    .getByRole('row', { name: /^Cloud Architect/ })
    .locator('td.fte-total')
    .innerText()
  await app.goto('budget')
  const total = await page.getByTestId('budget-total').innerText()
  const line = await page.getByText('Data platform licences').count()
  await app.goto('timeline')
  const workstream = await page.getByTestId('bar-skalierung').count()
  return { role: role > 0, line: line > 0, total, workstream: workstream > 0, cloudArchitect: cloud }
}

const BUILT_IN = {
  role: false,
  line: false,
  total: '€415,000',
  workstream: true,
  cloudArchitect: '1.00'
}
const ALL_THREE = {
  role: true,
  line: true,
  total: '€432,500',
  workstream: false,
  cloudArchitect: '0.00'
}

test('a scenario that adds a role and a line and removes a workstream: compared, made the baseline, undone', async ({
  app
}) => {
  const { page } = app
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!
  await branchScenario(app, 'Data team')
  await addAndRemove(app)

  await app.goto('scenarios')
  const listed = page.getByRole('table', { name: 'Added and removed' })
  await expect(listed.locator('tr')).toHaveText([
    /Workstream\s*skalierung.*Removed in B/,
    /Role\s*Data Engineer\s*Added in B/,
    /Budget line\s*Data platform licences\s*Added in B/
  ])
  // The removed workstream's allocations show as shares that left.
  const shares = page.getByRole('table', { name: 'Share per role and quarter' })
  await expect(shares.getByRole('row', { name: /Cloud Architect\s*Q4 2026\s*100%\s*0%/ })).toHaveCount(1)
  await listed.scrollIntoViewIfNeeded()
  await app.shot('scenarios-added-removed-en-1280')

  await page.getByRole('button', { name: 'Make baseline…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Make baseline' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect.poll(() => holds(app), { timeout: 15_000 }).toEqual(ALL_THREE)

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('plan-name')).toHaveText('Data team')
  await plansTree(app).getByRole('button', { name: builtinName, exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect.poll(() => holds(app), { timeout: 15_000 }).toEqual(BUILT_IN)

  // Made the baseline again, then taken back from History: a revert is a new entry on the base.
  await app.goto('scenarios')
  await page.getByRole('button', { name: 'Make baseline…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Make baseline' }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect.poll(() => holds(app), { timeout: 15_000 }).toEqual(ALL_THREE)
  await app.goto('history')
  const entry = page
    .getByTestId('history-entry')
    .filter({ hasText: 'Made scenario “Data team” the baseline' })
  await entry.getByRole('button', { name: /^Revert change #\d+:/ }).click()
  const confirm = page.getByRole('alertdialog')
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Revert/ }).click()
  await expect(page.locator('.toast').getByText(/^Reverted:/)).toBeVisible()
  await expect.poll(() => holds(app), { timeout: 15_000 }).toEqual(BUILT_IN)
})

test('applying only some of a scenario’s adds and removes: the base gets exactly those; History reverts them', async ({
  app
}) => {
  const { page } = app
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!
  await branchScenario(app, 'Data team')
  await addAndRemove(app)

  // The role and the removed workstream, not the budget line.
  await app.goto('scenarios')
  await page.getByRole('checkbox', { name: 'Apply “Added the role Data Engineer”' }).check()
  await page.getByRole('checkbox', { name: 'Apply “Removed the workstream skalierung”' }).check()
  await page.getByRole('button', { name: 'Apply chosen changes…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('.toast').getByText(`2 changes applied to “${builtinName}”`)).toBeVisible()
  // What is left between base and scenario is the line alone.
  const listed = page.getByRole('table', { name: 'Added and removed' })
  await expect(listed.locator('tr')).toHaveCount(1)
  await expect(listed).toContainText('Data platform licences')

  await plansTree(app).getByRole('button', { name: builtinName, exact: true }).click()
  await expect(page.getByTestId('plan-name')).toHaveText(builtinName)
  await expect
    .poll(() => holds(app), { timeout: 15_000 })
    .toEqual({ ...BUILT_IN, role: true, workstream: false, cloudArchitect: '0.00' })
  await app.shot('scenarios-applied-some-en-1280')

  await app.goto('history')
  const entry = page.getByTestId('history-entry').filter({ hasText: 'from scenario “Data team”' })
  await expect(entry).toHaveCount(1)
  await entry.getByRole('button', { name: /^Revert change #\d+:/ }).click()
  const confirm = page.getByRole('alertdialog')
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Revert/ }).click()
  await expect(page.locator('.toast').getByText(/^Reverted:/)).toBeVisible()
  await expect.poll(() => holds(app), { timeout: 15_000 }).toEqual(BUILT_IN)

  // Undoing the revert brings the two changes back; undoing the apply takes them away; redo again.
  const press = async (keys: string) => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(keys)
  }
  const PICKED = { ...BUILT_IN, role: true, workstream: false, cloudArchitect: '0.00' }
  await press('Control+z')
  await expect.poll(() => holds(app)).toEqual(PICKED)
  await press('Control+z')
  await expect.poll(() => holds(app)).toEqual(BUILT_IN)
  await press('Control+Shift+z')
  await expect.poll(() => holds(app)).toEqual(PICKED)

  // The line the base did not take can still be applied on its own.
  await plansTree(app).getByRole('button', { name: 'Data team', exact: true }).click()
  await app.goto('scenarios')
  await page.getByRole('checkbox', { name: 'Apply “Added the budget line “Data platform licences””' }).check()
  await page.getByRole('button', { name: 'Apply chosen changes…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('.toast').getByText(`1 change applied to “${builtinName}”`)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No differences' })).toBeVisible()
})

test('a workstream removal the base has moved on from is refused with the reason, and the base keeps it', async ({
  app
}) => {
  const { page } = app
  await app.goto('scenarios')
  const builtinName = (await page.getByTestId('plan-name').textContent())!
  await branchScenario(app, 'Without scaling')
  await app.goto('timeline')
  await page.getByRole('button', { name: 'Remove skalierung' }).click()
  await page.getByTestId('remove-workstream').getByRole('button', { name: 'Remove workstream' }).click()
  await expect(page.getByTestId('bar-skalierung')).toHaveCount(0)

  // Meanwhile the base gives skalierung more work.
  await plansTree(app).getByRole('button', { name: builtinName, exact: true }).click()
  await app.goto('team')
  await page.getByRole('button', { name: 'Add allocation' }).click()
  const form = page.getByTestId('allocation-form')
  await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Legal Advisor' })
  const ws = form.getByLabel('Workstream')
  const label = (await ws.locator('option').allTextContents()).find((o) => o.startsWith('skalierung'))!
  await ws.selectOption({ label })
  await form.getByLabel('Quarter').selectOption({ label: 'Q4 2026' })
  await form.getByLabel('Share (% of an FTE)').fill('25')
  await form.getByRole('button', { name: 'Add allocation' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByRole('row', { name: /^Legal Advisor/ }).locator('td.fte-total')).toHaveText('0.50')

  await plansTree(app).getByRole('button', { name: 'Without scaling', exact: true }).click()
  await app.goto('scenarios')
  await page.getByRole('checkbox', { name: 'Apply “Removed the workstream skalierung”' }).check()
  await page.getByRole('button', { name: 'Apply chosen changes…' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was applied' })
  await expect(alert).toContainText(
    'Workstream “skalierung”: in the base Legal Advisor on skalierung in Q4 2026 still refers to it'
  )
  await alert.scrollIntoViewIfNeeded()
  await app.shot('scenarios-apply-still-referenced-en-1280')

  // The base still has the workstream and both its old and its new work.
  await plansTree(app).getByRole('button', { name: builtinName, exact: true }).click()
  await app.goto('timeline')
  await expect(page.getByTestId('bar-skalierung')).toBeVisible()
  await app.goto('team')
  await expect(page.getByRole('row', { name: /^Legal Advisor/ }).locator('td.fte-total')).toHaveText('0.50')
  await expect(page.getByRole('row', { name: /^Cloud Architect/ }).locator('td.fte-total')).toHaveText('1.00')
})
