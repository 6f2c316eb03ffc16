// The import wizard end to end: the German budget sheet (title block above the header on row 4,
// German number text, one CHF line, one bad row) into the current plan, then undo.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test, expect } from './fixtures'
import { importWizard, openImport } from './steps'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url))

test('importing the German budget sheet: correct the title column, see the bad row explained, commit, new totals, undo', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  await expect(page.getByTestId('phase-total-1')).toHaveText('€50,000')
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')

  await app.menu('import')
  const wizard = importWizard(app)
  await expect(wizard).toBeVisible()
  app.queueOpen(fixture('budget-de.xlsx'))
  await wizard.getByRole('button', { name: 'Choose file…' }).click()

  // Sheet and header: the title block is skipped, the header found on row 4.
  // The first read waits for the parse worker to start: allow it a moment.
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 4 holds the column titles', {
    timeout: 30_000
  })
  await expect(wizard.getByRole('option', { name: /Budget 2026/ })).toHaveAttribute('aria-selected', 'true')
  await app.shot('import-1-sheet')
  await wizard.getByRole('button', { name: 'Next' }).click()

  // Columns: "Leistungsbeschreibung" is not a known title; the user maps it.
  const title = wizard.getByRole('combobox', { name: 'Title' })
  await expect(title).toHaveValue('')
  await expect(wizard.getByRole('combobox', { name: 'Amount', exact: true })).toHaveValue('5')
  await title.selectOption({ label: 'E: Leistungsbeschreibung' })
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '5 rows ready, 1 with problems, 1 total row skipped'
  )
  await app.shot('import-2-mapping')
  await wizard.getByRole('button', { name: 'Next' }).click()

  // Preview: parsed values, the CHF line, and the bad row with what, where and why.
  const preview = wizard.getByTestId('import-preview')
  await expect(preview.locator('tr[data-row="6"]')).toContainText('Grafana Enterprise Lizenz')
  await expect(preview.locator('tr[data-row="6"]')).toContainText('€12,800.50')
  await expect(preview.locator('tr[data-row="8"]')).toContainText('CHF')
  await expect(preview.locator('tr[data-row="9"]')).toContainText('Q5 2026')
  await expect(preview.locator('tr[data-row="9"]')).toContainText(
    `Sheet 'Budget 2026', row 9, column C (Quarter): "Q5 2026" is not a quarter`
  )
  await expect(wizard.getByTestId('import-counts')).toContainText('5 ready')
  await expect(wizard.getByTestId('import-counts')).toContainText('1 with problems')
  await app.shot('import-3-preview')

  // The skipped rows can be saved as an xlsx error report.
  const dir = mkdtempSync(join(tmpdir(), 'qm-import-e2e-'))
  app.queueSave(join(dir, 'skipped.xlsx'))
  await wizard.getByRole('button', { name: 'Save error report…' }).click()
  await expect(page.locator('.toast-title', { hasText: 'Error report saved' })).toBeVisible()
  expect(existsSync(join(dir, 'skipped.xlsx'))).toBe(true)

  // Nothing is written until the user skips the bad row and commits.
  const commit = wizard.getByRole('button', { name: 'Import 5 rows' })
  await expect(commit).toBeDisabled()
  await wizard.getByRole('checkbox', { name: 'Skip rows with problems (1)' }).check()
  await commit.click()
  await expect(wizard).toBeHidden()
  await expect(page.locator('.toast-title', { hasText: 'Imported 5 rows from budget-de.xlsx' })).toBeVisible()
  // A safety backup of everything was written before the import.
  expect(
    readdirSync(join(app.userDataDir, 'backups')).filter((f) => f.endsWith('-import.qmbackup'))
  ).toHaveLength(1)
  await expect(page.getByTestId('phase-total-1')).toHaveText('€54,250')
  await expect(page.getByTestId('budget-total')).toHaveText('€453,289.04')
  await app.shot('import-4-budget-after')

  // One undo removes the whole import.
  await page.locator('.topbar-actions').getByRole('button', { name: /Undo/ }).click()
  await expect(page.getByTestId('phase-total-1')).toHaveText('€50,000')
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
})

test('importing into a new plan: only the problem rows on request, then a plan of the sheet’s own phases', async ({
  app
}) => {
  const { page } = app
  const wizard = await openImport(app, fixture('budget-de.xlsx'), { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 4 holds the column titles', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toContainText('5 rows ready')
  await wizard.getByRole('button', { name: 'Next' }).click()

  const preview = wizard.getByTestId('import-preview')
  await expect(preview.locator('tbody tr[data-row]')).toHaveCount(6)
  await wizard.getByRole('checkbox', { name: 'Show only rows with problems' }).check()
  await expect(preview.locator('tbody tr[data-row]')).toHaveCount(1)
  await expect(preview.locator('tr[data-row="9"]')).toContainText('is not a quarter')

  await wizard.getByRole('radio', { name: 'A new plan' }).check()
  await wizard.getByRole('checkbox', { name: 'Skip rows with problems (1)' }).check()
  await wizard.getByRole('button', { name: 'Import 5 rows' }).click()
  await expect(wizard).toBeHidden()
  await expect(page.getByTestId('plan-name')).toHaveText('budget-de.xlsx (import)')
  // The five lines, the CHF one at the plan's 1.07 EUR per CHF.
  await expect(page.getByTestId('budget-total')).toHaveText('€38,289.04')
})

test('a password-protected file is explained and leaves the plan as it was', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(app, fixture('calamine/pass_protected.xlsx'), { view: 'budget' })
  await expect(wizard.getByTestId('import-failure')).toContainText('password-protected', { timeout: 30_000 })
  await app.shot('import-failure-encrypted')
  await wizard.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
})

test('the wizard speaks German', async ({ app }) => {
  const wizard = await openImport(app, fixture('budget-de.xlsx'), { view: 'budget', lang: 'de' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Zeile 4 enthält die Spaltentitel', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByRole('combobox', { name: 'Betrag', exact: true })).toHaveValue('5')
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('import-preview').locator('tr[data-row="9"]')).toContainText(
    `Blatt 'Budget 2026', Zeile 9, Spalte C (Quartal): "Q5 2026" ist kein Quartal`
  )
  await app.shot('import-3-preview-de')
})

test('dropping a spreadsheet on the window opens the wizard with it', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  const path = fixture('budget-de.xlsx')
  await page.evaluate((p) => {
    const w = window as unknown as { __qmDropped: Record<string, string> }
    w.__qmDropped['budget-de.xlsx'] = p
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array([0x50, 0x4b])], 'budget-de.xlsx'))
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }))
  }, path)
  const wizard = importWizard(app)
  // The first read waits for the parse worker to start: allow it a moment.
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 4 holds the column titles', {
    timeout: 30_000
  })
})

test('a spreadsheet chosen under File > Open recent opens the wizard with it', async ({ app }) => {
  await app.goto('budget')
  const path = fixture('budget-de.xlsx')
  await app.openRecent(path)
  const wizard = importWizard(app)
  await expect(wizard).toContainText('budget-de.xlsx')
})

test('a path the page names that the user never chose is refused with a clear error', async ({ app }) => {
  const { page } = app
  await app.goto('overview')
  const r = await page.evaluate(
    (p) => window.api.invoke('import:open', { taskId: 'x', path: p }),
    fixture('budget-de.xlsx')
  )
  expect(r).toMatchObject({ ok: false, error: { code: 'refused' } })
  expect(JSON.stringify(r)).toContain('was not chosen in this session')
})

test('a cell longer than a plan keeps is imported shortened, marked in the preview', async ({ app }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'qm-long-')), 'long.csv')
  writeFileSync(path, `Phase,Quarter,Title,Amount\nPhase 1,Q1 2026,${'Long title '.repeat(60)},100\n`)
  const wizard = await openImport(app, path, { view: 'budget' })
  await wizard.getByRole('button', { name: 'Next' }).click({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const row = wizard.getByTestId('import-preview').locator('tr[data-row="2"]')
  await expect(row.getByTestId('shortened-mark')).toHaveText('shortened')
  await expect(row).toContainText('its first 500 characters are imported')
  await app.shot('import-preview-shortened')
})

test('a sheet in thousands ("Plan TEUR") says so on the mapping step, in English and German', async ({
  app
}) => {
  const { page } = app
  const finance = fileURLToPath(new URL('../fixtures/finance/de-plan-teur.csv', import.meta.url))
  let wizard = await openImport(app, finance, { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 3 holds the column titles', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('import-scale')).toHaveText(
    'Amounts in thousands (from the amount header “Plan TEUR”): 12,5 → €12,500.00. Each amount is multiplied by 1,000.'
  )
  await expect(wizard.getByRole('combobox', { name: 'Amounts written' })).toHaveValue('1000')
  await app.shot('import-thousands-en')
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  wizard = await openImport(app, finance, { lang: 'de' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Zeile 3 enthält die Spaltentitel', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('import-scale')).toHaveText(
    'In Tausend (aus dem Titel der Betragsspalte „Plan TEUR“): 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.'
  )
  await app.shot('import-thousands-de')
})
