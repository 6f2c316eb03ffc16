// Finance sheets without a column the plan needs: the roadmap's team matrix (no workstream) and a
// yearly plan (no phase) take it from the plan, the mapping step says so and the preview shows it,
// with each share as written beside what is stored; a corrected encoding is remembered for the
// next file of the same shape.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test, expect } from './fixtures'
import { importWizard, openImport, shotBothSizes } from './steps'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/finance/${name}`, import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'qm-matrix-e2e-'))

test('the team matrix without a workstream column: the plan’s workstream per role, shares as written → stored', async ({
  app
}) => {
  const wizard = await openImport(app, fixture('staffing-matrix.csv'), { view: 'team' })
  await expect(wizard.getByTestId('header-row')).toHaveText('Row 3 holds the column titles', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Next' }).click()
  const note = wizard.getByTestId('import-from-plan')
  const pick = note.getByRole('combobox', { name: 'Workstream for rows without one' })
  await expect(pick).toHaveValue('')
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '14 rows ready, 1 with problems, 0 total rows skipped'
  )
  await shotBothSizes(app, 'import-matrix-mapping-en')
  // "1" beside "0,5": one FTE.
  await wizard.getByRole('alert').getByRole('button', { name: 'FTE (0.5 = 50 %)' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '15 rows ready, 0 with problems, 0 total rows skipped'
  )
  await wizard.getByRole('button', { name: 'Next' }).click()
  const preview = wizard.getByTestId('import-preview')
  const security = preview.locator('tr[data-row="5"]')
  await expect(security).toContainText('plansicherheit', { timeout: 30_000 })
  await expect(security.getByTestId('from-plan')).toHaveText('plan')
  await expect(security.locator('td').nth(3)).toHaveAttribute(
    'title',
    'sicherheit: from the plan, where the role works in that quarter'
  )
  // "50 %" is stored as written; "0,5" shows what it becomes.
  await expect(security).not.toContainText('→')
  await expect(preview.locator('tr[data-row="6"]')).toContainText('0,5 → 50%')
  await expect(preview.locator('tr[data-row="6"]')).toContainText('planmigrationen')
  await shotBothSizes(app, 'import-matrix-preview-en')

  await wizard.getByRole('button', { name: 'Back' }).click()
  await pick.selectOption('betrieb')
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '15 rows ready, 0 with problems, 0 total rows skipped'
  )
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(preview.locator('tr[data-row="5"]')).toContainText('planbetrieb', {
    timeout: 30_000
  })
  await wizard.getByRole('button', { name: 'Import 15 rows' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
})

test('a yearly plan without a phase column takes each quarter’s phase (German)', async ({ app }) => {
  const { page } = app
  const wizard = await openImport(app, fixture('yearly-months.csv'), { view: 'budget', lang: 'de' })
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  await expect(wizard.getByTestId('import-from-plan')).toContainText(
    'Keine Phasenspalte: Jede Zeile kommt in die Phase des Plans, deren Quartale ihr Quartal umfassen.'
  )
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '8 Zeilen bereit, 0 mit Problemen, 1 Summenzeile übersprungen'
  )
  await shotBothSizes(app, 'import-no-phase-mapping-de')
  await wizard.getByRole('button', { name: 'Weiter' }).click()
  const preview = wizard.getByTestId('import-preview')
  await expect(preview.locator('tr').nth(1)).toContainText('PlanOperations', { timeout: 30_000 })
  await expect(preview.locator('tr').nth(4)).toContainText('PlanScale')
  await app.shot('import-no-phase-preview-de')
  await page.setViewportSize({ width: 960, height: 600 })
  await app.shot('import-no-phase-preview-de-960')
})

/** Latin-9 text with umlauts only: detection cannot tell it from Windows-1252. */
function latin(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)))
}

test('an encoding chosen for a layout is applied to the next file of the same shape', async ({ app }) => {
  await app.goto('budget')
  const wizard = importWizard(app)
  const csv = (title: string) =>
    latin(
      `Phase;Quartal;Bezeichnung;Betrag\nPhase 1;Q4 2025;${title};1.000,00\nPhase 1;Q4 2025;Prüfung;250,00\n`
    )
  const first = join(dir, 'first.csv')
  writeFileSync(first, csv('Gebühr'))
  await openImport(app, first)
  const encoding = wizard.getByTestId('import-encoding')
  await expect(encoding).toHaveValue('windows-1252', { timeout: 30_000 })
  await encoding.selectOption('iso-8859-15')
  await expect(encoding).toHaveValue('iso-8859-15', { timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toHaveText(
    '2 rows ready, 0 with problems, 0 total rows skipped'
  )
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: 'Import 2 rows' }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })

  const second = join(dir, 'second.csv')
  writeFileSync(second, csv('Schulung Überwachung'))
  await openImport(app, second)
  await expect(encoding).toHaveValue('windows-1252', { timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('import-from-plan')).toContainText(
    'Read as ISO-8859-15 (Latin-9), the encoding you chose last time for this layout.',
    { timeout: 30_000 }
  )
  await wizard.getByRole('button', { name: 'Back' }).click()
  await expect(encoding).toHaveValue('iso-8859-15')
})
