import { describe, expect, it } from 'vitest'
import { applyChanges } from '../planning/changes'
import { clonePlanData } from '../planning/clone'
import { moveAllocation, moveBudgetLine, setRiskImpactCents, setWorkstreamSchedule } from '../planning/moves'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import type { PlanData } from '../planning/types'
import { buildComparisonReport } from './compare-report'
import { comparisonSheets } from './compare-sheet'

const base = () => buildFreshFoodzPlan({ planId: 'freshfoodz' })
const branch = (b: PlanData) => clonePlanData(b, { newPlanId: 's', name: 'What if', baseId: b.plan.id })
const ws = (d: PlanData, key: string) => d.workstreams.find((w) => w.key === key)!
const role = (d: PlanData, name: string) => d.roles.find((r) => r.name === name)!

describe('buildComparisonReport', () => {
  it('finds no differences in an unchanged copy', () => {
    const b = base()
    const r = buildComparisonReport(b, branch(b))
    expect(r.identical).toBe(true)
    expect(r.shareDeltas).toEqual([])
    expect(r.budgetDeltas).toEqual([])
    expect(r.scheduleChanges).toEqual([])
    expect(r.a.totalCostCents).toBe(r.b.totalCostCents)
  })

  it('shows exactly the moved share and the moved budget line, and nothing else', () => {
    const b = base()
    let s = branch(b)
    const devops = role(s, 'DevOps Lead')
    const chip = s.allocations.find(
      (a) => a.roleId === devops.id && a.quarter === '2026-Q1' && a.workstreamId === ws(s, 'betrieb').id
    )!
    s = applyChanges(s, moveAllocation(s, chip.id, { quarter: '2026-Q2' }))
    const line = s.budgetLines.find((l) => l.title.startsWith('Backup'))!
    s = applyChanges(s, moveBudgetLine(s, line.id, { quarter: '2026-Q3' }))
    const r = buildComparisonReport(b, s)
    expect(r.identical).toBe(false)
    expect(r.shareDeltas).toEqual([
      { role: 'DevOps Lead', quarter: '2026-Q1', aBp: 10_000, bBp: 5_000, deltaBp: -5_000 },
      { role: 'DevOps Lead', quarter: '2026-Q2', aBp: 5_000, bBp: 10_000, deltaBp: 5_000 }
    ])
    expect(r.budgetDeltas.map((d) => [d.quarter, d.deltaCents])).toEqual([
      ['2026-Q1', -3_000_000],
      ['2026-Q3', 3_000_000]
    ])
    expect(r.scheduleChanges).toEqual([])
    expect(r.b.dependencyWarnings).toEqual([])
    expect(r.a.totalCostCents).toBe(r.b.totalCostCents)
    const q3 = r.quarters.find((q) => q.quarter === '2026-Q3')!
    expect(q3.bBudgetCents - q3.aBudgetCents).toBe(3_000_000)
  })

  it('names the dependency broken when skalierung is scheduled before integration ends', () => {
    const b = base()
    let s = branch(b)
    s = applyChanges(s, setWorkstreamSchedule(s, ws(s, 'skalierung').id, '2026-04', 8))
    const r = buildComparisonReport(b, s)
    expect(r.a.dependencyWarnings).toEqual([])
    expect(r.b.dependencyWarnings).toContainEqual({
      kind: 'schedule',
      workstream: 'skalierung',
      dependsOn: 'integration',
      start: '2026-04',
      dependencyEnd: '2026-05'
    })
    expect(r.scheduleChanges).toHaveLength(1)
  })

  it('is not "identical" when only the risk contingency differs', () => {
    const b = base()
    let s = branch(b)
    s = applyChanges(s, setRiskImpactCents(s, s.risks[0].id, s.risks[0].impactCents + 1_000_000))
    const r = buildComparisonReport(b, s)
    expect(r.shareDeltas).toEqual([])
    expect(r.budgetDeltas).toEqual([])
    expect(r.identical).toBe(false)
    expect(r.b.contingencyCents).toBeGreaterThan(r.a.contingencyCents)
  })
})

describe('comparisonSheets', () => {
  it('writes euros and shares as numbers with formats, and says "No differences" where nothing differs', () => {
    const b = base()
    let s = branch(b)
    const line = s.budgetLines.find((l) => l.title.startsWith('Backup'))!
    s = applyChanges(s, moveBudgetLine(s, line.id, { quarter: '2026-Q3' }))
    const sheets = comparisonSheets(buildComparisonReport(b, s), 'de', '2026-01-01T00:00:00.000Z')
    expect(sheets.map((x) => x.name)).toEqual([
      'Übersicht',
      'Anteilsänderungen',
      'Budgetänderungen',
      'Zeitplan',
      'Hinzugefügt und entfernt',
      'Budget je Quartal',
      'Prüfungen'
    ])
    expect(sheets[1].rows[1]).toEqual(['Keine Unterschiede'])
    const budget = sheets[2].rows
    expect(budget[1][1]).toBe('Q1 2026')
    expect(budget[1][4]).toMatchObject({ v: -30_000 })
    expect(budget[2][4]).toMatchObject({ v: 30_000 })
  })
})

describe('forecasts in a comparison', () => {
  it("shows each side's forecast at completion from the base plan's actuals, in the panel's report and the workbook", async () => {
    const { actualsForPlan } = await import('../actuals/variance')
    const b = base()
    const phase = (order: number) => b.phases.find((p) => p.order === order)!.id
    const actual = (order: number, quarter: '2025-Q4' | '2026-Q1', eurCents: number) => ({
      id: `a${order}`,
      planId: b.plan.id,
      phaseId: phase(order),
      workstreamId: null,
      quarter,
      category: '',
      eurCents,
      chfCents: 0,
      bookings: 10,
      source: { fileName: 'b.csv', fingerprint: 'x', importedAt: '2026-04-01T00:00:00.000Z' }
    })
    const actuals = [actual(1, '2025-Q4', 5_500_000), actual(2, '2026-Q1', 3_000_000)]
    let s = branch(b)
    // The scenario pulls an open quarter's line into the last closed one: less left to spend.
    const line = s.budgetLines.find((l) => l.quarter === '2026-Q2')!
    s = applyChanges(s, moveBudgetLine(s, line.id, { quarter: '2026-Q1' }))
    const r = buildComparisonReport(b, s, { a: actuals, b: actualsForPlan(s, actuals) })
    // 85,000 spent; open plan 290,000 on A (Q2-Q4), less the moved line on B.
    expect(r.a.forecast).toEqual({
      actualCents: 8_500_000,
      atCompletionCents: 37_500_000,
      // 85,000 + 290,000 × 85,000 ÷ 125,000
      runRateCents: 28_220_000,
      closedThrough: '2026-Q1',
      bookings: 20
    })
    expect(r.b.forecast).toMatchObject({
      actualCents: 8_500_000,
      atCompletionCents: 37_500_000 - line.amountCents,
      closedThrough: '2026-Q1'
    })
    const summary = comparisonSheets(r, 'en', '2026-04-02').find((sh) => sh.name === 'Summary')!
    expect(summary.rows).toContainEqual(['Actual costs through Q1 2026 (20 bookings)'])
    expect(summary.rows).toContainEqual([
      'Forecast at completion',
      { v: 375_000, z: expect.any(String) },
      { v: (37_500_000 - line.amountCents) / 100, z: expect.any(String) },
      { v: -line.amountCents / 100, z: expect.any(String) }
    ])
    const de = comparisonSheets(r, 'de', '2026-04-02').find((sh) => sh.name === 'Übersicht')!
    expect(de.rows.map((row) => row[0])).toContain('Prognose bei Abschluss')
    // Without actuals a side has no forecast, and the workbook no forecast rows.
    expect(buildComparisonReport(b, s).a.forecast).toBeNull()
  })
})
