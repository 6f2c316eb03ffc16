// The allocation workbook's Actuals sheet: plan, actual and variance as formulas whose cached
// values are the app's figures, and a re-import that never touches actuals.
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { applyActualChanges, mergeActuals } from '../../../shared/actuals/merge'
import { chfToEurCents } from '../../../shared/actuals/currency'
import type { ActualSum } from '../../../shared/actuals/types'
import { diffExport } from '../../../shared/export/diff'
import { idSequence } from '../../../../test/support/testing'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import type { PlanData } from '../../../shared/planning/types'
import { readAllocationWorkbook } from './read-workbook'
import { writeAllocationWorkbook } from './write-workbook'

const plan = buildFreshFoodzPlan({ planId: 'p', now: '2026-11-26T00:00:00.000Z' })
const ws = (key: string) => plan.workstreams.find((w) => w.key === key)!.id
const sum = (s: Partial<ActualSum> & Pick<ActualSum, 'phaseId' | 'quarter'>): ActualSum => ({
  workstreamId: null,
  category: '6815 Beratung',
  eurCents: 0,
  chfCents: 0,
  chfBaseCents: chfToEurCents(s.chfCents ?? 0, 1.07),
  chfToEur: 1.07,
  bookings: 1,
  ...s
})
const source = { fileName: 'buchungen.csv', fingerprint: 'sha256:x', importedAt: '2026-04-02T00:00:00.000Z' }
const actuals = applyActualChanges(
  [],
  mergeActuals(
    [],
    [
      sum({ phaseId: 'p:phase:1', quarter: '2025-Q4', eurCents: 5_412_345, bookings: 40 }),
      // Two CHF bookings of 0.50 were 0.54 each: the actual keeps 1.08, not CHF 1.00 × 1.07.
      sum({
        phaseId: 'p:phase:1',
        workstreamId: ws('sicherheit'),
        quarter: '2025-Q4',
        category: '6300',
        chfCents: 100,
        chfBaseCents: 108,
        bookings: 2
      }),
      sum({ phaseId: 'p:phase:2', quarter: '2026-Q1', eurCents: 2_000_000, chfCents: 1_000_000 })
    ],
    'p',
    source,
    'add'
  )
)
const withActuals = { ...plan, actuals, costCentres: [] } as PlanData

type Cell = { v?: unknown; f?: string }
function grid(bytes: Uint8Array, sheet: string) {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true })
  const s = wb.Sheets[sheet]
  if (!s) throw new Error(`no sheet ${sheet} in ${wb.SheetNames.join(', ')}`)
  const at = (ref: string) => (s[ref] ?? {}) as Cell
  return { wb, s, at, rows: XLSX.utils.sheet_to_json<unknown[]>(s, { header: 1, defval: null }) }
}

describe('the Actuals sheet of the allocation workbook', () => {
  it('has plan, actual and variance per phase and quarter as formulas with the app’s values', async () => {
    const bytes = await writeAllocationWorkbook(withActuals, { language: 'en' })
    const { wb, at, rows } = grid(bytes, 'Actuals')
    const budget = wb.Sheets['Budget']
    // Row 6 (index 5): Foundation, Q4 2025.
    expect(rows[5].slice(0, 2)).toEqual(['Foundation', 'Q4 2025'])
    expect(at('C6')).toMatchObject({ v: 50_000 })
    expect(at('C6').f).toMatch(/^'?Budget'?!\$?[A-Z]+\$?\d+$/)
    // The reference points at the budget sheet's Foundation row, Q4 2025 column.
    const ref = at('C6').f!.split('!')[1].replace(/\$/g, '')
    expect((budget[ref] as Cell).v).toBe(50_000)
    // 54,123.45 + CHF 1.08 = 54,124.53; variance 50,000 - 54,124.53
    expect(at('D6')).toMatchObject({ v: 54_124.53 })
    expect(at('D6').f).toMatch(/^SUMIFS\(\$H\$\d+:\$H\$\d+,\$L\$\d+:\$L\$\d+,L6,\$M\$\d+:\$M\$\d+,M6\)$/)
    expect(at('E6')).toMatchObject({ v: -4_124.53, f: 'C6-D6' })

    // Every SUMIFS, worked out over the detail rows, gives its cached value.
    const detail = rows.filter((r) => r[10] === 'actual')
    expect(detail).toHaveLength(3)
    let total = 0
    rows.forEach((r, i) => {
      if (r[10] !== 'pva') return
      const want = detail
        .filter((d) => d[11] === r[11] && d[12] === r[12])
        .reduce((a, d) => a + Math.round((d[7] as number) * 100), 0)
      expect([i, Math.round((r[3] as number) * 100)]).toEqual([i, want])
      total += want
    })
    // CHF 10,000 at 1.07 = 10,700.00
    expect(total).toBe(5_412_345 + 108 + 2_000_000 + 1_070_000)
    const sicherheit = detail.find((d) => d[5] === 1)!
    expect(sicherheit.slice(0, 10)).toEqual([
      'Foundation',
      'Q4 2025',
      'ABAC/RLS Foundation',
      '6300',
      0,
      1,
      1.08,
      1.08,
      2,
      'buchungen.csv'
    ])
    const totalRow = rows.findIndex((r) => r[0] === 'Total') + 1
    expect(at(`D${totalRow}`)).toMatchObject({ v: total / 100 })
    expect(at(`D${totalRow}`).f).toMatch(/^SUM\(D6:D\d+\)$/)
  })

  it('is named in German in a German export, and absent when the plan has no actuals', async () => {
    const de = XLSX.read(await writeAllocationWorkbook(withActuals, { language: 'de' }), { type: 'array' })
    expect(de.SheetNames).toContain('Ist-Kosten')
    const none = XLSX.read(await writeAllocationWorkbook(plan, { language: 'en' }), { type: 'array' })
    expect(none.SheetNames).not.toContain('Actuals')
  })

  it('re-importing an edited export leaves actuals untouched', async () => {
    const bytes = await writeAllocationWorkbook(withActuals, { language: 'en' })
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true })
    // Someone types over the actuals (and the budget): only the budget edit may come back.
    const act = wb.Sheets['Actuals']
    for (const ref of ['D6', 'E8', 'H30', 'I30']) act[ref] = { t: 'n', v: 999 }
    const budget = wb.Sheets['Budget']
    const range = XLSX.utils.decode_range(budget['!ref']!)
    let edited = false
    for (let r = 5; r <= range.e.r && !edited; r++) {
      const kind = budget[XLSX.utils.encode_cell({ r, c: range.e.c - 1 })] as Cell | undefined
      if (kind?.v !== 'line') continue
      for (let c = 4; c < range.e.c - 5 && !edited; c++) {
        const cell = budget[XLSX.utils.encode_cell({ r, c })] as Cell | undefined
        if (typeof cell?.v === 'number') {
          budget[XLSX.utils.encode_cell({ r, c })] = { t: 'n', v: (cell.v as number) + 1 }
          edited = true
        }
      }
    }
    expect(edited).toBe(true)
    const back = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const read = readAllocationWorkbook(back)
    // The hidden plan data is PlanData only.
    expect(read.stored).toEqual(plan)
    expect('actuals' in read.stored).toBe(false)
    const diff = diffExport(read.stored, read.visible, withActuals, { newId: idSequence() })
    const tables = diff.changes.flatMap((c) => c.changes.map((x) => x.table))
    expect(tables).toEqual(['budgetLines'])
  })
})
