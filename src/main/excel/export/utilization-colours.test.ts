import { strFromU8, unzipSync } from 'fflate'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { rangesWithFormat } from '../../../shared/export/layout'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { readAllocationWorkbook } from './read-workbook'
import { writeAllocationWorkbook } from './write-workbook'

describe('utilization colours of the allocation workbook', () => {
  it('are amber above the soft cap and red above 100 %, as in the app; never blue', async () => {
    const plan = buildFreshFoodzPlan({ now: '2026-11-26T00:00:00.000Z' })
    plan.plan.softCapBp = 8_000
    const bytes = await writeAllocationWorkbook(plan, { language: 'en' })
    const files = unzipSync(bytes)
    const styles = strFromU8(files['xl/styles.xml'])
    const team = strFromU8(files['xl/worksheets/sheet1.xml'])
    expect(styles).not.toMatch(/\[Blue\]/i)
    // dxf 0 amber (the app's warning text colour), dxf 1 red.
    expect(styles).toMatch(
      /<dxfs count="2"><dxf><font><b\/><color rgb="FF8A5200"\/>.*<color rgb="FFC62F2F"\/>/
    )
    const rules = /<conditionalFormatting sqref="([^"]+)">(.*?)<\/conditionalFormatting>/.exec(team)
    expect(rules).not.toBeNull()
    expect(rules![2]).toContain('dxfId="1" priority="1" operator="greaterThan" stopIfTrue="1"><formula>1<')
    expect(rules![2]).toContain('dxfId="0" priority="2" operator="greaterThan"><formula>0.8<')
    // The rules sit where the schema wants them: after the cells, before the page margins.
    expect(team.indexOf('<conditionalFormatting')).toBeGreaterThan(team.indexOf('</sheetData>'))
    expect(team.indexOf('<conditionalFormatting')).toBeLessThan(team.indexOf('<pageMargins'))
    // Every utilization cell of the team sheet is covered, and only those.
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true })
    const ws = wb.Sheets[wb.SheetNames[0]]
    const covered = new Set<string>()
    for (const range of rules![1].split(' ')) {
      const r = XLSX.utils.decode_range(range)
      for (let row = r.s.r; row <= r.e.r; row++)
        for (let col = r.s.c; col <= r.e.c; col++) covered.add(XLSX.utils.encode_cell({ r: row, c: col }))
    }
    const utilCells = Object.keys(ws).filter((k) => !k.startsWith('!') && /0%$/.test(String(ws[k].z ?? '')))
    expect(utilCells.length).toBeGreaterThan(0)
    expect(new Set(utilCells)).toEqual(covered)
    // The workbook still reads back to the same plan.
    expect(readAllocationWorkbook(bytes).stored.budgetLines).toEqual(plan.budgetLines)
  })

  it('joins neighbouring cells of a row into one range', () => {
    const u = { t: 'n' as const, v: 1, z: 'U' }
    const o = { t: 'n' as const, v: 1, z: 'other' }
    expect(rangesWithFormat([[undefined, u, u, u, o, u], [], [u]], 'U')).toEqual(['B1:D1', 'F1', 'A3'])
  })
})
