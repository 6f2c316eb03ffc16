// Plan against actual on the FreshFoodz plan: variance, burn and forecast, to the cent.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import type { QuarterKey } from '../planning/types'
import { chfToEurCents } from './currency'
import { actualId, applyActualChanges, mergeActuals, overlappingQuarters } from './merge'
import type { Actual, ActualSum } from './types'
import { actualsForPlan, planVsActual } from './variance'

const plan = buildFreshFoodzPlan({ planId: 'p', now: '2026-01-01T00:00:00.000Z' })
const source = { fileName: 'buchungen.xlsx', fingerprint: 'f1', importedAt: '2026-04-02T00:00:00.000Z' }

function actuals(sums: Partial<ActualSum>[]): Actual[] {
  const full = sums.map((s) => ({
    phaseId: 'p:phase:1',
    workstreamId: null,
    quarter: '2025-Q4' as QuarterKey,
    category: '',
    eurCents: 0,
    chfCents: 0,
    bookings: 1,
    chfToEur: plan.plan.chfToEur,
    ...s,
    chfBaseCents: s.chfBaseCents ?? chfToEurCents(s.chfCents ?? 0, plan.plan.chfToEur)
  }))
  return applyActualChanges([], mergeActuals([], full, 'p', source, 'add'))
}

describe('planVsActual', () => {
  it('shows plan, actual and remaining per phase and quarter, over plan flagged', () => {
    const r = planVsActual(
      plan,
      actuals([
        { phaseId: 'p:phase:1', quarter: '2025-Q4', eurCents: 5_500_000 },
        { phaseId: 'p:phase:2', quarter: '2026-Q1', eurCents: 2_000_000, chfCents: 1_000_000 }
      ])
    )
    const p1 = r.byPhase.get('p:phase:1')!
    expect(p1).toMatchObject({
      planCents: 5_000_000,
      actualCents: 5_500_000,
      remainingCents: -500_000,
      over: true
    })
    const p2 = r.byPhase.get('p:phase:2')!.byQuarter.get('2026-Q1')!
    // CHF 10,000.00 at 1.07
    expect(p2).toEqual({
      planCents: 7_500_000,
      actualCents: 3_070_000,
      remainingCents: 4_430_000,
      over: false
    })
    expect(r.closed).toEqual(['2025-Q4', '2026-Q1'])
    expect(r.open).toEqual(['2026-Q2', '2026-Q3', '2026-Q4'])
    expect(r.total.actualCents).toBe(8_570_000)
    expect(r.total.planCents).toBe(41_500_000)
  })

  it('forecasts actual to date plus the open plan, and a run-rate variant', () => {
    const r = planVsActual(
      plan,
      actuals([
        { phaseId: 'p:phase:1', quarter: '2025-Q4', eurCents: 5_500_000 },
        { phaseId: 'p:phase:2', quarter: '2026-Q1', eurCents: 9_000_000 }
      ])
    )
    // Open plan: 100k + 40k + 150k = 290k; spent 145k against 125k planned so far.
    expect(r.total.forecast.atCompletionCents).toBe(14_500_000 + 29_000_000)
    expect(r.total.forecast.runRateCents).toBe(14_500_000 + Math.round((29_000_000 * 145) / 125))
    // A phase not started runs at the plan's overall rate.
    expect(r.byPhase.get('p:phase:5')!.forecast).toEqual({
      atCompletionCents: 15_000_000,
      runRateCents: 17_400_000
    })
    expect(r.byPhase.get('p:phase:1')!.forecast).toEqual({
      atCompletionCents: 5_500_000,
      runRateCents: 5_500_000
    })
  })

  it('draws cumulative burn: plan every quarter, actual through the closed ones', () => {
    const r = planVsActual(plan, actuals([{ phaseId: 'p:phase:1', quarter: '2025-Q4', eurCents: 4_000_000 }]))
    expect(r.burn.map((b) => [b.quarter, b.planCents, b.actualCents])).toEqual([
      ['2025-Q4', 5_000_000, 4_000_000],
      ['2026-Q1', 12_500_000, null],
      ['2026-Q2', 22_500_000, null],
      ['2026-Q3', 26_500_000, null],
      ['2026-Q4', 41_500_000, null]
    ])
  })

  it('without actuals forecasts the plan itself', () => {
    const r = planVsActual(plan, [])
    expect(r.closed).toEqual([])
    expect(r.total.forecast).toEqual({ atCompletionCents: 41_500_000, runRateCents: 41_500_000 })
  })

  it('property: tables add up, remaining is plan minus actual, forecasts match with actuals equal to plan', () => {
    const phaseIds = plan.phases.map((p) => p.id)
    const sum = fc.record({
      phaseId: fc.constantFrom(...phaseIds),
      quarter: fc.constantFrom(...plan.plan.quarters),
      category: fc.constantFrom('a', 'b'),
      eurCents: fc.integer({ min: -1_000_000, max: 10_000_000 }),
      chfCents: fc.integer({ min: -1_000_000, max: 10_000_000 })
    })
    fc.assert(
      fc.property(fc.array(sum, { maxLength: 30 }), (sums) => {
        const r = planVsActual(plan, actuals(sums))
        let phaseTotal = 0
        for (const g of r.byPhase.values()) {
          let quarters = 0
          for (const f of g.byQuarter.values()) {
            quarters += f.actualCents
            expect(f.remainingCents).toBe(f.planCents - f.actualCents)
          }
          expect(g.actualCents).toBe(quarters)
          phaseTotal += g.actualCents
        }
        expect(r.total.actualCents).toBe(phaseTotal)
        expect([...r.byQuarter.values()].reduce((s, f) => s + f.actualCents, 0)).toBe(phaseTotal)
        expect(r.burn.at(-1)!.planCents).toBe(41_500_000)
      })
    )
    // Spending exactly the plan in every closed quarter: both forecasts are the plan.
    const onPlan = plan.budgetLines
      .filter((l) => l.quarter <= '2026-Q2')
      .map((l) => ({ phaseId: l.phaseId, quarter: l.quarter, eurCents: l.amountCents, category: l.id }))
    const r = planVsActual(plan, actuals(onPlan))
    expect(r.total.forecast).toEqual({ atCompletionCents: 41_500_000, runRateCents: 41_500_000 })
  })
})

describe('mergeActuals', () => {
  const first = actuals([{ phaseId: 'p:phase:1', quarter: '2025-Q4', eurCents: 100, category: 'x' }])

  it('replace drops the imported quarters first; add adds onto the same key', () => {
    const again: ActualSum[] = [
      {
        phaseId: 'p:phase:1',
        workstreamId: null,
        quarter: '2025-Q4',
        category: 'x',
        eurCents: 40,
        chfCents: 0,
        chfBaseCents: 0,
        chfToEur: 1.07,
        bookings: 1
      }
    ]
    expect(overlappingQuarters(first, ['2025-Q4', '2026-Q1'])).toEqual(['2025-Q4'])
    const replaced = applyActualChanges(first, mergeActuals(first, again, 'p', source, 'replace'))
    expect(replaced.map((a) => a.eurCents)).toEqual([40])
    const added = applyActualChanges(first, mergeActuals(first, again, 'p', source, 'add'))
    expect(added).toEqual([expect.objectContaining({ eurCents: 140, bookings: 2 })])
    expect(added[0].id).toBe(actualId('p', again[0]))
  })

  it('replace keeps quarters the new file does not cover', () => {
    const two = actuals([
      { quarter: '2025-Q4', eurCents: 1, category: 'x' },
      { quarter: '2026-Q1', eurCents: 2, category: 'x' }
    ])
    const sums: ActualSum[] = [
      {
        phaseId: 'p:phase:1',
        workstreamId: null,
        quarter: '2026-Q1',
        category: 'y',
        eurCents: 5,
        chfCents: 0,
        chfBaseCents: 0,
        chfToEur: 1.07,
        bookings: 1
      }
    ]
    const next = applyActualChanges(two, mergeActuals(two, sums, 'p', source, 'replace'))
    expect(next.map((a) => [a.quarter, a.category, a.eurCents])).toEqual([
      ['2025-Q4', 'x', 1],
      ['2026-Q1', 'y', 5]
    ])
  })
})

describe('actualsForPlan', () => {
  it("gives a scenario its base plan's actuals on the scenario's own phases", async () => {
    const { clonePlanData } = await import('../planning/clone')
    const scenario = clonePlanData(plan, { newPlanId: 's', name: 'What if', now: '2026-01-01T00:00:00.000Z' })
    const base = actuals([
      { phaseId: 'p:phase:2', workstreamId: 'p:ws:leistung', quarter: '2026-Q1', eurCents: 700 }
    ])
    const seen = actualsForPlan(scenario, base)
    const phase2 = scenario.phases.find((p) => p.originId === 'p:phase:2')!
    expect(seen).toEqual([expect.objectContaining({ phaseId: phase2.id, eurCents: 700 })])
    expect(planVsActual(scenario, seen).byPhase.get(phase2.id)!.actualCents).toBe(700)
    expect(actualsForPlan(plan, base)[0]).toBe(base[0])
  })

  it('shows the actuals of a phase the scenario removed where its work went, so nothing spent disappears', async () => {
    const { clonePlanData } = await import('../planning/clone')
    const { applyChanges } = await import('../planning/changes')
    const { removePhase } = await import('../planning/edit')
    const branched = clonePlanData(plan, { newPlanId: 's', name: 'What if', now: '2026-01-01T00:00:00.000Z' })
    const phase = (n: number) => branched.phases.find((p) => p.originId === `p:phase:${n}`)!.id
    const base = actuals([
      { phaseId: 'p:phase:2', workstreamId: 'p:ws:leistung', quarter: '2026-Q1', eurCents: 700 },
      { phaseId: 'p:phase:2', workstreamId: null, quarter: '2026-Q1', eurCents: 300 },
      { phaseId: 'p:phase:1', workstreamId: null, quarter: '2025-Q4', eurCents: 50 }
    ])
    const total = (seen: Actual[]) => seen.reduce((sum, a) => sum + a.eurCents, 0)

    // Its work moved to phase 3: both of phase 2's actuals show there, the workstream kept.
    const moved = applyChanges(branched, removePhase(branched, phase(2), { moveTo: phase(3) }))
    const leistung = moved.workstreams.find((w) => w.originId === 'p:ws:leistung')!
    const seen = actualsForPlan(moved, base)
    expect(total(seen)).toBe(1_050)
    expect(seen.filter((a) => a.phaseId === phase(3))).toEqual([
      expect.objectContaining({ eurCents: 700, workstreamId: leistung.id }),
      expect.objectContaining({ eurCents: 300, workstreamId: null })
    ])
    const pva = planVsActual(moved, seen)
    expect(pva.byPhase.get(phase(3))!.actualCents).toBe(1_000)
    expect(pva.total.actualCents).toBe(1_050)

    // Removed with its work: no phase holds 2026-Q1, so the last phase before it (phase 1) shows them.
    const gone = applyChanges(branched, removePhase(branched, phase(2)))
    const seenGone = actualsForPlan(gone, base)
    expect(total(seenGone)).toBe(1_050)
    expect(seenGone.filter((a) => a.phaseId === phase(1)).map((a) => a.eurCents)).toEqual([50, 700, 300])
    expect(seenGone.every((a) => a.workstreamId === null)).toBe(true)
  })
})
