import { describe, expect, it } from 'vitest'
import { budgetSummary, budgetTotals } from '../budget'
import { contingency } from '../risk'
import { dependencyViolations } from '../schedule'
import { utilization } from '../utilization'
import { buildFreshFoodzPlan } from './freshfoodz'

const data = buildFreshFoodzPlan({ now: '2025-10-01T00:00:00.000Z' })
const phase = (n: number) => data.phases.find((p) => p.order === n)!
const ws = (key: string) => data.workstreams.find((w) => w.key === key)!

// The roadmap's Team Allocation Matrix, as written: role → quarter → percent of one FTE.
const MATRIX: Record<string, Record<string, number>> = {
  'DevOps Lead': { '2025-Q4': 100, '2026-Q1': 100, '2026-Q2': 50, '2026-Q4': 50 },
  'Security Specialist': { '2025-Q4': 50 },
  'Database Architect': { '2025-Q4': 50 },
  'Site Reliability Engineer': { '2026-Q1': 100 },
  'Performance Engineer': { '2026-Q1': 50, '2026-Q4': 100 },
  'Integration Architect': { '2026-Q2': 100 },
  'Backend Developer': { '2026-Q2': 50 },
  'Compliance Officer': { '2026-Q3': 100 },
  'AI Ethics Specialist': { '2026-Q3': 50 },
  'Legal Advisor': { '2026-Q3': 25 },
  'Cloud Architect': { '2026-Q4': 100 }
}

describe('the built-in FreshFoodz plan', () => {
  it('holds every table of the roadmap in the expected counts', () => {
    expect(data.phases).toHaveLength(5)
    expect(data.workstreams).toHaveLength(7)
    expect(data.roles).toHaveLength(11)
    expect(data.risks).toHaveLength(3)
    expect(data.deliverables).toHaveLength(20)
    expect(data.dependencies).toHaveLength(11)
    expect(data.dependencies.filter((d) => d.direction === 'infra-to-module')).toHaveLength(7)
    expect(data.dependencies.filter((d) => d.direction === 'module-to-infra')).toHaveLength(4)
    expect(data.budgetLines).toHaveLength(11)
    expect(data.plan).toMatchObject({
      id: 'freshfoodz',
      builtin: true,
      quarters: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
      totalBudgetCents: 41_500_000,
      chfToEur: 1.07,
      softCapBp: 8_500
    })
    expect(data.plan.drivers.map((d) => d.title)).toEqual([
      'Production-Readiness',
      'Enterprise-Scale',
      'Compliance-Requirements',
      'Competitive Advantage'
    ])
    expect(data.plan.mission).toMatch(/^Baue die enterprise-grade Infrastructure Foundation/)
  })

  it('has the five phases with priority, label, quarter and cap', () => {
    expect(
      data.phases.map((p) => [
        p.order,
        p.name,
        p.priority,
        p.priorityLabel,
        p.startQuarter,
        p.endQuarter,
        p.capCents
      ])
    ).toEqual([
      [1, 'Foundation', 'P0', 'CRITICAL', '2025-Q4', '2025-Q4', 5_000_000],
      [2, 'Operations', 'P1', 'HIGH', '2026-Q1', '2026-Q1', 7_500_000],
      [3, 'Integration', 'P2', 'MEDIUM', '2026-Q2', '2026-Q2', 10_000_000],
      [4, 'Governance', 'P3', 'STRATEGIC', '2026-Q3', '2026-Q3', 4_000_000],
      [5, 'Scale', 'P4', 'FUTURE', '2026-Q4', '2026-Q4', 15_000_000]
    ])
    expect(phase(1).timeline).toBe('Okt-Dez 2025 (3 Monate)')
    expect(
      data.phases.every((p) => p.metrics.length === 4 && p.metrics.every((m) => m.status === 'open'))
    ).toBe(true)
    expect(phase(2).metrics[0].target).toBe('p95 < 200 ms (Normal) / < 450 ms (Peak)')
    expect(phase(3).metrics[0].target).toBe('> 1000 orders/day')
  })

  it('puts each phase budget in its quarter and totals €415,000 within every cap', () => {
    const t = budgetTotals(data)
    expect(t.totalCents).toBe(41_500_000)
    expect([1, 2, 3, 4, 5].map((n) => t.byPhase.get(phase(n).id))).toEqual([
      5_000_000, 7_500_000, 10_000_000, 4_000_000, 15_000_000
    ])
    for (const p of data.phases) expect(t.byPhaseQuarter.get(p.id)?.get(p.startQuarter)).toBe(p.capCents)
    const s = budgetSummary(data)
    expect(s.capBreaches).toEqual([])
    expect(s.planRemainingCents).toBe(0)
    expect(data.budgetLines.every((l) => l.workstreamId !== null && l.currency === 'EUR')).toBe(true)
    expect(data.budgetLines.filter((l) => l.phaseId === phase(2).id).map((l) => l.amountCents)).toEqual([
      2_500_000, 2_000_000, 3_000_000
    ])
  })

  it("gives every role the roadmap's share in every quarter at 1.0 FTE capacity", () => {
    const u = utilization(data)
    for (const role of data.roles) {
      for (const q of data.plan.quarters) {
        const cell = u.get(role.id)!.get(q)!
        expect([role.name, q, cell.allocatedBp]).toEqual([role.name, q, (MATRIX[role.name][q] ?? 0) * 100])
        expect(cell.capacityBp).toBe(10_000)
      }
    }
    expect(data.roles.map((r) => r.name)).toEqual(Object.keys(MATRIX))
  })

  it('splits the double assignments 50/50 and says so in the notes', () => {
    const devopsQ4 = data.allocations.filter(
      (a) => a.roleId.endsWith('devops-lead') && a.quarter === '2025-Q4'
    )
    expect(devopsQ4.map((a) => [a.workstreamId, a.shareBp])).toEqual([
      [ws('migrationen').id, 5_000],
      [ws('sicherheit').id, 5_000]
    ])
    const sre = data.allocations.filter((a) => a.roleId.endsWith('site-reliability-engineer'))
    expect(sre.map((a) => [a.workstreamId, a.shareBp])).toEqual([
      [ws('leistung').id, 5_000],
      [ws('betrieb').id, 5_000]
    ])
    expect(data.plan.notes).toMatch(/50\/50/)
    expect(data.plan.notes).toMatch(/1\.07/)
    expect(data.plan.notes).toMatch(/€100,000/)
  })

  it('schedules the workstreams from their timelines with the roadmap dependencies and no violations', () => {
    expect(data.workstreams.map((w) => [w.key, w.title, w.startMonth, w.durationWeeks])).toEqual([
      ['migrationen', 'Database Foundation', '2025-10', 4],
      ['sicherheit', 'ABAC/RLS Foundation', '2025-11', 6],
      ['leistung', 'SLO + Monitoring Framework', '2026-01', 6],
      ['betrieb', 'Runbooks + Incident Response', '2026-02', 6],
      ['integration', 'Events + External APIs', '2026-04', 8],
      ['verwaltung', 'Data + AI Governance', '2026-07', 8],
      ['skalierung', 'Horizontal Scale + Multi-Region', '2026-10', 8]
    ])
    expect(ws('leistung').dependsOn).toEqual([ws('migrationen').id, ws('sicherheit').id])
    expect(ws('betrieb').dependsOn).toEqual([ws('leistung').id])
    expect(ws('skalierung').dependsOn).toHaveLength(6)
    expect(ws('migrationen').externalDependencies).toBe('Module 01-08 Technical Concepts completed')
    expect(data.workstreams.every((w) => w.criteria.length === 4)).toBe(true)
    expect(dependencyViolations(data)).toEqual([])
  })

  it('has the three risks with their probabilities, impacts and links', () => {
    expect(
      data.risks.map((r) => [r.probabilityPct, r.impactLevel, r.impactText, r.mitigations.length])
    ).toEqual([
      [30, 'critical', 'Production halt', 3],
      [15, 'high', 'Enterprise deals at risk', 3],
      [60, 'medium', 'Feature delays', 3]
    ])
    expect(data.risks[0].phaseIds).toEqual([phase(1).id])
    const c = contingency(data)
    expect(c.totalCents).toBe(6_000_000)
    expect(c.byQuarter.get('2025-Q4')).toBe(3_000_000)
  })

  it('maps both directions of the dependency matrix, ALL Modules meaning 01..08', () => {
    const infra = data.dependencies.filter((d) => d.direction === 'infra-to-module')
    expect(infra.map((d) => d.modules.join('/'))).toEqual([
      '01/02/03/04/05/06/07/08',
      '02/03',
      '01/04',
      '01/02/03/04/05/06/07/08',
      '02/05/08',
      '07',
      '01/02/03/04/05/06/07/08'
    ])
    const modules = data.dependencies.filter((d) => d.direction === 'module-to-infra')
    expect(modules[0]).toMatchObject({ phaseId: phase(1).id, workstreamId: null })
    expect(modules.slice(1).map((d) => d.workstreamId)).toEqual([
      ws('sicherheit').id,
      ws('verwaltung').id,
      ws('betrieb').id
    ])
  })

  it('lists four deliverables per quarter, each linked to a workstream of that quarter', () => {
    for (const q of data.plan.quarters) {
      const ds = data.deliverables.filter((d) => d.quarter === q)
      expect(ds.map((d) => d.order)).toEqual([1, 2, 3, 4])
      for (const d of ds) {
        const w = data.workstreams.find((x) => x.id === d.workstreamId)!
        expect(data.phases.find((p) => p.id === w.phaseId)!.startQuarter).toBe(q)
      }
    }
  })

  it('uses readable ids prefixed by the plan id, unique across tables', () => {
    const other = buildFreshFoodzPlan({ planId: 'copy', now: 'T' })
    const ids = [
      other.phases,
      other.workstreams,
      other.roles,
      other.allocations,
      other.budgetLines,
      other.risks,
      other.dependencies,
      other.deliverables
    ]
      .flat()
      .map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => id.startsWith('copy:'))).toBe(true)
    expect(ws('migrationen').id).toBe('freshfoodz:ws:migrationen')
    expect(buildFreshFoodzPlan({ now: '2025-10-01T00:00:00.000Z' })).toEqual(data)
  })
})
