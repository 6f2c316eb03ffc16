import { describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '../planning/seed/freshfoodz'
import { idSequence } from '../../../test/support/testing'
import { matchPhase, matchToPlan, planStructureOf, roleWorkOf } from './to-plan'
import { planSkeletonFromRows } from './skeleton'
import type { ParsedRow } from './types'

const plan = buildFreshFoodzPlan()

const line = (
  row: number,
  phase: string,
  workstream: string | null,
  quarter: string,
  cents = 100_00
): ParsedRow => ({
  row,
  ok: true,
  kind: 'budget',
  values: {
    phase,
    workstream,
    quarter: quarter as never,
    category: 'Beratung',
    title: 'T',
    amountCents: cents,
    currency: 'EUR'
  },
  issues: []
})
const alloc = (row: number, role: string, workstream: string, share = 5000): ParsedRow => ({
  row,
  ok: true,
  kind: 'allocations',
  values: { role, workstream, quarter: '2025-Q4', shareBp: share, note: '' },
  issues: []
})

describe('matchPhase', () => {
  it('finds phases by name, number, "Phase n" and priority', () => {
    const name = (v: string) => matchPhase(plan.phases, v)?.name
    expect(name('Foundation')).toBe('Foundation')
    expect(name('phase 2')).toBe('Operations')
    expect(name('3')).toBe('Integration')
    expect(name('P3')).toBe('Governance')
    expect(name('Phase 5 – Scale')).toBe('Scale')
    expect(name('Phase 9')).toBeUndefined()
  })
})

describe('matchToPlan', () => {
  it('turns budget rows into lines on the plan’s phases and workstreams', () => {
    const r = matchToPlan(
      [line(5, 'Phase 1', 'migrationen', '2025-Q4'), line(6, 'P1', 'SLO + Monitoring Framework', '2026-Q1')],
      plan,
      {
        newId: idSequence('b')
      }
    )
    expect(r.errors).toEqual([])
    expect(r.budgetLines).toHaveLength(2)
    expect(r.budgetLines[1]).toMatchObject({
      phaseId: plan.phases[1].id,
      workstreamId: plan.workstreams.find((w) => w.key === 'leistung')!.id
    })
    expect(r.importedRows).toEqual([5, 6])
  })

  it('explains unknown phases, workstreams and quarters outside the plan', () => {
    const r = matchToPlan(
      [
        line(7, 'Phase 9', null, '2026-Q1'),
        line(8, 'Phase 1', 'marketing', '2026-Q1'),
        line(9, 'Phase 1', null, '2030-Q1')
      ],
      plan,
      { sheet: 'Budget' }
    )
    expect(r.budgetLines).toEqual([])
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [7, 'unknown-phase'],
      [8, 'unknown-workstream'],
      [9, 'quarter-outside-plan']
    ])
    expect(r.errors[0].sheet).toBe('Budget')
  })

  it('rejects unknown roles, or creates them when asked', () => {
    const rows = [alloc(2, 'DevOps Lead', 'migrationen'), alloc(3, 'Data Scientist', 'verwaltung')]
    const strict = matchToPlan(rows, plan)
    expect(strict.allocations).toHaveLength(1)
    expect(strict.errors).toMatchObject([{ row: 3, code: 'unknown-role', value: 'Data Scientist' }])
    const lenient = matchToPlan(rows, plan, { createMissingRoles: true })
    expect(lenient.allocations).toHaveLength(2)
    expect(lenient.newRoles.map((r) => r.name)).toEqual(['Data Scientist'])
    expect(lenient.allocations[1].roleId).toBe(lenient.newRoles[0].id)
  })
})

describe('planSkeletonFromRows', () => {
  it('builds phases, workstreams and quarters from the rows alone', () => {
    const rows = [
      line(2, 'Aufbau', 'Datenbank', '2025-Q4'),
      line(3, 'Betrieb', 'Monitoring', '2026-Q2'),
      line(4, 'Aufbau', 'Datenbank', '2026-Q1')
    ]
    const data = planSkeletonFromRows(rows, {
      name: 'Import',
      newId: idSequence('s'),
      now: '2026-01-01T00:00:00Z'
    })
    expect(data.plan.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(data.phases.map((p) => [p.name, p.startQuarter, p.endQuarter])).toEqual([
      ['Aufbau', '2025-Q4', '2026-Q1'],
      ['Betrieb', '2026-Q2', '2026-Q2']
    ])
    const matched = matchToPlan(rows, data)
    expect(matched.errors).toEqual([])
    expect(matched.budgetLines).toHaveLength(3)
  })
})

describe('values the plan supplies where the sheet has no column', () => {
  it('a budget line without a phase takes the phase holding its quarter; outside every phase it is reported', () => {
    const short = { ...plan, phases: plan.phases.filter((p) => p.order !== 5) }
    const r = matchToPlan([line(5, '', null, '2026-Q1'), line(6, '', null, '2026-Q4')], short, {
      newId: idSequence('n')
    })
    expect(r.budgetLines.map((l) => l.phaseId)).toEqual([plan.phases[1]!.id])
    expect(r.derived.get(0)).toEqual([{ field: 'phase', value: 'Operations', from: 'quarter' }])
    expect(r.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [6, 'no-phase-for-quarter', 'no phase of this plan holds 2026-Q4; give the phase']
    ])
  })

  it("an allocation without a workstream: the user's, else the role's in that quarter, else the phase's first", () => {
    const rows = [alloc(4, 'Security Specialist', ''), alloc(5, 'Cloud Architect', '')]
    const auto = matchToPlan(rows, planStructureOf(plan), { newId: idSequence('n') })
    const key = (id: string) => plan.workstreams.find((w) => w.id === id)!.key
    expect(auto.allocations.map((a) => key(a.workstreamId))).toEqual(['sicherheit', 'migrationen'])
    expect([...auto.derived.values()].flat().map((d) => d.from)).toEqual(['role', 'phase'])
    const chosen = matchToPlan(rows, plan, { newId: idSequence('n'), defaultWorkstream: 'Runbooks' })
    expect(chosen.allocations.map((a) => key(a.workstreamId))).toEqual(['betrieb', 'betrieb'])
    expect([...chosen.derived.values()].flat().map((d) => d.from)).toEqual(['chosen', 'chosen'])
  })

  it('roleWorkOf: the largest share per role and quarter; ties go to the workstream first in the plan', () => {
    const ws = [
      { id: 'a', order: 2 },
      { id: 'b', order: 1 }
    ]
    const q = '2026-Q1' as const
    expect(
      roleWorkOf(
        [
          { roleId: 'r', workstreamId: 'a', quarter: q, shareBp: 5000 },
          { roleId: 'r', workstreamId: 'b', quarter: q, shareBp: 5000 },
          { roleId: 's', workstreamId: 'a', quarter: q, shareBp: 2000 },
          { roleId: 's', workstreamId: 'b', quarter: q, shareBp: 1000 },
          { roleId: 's', workstreamId: 'b', quarter: q, shareBp: 500 }
        ],
        ws
      )
    ).toEqual([
      { roleId: 'r', quarter: q, workstreamId: 'b' },
      { roleId: 's', quarter: q, workstreamId: 'a' }
    ])
  })
})
