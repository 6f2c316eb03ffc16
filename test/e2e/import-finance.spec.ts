// Finance sheets in the import wizard: a CSV saved by German Excel on Windows (Windows-1252) shows
// the encoding chosen and its umlauts and € in the rows; choosing another encoding re-reads it.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { openImport, shotBothSizes } from './steps'

const dir = mkdtempSync(join(tmpdir(), 'qm-finance-e2e-'))

function cp1252(text: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  return Uint8Array.from([...text].map((c) => (high.includes(c) ? 0x80 + high.indexOf(c) : c.charCodeAt(0))))
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const WINDOWS_CSV = cp1252(
  'Phase;Arbeitspaket;Quartal;Bezeichnung;Betrag\r\n' +
    'Phase 1;Monitoring;Q1 2026;Lizenzgebühr Grafana;1.234,56 €\r\n' +
    'Phase 1;Monitoring;Q2 2026;Schulung Überwachung;12.000,00 €\r\n'
)

test('a Windows-1252 CSV shows its encoding, umlauts and € in the rows; another encoding re-reads it', async ({
  app
}) => {
  const wizard = await openImport(app, file('excel-windows.csv', WINDOWS_CSV), { view: 'budget' })
  const encoding = wizard.getByTestId('import-encoding')
  await expect(encoding).toHaveValue('windows-1252', { timeout: 30_000 })
  await expect(wizard.getByText('detected: Windows-1252 (Excel CSV on Windows)')).toBeVisible()
  const grid = wizard.locator('.import-grid')
  await expect(grid).toContainText('Lizenzgebühr Grafana')
  await expect(grid).toContainText('1.234,56 €')
  await shotBothSizes(app, 'import-encoding-en')

  await encoding.selectOption('utf-8')
  await expect(grid).toContainText('Lizenzgeb\ufffdhr', { timeout: 30_000 })
  await expect(encoding).toHaveValue('utf-8')
  await encoding.selectOption('windows-1252')
  await expect(grid).toContainText('Lizenzgebühr Grafana', { timeout: 30_000 })

  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '2 rows ready, 0 with problems, 0 total rows skipped'
  )
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('import-preview').locator('tr[data-row="3"]')).toContainText('€12,000.00')
})

test('the encoding choice speaks German', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(app, file('excel-windows-de.csv', WINDOWS_CSV), {
    view: 'budget',
    lang: 'de'
  })
  await expect(wizard.getByTestId('import-encoding')).toHaveValue('windows-1252', { timeout: 30_000 })
  await expect(wizard.getByText('erkannt: Windows-1252 (Excel-CSV unter Windows)')).toBeVisible()
  await app.shot('import-encoding-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('import-encoding-de-960')
})

test('a share column mixing styles reads each cell as written; "1,5" waits for the user to choose', async ({
  app
}) => {
  const wizard = await openImport(
    app,
    file(
      'mixed-shares.csv',
      'Rolle;Arbeitspaket;Quartal;Auslastung\n' +
        'DevOps Lead;Migration;Q1 2026;45 %\n' +
        'Security Specialist;Migration;Q1 2026;0,3\n' +
        'Database Architect;Migration;Q1 2026;25\n' +
        'Cloud Engineer;Migration;Q1 2026;1,5\n'
    ),
    { view: 'team' }
  )
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const alert = wizard.getByRole('alert')
  await expect(alert).toContainText('1 share can be read two ways')
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '3 rows ready, 1 with problems, 0 total rows skipped'
  )
  await app.shot('import-shares-ambiguous-en')
  await alert.getByRole('button', { name: 'FTE (0.5 = 50 %)' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '4 rows ready, 0 with problems, 0 total rows skipped'
  )
  await wizard.getByRole('button', { name: 'Next' }).click()
  const preview = wizard.getByTestId('import-preview')
  await expect(preview.locator('tr[data-row="5"]')).toContainText('150')
})

const MONTHS_CSV =
  'Jahresplanung 2026\n\nPhase;Position;Jan;Feb;Mär;Apr;Summe\n' +
  'Phase 1;Grafana Enterprise;1.000,00;1.000,00;1.000,00;1.000,00;4.000,00\n' +
  'Phase 1;Schulung;;500,00;;250,00;900,00\n'

test('months across the columns become lines per quarter; a total that does not add up is shown', async ({
  app
}) => {
  const wizard = await openImport(app, file('months.csv', MONTHS_CSV), { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 3 holds the column titles', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const layout = wizard.getByTestId('import-layout')
  await expect(layout).toContainText('Months across the columns: 4 (C..F)')
  await expect(layout).toContainText(
    'Row 5: the year total €900.00 differs from the sum of its periods, €750.00.'
  )
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '4 rows ready, 0 with problems, 0 total rows skipped'
  )
  await app.shot('import-wide-en')
  await layout.getByRole('checkbox', { name: 'One budget line per month' }).check()
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '6 rows ready, 0 with problems, 0 total rows skipped'
  )
})

test('a sheet that yields nothing says why and opens the preview on request (German)', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(
    app,
    file('no-quarter.csv', 'Phase;Position;Betrag\nPhase 1;Lizenzen;1.000,00\nPhase 1;Schulung;500,00\n'),
    { view: 'budget', lang: 'de' }
  )
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  const nothing = wizard.getByTestId('import-nothing')
  await expect(nothing).toContainText('Keiner Spalte ist das Quartal zugeordnet.')
  await expect(nothing).toContainText('Auch Monate oder Quartale in den Spalten wurden nicht gefunden.')
  await expect(nothing).toContainText('Zeile 2')
  await app.shot('import-nothing-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('import-nothing-de-960')
  await nothing.getByRole('button', { name: 'Vorschau trotzdem öffnen' }).click()
  await expect(wizard.getByTestId('import-counts')).toContainText('0')
})
