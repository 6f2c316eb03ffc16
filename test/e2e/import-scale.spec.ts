// Amounts written in thousands in the wizard: a bookings export in TEUR read as actual costs in
// thousands (and set back to "as written"), a plan sheet whose line above the table names its unit,
// one where "5 Mio. Kunden" above the table is no unit, and the user's own "in thousands" choice.
// English and German at 1280x800 and 960x600.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { openImport, shotBothSizes } from './steps'

const dir = mkdtempSync(join(tmpdir(), 'qm-scale-e2e-'))

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const bookingsTeur = () =>
  file(
    'buchungen-teur.csv',
    'Buchungsdatum;Kostenstelle;Konto;Betrag (TEUR);Soll/Haben\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;12,5;S\n' +
      '20.11.2025;4100 Foundation;6815 Beratung;1,25;H\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;2,5;S\n'
  )

const bookingsTwoAmounts = () =>
  file(
    'buchungen-zwei-betraege.csv',
    'Buchungsdatum;Kostenstelle;Konto;Betrag (TEUR);Betrag EUR;Soll/Haben\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;12,5;12500;S\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;2,5;2500;S\n'
  )

const planAbove = () =>
  file(
    'plan-above.csv',
    'Kostenplan 2026;Alle Beträge in Tausend Euro\n\nPhase;Quartal;Kategorie;Betrag\nPhase 2;Q1 2026;Cloud;12,5\nPhase 3;Q2 2026;Lizenzen;0,75\n'
  )

const planCustomers = () =>
  file(
    'plan-kunden.csv',
    'Plattform für 5 Mio. Kunden\n\nPhase;Quartal;Kategorie;Betrag\nPhase 2;Q1 2026;Cloud;12,5\n'
  )

const planAndActual = () =>
  file(
    'plan-ist.csv',
    'Phase;Quartal;Kategorie;Plan (TEUR);Ist\nPhase 2;Q1 2026;Cloud;12,5;13000\nPhase 3;Q2 2026;Lizenzen;0,75;800\n'
  )

const staffingWithCosts = () =>
  file(
    'staffing-costs.csv',
    'Rolle;Arbeitspaket;Quartal;Anteil;Kategorie;Kosten TEUR\nDevOps Lead;WS1;Q1 2026;50 %;Cloud;12,5\n'
  )

const T = {
  en: {
    next: 'Next',
    written: 'Amounts written',
    amount: 'Amount',
    budget: 'Budget lines',
    teur: 'Amounts in thousands (from the amount header “Plan (TEUR)”): 12,5 → €12,500.00. Each amount is multiplied by 1,000.',
    millions:
      'Amounts in millions, as you chose: 12,5 → €12,500,000.00. Each amount is multiplied by 1,000,000.',
    kosten:
      'Amounts in thousands (from the amount header “Kosten TEUR”): 12,5 → €12,500.00. Each amount is multiplied by 1,000.'
  },
  de: {
    next: 'Weiter',
    written: 'Beträge geschrieben',
    amount: 'Betrag',
    budget: 'Budgetposten',
    teur: 'In Tausend (aus dem Titel der Betragsspalte „Plan (TEUR)“): 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.',
    millions:
      'In Millionen, wie gewählt: 12,5 → 12.500.000,00 €. Jeder Betrag wird mit 1.000.000 multipliziert.',
    kosten:
      'In Tausend (aus dem Titel der Betragsspalte „Kosten TEUR“): 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.'
  }
} as const

test('a bookings export in TEUR imports as actual costs in thousands; "as written" takes it back', async ({
  app
}) => {
  const wizard = await openImport(app, bookingsTeur(), { view: 'budget' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Actual costs (bookings from finance)')
  ).toBeChecked({
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const counts = wizard.getByTestId('actuals-counts')
  // 12,5 - 1,25 TEUR in Q4 2025, 2,5 TEUR in Q1 2026
  await expect(counts).toContainText('3 bookings add up to €13,750.00 in Q4 2025, Q1 2026')
  const scale = wizard.getByRole('combobox', { name: 'Amounts written' })
  await expect(scale).toHaveValue('1000')
  await expect(wizard.getByTestId('import-scale')).toHaveText(
    // The sheet's own first amount as written ("12,5"), not a made-up English "12.5".
    'Amounts in thousands (from the amount header “Betrag (TEUR)”): 12,5 → €12,500.00. Each amount is multiplied by 1,000.'
  )
  await shotBothSizes(app, 'import-scale-actuals-en')
  await scale.selectOption({ label: 'as written' })
  await expect(counts).toContainText('3 bookings add up to €13.75 in Q4 2025, Q1 2026')
  await expect(wizard.getByTestId('import-scale')).toHaveText(
    'The sheet names thousands (from the amount header “Betrag (TEUR)”); its amounts are read as written.'
  )
  await scale.selectOption({ label: 'in thousands' })
  await expect(counts).toContainText('€13,750.00')
  await wizard.getByRole('button', { name: 'Import 3 bookings' }).click()
  await expect(
    app.page.getByText('3 bookings imported from buchungen-teur.csv', { exact: true })
  ).toBeVisible({
    timeout: 30_000
  })
})

test('the actual-costs step in German: TEUR bookings in thousands', async ({ app }) => {
  const wizard = await openImport(app, bookingsTeur(), { view: 'budget', lang: 'de' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Ist-Kosten (Buchungen aus der Buchhaltung)')
  ).toBeChecked({
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('actuals-counts')).toContainText('13.750,00 €')
  await expect(wizard.getByTestId('import-scale')).toHaveText(
    'In Tausend (aus dem Titel der Betragsspalte „Betrag (TEUR)“): 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.'
  )
  await shotBothSizes(app, 'import-scale-actuals-de')
})

const bookingsChf = () =>
  file(
    'buchungen-chf.csv',
    'Buchungsdatum;Kostenstelle;Konto;Betrag;Währung\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;;CHF\n' +
      '15.10.2025;4100 Foundation;6815 Beratung;3,75;CHF\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;2,5;CHF\n'
  )

for (const lang of ['en', 'de'] as const) {
  test(`the actual-costs step shows the sheet's own first amount as its example (${lang})`, async ({
    app
  }) => {
    const wizard = await openImport(app, bookingsChf(), { view: 'budget', lang })
    await expect(
      wizard
        .getByTestId('import-kind')
        .getByLabel(
          lang === 'en'
            ? 'Actual costs (bookings from finance)'
            : 'Ist-Kosten (Buchungen aus der Buchhaltung)'
        )
    ).toBeChecked({ timeout: 30_000 })
    await wizard.getByRole('button', { name: lang === 'en' ? 'Next' : 'Weiter' }).click()
    const scale = wizard.getByRole('combobox', {
      name: lang === 'en' ? 'Amounts written' : 'Beträge geschrieben'
    })
    await expect(scale).toHaveValue('1')
    await expect(wizard.getByTestId('import-scale')).toHaveCount(0)
    // No unit named: the user says thousands, and the note reads the first amount with a value in
    // its own currency (row 2 has none), not a made-up 12.5.
    await scale.selectOption('1000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(
      lang === 'en'
        ? 'Amounts in thousands, as you chose: 3,75 → CHF 3,750.00. Each amount is multiplied by 1,000.'
        : 'In Tausend, wie gewählt: 3,75 → 3.750,00 CHF. Jeder Betrag wird mit 1.000 multipliziert.'
    )
    await scale.selectOption('1000000')
    await expect(wizard.getByTestId('import-scale')).toContainText(
      lang === 'en' ? '3,75 → CHF 3,750,000.00' : '3,75 → 3.750.000,00 CHF'
    )
    await shotBothSizes(app, `import-scale-actuals-example-${lang}`)
  })
}

for (const lang of ['en', 'de'] as const) {
  test(`a plan sheet says which line above the table named its unit (${lang})`, async ({ app }) => {
    const wizard = await openImport(app, planAbove(), { view: 'budget', lang: lang })
    await expect(wizard.getByTestId('header-row')).toContainText('3', { timeout: 30_000 })
    await wizard.getByRole('button', { name: T[lang].next }).click()
    await expect(wizard.getByTestId('import-scale')).toHaveText(
      lang === 'en'
        ? 'Amounts in thousands (from the line above the table, row 1: “Alle Beträge in Tausend Euro”): 12,5 → €12,500.00. Each amount is multiplied by 1,000.'
        : 'In Tausend (aus der Zeile über der Tabelle, Zeile 1: „Alle Beträge in Tausend Euro“): 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.'
    )
    await expect(wizard.getByRole('combobox', { name: T[lang].written })).toHaveValue('1000')
    await shotBothSizes(app, `import-scale-above-${lang}`)
  })

  test(`"5 Mio. Kunden" above the table is no unit; the user can still say "in thousands" (${lang})`, async ({
    app
  }) => {
    const wizard = await openImport(app, planCustomers(), { view: 'budget', lang: lang })
    await expect(wizard.getByTestId('header-row')).toContainText('3', { timeout: 30_000 })
    await wizard.getByRole('button', { name: T[lang].next }).click()
    const scale = wizard.getByRole('combobox', { name: T[lang].written })
    await expect(scale).toHaveValue('1')
    await expect(wizard.getByTestId('import-scale')).toHaveCount(0)
    await shotBothSizes(app, `import-scale-offered-${lang}`)
    await scale.selectOption('1000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(
      lang === 'en'
        ? 'Amounts in thousands, as you chose: 12,5 → €12,500.00. Each amount is multiplied by 1,000.'
        : 'In Tausend, wie gewählt: 12,5 → 12.500,00 €. Jeder Betrag wird mit 1.000 multipliziert.'
    )
    await shotBothSizes(app, `import-scale-chosen-${lang}`)
    await wizard.getByRole('button', { name: T[lang].next }).click()
    await expect(wizard.getByTestId('import-preview')).toContainText(
      lang === 'en' ? '€12,500.00' : '12.500,00 €'
    )
  })
}

for (const lang of ['en', 'de'] as const) {
  test(`another amount column takes its own unit, and a unit chosen by hand stays (${lang})`, async ({
    app
  }) => {
    const wizard = await openImport(app, planAndActual(), { view: 'budget', lang })
    await expect(wizard.getByTestId('header-row')).toContainText('1', { timeout: 30_000 })
    await wizard.getByRole('button', { name: T[lang].next }).click()
    const scale = wizard.getByRole('combobox', { name: T[lang].written })
    const amount = wizard.getByRole('combobox', { name: T[lang].amount, exact: true })
    await expect(scale).toHaveValue('1000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(T[lang].teur)
    // "Ist" names no unit: read as written, and no word of "Plan (TEUR)" is left (before, both stayed).
    await amount.selectOption({ label: 'E: Ist' })
    await expect(scale).toHaveValue('1')
    await expect(wizard.getByTestId('import-scale')).toHaveCount(0)
    await expect(wizard.getByTestId('mapping-counts')).toContainText('2')
    // With nothing to say, the layout note takes no room: the step's gap and the counts' own
    // margin (26 px) are left; before, an empty band made it 46 px.
    const options = await wizard.locator('.import-options').boundingBox()
    const countsBox = await wizard.getByTestId('mapping-counts').boundingBox()
    expect(countsBox!.y - (options!.y + options!.height)).toBeLessThan(32)
    await shotBothSizes(app, `import-scale-remapped-${lang}`)
    await amount.selectOption({ label: 'D: Plan (TEUR)' })
    await expect(scale).toHaveValue('1000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(T[lang].teur)
    // The user's own unit holds whatever column is picked next.
    await scale.selectOption('1000000')
    await amount.selectOption({ label: 'E: Ist' })
    await amount.selectOption({ label: 'D: Plan (TEUR)' })
    await expect(scale).toHaveValue('1000000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(T[lang].millions)
  })

  test(`an allocations sheet switched to budget lines takes the unit of its amount column (${lang})`, async ({
    app
  }) => {
    const wizard = await openImport(app, staffingWithCosts(), { view: 'budget', lang })
    await expect(wizard.getByTestId('header-row')).toContainText('1', { timeout: 30_000 })
    await wizard.getByRole('button', { name: T[lang].next }).click()
    // Exact: the sheet step's "Planned budget lines or allocations" holds the words too.
    await wizard.getByRole('radio', { name: T[lang].budget, exact: true }).check()
    await expect(wizard.getByRole('combobox', { name: T[lang].written })).toHaveValue('1000')
    await expect(wizard.getByTestId('import-scale')).toHaveText(T[lang].kosten)
    await shotBothSizes(app, `import-scale-kind-${lang}`)
  })
}

test('the actual-costs step: another amount column takes its own unit, a unit chosen by hand stays', async ({
  app
}) => {
  const wizard = await openImport(app, bookingsTwoAmounts(), { view: 'budget' })
  await expect(
    wizard.getByTestId('import-kind').getByLabel('Actual costs (bookings from finance)')
  ).toBeChecked({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const counts = wizard.getByTestId('actuals-counts')
  const scale = wizard.getByRole('combobox', { name: 'Amounts written' })
  await expect(counts).toContainText('2 bookings add up to €15,000.00')
  await expect(scale).toHaveValue('1000')
  await wizard.getByText('Columns', { exact: true }).click()
  const amount = wizard.getByRole('combobox', { name: 'Amount', exact: true })
  // Before, the thousands of "Betrag (TEUR)" stayed applied to the euros: €15,000,000.00.
  await amount.selectOption({ label: 'E: Betrag EUR' })
  await expect(counts).toContainText('2 bookings add up to €15,000.00')
  await expect(scale).toHaveValue('1')
  await expect(wizard.getByTestId('import-scale')).toHaveCount(0)
  await amount.selectOption({ label: 'D: Betrag (TEUR)' })
  await expect(scale).toHaveValue('1000')
  await expect(wizard.getByTestId('import-scale')).toContainText('“Betrag (TEUR)”')
  await scale.selectOption('1')
  await amount.selectOption({ label: 'E: Betrag EUR' })
  await amount.selectOption({ label: 'D: Betrag (TEUR)' })
  await expect(scale).toHaveValue('1')
  await expect(counts).toContainText('2 bookings add up to €15.00')
  await shotBothSizes(app, 'import-scale-actuals-remapped-en')
})
