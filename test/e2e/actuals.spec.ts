// Actual costs: a German bookings export imported in the wizard as the third kind, its cost
// centres placed (one asked for), kept-out bookings listed, then undone like any import.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'qm-actuals-e2e-'))

function bookings(name: string): string {
  const path = join(dir, name)
  writeFileSync(
    path,
    'Buchungsdatum;Kostenstelle;Konto;Betrag;Soll/Haben;Währung;Buchungstext\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;12.345,67;S;EUR;Migration consulting\n' +
      '20.11.2025;4100 Foundation;6815 Beratung;1.000,00;H;EUR;Gutschrift\n' +
      '01.12.2025;4110 Sicherheit;6300 Fremdleistung;8.000,10;S;CHF;Security audit\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;80.000,00;S;EUR;Grafana\n' +
      '16.01.2026;9000 Kantine;6000 Bewirtung;250,00;S;EUR;Team lunch\n' +
      '10.01.2027;4300 Integration;6300 Fremdleistung;999,00;S;EUR;next year\n' +
      ';4300 Integration;6300 Fremdleistung;50,00;S;EUR;no date\n' +
      'Summe;;;80.644,77;;;\n'
  )
  return path
}

test('a German bookings export imports as actual costs, asks for an unknown centre, and undoes', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  await app.menu('import')
  const wizard = page.getByRole('dialog', { name: 'Import spreadsheet' })
  app.queueOpen(bookings('buchungen.csv'))
  await wizard.getByRole('button', { name: 'Choose file…' }).click()
  const kind = wizard.getByTestId('import-kind')
  await expect(kind.getByLabel('Actual costs (bookings from finance)')).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const counts = wizard.getByTestId('actuals-counts')
  await expect(counts).toContainText('4 bookings add up to €99,905.78 in Q4 2025, Q1 2026')
  await expect(counts).toContainText('1 rows with problems, 1 total rows skipped')
  await expect(wizard.getByTestId('actuals-outside')).toContainText('Q1 2027: 1 bookings, €999.00')
  await expect(wizard.getByTestId('actuals-problems')).toContainText('Row 8, column A: no booking date')
  await expect(wizard.getByText('1 cost centres are not placed yet')).toBeVisible()
  await app.shot('actuals-wizard-en')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('actuals-wizard-en-960')
  await page.setViewportSize({ width: 1280, height: 800 })

  await wizard
    .getByRole('combobox', { name: 'Belongs to: 9000 Kantine' })
    .selectOption({ label: 'Phase 2: Operations' })
  await expect(counts).toContainText('5 bookings add up to €100,155.78')
  await wizard.getByRole('button', { name: 'Import 5 bookings' }).click()
  await expect(page.getByText('5 bookings imported from buchungen.csv', { exact: true })).toBeVisible({
    timeout: 30_000
  })
  await expect(wizard).toBeHidden()

  // The Budget view: plan against actual per phase and quarter, over plan in red, the burn chart.
  const pva = page.getByTestId('plan-vs-actual')
  await expect(page.getByTestId('actual-spent')).toHaveText('€100,155.78')
  await expect(pva.getByTestId('pva-1-2025-Q4')).toContainText('€19,905.78of €50,000.00')
  await expect(pva.getByTestId('pva-1-2025-Q4')).toContainText('€30,094.22 left')
  const over = pva.getByTestId('pva-2-2026-Q1')
  await expect(over).toContainText('€80,250.00of €75,000.00')
  await expect(over).toContainText('€5,250.00 over')
  await expect(over).toHaveClass(/text-danger/)
  // Open quarters at plan: 100,155.78 spent + 100,000 + 40,000 + 150,000.
  await expect(page.getByTestId('actual-forecast')).toHaveText('€390,155.78')
  await expect(page.getByTestId('burn-chart')).toBeVisible()
  await pva.scrollIntoViewIfNeeded()
  await app.shot('actuals-budget-en')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('actuals-budget-en-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('overview')
  await page.getByTestId('ov-spent').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('ov-spent')).toContainText('€100,155.78')
  await expect(page.getByTestId('ov-forecast')).toContainText('€390,155.78')
  await app.shot('actuals-overview-en')
  await app.goto('budget')

  // Again: the same quarters ask replace or add; cancel stores nothing.
  await app.menu('import')
  app.queueOpen(bookings('buchungen-2.csv'))
  await wizard.getByRole('button', { name: 'Choose file…' }).click()
  await expect(kind.getByLabel('Actual costs (bookings from finance)')).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  // The centre chosen last time is remembered.
  await expect(counts).toContainText('5 bookings add up to €100,155.78')
  await wizard.getByRole('button', { name: 'Import 5 bookings' }).click()
  const ask = page.getByRole('alertdialog', { name: 'Actual costs for these quarters exist' })
  await expect(ask).toContainText('Q4 2025, Q1 2026')
  await ask.getByRole('button', { name: 'Cancel' }).click()
  await expect(wizard).toBeVisible()
  await wizard.getByRole('button', { name: 'Close' }).click()
  await expect(wizard).toBeHidden()

  // Undo takes the import back like any other change.
  await page.keyboard.press('Control+z')
  await expect(page.getByText(/Imported actual costs: 5 bookings from buchungen\.csv/).first()).toBeVisible()
})

test('the actual-costs step speaks German', async ({ app }) => {
  const { page } = app
  await app.goto('budget')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await app.menu('import')
  const wizard = page.getByRole('dialog', { name: 'Tabelle importieren' })
  app.queueOpen(bookings('buchungen-de.csv'))
  await wizard.getByRole('button', { name: 'Datei wählen…' }).click()
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Ist-Kosten (Buchungen aus der Buchhaltung)')
  ).toBeChecked({
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('actuals-counts')).toContainText('4 Buchungen ergeben 99.905,78 €')
  await app.shot('actuals-wizard-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('actuals-wizard-de-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await wizard.getByRole('button', { name: '4 Buchungen importieren' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
  await expect(page.getByTestId('actual-spent')).toHaveText('99.905,78 €')
  await page.getByTestId('plan-vs-actual').scrollIntoViewIfNeeded()
  await app.shot('actuals-budget-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('actuals-budget-de-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('overview')
  await page.getByTestId('ov-spent').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('ov-spent')).toContainText('99.905,78 €')
  await app.shot('actuals-overview-de')
})
