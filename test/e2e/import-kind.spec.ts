// Switching what a sheet holds on the mapping step, on a sheet with its periods across the columns:
// after any switch the mapping reads the sheet as a fresh read with that kind would, every period a
// record of its row, none of them (nor the year total) taken as the amount or the share.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { openImport, shotBothSizes } from './steps'

const dir = mkdtempSync(join(tmpdir(), 'qm-kind-e2e-'))

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

// "Summe" and "Plan Jan 2026" are both amount titles; here they are the year total and a month.
const MONTHS_CSV =
  'Phase;Position;Plan Jan 2026;Plan Feb 2026;Plan Apr 2026;Summe\n' +
  'Phase 1;Grafana Enterprise;1.000,00;1.000,00;2.000,00;4.000,00\n' +
  'Phase 1;Schulung;;500,00;250,00;750,00\n'

test('budget lines → team allocations → budget lines: every month stays a record, none is the amount', async ({
  app
}) => {
  const wizard = await openImport(app, file('plan-months.csv', MONTHS_CSV), { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const amount = wizard.getByRole('combobox', { name: 'Amount', exact: true })
  const counts = wizard.getByTestId('mapping-counts')
  const layout = wizard.getByTestId('import-layout')
  await expect(amount).toHaveValue('')
  await expect(counts).toHaveText('4 rows ready, 0 with problems, 0 total rows skipped')
  await expect(layout).toContainText('Months across the columns: 3 (C..E)')

  await wizard.getByRole('radio', { name: 'Team allocations' }).check()
  await expect(wizard.getByRole('combobox', { name: 'Share (FTE)' })).toHaveValue('')
  await wizard.getByRole('radio', { name: 'Budget lines' }).check()
  await expect(counts).toHaveText('4 rows ready, 0 with problems, 0 total rows skipped')
  await expect(amount).toHaveValue('')
  await expect(layout).toContainText('Months across the columns: 3 (C..E)')
  await expect(layout).toContainText('The year total in F')
  await shotBothSizes(app, 'import-kind-switch-en')

  await wizard.getByRole('button', { name: 'Next' }).click()
  const preview = wizard.getByTestId('import-preview')
  // Row 3: February and April land in their own quarters, each with its own amount.
  await expect(preview).toContainText('€500.00', { timeout: 30_000 })
  await expect(preview).toContainText('€250.00')
  await expect(preview).not.toContainText('€750.00')
  await expect(wizard.getByRole('button', { name: 'Import 4 rows' })).toBeVisible()
})

test('Personalzuordnungen → Budgetposten → zurück: die FTE-Quartale bleiben Quartale (German)', async ({
  app
}) => {
  const wizard = await openImport(
    app,
    file(
      'team-quarters.csv',
      'Rolle;Arbeitspaket;Q1 2026 (FTE);Q2 2026 (FTE);Q3 2026 (FTE)\n' +
        'DevOps Lead;Scale;0,5;1;0,5\n' +
        'Cloud Architect;Monitoring;1;0,5;\n'
    ),
    { view: 'team', lang: 'de' }
  )
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  const share = wizard.getByRole('combobox', { name: 'Anteil (FTE)' })
  const counts = wizard.getByTestId('mapping-counts')
  await expect(share).toHaveValue('')
  const fresh = await counts.textContent()
  expect(fresh).toMatch(/^5 Zeilen bereit/)

  await wizard.getByRole('radio', { name: 'Budgetposten' }).check()
  await expect(wizard.getByRole('combobox', { name: 'Betrag', exact: true })).toHaveValue('')
  await wizard.getByRole('radio', { name: 'Personalzuordnungen' }).check()
  await expect(share).toHaveValue('')
  await expect(counts).toHaveText(fresh!)
  await expect(wizard.getByTestId('import-layout')).toContainText('Quartale in den Spalten: 3 (C..E)')
  await shotBothSizes(app, 'import-kind-switch-de')
})
