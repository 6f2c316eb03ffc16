// Steps many specs open with, taken the way a user takes them: the import wizard with a file
// chosen, a scenario branched from the open plan.
import type { Locator } from '@playwright/test'
import { expect, type Harness } from './fixtures'

/** The wizard's names in the window's language. */
const WIZARD = {
  en: { dialog: 'Import spreadsheet', choose: 'Choose file…' },
  de: { dialog: 'Tabelle importieren', choose: 'Datei wählen…' }
} as const

export type Lang = keyof typeof WIZARD

/** The import wizard's dialog. */
export function importWizard(app: Harness, lang: Lang = 'en'): Locator {
  return app.page.getByRole('dialog', { name: WIZARD[lang].dialog })
}

/**
 * File > Import spreadsheet, answering the open dialog with `path`: resolves to the wizard, which
 * is reading the file. With `view`, that view is opened first (and the window switched to German
 * for lang 'de'); without, the window stays where it is, in the language it has.
 */
export async function openImport(
  app: Harness,
  path: string,
  options: { view?: string; lang?: Lang } = {}
): Promise<Locator> {
  const lang = options.lang ?? 'en'
  if (options.view) {
    await app.goto(options.view)
    if (lang === 'de') await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  }
  await app.menu('import')
  const wizard = importWizard(app, lang)
  app.queueOpen(path)
  await wizard.getByRole('button', { name: WIZARD[lang].choose }).click()
  return wizard
}

/** The sidebar's tree of plans and their scenarios. */
export const plansTree = (app: Harness): Locator => app.page.getByRole('navigation', { name: 'Plans' })

/** Branches a scenario of the open plan with the + beside Plans; the scenario is then open. */
export async function branchScenario(app: Harness, name: string): Promise<void> {
  await plansTree(app)
    .getByRole('button', { name: /New scenario from/ })
    .click()
  const dialog = app.page.getByRole('dialog', { name: 'Branch a scenario' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(app.page.getByTestId('plan-name')).toHaveText(name)
}

/** The open Team view's Add role form, filled in with the role (and person), not yet sent. */
export async function roleForm(app: Harness, name: string, person = ''): Promise<Locator> {
  await app.page.getByRole('button', { name: 'Add role' }).click()
  const dialog = app.page.getByTestId('role-form')
  await dialog.getByLabel('Role', { exact: true }).fill(name)
  if (person) await dialog.getByLabel('Person (optional)').fill(person)
  return dialog
}

/** Adds a role by the open Team view's form. */
export async function addRole(app: Harness, name: string): Promise<void> {
  const dialog = await roleForm(app, name)
  await dialog.getByRole('button', { name: 'Add role' }).click()
  await expect(dialog).toBeHidden()
}

/** Screenshots `name` at the window's size (1280x800) and `name`-960 at 960x600, then 1280x800 again. */
export async function shotBothSizes(app: Harness, name: string): Promise<void> {
  await app.shot(name)
  await app.page.setViewportSize({ width: 960, height: 600 })
  await app.shot(`${name}-960`)
  await app.page.setViewportSize({ width: 1280, height: 800 })
}
