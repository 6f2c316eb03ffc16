// Export, re-import, backup and restore, through the toolbar's Export menu and the real handlers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import type { Page } from '@playwright/test'
import { buildFreshFoodzPlan } from '../../src/shared/planning/seed/freshfoodz'
import type { PlanData } from '../../src/shared/planning/types'
import { backupFileOf } from './backup-file'
import { test, expect } from './fixtures'

const tmp = () => mkdtempSync(join(tmpdir(), 'qm-transfer-'))

async function menuItem(page: Page, name: string) {
  await page.getByRole('button', { name: 'Export, re-import and backup' }).click()
  await page.getByRole('menuitem', { name }).click()
}

/**
 * Every object store of the app's IndexedDB, read with the raw API (what is really on disk), with
 * the rows of the packed tables (allocations, budget lines: many rows to a record of `packs`) listed
 * under their table.
 */
async function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
  const out = await rawDump(page)
  for (const p of (out['packs'] ?? []) as { table: string; rows: unknown[] }[])
    (out[p.table] ??= []).push(...p.rows)
  return out
}

async function rawDump(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('quartermaster')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const names = [...idb.objectStoreNames]
          const tx = idb.transaction(names, 'readonly')
          const out: Record<string, unknown[]> = {}
          for (const n of names) {
            const req = tx.objectStore(n).getAll()
            req.onsuccess = () => {
              out[n] = req.result
            }
          }
          tx.oncomplete = () => {
            idb.close()
            resolve(out)
          }
          tx.onerror = () => reject(tx.error)
        }
      })
  )
}

/** Renames a role straight in IndexedDB (the app has no role-name editor); export reads the store afresh. */
async function renameFirstRole(page: Page, name: string) {
  await page.evaluate(
    (newName) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('quartermaster')
        open.onsuccess = () => {
          const idb = open.result
          const tx = idb.transaction('roles', 'readwrite')
          const store = tx.objectStore('roles')
          const req = store.getAll()
          req.onsuccess = () => {
            const roles = (req.result as { id: string; order: number; planId: string; name: string }[])
              .filter((r) => r.planId === 'freshfoodz')
              .sort((a, b) => a.order - b.order)
            store.put({ ...roles[0], name: newName })
          }
          tx.oncomplete = () => {
            idb.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    name
  )
}

test('exporting the built-in plan saves a workbook with every sheet, the totals and the hidden plan data', async ({
  app
}) => {
  const dir = tmp()
  await app.goto('overview')
  app.queueSave(join(dir, 'allocation.xlsx'))
  await menuItem(app.page, 'Export allocation sheet (Excel)…')
  await expect(app.page.getByText('Allocation sheet saved', { exact: true })).toBeVisible()
  await app.shot('transfer-export-saved')

  const saveCall = app.calls.find((c) => c.channel === 'export:xlsx')
  expect(saveCall).toBeTruthy()
  expect(app.recentFiles[0]).toBe(join(dir, 'allocation.xlsx'))
  const wb = XLSX.read(readFileSync(join(dir, 'allocation.xlsx')), { cellFormula: true })
  expect(wb.SheetNames).toEqual([
    'Team allocation',
    'Budget',
    'Summary',
    'Risks',
    'Deliverables and metrics',
    '_qm'
  ])
  expect(wb.Workbook?.Sheets?.[5]?.Hidden).toBe(1)
  const budget = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Budget'], { header: 1 })
  const total = budget.find((r) => r[0] === 'Plan total')!
  expect(total).toContain(415_000)
  // Totals are formulas, so edits in Excel recompute.
  const totalRow = budget.indexOf(total)
  const formulas = Object.entries(wb.Sheets['Budget'])
    .filter(([ref, cell]) => XLSX.utils.decode_cell(ref).r === totalRow && (cell as XLSX.CellObject).f)
    .map(([, cell]) => (cell as XLSX.CellObject).f)
  expect(formulas.some((f) => f?.startsWith('SUMIF('))).toBe(true)
  const team = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Team allocation'], { header: 1 })
  expect(team.find((r) => r[0] === 'DevOps Lead')?.slice(2, 7)).toEqual([1, 1, 0.5, 0, 0.5])
})

test('a role named like a formula is exported as plain text, in Excel and in CSV', async ({ app }) => {
  const dir = tmp()
  const evil = '=HYPERLINK("http://example.com","x")'
  await app.goto('team')
  await renameFirstRole(app.page, evil)
  app.queueSave(join(dir, 'evil.xlsx'))
  await menuItem(app.page, 'Export allocation sheet (Excel)…')
  await expect(app.page.getByText('Allocation sheet saved', { exact: true })).toBeVisible()
  const wb = XLSX.read(readFileSync(join(dir, 'evil.xlsx')), { cellFormula: true })
  const ws = wb.Sheets['Team allocation']
  const cells = Object.entries(ws).filter(([ref]) => !ref.startsWith('!'))
  const [, roleCell] = cells.find(([, c]) => (c as XLSX.CellObject).v === evil)!
  expect((roleCell as XLSX.CellObject).t).toBe('s')
  expect((roleCell as XLSX.CellObject).f).toBeUndefined()
  for (const sheet of Object.values(wb.Sheets)) {
    for (const [ref, c] of Object.entries(sheet)) {
      if (!ref.startsWith('!')) expect(String((c as XLSX.CellObject).f ?? '')).not.toContain('HYPERLINK')
    }
  }

  app.queueSave(join(dir, 'team.csv'))
  await menuItem(app.page, 'Export team board as CSV…')
  await expect(app.page.getByText('CSV saved', { exact: true })).toBeVisible()
  const csv = readFileSync(join(dir, 'team.csv'), 'utf8')
  expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`)
  expect(csv).not.toMatch(/(^|[,\n])=HYPERLINK/)
})

test('re-importing an edited export lists exactly the edits, and applying the accepted ones is one undoable step', async ({
  app
}) => {
  const dir = tmp()
  const path = join(dir, 'edited.xlsx')
  await app.goto('budget')
  app.queueSave(path)
  await menuItem(app.page, 'Export allocation sheet (Excel)…')
  await expect(app.page.getByText('Allocation sheet saved', { exact: true })).toBeVisible()

  // Edit it as someone would in Excel: two amounts changed, one line moved to another quarter.
  const wb = XLSX.read(readFileSync(path), { cellFormula: true, cellNF: true })
  const ws = wb.Sheets['Budget']
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: true })
  const header = rows.findIndex((r) => r.includes('qm:id'))
  const col = (label: string) => rows[header].indexOf(label)
  const rowOf = (title: string) => rows.findIndex((r) => String(r[0]).trim() === title)
  const set = (r: number, c: number, v: number | null) => {
    const ref = XLSX.utils.encode_cell({ r, c })
    if (v === null) delete ws[ref]
    else ws[ref] = { t: 'n', v }
  }
  set(rowOf('Database Migration Tools + Consulting'), col('Q4 2025'), 22_000)
  set(rowOf('Security Audit + ABAC Implementation'), col('Q4 2025'), 27_500)
  set(rowOf('Load Testing Infrastructure + Tools'), col('Q1 2026'), null)
  set(rowOf('Load Testing Infrastructure + Tools'), col('Q2 2026'), 20_000)
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))

  app.queueOpen(path)
  await menuItem(app.page, 'Re-import edited allocation sheet…')
  const dialog = app.page.getByRole('dialog', { name: 'Edits in the allocation sheet' })
  await expect(dialog).toContainText('Edits found in “edited.xlsx”: 3')
  const items = dialog.getByRole('listitem')
  await expect(items).toHaveCount(3)
  await expect(items.nth(0)).toContainText('Amount changed')
  await expect(items.nth(0)).toContainText('€20,000.00 → €22,000.00')
  await expect(items.nth(2)).toContainText('Moved to another quarter')
  await expect(items.nth(2)).toContainText('Q1 2026 → Q2 2026')
  await app.shot('transfer-reimport-review')

  // Reject the second edit, apply the other two.
  await dialog.getByRole('checkbox', { name: /Security Audit/ }).uncheck()
  await dialog.getByRole('button', { name: 'Apply 2 accepted' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    app.page.getByText('Edits applied from the allocation sheet: 2', { exact: true })
  ).toBeVisible()
  const db = await dumpDb(app.page)
  const lines = db['budgetLines'] as { title: string; amountCents: number; quarter: string }[]
  expect(lines.find((l) => l.title === 'Database Migration Tools + Consulting')?.amountCents).toBe(2_200_000)
  expect(lines.find((l) => l.title === 'Security Audit + ABAC Implementation')?.amountCents).toBe(3_000_000)
  expect(lines.find((l) => l.title === 'Load Testing Infrastructure + Tools')?.quarter).toBe('2026-Q2')
  const history = db['history'] as { kind: string }[]
  expect(history.at(-1)?.kind).toBe('import')
  // An automatic backup was written before the import.
  expect(app.calls.some((c) => c.channel === 'backup:auto-finish')).toBe(true)

  await app.page.getByRole('button', { name: 'Undo' }).click()
  await expect
    .poll(
      async () =>
        ((await dumpDb(app.page))['budgetLines'] as { title: string; amountCents: number }[]).find(
          (l) => l.title === 'Database Migration Tools + Consulting'
        )?.amountCents
    )
    .toBe(2_000_000)
})

test('back up, wipe the database, restore: everything is identical', async ({ app }) => {
  const dir = tmp()
  const path = join(dir, 'all.qmbackup')
  await app.goto('team')
  // A change first, so the backup holds history too: Security Specialist works 80 % in Q1 2026.
  await app.page.getByRole('button', { name: 'Security Specialist, Q1 2026, capacity, 100%' }).click()
  const field = app.page.getByRole('textbox', { name: 'Security Specialist, Q1 2026, capacity' })
  await field.fill('80')
  await field.press('Enter')
  await expect(
    app.page.getByRole('button', { name: 'Security Specialist, Q1 2026, capacity, 80%' })
  ).toBeVisible()
  await expect.poll(async () => ((await dumpDb(app.page))['history'] ?? []).length).toBe(1)
  const before = await dumpDb(app.page)
  app.queueSave(path)
  await menuItem(app.page, 'Back up all plans…')
  await expect(app.page.getByText('Backup saved', { exact: true })).toBeVisible()

  // Wipe: delete the database, reload; the app starts over with the built-in plan.
  await app.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const req = indexedDB.deleteDatabase('quartermaster')
        req.onsuccess = () => resolve()
        req.onerror = () => resolve()
        req.onblocked = () => resolve()
      })
  )
  await app.page.reload()
  await expect(app.page.getByTestId('plan-name')).toContainText('FreshFoodz')

  app.queueOpen(path)
  await menuItem(app.page, 'Restore from backup…')
  const ask = app.page.getByRole('alertdialog', { name: 'Restore this backup?' })
  await expect(ask).toContainText('plans')
  await app.shot('transfer-restore-ask')
  await ask.getByRole('button', { name: 'Replace everything' }).click()
  await expect(app.page.getByText('Backup restored', { exact: true })).toBeVisible()
  expect(app.calls.filter((c) => c.channel === 'backup:auto-finish').length).toBe(1)
  expect(await dumpDb(app.page)).toEqual(before)
})

test('a truncated backup is refused with a clear message and nothing changes', async ({ app }) => {
  const dir = tmp()
  const path = join(dir, 'all.qmbackup')
  await app.goto('overview')
  app.queueSave(path)
  await menuItem(app.page, 'Back up all plans…')
  await expect(app.page.getByText('Backup saved', { exact: true })).toBeVisible()
  const bytes = readFileSync(path)
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
  const before = await dumpDb(app.page)

  app.queueOpen(path)
  await menuItem(app.page, 'Restore from backup…')
  await expect(app.page.getByText('Nothing was restored', { exact: true })).toBeVisible()
  await expect(app.page.locator('.toast-desc', { hasText: /truncated or damaged/ })).toBeVisible()
  await app.shot('transfer-restore-truncated')
  expect(app.calls.some((c) => c.channel === 'backup:auto-finish')).toBe(false)
  expect(await dumpDb(app.page)).toEqual(before)
})

test('merging a backup whose plan shares entries with the app’s plan is refused in the language shown', async ({
  app
}) => {
  const builtIn = buildFreshFoodzPlan()
  // The built-in plan under another plan id: every row keeps the id the app's own plan has.
  const other = Object.fromEntries(
    Object.entries(builtIn).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.map((row: { planId: string }) => ({ ...row, planId: 'copy' })) : v
    ])
  ) as unknown as PlanData
  other.plan = { ...builtIn.plan, id: 'copy', name: 'FreshFoodz copy' }
  const path = backupFileOf(other, 'qm-transfer-')
  await app.goto('overview')
  await app.page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const before = await dumpDb(app.page)
  app.queueOpen(path)
  await app.page.getByRole('button', { name: 'Export, Wiedereinlesen und Sicherung' }).click()
  await app.page.getByRole('menuitem', { name: 'Aus Sicherung wiederherstellen…' }).click()
  await app.page
    .getByRole('alertdialog', { name: 'Diese Sicherung wiederherstellen?' })
    .getByRole('button', { name: 'Zusammenführen' })
    .click()
  const toast = app.page.locator('.toast', { hasText: 'Nichts wurde wiederhergestellt' })
  await expect(toast).toContainText(
    'Der Plan „FreshFoodz copy“ in der Sicherung teilt Einträge mit einem Plan in der App; wählen Sie stattdessen „Alles ersetzen“.'
  )
  await app.shot('transfer-merge-clash-de-1280')
  await app.page.setViewportSize({ width: 960, height: 600 })
  await app.shot('transfer-merge-clash-de-960')
  const after = await dumpDb(app.page)
  // Only the automatic backup before the restore may differ; no plan rows were added.
  expect(after['plans']).toEqual(before['plans'])
  expect(after['packs']).toEqual(before['packs'])
})
