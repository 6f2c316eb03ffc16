// The import wizard's steps in both languages and both window sizes, on a sheet of 1,200 rows:
// counts are written in the UI language's number format ("1,200" / "1.200"), and a workstream
// taken from the plan keeps its whole name beside its "plan" mark at 960 px.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { shotBothSizes } from './steps'

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
