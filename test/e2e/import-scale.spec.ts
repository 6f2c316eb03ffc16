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

const T = {
  en: { next: 'Next', written: 'Amounts written' },
  de: { next: 'Weiter', written: 'Beträge geschrieben' }
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
    'Amounts in thousands (from the amount header “Betrag (TEUR)”): 12.5 → €12,500.00. Each amount is multiplied by 1,000.'
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
