// The plan views on a first start: the built-in FreshFoodz roadmap, its key figures, and a
// screenshot of every view in English and German (screenshots/view-<id>-<lang>.png).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { openImport } from './steps'

const VIEWS = ['overview', 'timeline', 'team', 'budget', 'risks', 'dependencies', 'deliverables'] as const

test('a first start with an empty database shows the built-in FreshFoodz plan', async ({ app }) => {
  await app.goto('overview')
  await expect(app.page.getByTestId('plan-name')).toHaveText('FreshFoodz Infrastructure Roadmap')
  await expect(
    app.page.getByText('Baue die enterprise-grade Infrastructure Foundation', { exact: false })
  ).toBeVisible()
  await expect(app.page.getByRole('heading', { name: 'Phase 5: Scale' })).toBeVisible()
})

test('the Overview chart names each phase beside a swatch of its bar colour, with no overprinted axis labels', async ({
  app
}) => {
  const { page } = app
  await page.setViewportSize({ width: 960, height: 600 })
  await app.goto('overview')
  const legend = page.getByTestId('ov-chart-legend').getByRole('listitem')
  await expect(legend).toHaveText([
    'P0 Foundation',
    'P1 Operations',
    'P2 Integration',
    'P3 Governance',
    'P4 Scale',
    'Cap'
  ])
  const swatches = await legend
    .locator('.ov-swatch')
    .evaluateAll((els) => els.map((el) => getComputedStyle(el).backgroundColor))
  // The phase colours of the bars (P0 red to P4 teal), then the cap's grey: never one blue swatch for all.
  expect(swatches).toEqual([
    'rgb(198, 47, 47)',
    'rgb(224, 123, 0)',
    'rgb(36, 87, 197)',
    'rgb(122, 76, 194)',
    'rgb(30, 142, 126)',
    'rgb(195, 204, 215)'
  ])
})

test('the Budget view shows 415,000 EUR in total and the five phase budgets', async ({ app }) => {
  await app.goto('budget')
  await expect(app.page.getByTestId('budget-total')).toHaveText('€415,000')
  await expect(app.page.getByTestId('budget-grand-total')).toHaveText('€415,000')
  const expected = ['€50,000', '€75,000', '€100,000', '€40,000', '€150,000']
  for (const [i, amount] of expected.entries()) {
    await expect(app.page.getByTestId(`phase-total-${i + 1}`)).toHaveText(amount)
  }
  await expect(
    app.page.getByRole('button', { name: 'Phase 3: Integration, budget cap, €100,000' })
  ).toBeVisible()
})

test('the Team view shows the DevOps Lead at 100% in Q4 2025', async ({ app }) => {
  await app.goto('team')
  await expect(app.page.getByRole('cell', { name: 'DevOps Lead, Q4 2025, 100%', exact: true })).toBeVisible()
  await expect(app.page.getByRole('cell', { name: 'Legal Advisor, Q3 2026, 25%', exact: true })).toBeVisible()
  // The FTE-quarters column holds FTE-quarters (1 + 1 + 0.5 + 0.5), not "3 FTE".
  await expect(app.page.getByRole('columnheader', { name: 'FTE-quarters' })).toBeVisible()
  await expect(
    app.page
      .getByRole('row', { name: /^DevOps Lead/ })
      .first()
      .locator('.fte-total')
  ).toHaveText('3.00')
})

test('timeline, risks, dependencies and deliverables show the whole roadmap', async ({ app }) => {
  const { page } = app
  await app.goto('timeline')
  for (const key of [
    'migrationen',
    'sicherheit',
    'leistung',
    'betrieb',
    'integration',
    'verwaltung',
    'skalierung'
  ]) {
    await expect(page.getByTestId(`bar-${key}`)).toBeVisible()
  }
  await expect(page.getByRole('img', { name: 'sicherheit: Nov 2025 to Dec 2025, 6 weeks' })).toBeVisible()
  await page.getByRole('button', { name: 'Months' }).click()
  await expect(page.locator('.gantt-m')).toHaveCount(15)

  await app.goto('risks')
  await expect(
    page.getByRole('cell', { name: 'Probability Medium (20–49 %), impact Critical: 1 risk' })
  ).toBeVisible()
  await expect(page.getByTestId('risk-contingency')).toHaveText('€60,000')
  await expect(page.getByText('External consulting for complex ABAC/RLS')).toBeVisible()

  await app.goto('dependencies')
  await expect(page.getByRole('cell', { name: 'sicherheit serves module 02', exact: true })).toBeVisible()
  await expect(
    page.getByRole('cell', { name: 'sicherheit does not serve module 01', exact: true })
  ).toBeVisible()
  await expect(page.getByText('Module 07 CAR-Strategy → verwaltung AI policies')).toBeVisible()

  await app.goto('deliverables')
  await expect(
    page.getByRole('region', { name: 'Deliverables per quarter' }).getByRole('checkbox')
  ).toHaveCount(20)
  await expect(
    page.getByRole('region', { name: 'Success criteria per workstream' }).getByRole('checkbox')
  ).toHaveCount(28)
  await expect(
    page.getByRole('region', { name: 'Success metrics per phase' }).getByRole('combobox')
  ).toHaveCount(20)
})

for (const lang of ['en', 'de'] as const) {
  test(`every plan view renders in ${lang === 'en' ? 'English' : 'German'} (screenshots)`, async ({
    app
  }) => {
    await app.goto('overview')
    if (lang === 'de') {
      await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await expect(app.page.getByRole('link', { name: 'Übersicht' })).toBeVisible()
    }
    for (const view of VIEWS) {
      await app.goto(view)
      await expect(app.page.locator('.view-header h1')).toBeVisible()
      // Charts draw on the next frame; give them one before the picture.
      await app.page.waitForTimeout(150)
      await app.shot(`view-${view}-${lang}`)
    }
  })
}

// 1,000 budget lines in phase 1, imported through the wizard as a user would.
function thousandLinesCsv(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qm-views-e2e-'))
  const rows = Array.from({ length: 1_000 }, (_, i) => `Phase 1;Monitoring;Q1 2026;Line ${i + 1};100,00 €`)
  const path = join(dir, 'thousand-lines.csv')
  writeFileSync(path, ['Phase;Arbeitspaket;Quartal;Bezeichnung;Betrag', ...rows].join('\r\n'))
  return path
}

test('a phase with hundreds of lines shows 10 and then 100 more per click, with totals over all of them', async ({
  app
}) => {
  const wizard = await openImport(app, thousandLinesCsv(), { view: 'budget' })
  await expect(wizard.getByTestId('header-row')).toBeVisible({ timeout: 30_000 })
  await wizard.getByRole('button', { name: 'Next' }).click()
  await expect(wizard.getByTestId('mapping-counts')).toContainText(/^1,?000 rows ready, 0 with problems/)
  await wizard.getByRole('button', { name: 'Next' }).click()
  await wizard.getByRole('button', { name: /^Import 1,?000 rows$/ }).click()
  await expect(wizard).toBeHidden({ timeout: 30_000 })
  const phase = app.page.getByTestId('budget-phase-1')
  await expect(phase.locator('tr.line-row')).toHaveCount(10)
  const more = phase.getByRole('button', { name: /^Show 100 more \(10 of [\d,]+ lines\)$/ })
  const total = Number((await more.textContent())!.match(/of ([\d,]+) lines/)![1].replace(/,/g, ''))
  expect(total).toBeGreaterThan(110)
  await more.click()
  await expect(phase.locator('tr.line-row')).toHaveCount(110)
  await expect(
    phase.getByRole('button', {
      name: `Show ${Math.min(100, total - 110)} more (110 of ${total.toLocaleString('en')} lines)`
    })
  ).toBeVisible()
  // The grand total is over every line, shown or not.
  const sum = await app.page.getByTestId('budget-total').textContent()
  await expect(app.page.getByTestId('budget-grand-total')).toHaveText(sum!)
})
