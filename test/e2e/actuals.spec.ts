// Actual costs: a German bookings export imported in the wizard as the third kind, its cost
// centres placed (one asked for), kept-out bookings listed, then undone like any import.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { branchScenario, openImport, shotBothSizes } from './steps'

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
  const wizard = await openImport(app, bookings('buchungen.csv'), { view: 'budget' })
  const kind = wizard.getByTestId('import-kind')
  await expect(kind.getByLabel('Actual costs (bookings from finance)')).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const counts = wizard.getByTestId('actuals-counts')
  await expect(counts).toContainText('4 bookings add up to €99,905.78 in Q4 2025, Q1 2026')
  await expect(counts).toContainText('1 row with problems, 1 total row skipped')
  await expect(wizard.getByTestId('actuals-outside')).toContainText('Q1 2027: 1 booking, €999.00')
  await expect(wizard.getByTestId('actuals-problems')).toContainText('Row 8, column A: no booking date')
  await expect(wizard.getByText('1 cost centre is not placed yet')).toBeVisible()
  await shotBothSizes(app, 'actuals-wizard-en')

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
  await shotBothSizes(app, 'actuals-budget-en')
  // The budget board: each phase cell's actual and what is left, over plan in red.
  await app.goto('budget-board')
  const opsQ1 = page.getByRole('group', {
    name: /^Operations, Q1 2026: .*; actual €80,250\.00 of plan €75,000\.00, €5,250\.00 over$/
  })
  await expect(opsQ1.getByTestId('cell-actual')).toHaveText('Actual €80,250€5,250 over')
  await expect(opsQ1.getByTestId('cell-actual')).toHaveClass(/over/)
  const foundationQ4 = page.getByRole('group', {
    name: /^Foundation, Q4 2025: .*; actual €19,905\.78 of plan €50,000\.00, €30,094\.22 left$/
  })
  await expect(foundationQ4.getByTestId('cell-actual')).not.toHaveClass(/over/)
  await expect(page.getByTestId('board-actuals')).toContainText('€100,155.78')
  await expect(page.getByTestId('board-actuals')).toContainText('Forecast at completion €390,155.78')
  await page.getByTestId('board-actuals').scrollIntoViewIfNeeded()
  await shotBothSizes(app, 'actuals-board-en')
  // The three summary cards stay on one row at 960x600 beside the sidebar, in German too.
  const cardTops = () =>
    page
      .locator('.budget-summary > .summary-card')
      .evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)))
  await page.setViewportSize({ width: 960, height: 600 })
  await expect(page.locator('#app-sidebar')).toBeVisible()
  for (const lang of ['de', 'en'] as const) {
    if (lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    else await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
    await expect(page.getByTestId('caps-summary')).toContainText(lang === 'de' ? 'Obergrenze' : 'Cap')
    const tops = await cardTops()
    expect(tops).toHaveLength(3)
    expect(new Set(tops).size, `${lang}: cards at ${tops.join(', ')}`).toBe(1)
    if (lang === 'de') {
      await app.shot('actuals-board-de-960')
      await page.setViewportSize({ width: 1280, height: 800 })
      await app.shot('actuals-board-de')
      await page.setViewportSize({ width: 960, height: 600 })
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goto('overview')
  await page.getByTestId('ov-spent').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('ov-spent')).toContainText('€100,155.78')
  await expect(page.getByTestId('ov-forecast')).toContainText('€390,155.78')
  await app.shot('actuals-overview-en')
  await app.goto('budget')

  // Again: the same quarters ask replace or add; cancel stores nothing.
  await openImport(app, bookings('buchungen-2.csv'))
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
  // Nothing of the cancelled import was stored.
  await expect(page.getByTestId('actual-spent')).toHaveText('€100,155.78')

  // Undo takes the import back like any other change.
  await page.keyboard.press('Control+z')
  await expect(page.getByText(/Imported actual costs: 5 bookings from buchungen\.csv/).first()).toBeVisible()
})

test('the actual-costs step speaks German', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(app, bookings('buchungen-de.csv'), { view: 'budget', lang: 'de' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Ist-Kosten (Buchungen aus der Buchhaltung)')
  ).toBeChecked({
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('actuals-counts')).toContainText('4 Buchungen ergeben 99.905,78 €')
  await shotBothSizes(app, 'actuals-wizard-de')
  await wizard.getByRole('button', { name: '4 Buchungen importieren' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
  await expect(page.getByTestId('actual-spent')).toHaveText('99.905,78 €')
  await page.getByTestId('plan-vs-actual').scrollIntoViewIfNeeded()
  await shotBothSizes(app, 'actuals-budget-de')
  await app.goto('budget-board')
  await expect(page.getByTestId('board-actuals')).toContainText('99.905,78 €')
  await page.getByTestId('board-actuals').scrollIntoViewIfNeeded()
  await shotBothSizes(app, 'actuals-board-de')
  await app.goto('overview')
  await page.getByTestId('ov-spent').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('ov-spent')).toContainText('99.905,78 €')
  await app.shot('actuals-overview-de')
})

test('bad bookings are listed on their rows, outside quarters with their sums, and a cancelled import stores nothing', async ({
  app
}) => {
  const { page } = app
  const path = join(dir, 'buchungen-fehler.csv')
  writeFileSync(
    path,
    'Buchungsdatum;Kostenstelle;Konto;Buchungstext;Betrag;Währung\n' +
      '15.10.2025;4100 Foundation;6815 Beratung;Beratung;1.000,00;EUR\n' +
      '30.09.2025;4100 Foundation;6815 Beratung;Vorprojekt;2.500,00;EUR\n' +
      '15.09.2025;4100 Foundation;6815 Beratung;Vorprojekt;-500,00;EUR\n' +
      '15.01.2027;4500 Scale;6300 Fremdleistung;Vorauszahlung;1.000,00;CHF\n' +
      '20.10.2025;4100 Foundation;6815 Beratung;Beleg fehlt;;EUR\n' +
      ';4200 Operations;6500 Lizenzen;ohne Datum;50,00;EUR\n' +
      'Summe;;;;5.050,00;\n'
  )
  await app.goto('budget')
  await expect(page.getByTestId('plan-vs-actual')).toBeVisible()
  const wizard = await openImport(app, path)
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Actual costs (bookings from finance)')
  ).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const counts = wizard.getByTestId('actuals-counts')
  await expect(counts).toContainText('1 booking adds up to €1,000.00 in Q4 2025')
  await expect(counts).toContainText('2 rows with problems, 1 total row skipped')
  const outside = wizard.getByTestId('actuals-outside')
  // Two Q3 2025 bookings (2,500.00 - 500.00) and CHF 1,000.00 at 1.07 in Q1 2027.
  await expect(outside).toContainText('Q3 2025: 2 bookings, €2,000.00')
  await expect(outside).toContainText('Q1 2027: 1 booking, €1,070.00')
  const problems = wizard.getByTestId('actuals-problems')
  await expect(problems).toContainText('Row 6, column E: no amount')
  await expect(problems).toContainText('Row 7, column A: no booking date')
  await app.shot('actuals-wizard-problems-en')
  await wizard.getByRole('button', { name: 'Close' }).click()
  await expect(wizard).toBeHidden()
  // Cancelled: no actuals, no history entry.
  await expect(page.getByTestId('plan-vs-actual')).toContainText('No actual costs')
  await expect(page.getByTestId('actual-spent')).toHaveCount(0)
  await app.goto('history')
  await expect(page.getByText(/Imported actual costs/)).toHaveCount(0)
})

test('a scenario comparison shows both sides’ forecasts from the base plan’s actuals', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(app, bookings('buchungen-s.csv'), { view: 'budget' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Actual costs (bookings from finance)')
  ).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Import 4 bookings' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
  await branchScenario(app, 'Later scale')
  // The scenario's Budget view shows its base's actuals.
  await app.goto('budget')
  await expect(page.getByTestId('actual-spent')).toHaveText('€99,905.78')
  await app.goto('scenarios')
  // 99,905.78 spent through Q1 2026; open quarters at plan 290,000.
  await expect(page.getByTestId('forecast-a')).toHaveText('€389,905.78')
  await expect(page.getByTestId('forecast-b')).toHaveText('€389,905.78')
  await expect(page.getByTestId('actual-b')).toHaveText('€99,905.78')
  // The toasts of the import and the branch would cover the side cards.
  await expect(page.locator('.toast-close')).toHaveCount(0, { timeout: 20_000 })
  await page.getByTestId('forecast-a').scrollIntoViewIfNeeded()
  await app.shot('actuals-scenarios-en')
  await page.setViewportSize({ width: 960, height: 600 })
  await page.getByTestId('forecast-a').scrollIntoViewIfNeeded()
  await app.shot('actuals-scenarios-en-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await expect(page.getByTestId('forecast-b')).toHaveText('389.905,78 €')
  await app.shot('actuals-scenarios-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await page.getByTestId('forecast-a').scrollIntoViewIfNeeded()
  await app.shot('actuals-scenarios-de-960')
})

test('removing a phase that has actual costs says so, and its actuals go with its work', async ({ app }) => {
  const { page } = app
  await page.setViewportSize({ width: 1280, height: 800 })
  const wizard = await openImport(app, bookings('buchungen-remove.csv'), { view: 'budget' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Actual costs (bookings from finance)')
  ).toBeChecked({
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard
    .getByRole('combobox', { name: 'Belongs to: 9000 Kantine' })
    .selectOption({ label: 'Phase 2: Operations' })
  await wizard.getByRole('button', { name: 'Import 5 bookings' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
  await expect(page.getByTestId('actual-spent')).toHaveText('€100,155.78')

  await app.goto('timeline')
  await page.getByRole('button', { name: 'Remove Phase 1: Foundation' }).click()
  const dialog = page.getByRole('dialog', { name: 'Remove “Foundation”?' })
  await expect(dialog).toContainText(
    'Its actual costs (€19,905.78 in one quarter) stay: they go where its work goes, or to the phase holding their quarter.'
  )
  await app.shot('remove-phase-actuals-en-1280')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('remove-phase-actuals-en-960')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('button', { name: 'Phase 1: Foundation entfernen' }).click()
  const de = page.getByRole('dialog', { name: '„Foundation“ entfernen?' })
  await expect(de).toContainText('Ihre Ist-Kosten (19.905,78 € in einem Quartal) bleiben erhalten')
  await app.shot('remove-phase-actuals-de-960')
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.shot('remove-phase-actuals-de-1280')
  await page.keyboard.press('Escape')
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')

  // Its work moves to Operations (the first choice), and so do its actuals: nothing spent is lost.
  await page.getByRole('button', { name: 'Remove Phase 1: Foundation' }).click()
  await dialog.getByRole('button', { name: 'Remove phase' }).click()
  await expect(dialog).toBeHidden()
  await app.goto('budget')
  await expect(page.getByTestId('actual-spent')).toHaveText('€100,155.78')
  await expect(page.getByTestId('pva-2-2025-Q4')).toContainText('€19,905.78of €50,000.00')
  // One undo brings the phase and its actuals back.
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('pva-1-2025-Q4')).toContainText('€19,905.78of €50,000.00')
  await expect(page.getByTestId('actual-spent')).toHaveText('€100,155.78')
})
