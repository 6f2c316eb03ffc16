// The import wizard's steps in both languages and both window sizes, on a sheet of 1,200 rows:
// counts are written in the UI language's number format ("1,200" / "1.200"), and a workstream
// taken from the plan keeps its whole name beside its "plan" mark at 960 px.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { openImport, shotBothSizes } from './steps'

const dir = mkdtempSync(join(tmpdir(), 'qm-look-e2e-'))

/** 1,200 staffing rows of the roadmap's roles, without a workstream column. */
function staffingSheet(): string {
  const roles = ['DevOps Lead', 'Security Specialist', 'Database Architect', 'Performance Engineer']
  const quarters = ['Q4 2025', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']
  const lines = ['Rolle;Quartal;Anteil']
  for (let i = 0; i < 1200; i++)
    lines.push(`${roles[i % roles.length]};${quarters[i % quarters.length]};10 %`)
  const path = join(dir, 'staffing-1200.csv')
  writeFileSync(path, lines.join('\r\n') + '\r\n')
  return path
}

/** The cell shows all of its text: nothing cut off at its edge. */
async function whole(cell: Locator): Promise<boolean> {
  return cell.evaluate((el) => el.scrollWidth <= el.clientWidth)
}

/** The focus is on a control of the wizard's step, not on the dialog's frame. */
async function onControl(wizard: Locator): Promise<boolean> {
  return wizard.evaluate((el) => {
    const a = document.activeElement
    return !!a && a !== el && el.contains(a) && ['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(a.tagName)
  })
}

const LANGS = [
  {
    lang: 'en',
    dialog: 'Import spreadsheet',
    choose: 'Choose file…',
    next: 'Next',
    counts: '1,200 rows ready, 0 with problems, 0 total rows skipped',
    ready: '1,200 ready',
    commit: 'Import 1,200 rows',
    close: 'Close'
  },
  {
    lang: 'de',
    dialog: 'Tabelle importieren',
    choose: 'Datei wählen…',
    next: 'Weiter',
    counts: '1.200 Zeilen bereit, 0 mit Problemen, 0 Summenzeilen übersprungen',
    ready: '1.200 bereit',
    commit: '1.200 Zeilen importieren',
    close: 'Schließen'
  }
] as const

for (const l of LANGS) {
  test(`the wizard's steps (${l.lang}): counts as "${l.ready}", whole workstream names at 960 px`, async ({
    app
  }) => {
    const { page } = app
    await app.goto('team')
    if (l.lang === 'de') await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const both = (name: string) => shotBothSizes(app, `import-look-${name}-${l.lang}`)
    await app.menu('import')
    const wizard = page.getByRole('dialog', { name: l.dialog })
    await expect(wizard.getByRole('button', { name: l.choose })).toBeVisible()
    await both('1-file')
    app.queueOpen(staffingSheet())
    await wizard.getByRole('button', { name: l.choose }).click()
    await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => onControl(wizard)).toBe(true)
    await both('2-sheet')
    await wizard.getByRole('button', { name: l.next }).click()
    await expect(wizard.getByTestId('mapping-counts')).toHaveText(l.counts, { timeout: 30_000 })
    await expect.poll(() => onControl(wizard)).toBe(true)
    await both('3-columns')
    await wizard.getByRole('button', { name: l.next }).click()
    await expect(wizard.getByTestId('import-counts')).toContainText(l.ready, { timeout: 30_000 })
    await expect(wizard.getByTestId('import-counts')).toContainText(l.counts)
    await expect(wizard.getByRole('button', { name: l.commit })).toBeVisible()
    await expect.poll(() => onControl(wizard)).toBe(true)
    const row = wizard.getByTestId('import-preview').locator('tr[data-row="2"]')
    await expect(row.getByTestId('from-plan')).toBeVisible()
    // Row, status, role, workstream: the workstream cell holds the mark and the name.
    const workstream = row.locator('td').nth(3)
    await both('4-preview')
    await page.setViewportSize({ width: 960, height: 600 })
    expect(await whole(workstream), await workstream.innerText()).toBe(true)
    expect(await whole(row.locator('td').nth(2)), 'role').toBe(true)
    // The wizard scrolls in a small window; its buttons stay in view.
    await expect(wizard.getByRole('button', { name: l.commit })).toBeInViewport({ ratio: 1 })
    await page.setViewportSize({ width: 1280, height: 800 })
    await wizard.getByRole('button', { name: l.close, exact: true }).click()
    await expect(wizard).toBeHidden()
  })
}

/** Budget lines in thousands with a seven-digit result: the preview shows "1.234,56 → €1,234,560.00". */
function teurPlan(): string {
  const path = join(dir, 'plan-teur.csv')
  writeFileSync(
    path,
    'Phase;Quartal;Kategorie;Bezeichnung;Betrag (TEUR)\r\n' +
      'Phase 2;Q1 2026;Cloud;Grafana Enterprise Lizenz;1.234,56\r\n' +
      'Phase 3;Q2 2026;Lizenzen;Backup-Speicher;12,5\r\n'
  )
  return path
}

function teurBookings(): string {
  const path = join(dir, 'buchungen.csv')
  writeFileSync(
    path,
    'Buchungsdatum;Kostenstelle;Konto;Betrag (TEUR);Soll/Haben\r\n' +
      '14.10.2025;4100 Foundation;6815 Beratung;12,5;S\r\n' +
      '15.01.2026;4200 Operations;6500 Lizenzen;2,5;S\r\n'
  )
  return path
}

const WHOLE = {
  en: { next: 'Next', amount: '1.234,56 → €1,234,560.00', actuals: 'Actual costs (bookings from finance)' },
  de: {
    next: 'Weiter',
    amount: '1.234,56 → 1.234.560,00 €',
    actuals: 'Ist-Kosten (Buchungen aus der Buchhaltung)'
  }
} as const

for (const lang of ['en', 'de'] as const) {
  test(`amounts in thousands and suggested cost centres show whole at 960 px (${lang})`, async ({ app }) => {
    const { page } = app
    const w = WHOLE[lang]
    const wizard = await openImport(app, teurPlan(), { view: 'budget', lang })
    await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
    await wizard.getByRole('button', { name: w.next }).click()
    await expect(wizard.getByTestId('import-scale')).toBeVisible({ timeout: 30_000 })
    await wizard.getByRole('button', { name: w.next }).click()
    const preview = wizard.getByTestId('import-preview')
    const amount = preview.locator('tr[data-row="2"] td').nth(6)
    await expect(amount).toHaveText(w.amount, { timeout: 30_000 })
    await shotBothSizes(app, `import-look-thousands-${lang}`)
    // Before, the 112 px column cut it to "1.234,56 → €1,2…" at either size.
    for (const width of [1280, 960]) {
      await page.setViewportSize({ width, height: width === 960 ? 600 : 800 })
      for (const row of ['2', '3'])
        for (const col of width === 960 ? [2, 6] : [2, 5, 6]) {
          const cell = preview.locator(`tr[data-row="${row}"] td`).nth(col)
          expect(await whole(cell), `${width}: ${await cell.innerText()}`).toBe(true)
        }
    }
    await page.setViewportSize({ width: 1280, height: 800 })
    await wizard.getByRole('button', { name: lang === 'en' ? 'Close' : 'Schließen', exact: true }).click()
    await expect(wizard).toBeHidden()
    await openImport(app, teurBookings(), { lang })
    await expect(wizard.getByTestId('import-kind').getByLabel(w.actuals)).toBeChecked({ timeout: 30_000 })
    await wizard.getByRole('button', { name: w.next }).click()
    const centres = wizard.locator('.import-actuals-centres tbody tr')
    await expect(centres).toHaveCount(2, { timeout: 30_000 })
    await shotBothSizes(app, `import-look-centres-${lang}`)
    for (const width of [1280, 960]) {
      await page.setViewportSize({ width, height: width === 960 ? 600 : 800 })
      for (let i = 0; i < 2; i++) {
        // "suggested from the name" was cut to "suggested from the …" by the grid's 220 px cells.
        const place = centres.nth(i).locator('td').nth(3)
        expect(await whole(place), `${width}: ${await place.innerText()}`).toBe(true)
      }
    }
  })
}
