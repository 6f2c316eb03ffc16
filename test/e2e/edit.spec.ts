// Editing single values in place: valid edits are stored (and survive a reload), refused
// values show their reason beside the field and leave the stored plan as it was.
import { test, expect } from './fixtures'
import type { Page } from '@playwright/test'

const AMOUNT = 'Database Migration Tools + Consulting, amount'

/**
 * A row as stored in IndexedDB (not the in-memory view of it). Allocations and budget lines are
 * stored packed, many rows to a record of the `packs` store: the row is found in its table's packs.
 */
async function stored(page: Page, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ([table, id]) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('quartermaster')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const packed = table === 'allocations' || table === 'budgetLines'
          const store = open.result.transaction(packed ? 'packs' : table, 'readonly')
          const req = packed ? store.objectStore('packs').getAll() : store.objectStore(table).get(id)
          req.onsuccess = () => {
            open.result.close()
            if (!packed) return resolve(req.result as Record<string, unknown> | undefined)
            const packs = req.result as { table: string; rows: Record<string, unknown>[] }[]
            resolve(packs.flatMap((p) => (p.table === table ? p.rows : [])).find((r) => r['id'] === id))
          }
          req.onerror = () => reject(req.error)
        }
      }),
    [table, id] as const
  )
}

/** Number of entries in the stored change history. */
async function historyCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('quartermaster')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('history', 'readonly').objectStore('history').count()
          req.onsuccess = () => {
            open.result.close()
            resolve(req.result)
          }
          req.onerror = () => reject(req.error)
        }
      })
  )
}

const LINE_1 = 'freshfoodz:line:1'

async function editValue(page: Page, label: string, text: string) {
  await page.getByRole('button', { name: label }).click()
  const field = page.getByRole('textbox', { name: label, exact: true })
  await field.fill(text)
  await field.press('Enter')
  return field
}

test('a budget amount edited in place is stored, survives a reload and can be undone', async ({ app }) => {
  const { page } = app
  await app.goto('budget')
  await editValue(page, AMOUNT, '25000')
  await expect(page.getByRole('button', { name: `${AMOUNT}, €25,000` })).toBeVisible()
  await expect(page.getByTestId('budget-total')).toHaveText('€420,000')
  await expect(page.getByTestId('phase-total-1')).toHaveText('€55,000')
  await expect.poll(() => stored(page, 'budgetLines', LINE_1)).toMatchObject({ amountCents: 2_500_000 })

  await app.reload()
  await expect(page.getByRole('button', { name: `${AMOUNT}, €25,000` })).toBeVisible()
  await expect(page.getByTestId('budget-total')).toHaveText('€420,000')

  // The edit went through the history: undo brings the roadmap figure back.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('button', { name: `${AMOUNT}, €20,000` })).toBeVisible()
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
})

test('German input is read the German way: "25.000,50" is twenty-five thousand euros and fifty cents', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await editValue(page, 'Database Migration Tools + Consulting, Betrag', '25.000,50')
  await expect(
    page.getByRole('button', { name: 'Database Migration Tools + Consulting, Betrag, 25.000,50 €' })
  ).toBeVisible()
  await app.reload()
  await expect(page.getByTestId('budget-total')).toHaveText('420.000,50 €')
})

test('"20.000" typed into an amount in the English UI asks "€20,000.00 or €20.00?" and stores the choice', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  const field = await editValue(page, AMOUNT, '20.000')
  // Nothing is stored while the question stands.
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  const ask = page.getByRole('group', { name: 'Which did you mean?' })
  await expect(ask.getByRole('button', { name: 'Store €20.00' })).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Store €20,000.00' })).toBeVisible()
  await app.shot('edit-ambiguous-amount-en')
  expect(await historyCount(page)).toBe(0)
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
  await ask.getByRole('button', { name: 'Store €20,000.00' }).click()
  await expect(page.getByRole('button', { name: `${AMOUNT}, €20,000` })).toBeVisible()
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')

  // A clear text shows what it will store before Enter.
  await page.getByRole('button', { name: `${AMOUNT}, €20,000` }).click()
  const again = page.getByRole('textbox', { name: AMOUNT, exact: true })
  await again.fill('1,5')
  await expect(again).toHaveAccessibleDescription('Stores €1.50')
  await again.fill('30.000')
  await page.getByRole('button', { name: 'Store €30,000.00' }).click()
  await expect(page.getByTestId('budget-total')).toHaveText('€425,000')
  await expect.poll(() => stored(page, 'budgetLines', LINE_1)).toMatchObject({ amountCents: 3_000_000 })
})

test('"0,5" typed as a capacity asks whether it is 0.5 FTE or 0.5 %', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const label = 'DevOps Lead, Q4 2025, Kapazität'
  await page.getByRole('button', { name: label }).click()
  const field = page.getByRole('textbox', { name: label, exact: true })
  await field.fill('0,5')
  await field.press('Enter')
  const ask = page.getByRole('group', { name: 'Was ist gemeint?' })
  await expect(ask.getByRole('button')).toHaveCount(2)
  await app.shot('edit-ambiguous-share-de')
  await ask.getByRole('button', { name: /^50 %/ }).click()
  await expect(page.getByRole('button', { name: `${label}, 50 %` })).toBeVisible()
})

test('refused amounts (negative, text) show the reason beside the field and nothing is stored', async ({
  app
}) => {
  const { page } = app
  await app.goto('budget')
  for (const [input, message] of [
    ['-500', 'Must not be negative.'],
    ['twenty thousand', 'Enter a number.'],
    ['99999999999999', 'Too large: at most 10,000,000,000 per value.']
  ] as const) {
    const field = await editValue(page, AMOUNT, input)
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(message)
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible()
    await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
    if (input === '-500') await app.shot('edit-refused-amount-en')
    await field.press('Escape')
    await expect(page.getByRole('button', { name: `${AMOUNT}, €20,000` })).toBeFocused()
  }
  expect((await stored(page, 'budgetLines', LINE_1))?.['amountCents']).toBe(2_000_000)
  expect(await historyCount(page)).toBe(0)
  await app.reload()
  await expect(page.getByRole('button', { name: `${AMOUNT}, €20,000` })).toBeVisible()
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
  // Nothing reached the history either.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByTestId('budget-total')).toHaveText('€415,000')
})

test('a capacity over 10 FTE is refused; a lower capacity turns the DevOps Lead red and stays after reload', async ({
  app
}) => {
  const { page } = app
  await app.goto('team')
  const label = 'DevOps Lead, Q4 2025, capacity'
  const field = await editValue(page, label, '1200')
  await expect(field).toHaveAccessibleDescription('At most 1,000% (10 FTE).')
  await app.shot('edit-refused-capacity-en')
  await field.press('Escape')
  expect((await stored(page, 'roles', 'freshfoodz:role:devops-lead'))?.['capacityBp']).toMatchObject({
    '2025-Q4': 10_000
  })
  expect(await historyCount(page)).toBe(0)
  await app.reload()
  await expect(page.getByRole('button', { name: `${label}, 100%` })).toBeVisible()

  await editValue(page, label, '80')
  await expect(page.getByRole('button', { name: `${label}, 80%` })).toBeVisible()
  const cell = page.getByRole('cell', { name: 'DevOps Lead, Q4 2025, 100%', exact: true })
  await expect(cell).toHaveClass(/util-red/)
  await expect(page.getByRole('status')).toContainText('DevOps Lead in Q4 2025: 100% of 80%')
  await app.reload()
  await expect(page.getByRole('button', { name: `${label}, 80%` })).toBeVisible()
  await expect(cell).toHaveClass(/util-red/)
  await app.goto('overview')
  await expect(page.getByTestId('ov-over')).toHaveText('1')
})

test('a share over 10 FTE is refused and the allocation keeps its share', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  const label = 'Legal Advisor, verwaltung, Q3 2026, share'
  const field = await editValue(page, label, '1000.5')
  await expect(field).toHaveAccessibleDescription('At most 1,000% (10 FTE).')
  await field.press('Escape')
  const chip = await stored(page, 'allocations', 'freshfoodz:alloc:2026-Q3:legal-advisor:verwaltung')
  expect(chip?.['shareBp']).toBe(2_500)
  expect(await historyCount(page)).toBe(0)
  await app.reload()
  await expect(page.getByRole('button', { name: `${label}, 25%` })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Legal Advisor, Q3 2026, 25%', exact: true })).toBeVisible()
})

test('moving skalierung before integration has finished is flagged on the timeline', async ({ app }) => {
  const { page } = app
  await app.goto('timeline')
  await expect(page.getByTestId('violations')).toContainText('Every workstream starts after')
  const field = await editValue(page, 'skalierung, start month', 'May 2026')
  await expect(field).toHaveAccessibleDescription('Enter a month as 2026-05 or 05/2026.')
  await field.fill('04/2026')
  await field.press('Enter')
  await expect(page.getByRole('button', { name: 'skalierung, start month, Apr 2026' })).toBeVisible()
  await expect(page.getByTestId('violations')).toContainText(
    'skalierung starts before integration has finished'
  )
  await expect(page.getByTestId('bar-skalierung')).toHaveClass(/violation/)
  await app.reload()
  await expect(page.getByTestId('violations')).toContainText(
    'skalierung starts before integration has finished'
  )
  await page.getByRole('button', { name: 'Months' }).click()
  await expect(page.getByRole('button', { name: 'Months' })).toHaveAttribute('aria-pressed', 'true')
  await app.shot('timeline-violation-en')
})

test('risk probability and impact are edited in place; out-of-range probability is refused', async ({
  app
}) => {
  const { page } = app
  await app.goto('risks')
  const prob = 'Phase 1 delays block ALL Module Go-Lives, probability'
  const field = await editValue(page, prob, '150')
  await expect(field).toHaveAccessibleDescription('Enter a percentage from 0 to 100.')
  await field.press('Escape')
  await editValue(page, prob, '45')
  await expect(page.getByTestId('risk-expected-1')).toHaveText('€45,000')
  await editValue(page, 'Phase 1 delays block ALL Module Go-Lives, impact in EUR', '200000')
  await expect(page.getByTestId('risk-expected-1')).toHaveText('€90,000')
  // The screen shows an edit before its write has ended; reload once it is on disk (a reload
  // half a second after the edit, on a busy machine, came before the write).
  await expect
    .poll(() => stored(page, 'risks', 'freshfoodz:risk:1'))
    .toMatchObject({ probabilityPct: 45, impactCents: 20_000_000 })
  await app.reload()
  await expect(page.getByTestId('risk-expected-1')).toHaveText('€90,000')
  await expect(page.getByTestId('risk-contingency')).toHaveText('€120,000')
})

test('deliverables, metrics and criteria are checked off and stay checked after a reload', async ({
  app
}) => {
  const { page } = app
  await app.goto('deliverables')
  await page.getByRole('checkbox', { name: /Migration Strategy Document \+ Templates/ }).check()
  await page.getByRole('combobox', { name: 'GDPR Compliance audit passed, status' }).selectOption('met')
  await page.getByRole('checkbox', { name: 'Zero-Downtime Migration Strategy definiert' }).check()
  await expect(page.getByText('1 of 4 done').first()).toBeVisible()
  await expect.poll(() => historyCount(page)).toBe(3)
  await app.reload()
  await expect(page.getByRole('checkbox', { name: /Migration Strategy Document \+ Templates/ })).toBeChecked()
  await expect(page.getByRole('combobox', { name: 'GDPR Compliance audit passed, status' })).toHaveValue(
    'met'
  )
  await expect(
    page.getByRole('checkbox', { name: 'Zero-Downtime Migration Strategy definiert' })
  ).toBeChecked()
  await app.goto('overview')
  await expect(page.getByTestId('ov-deliverables')).toHaveText('1')
})

test('a phase cap below its planned lines shows the breach in red and survives a reload', async ({ app }) => {
  const { page } = app
  await app.goto('budget')
  await editValue(page, 'Phase 1: Foundation, budget cap', '40000')
  const row = page.getByTestId('budget-phase-1').locator('tr.phase-row')
  await expect(row).toContainText('-€10,000')
  await expect(row.locator('td.text-danger')).toHaveText(/-€10,000/)
  await app.reload()
  await expect(page.getByRole('button', { name: 'Phase 1: Foundation, budget cap, €40,000' })).toBeVisible()
  await expect(page.getByText('All phases within their caps')).toHaveCount(0)
})

test('raising a share to 75% puts the DevOps Lead at 125% in Q4 2025, shown in red', async ({ app }) => {
  const { page } = app
  await app.goto('team')
  await editValue(page, 'DevOps Lead, migrationen, Q4 2025, share', '75')
  const chip = 'freshfoodz:alloc:2025-Q4:devops-lead:migrationen'
  await expect.poll(async () => (await stored(page, 'allocations', chip))?.['shareBp']).toBe(7_500)
  await app.reload()
  const cell = page.getByRole('cell', { name: 'DevOps Lead, Q4 2025, 125%', exact: true })
  await expect(cell).toHaveClass(/util-red/)
  await expect(page.getByRole('status')).toContainText('DevOps Lead in Q4 2025: 125% of 100%')
})
