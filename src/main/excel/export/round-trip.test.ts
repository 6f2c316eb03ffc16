import fc from 'fast-check'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { arbitraryPlan } from '../../../shared/export/arbitrary-plan'
import { applyExportChanges, diffExport, planFromExport } from '../../../shared/export/diff'
import { budgetTotals } from '../../../shared/planning/budget'
import { idSequence } from '../../../shared/planning/testing'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { utilization } from '../../../shared/planning/utilization'
import type { PlanData } from '../../../shared/planning/types'
import { readAllocationWorkbook } from './read-workbook'
import { writeAllocationWorkbook } from './write-workbook'

/** Edits a written workbook the way a person in Excel would, then writes it back (SheetJS, like Excel's own save). */
function editWorkbook(bytes: Uint8Array, edit: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellStyles: true })
  edit(wb)
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

/** Finds the row of a budget line by its hidden id, and the column of a header. */
function locate(ws: XLSX.WorkSheet, id: string, header: string): { row: number; col: number } {
  const range = XLSX.utils.decode_range(ws['!ref']!)
  let row = -1
  let col = -1
  for (let r = range.s.r; r <= range.e.r; r++) {
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined
      if (cell?.v === id) row = r
      if (cell?.v === header && col < 0) col = c
    }
  }
  if (row < 0 || col < 0) throw new Error(`not found: ${id} / ${header}`)
  return { row, col }
}

describe('allocation workbook round trip', () => {
  it('reading the export of the built-in plan gives back the plan exactly, and no edits', async () => {
    const plan = buildFreshFoodzPlan({ now: '2026-11-26T00:00:00.000Z' })
    const read = readAllocationWorkbook(await writeAllocationWorkbook(plan, { language: 'en' }))
    expect(read.stored).toEqual(plan)
    expect(diffExport(read.stored, read.visible, plan, { newId: idSequence() })).toEqual({
      changes: [],
      warnings: []
    })
    expect(planFromExport(read.stored, read.visible, { newId: idSequence() })).toEqual(plan)
  })

  it('keeps text that looks like an XML escape or holds characters XML cannot carry', async () => {
    const plan = buildFreshFoodzPlan()
    plan.plan = { ...plan.plan, notes: 'literal _x0041_ and _X00e4_, <tag> & "quotes", \uFFFE\uFFFF end' }
    plan.budgetLines[0] = { ...plan.budgetLines[0], title: '_x0041_ stays' }
    const read = readAllocationWorkbook(await writeAllocationWorkbook(plan, { language: 'en' }))
    expect(read.stored).toEqual(plan)
  })

  it('a German export reads back the same way', async () => {
    const plan = buildFreshFoodzPlan()
    const read = readAllocationWorkbook(await writeAllocationWorkbook(plan, { language: 'de' }))
    expect(read.stored).toEqual(plan)
    expect(diffExport(read.stored, read.visible, plan, { newId: idSequence() }).changes).toEqual([])
  })

  it('recreates random plans exactly, money to the cent, from the hidden data and from the visible cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryPlan,
        fc.constantFrom('en' as const, 'de' as const),
        async (plan, language) => {
          const read = readAllocationWorkbook(await writeAllocationWorkbook(plan, { language }))
          expect(read.stored).toEqual(plan)
          const diff = diffExport(read.stored, read.visible, plan, { newId: idSequence() })
          // Lines whose amounts the sheet cannot show apart (none here) would surface as changes or warnings.
          expect(diff.changes).toEqual([])
          expect(diff.warnings).toEqual([])
          const rebuilt = planFromExport(read.stored, read.visible, { newId: idSequence() })
          expect(budgetTotals(rebuilt)).toEqual(budgetTotals(plan))
          expect(utilization(rebuilt)).toEqual(utilization(plan))
        }
      ),
      { numRuns: 60 }
    )
  })

  it('lists exactly the three edits made in Excel: two amounts changed and one line moved to another quarter', async () => {
    const plan = buildFreshFoodzPlan()
    const [first, second, third] = plan.budgetLines
    const edited = editWorkbook(await writeAllocationWorkbook(plan, { language: 'en' }), (wb) => {
      const ws = wb.Sheets['Budget']
      const a = locate(ws, first.id, 'Q4 2025')
      ws[XLSX.utils.encode_cell({ r: a.row, c: a.col })] = { t: 'n', v: 21_500.5 }
      const b = locate(ws, second.id, 'Q4 2025')
      ws[XLSX.utils.encode_cell({ r: b.row, c: b.col })] = { t: 'n', v: 28_000 }
      // Move the third line (Q1 2026) to Q2 2026: cut and paste the amount.
      const from = locate(ws, third.id, 'Q1 2026')
      const to = locate(ws, third.id, 'Q2 2026')
      const cell = ws[XLSX.utils.encode_cell({ r: from.row, c: from.col })]
      delete ws[XLSX.utils.encode_cell({ r: from.row, c: from.col })]
      ws[XLSX.utils.encode_cell({ r: to.row, c: to.col })] = cell
    })
    const read = readAllocationWorkbook(edited)
    const diff = diffExport(read.stored, read.visible, plan, { newId: idSequence() })
    expect(diff.warnings).toEqual([])
    expect(diff.changes.map((c) => [c.kind, c.label, c.fields])).toEqual([
      ['amount', first.title, [{ field: 'amount', from: 2_000_000, to: 2_150_050 }]],
      ['amount', second.title, [{ field: 'amount', from: 3_000_000, to: 2_800_000 }]],
      ['quarter', third.title, [{ field: 'quarter', from: '2026-Q1', to: '2026-Q2' }]]
    ])
    // Accepting all three gives the plan the file shows; rejecting one keeps that line as it was.
    const all = applyExportChanges(plan, diff.changes)
    expect(all.budgetLines.find((l) => l.id === third.id)?.quarter).toBe('2026-Q2')
    const some = applyExportChanges(plan, diff.changes.slice(1))
    expect(some.budgetLines.find((l) => l.id === first.id)?.amountCents).toBe(2_000_000)
    expect(some.budgetLines.find((l) => l.id === second.id)?.amountCents).toBe(2_800_000)
  })

  it('reports a share changed in the team sheet, creates an allocation for a new cell and flags conflicts', async () => {
    const plan = buildFreshFoodzPlan()
    const alloc = plan.allocations[0]
    const edited = editWorkbook(await writeAllocationWorkbook(plan, { language: 'en' }), (wb) => {
      const ws = wb.Sheets['Team allocation']
      const range = XLSX.utils.decode_range(ws['!ref']!)
      let kindCol = -1
      let qCol = -1
      for (let c = 0; c <= range.e.c; c++) {
        const v = ws[XLSX.utils.encode_cell({ r: 3, c })]?.v
        if (v === 'qm:kind') kindCol = c
      }
      const label = `Q${alloc.quarter.slice(6)} ${alloc.quarter.slice(0, 4)}`
      for (let c = 0; c <= range.e.c; c++) if (ws[XLSX.utils.encode_cell({ r: 3, c })]?.v === label) qCol = c
      for (let r = 4; r <= range.e.r; r++) {
        const kind = ws[XLSX.utils.encode_cell({ r, c: kindCol })]?.v
        const role = ws[XLSX.utils.encode_cell({ r, c: kindCol + 1 })]?.v
        const wsId = ws[XLSX.utils.encode_cell({ r, c: kindCol + 2 })]?.v
        if (kind === 'alloc' && role === alloc.roleId && wsId === alloc.workstreamId) {
          ws[XLSX.utils.encode_cell({ r, c: qCol })] = { t: 'n', v: 0.75 }
          // A quarter where this pair had nothing: a new allocation.
          let emptyCol = qCol === 2 ? 3 : 2
          if (ws[XLSX.utils.encode_cell({ r, c: emptyCol })]) emptyCol = 6
          ws[XLSX.utils.encode_cell({ r, c: emptyCol })] = { t: 'n', v: 0.1 }
        }
      }
    })
    const read = readAllocationWorkbook(edited)
    // The plan changed in the app since the export: the same cell now holds 60 %.
    const current: PlanData = {
      ...plan,
      allocations: plan.allocations.map((a) => (a.id === alloc.id ? { ...a, shareBp: 6_000 } : a))
    }
    const diff = diffExport(read.stored, read.visible, current, { newId: idSequence('new') })
    expect(diff.changes).toHaveLength(2)
    const [changed, created] = diff.changes
    expect(changed.kind).toBe('share')
    expect(changed.fields).toEqual([{ field: 'share', quarter: alloc.quarter, from: 6_000, to: 7_500 }])
    expect(changed.conflict).toBe(true)
    expect(created.changes[0]).toMatchObject({ table: 'allocations', id: 'new1', before: null })
    expect(created.conflict).toBe(false)
  })

  it('refuses files that are not its own export with a clear message', async () => {
    expect(() => readAllocationWorkbook(new Uint8Array([1, 2, 3, 4]))).toThrow(
      /not (a readable Excel workbook|exported by Quartermaster)/
    )
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Budget', 1]]), 'Budget')
    const foreign = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    expect(() => readAllocationWorkbook(foreign)).toThrow('This workbook was not exported by Quartermaster')
    const damaged = editWorkbook(
      await writeAllocationWorkbook(buildFreshFoodzPlan(), { language: 'en' }),
      (w) => {
        const hidden = w.Sheets['_qm']
        hidden['A4'] = { t: 's', v: '{"plan":' }
      }
    )
    expect(() => readAllocationWorkbook(damaged)).toThrow(/hidden plan data in this workbook is damaged/)
  })
})
