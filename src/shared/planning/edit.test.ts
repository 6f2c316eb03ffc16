import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { budgetTotals, costOfAllocations } from './budget'
import { applyChanges, findConflicts, invertChanges, planDataEqual } from './changes'
import {
  addBudgetLine,
  addDeliverable,
  addMetric,
  addPhase,
  addRisk,
  addRole,
  addAllocationChecked,
  addWorkstream,
  blankPlan,
  droppedWork,
  editBudgetLine,
  editPlanSettings,
  editRole,
  editWorkstream,
  hiringPlan,
  planAssumptions,
  removalImpact,
  removeBudgetLine,
  removeMetric,
  removePhase,
  removeRole,
  removeWorkstream,
  reorder,
  setQuarterRange,
  validateBudgetLine,
  validatePhase,
  validateRole,
  validateWorkstream
} from './edit'
import { isPlanningError } from './errors'
import { byOrder } from './order'
import { buildFreshFoodzPlan } from './seed/freshfoodz'
import { idSequence, smallPlan } from '../../../test/support/testing'
import type { EntityChange, PlanData } from './types'
import { capacityOf, utilization } from './utilization'

/** Every reference inside the plan, each pointing at an entity that exists. */
function danglingReferences(data: PlanData): string[] {
  const phases = new Set(data.phases.map((p) => p.id))
  const ws = new Set(data.workstreams.map((w) => w.id))
  const roles = new Set(data.roles.map((r) => r.id))
  const out: string[] = []
  for (const w of data.workstreams) {
    if (!phases.has(w.phaseId)) out.push(`ws ${w.id} phase`)
    for (const d of w.dependsOn) if (!ws.has(d)) out.push(`ws ${w.id} dependsOn ${d}`)
  }
  for (const a of data.allocations) {
    if (!roles.has(a.roleId)) out.push(`alloc ${a.id} role`)
    if (!ws.has(a.workstreamId)) out.push(`alloc ${a.id} ws`)
  }
  for (const l of data.budgetLines) {
    if (!phases.has(l.phaseId)) out.push(`line ${l.id} phase`)
    if (l.workstreamId !== null && !ws.has(l.workstreamId)) out.push(`line ${l.id} ws`)
  }
  for (const r of data.risks) {
    for (const p of r.phaseIds) if (!phases.has(p)) out.push(`risk ${r.id} phase`)
    for (const w of r.workstreamIds) if (!ws.has(w)) out.push(`risk ${r.id} ws`)
  }
  for (const d of data.deliverables)
    if (d.workstreamId !== null && !ws.has(d.workstreamId)) out.push(`del ${d.id}`)
  for (const d of data.dependencies) {
    if (d.workstreamId !== null && !ws.has(d.workstreamId)) out.push(`dep ${d.id} ws`)
    if (d.phaseId !== null && !phases.has(d.phaseId)) out.push(`dep ${d.id} phase`)
    if (d.workstreamId === null && d.phaseId === null) out.push(`dep ${d.id} points nowhere`)
  }
  return out
}

function refusal(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    if (isPlanningError(err)) return err.code
    throw err
  }
  return undefined
}

const roadmap = () => buildFreshFoodzPlan({ planId: 'p', now: '2025-10-01T00:00:00.000Z' })

describe('adding a role', () => {
  it('creates the role with its person, cost and open position at the end of the team', () => {
    const data = smallPlan()
    const changes = addRole(
      data,
      {
        name: '  Data Engineer ',
        personName: 'Ada',
        costPerFteQuarterCents: 3_000_000,
        openPosition: true,
        hireQuarter: '2026-Q2'
      },
      { newId: idSequence() }
    )
    const role = applyChanges(data, changes).roles.find((r) => r.id === 'n1')!
    expect(role).toMatchObject({
      name: 'Data Engineer',
      personName: 'Ada',
      order: 2,
      openPosition: true,
      hireQuarter: '2026-Q2',
      costPerFteQuarterCents: 3_000_000
    })
  })

  it('refuses a name another role has, whatever its case, and stores nothing', () => {
    const data = smallPlan()
    expect(validateRole(data, { name: 'R1' })).toEqual({ name: 'duplicate' })
    expect(validateRole(data, { name: '  ' })).toEqual({ name: 'required' })
    expect(refusal(() => addRole(data, { name: 'r1' }))).toBe('invalid-value')
    // Renaming a role to its own name is not a duplicate.
    expect(validateRole(data, { name: 'r1' }, 'r1')).toEqual({})
  })

  it('refuses a hire quarter outside the plan', () => {
    expect(validateRole(smallPlan(), { openPosition: true, hireQuarter: '2030-Q1' })).toEqual({
      hireQuarter: 'outside-plan'
    })
  })

  it('editing the person name and clearing the open position leaves no stale hire quarter', () => {
    let data = smallPlan()
    data = applyChanges(data, editRole(data, 'r1', { openPosition: true, hireQuarter: '2026-Q1' }))
    data = applyChanges(data, editRole(data, 'r1', { openPosition: false, personName: 'Bea' }))
    const r1 = data.roles.find((r) => r.id === 'r1')!
    expect(r1.personName).toBe('Bea')
    expect(r1.openPosition).toBeUndefined()
    expect(r1.hireQuarter).toBeUndefined()
  })
})

describe('an open position', () => {
  it('has capacity and cost only from its hire quarter on', () => {
    let data = smallPlan()
    data = applyChanges(data, editRole(data, 'r1', { openPosition: true, hireQuarter: '2026-Q1' }))
    data = applyChanges(data, editRole(data, 'r1', { costPerFteQuarterCents: 100_000 }))
    const r1 = data.roles.find((r) => r.id === 'r1')!
    expect(capacityOf(r1, '2025-Q4')).toBe(0)
    expect(capacityOf(r1, '2026-Q1')).toBe(10_000)
    // r1 has 100 % in 2025-Q4 (before the hire: red, no cost) and 25 % in 2026-Q1.
    expect(utilization(data).get('r1')!.get('2025-Q4')!.level).toBe('red')
    expect(costOfAllocations(data).totalCents).toBe(25_000)
    expect(hiringPlan(data)).toEqual([
      expect.objectContaining({ startQuarter: '2026-Q1', allocatedBp: 2_500, costCents: 25_000 })
    ])
  })
})

describe('removing a role', () => {
  it('moves its allocations to another role, merging with a chip already there', () => {
    const data = smallPlan()
    // r1 has a (Q4 50 %), b (Q4 50 %), c (Q1 25 %); r2 has c (Q1 50 %).
    const after = applyChanges(data, removeRole(data, 'r1', { reassignTo: 'r2' }))
    expect(after.roles.map((r) => r.id)).toEqual(['r2'])
    const r2 = after.allocations.filter((a) => a.roleId === 'r2')
    expect(r2.map((a) => [a.workstreamId, a.quarter, a.shareBp]).sort()).toEqual([
      ['a', '2025-Q4', 5_000],
      ['b', '2025-Q4', 5_000],
      ['c', '2026-Q1', 7_500]
    ])
    expect(removalImpact(data, 'roles', 'r1').allocations).toBe(3)
  })

  it('without a role to take over, removes its allocations with it', () => {
    const data = smallPlan()
    const after = applyChanges(data, removeRole(data, 'r1'))
    expect(after.allocations.map((a) => a.id)).toEqual(['x3'])
  })
})

describe('removing a workstream', () => {
  it('takes its allocations, keeps its lines in the phase and frees its dependents', () => {
    const data = smallPlan()
    expect(removalImpact(data, 'workstreams', 'a')).toMatchObject({
      allocations: 1,
      budgetLines: 1,
      dependents: 1
    })
    const after = applyChanges(data, removeWorkstream(data, 'a'))
    expect(after.allocations.some((x) => x.workstreamId === 'a')).toBe(false)
    expect(after.budgetLines.find((l) => l.id === 'l1')).toMatchObject({ workstreamId: null, phaseId: 'ph1' })
    expect(after.workstreams.find((w) => w.id === 'c')!.dependsOn).toEqual([])
    expect(danglingReferences(after)).toEqual([])
  })
})

describe('removing a phase', () => {
  it('moves its workstreams and lines to another phase', () => {
    const data = smallPlan()
    const after = applyChanges(data, removePhase(data, 'ph1', { moveTo: 'ph2' }))
    expect(after.workstreams.every((w) => w.phaseId === 'ph2')).toBe(true)
    expect(budgetTotals(after).totalCents).toBe(budgetTotals(data).totalCents)
  })

  it('or removes them, with everything that refers to them', () => {
    const data = smallPlan()
    expect(removalImpact(data, 'phases', 'ph1')).toMatchObject({
      workstreams: 2,
      allocations: 2,
      budgetLines: 2
    })
    const after = applyChanges(data, removePhase(data, 'ph1'))
    expect(after.workstreams.map((w) => w.id)).toEqual(['c'])
    expect(after.budgetLines.map((l) => l.id)).toEqual(['l3'])
    expect(danglingReferences(after)).toEqual([])
  })
})

describe('budget lines', () => {
  it('adds a line and removes it again', () => {
    const data = smallPlan()
    const add = addBudgetLine(
      data,
      {
        title: 'Pen test',
        category: 'security',
        phaseId: 'ph2',
        workstreamId: 'c',
        quarter: '2026-Q2',
        amountCents: 1_234_500,
        currency: 'EUR'
      },
      { newId: idSequence() }
    )
    const added = applyChanges(data, add)
    expect(budgetTotals(added).totalCents - budgetTotals(data).totalCents).toBe(1_234_500)
    expect(planDataEqual(applyChanges(added, removeBudgetLine(added, 'n1')), data)).toBe(true)
  })

  it('refuses a quarter outside the plan, a negative amount and an unknown phase', () => {
    expect(
      validateBudgetLine(smallPlan(), { quarter: '2031-Q1', amountCents: -1, phaseId: 'nope', title: '' })
    ).toEqual({ quarter: 'outside-plan', amountCents: 'out-of-range', phaseId: 'unknown', title: 'required' })
  })

  it('takes a line without a category, but not a category over 100 characters', () => {
    expect(validateBudgetLine(smallPlan(), { title: 'Licences', category: '' })).toEqual({})
    expect(validateBudgetLine(smallPlan(), { category: 'x'.repeat(101) })).toEqual({ category: 'too-long' })
  })
})

describe('workstreams and phases', () => {
  it('keys are unique within a plan and dependencies may not loop', () => {
    const data = smallPlan()
    expect(validateWorkstream(data, { key: 'A' })).toEqual({ key: 'duplicate' })
    expect(validateWorkstream(data, { dependsOn: ['c'] }, 'a')).toEqual({ dependsOn: 'cycle' })
    expect(validateWorkstream(data, { dependsOn: ['a'] }, 'a')).toEqual({ dependsOn: 'self-dependency' })
    expect(validateWorkstream(data, { startMonth: '2027-01' })).toEqual({ startMonth: 'outside-plan' })
  })

  it('adds a workstream with its schedule and dependencies', () => {
    const data = smallPlan()
    const after = applyChanges(
      data,
      addWorkstream(
        data,
        {
          title: 'Backups',
          key: 'backups',
          phaseId: 'ph2',
          startMonth: '2026-04',
          durationWeeks: 8,
          dependsOn: ['c']
        },
        { newId: idSequence() }
      )
    )
    expect(after.workstreams.at(-1)).toMatchObject({ id: 'n1', key: 'backups', dependsOn: ['c'] })
    expect(refusal(() => editWorkstream(after, 'c', { dependsOn: ['n1'] }))).toBe('invalid-value')
  })

  it('phases end no earlier than they start', () => {
    expect(validatePhase(smallPlan(), { startQuarter: '2026-Q2', endQuarter: '2026-Q1' })).toEqual({
      endQuarter: 'end-before-start'
    })
    const data = smallPlan()
    const after = applyChanges(
      data,
      addPhase(
        data,
        { name: 'Phase 3', startQuarter: '2026-Q3', endQuarter: '2026-Q3' },
        { newId: idSequence() }
      )
    )
    expect(after.phases.at(-1)).toMatchObject({ order: 3, priority: 'P2', metrics: [] })
  })

  it('metrics are added to and removed from their phase', () => {
    const data = smallPlan()
    const added = applyChanges(
      data,
      addMetric(data, 'ph1', { text: 'Uptime', target: '99.9 %' }, { newId: idSequence() })
    )
    expect(added.phases[0].metrics).toEqual([{ id: 'n1', text: 'Uptime', target: '99.9 %', status: 'open' }])
    expect(planDataEqual(applyChanges(added, removeMetric(added, 'ph1', 'n1')), data)).toBe(true)
  })
})

describe('reordering', () => {
  it('moves a role up and numbers the team 1..n', () => {
    const data = smallPlan()
    const after = applyChanges(data, reorder(data, 'roles', 'r2', -1))
    expect([...after.roles].sort((a, b) => a.order - b.order).map((r) => [r.id, r.order])).toEqual([
      ['r2', 1],
      ['r1', 2]
    ])
    expect(reorder(after, 'roles', 'r2', -1)).toEqual([])
  })

  const inOrder = (rows: { id: string; order: number }[]) => [...rows].sort(byOrder).map((r) => r.id)

  it('moves a risk down among the plan risks, numbering them 1..n, and stops at the end', () => {
    const data = roadmap()
    const first = inOrder(data.risks)
    const changes = reorder(data, 'risks', first[0]!, 1)
    // Only the two risks that trade places change: one history entry of two rows.
    expect(changes.map((c) => c.id).sort()).toEqual([first[0], first[1]].sort())
    const after = applyChanges(data, changes)
    expect(inOrder(after.risks)).toEqual([first[1], first[0], ...first.slice(2)])
    expect(after.risks.map((r) => r.order).sort((a, b) => a - b)).toEqual(first.map((_, i) => i + 1))
    expect(reorder(after, 'risks', first.at(-1)!, 1)).toEqual([])
    expect(planDataEqual(applyChanges(after, invertChanges(changes)), data)).toBe(true)
  })

  it('moves a budget line among the lines of its phase only', () => {
    const data = smallPlan()
    // ph1 holds l1 then l2; ph2 holds l3 alone.
    const down = applyChanges(data, reorder(data, 'budgetLines', 'l1', 1))
    expect(inOrder(down.budgetLines.filter((l) => l.phaseId === 'ph1'))).toEqual(['l2', 'l1'])
    expect(down.budgetLines.find((l) => l.id === 'l3')).toEqual(data.budgetLines.find((l) => l.id === 'l3'))
    expect(reorder(down, 'budgetLines', 'l1', 1)).toEqual([])
    expect(reorder(data, 'budgetLines', 'l3', -1)).toEqual([])
    expect(reorder(data, 'budgetLines', 'l3', 1)).toEqual([])
  })

  it('numbers siblings 1..n again when orders tie (a line moved in from another phase)', () => {
    const data = smallPlan()
    data.budgetLines = data.budgetLines.map((l) => ({ ...l, phaseId: 'ph1', order: 1 }))
    // Ties sort by id: l1, l2, l3; l3 moves up past l2.
    const after = applyChanges(data, reorder(data, 'budgetLines', 'l3', -1))
    expect(inOrder(after.budgetLines)).toEqual(['l1', 'l3', 'l2'])
    expect(after.budgetLines.map((l) => l.order).sort()).toEqual([1, 2, 3])
  })

  it('adds risks and budget lines at the end of their list (lines: of their phase)', () => {
    const data = smallPlan()
    const ids = idSequence()
    const withLine = applyChanges(
      data,
      addBudgetLine(
        data,
        {
          title: 'Licences',
          category: 'tools',
          phaseId: 'ph1',
          workstreamId: null,
          quarter: '2026-Q1',
          amountCents: 100,
          currency: 'EUR'
        },
        { newId: ids }
      )
    )
    expect(inOrder(withLine.budgetLines.filter((l) => l.phaseId === 'ph1'))).toEqual(['l1', 'l2', 'n1'])
    const withRisks = applyChanges(withLine, [
      ...addRisk(withLine, { title: 'Late' }, { newId: ids }),
      ...addRisk(
        { ...withLine, risks: [{ ...roadmap().risks[0]!, order: 7 }] },
        { title: 'Later' },
        { newId: ids }
      )
    ])
    expect(withRisks.risks.map((r) => [r.title, r.order])).toEqual([
      ['Late', 1],
      ['Later', 8]
    ])
  })

  it('a line given another phase joins the end of its lines', () => {
    const data = smallPlan()
    const after = applyChanges(data, editBudgetLine(data, 'l3', { phaseId: 'ph1' }))
    expect(inOrder(after.budgetLines.filter((l) => l.phaseId === 'ph1'))).toEqual(['l1', 'l2', 'l3'])
    expect(after.budgetLines.find((l) => l.id === 'l3')!.order).toBe(3)
  })
})

describe('plan settings and quarter range', () => {
  it('changes the total budget and refuses a CHF rate of zero', () => {
    const data = smallPlan()
    const after = applyChanges(data, editPlanSettings(data, { totalBudgetCents: 50_000_000 }))
    expect(after.plan.totalBudgetCents).toBe(50_000_000)
    expect(refusal(() => editPlanSettings(data, { chfToEur: 0 }))).toBe('invalid-value')
  })

  it('extending adds quarters and touches nothing else', () => {
    const data = smallPlan()
    const changes = setQuarterRange(data, '2025-Q4', '2026-Q4', 'remove')
    expect(changes.map((c) => c.table)).toEqual(['plans'])
    expect(applyChanges(data, changes).plan.quarters).toHaveLength(5)
  })

  it('shortening removes or moves the work in the quarters dropped', () => {
    const data = smallPlan()
    expect(droppedWork(data, '2026-Q1', '2026-Q3')).toMatchObject({
      quarters: ['2025-Q4'],
      allocations: 2,
      budgetLines: 2,
      phases: 1
    })
    const removed = applyChanges(data, setQuarterRange(data, '2026-Q1', '2026-Q3', 'remove'))
    expect(removed.allocations.map((a) => a.id).sort()).toEqual(['x3', 'x4'])
    expect(removed.phases[0]).toMatchObject({ startQuarter: '2026-Q1', endQuarter: '2026-Q1' })
    const moved = applyChanges(data, setQuarterRange(data, '2026-Q1', '2026-Q3', 'move'))
    expect(moved.allocations.every((a) => a.quarter >= '2026-Q1')).toBe(true)
    expect(budgetTotals(moved).totalCents).toBe(budgetTotals(data).totalCents)
    // r1's 50 % on a and b join 2026-Q1; its 25 % on c there stays its own chip.
    const r1 = moved.allocations.filter((a) => a.roleId === 'r1').reduce((s, a) => s + a.shareBp, 0)
    expect(r1).toBe(12_500)
  })
})

describe('the built-in plan', () => {
  it('marks its assumptions as estimates: the CHF rate, three 50/50 splits and three risk costs', () => {
    const kinds = planAssumptions(roadmap()).map((a) => a.kind)
    expect(kinds.filter((k) => k === 'chf-rate')).toHaveLength(1)
    expect(kinds.filter((k) => k === 'split')).toHaveLength(3)
    expect(kinds.filter((k) => k === 'risk-cost')).toHaveLength(3)
  })

  it('lists its splits by quarter, role and workstream, whatever order its rows were read in', () => {
    const data = roadmap()
    const splits = (d: PlanData) =>
      planAssumptions(d).flatMap((a) =>
        a.kind === 'split'
          ? [
              `${a.quarter} ${d.roles.find((r) => r.id === a.roleId)!.name}: ` +
                a.allocationIds
                  .map(
                    (id) =>
                      d.workstreams.find(
                        (w) => w.id === d.allocations.find((x) => x.id === id)!.workstreamId
                      )!.key
                  )
                  .join(' + ')
            ]
          : []
      )
    const expected = [
      '2025-Q4 DevOps Lead: migrationen + sicherheit',
      '2026-Q1 DevOps Lead: leistung + betrieb',
      '2026-Q1 Site Reliability Engineer: leistung + betrieb'
    ]
    expect(splits(data)).toEqual(expected)
    // Packed storage hands allocations back in bucket order, not as they were written.
    expect(splits({ ...data, allocations: [...data.allocations].reverse() })).toEqual(expected)
  })
})

describe('new plans', () => {
  it('a blank plan spans the quarters picked and holds nothing else', () => {
    const data = blankPlan({ planId: 'x', name: 'Next year', from: '2027-Q1', to: '2027-Q4', now: 't' })
    expect(data.plan.quarters).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'])
    expect(data.roles).toEqual([])
    expect(refusal(() => blankPlan({ planId: 'x', name: 'x', from: '2027-Q4', to: '2027-Q1' }))).toBe(
      'invalid-value'
    )
  })

  it('can be written from empty: phase, workstream, role, allocation, line, risk, deliverable', () => {
    const ids = idSequence()
    let data = blankPlan({ planId: 'x', name: 'Mine', from: '2027-Q1', to: '2027-Q2', now: 't' })
    data = applyChanges(
      data,
      addPhase(data, { name: 'Build', startQuarter: '2027-Q1', endQuarter: '2027-Q2' }, { newId: ids })
    )
    data = applyChanges(
      data,
      addWorkstream(
        data,
        { title: 'API', key: 'api', phaseId: 'n1', startMonth: '2027-01', durationWeeks: 10 },
        { newId: ids }
      )
    )
    data = applyChanges(data, addRole(data, { name: 'Dev' }, { newId: ids }))
    data = applyChanges(
      data,
      addAllocationChecked(
        data,
        { roleId: 'n3', workstreamId: 'n2', quarter: '2027-Q1', shareBp: 5_000 },
        { newId: ids }
      )
    )
    data = applyChanges(
      data,
      addBudgetLine(
        data,
        {
          title: 'Licences',
          category: 'tools',
          phaseId: 'n1',
          workstreamId: null,
          quarter: '2027-Q2',
          amountCents: 100,
          currency: 'CHF'
        },
        { newId: ids }
      )
    )
    data = applyChanges(
      data,
      addRisk(data, { title: 'Late', phaseIds: ['n1'], workstreamIds: ['n2'] }, { newId: ids })
    )
    data = applyChanges(
      data,
      addDeliverable(data, { title: 'v1', quarter: '2027-Q2', workstreamId: 'n2' }, { newId: ids })
    )
    expect(danglingReferences(data)).toEqual([])
    expect(
      [
        data.phases,
        data.workstreams,
        data.roles,
        data.allocations,
        data.budgetLines,
        data.risks,
        data.deliverables
      ].map((t) => t.length)
    ).toEqual([1, 1, 1, 1, 1, 1, 1])
  })
})

describe('properties of removes', () => {
  type Op =
    | { kind: 'role'; pick: number; to: number | null }
    | { kind: 'workstream'; pick: number }
    | { kind: 'phase'; pick: number; to: number | null }
    | { kind: 'range'; from: number; to: number; how: 'remove' | 'move' }

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('role' as const), pick: fc.nat(), to: fc.option(fc.nat()) }),
    fc.record({ kind: fc.constant('workstream' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('phase' as const), pick: fc.nat(), to: fc.option(fc.nat()) }),
    fc.record({
      kind: fc.constant('range' as const),
      from: fc.nat(4),
      to: fc.nat(4),
      how: fc.constantFrom('remove' as const, 'move' as const)
    })
  )

  function run(data: PlanData, op: Op): EntityChange[] {
    const other = <T extends { id: string }>(rows: T[], pick: number, to: number | null) => {
      if (to === null) return undefined
      const rest = rows.filter((_, i) => i !== pick % rows.length)
      return rest.length ? rest[to % rest.length].id : undefined
    }
    switch (op.kind) {
      case 'role':
        if (!data.roles.length) return []
        return removeRole(data, data.roles[op.pick % data.roles.length].id, {
          reassignTo: other(data.roles, op.pick, op.to)
        })
      case 'workstream':
        if (!data.workstreams.length) return []
        return removeWorkstream(data, data.workstreams[op.pick % data.workstreams.length].id)
      case 'phase':
        if (!data.phases.length) return []
        return removePhase(data, data.phases[op.pick % data.phases.length].id, {
          moveTo: other(data.phases, op.pick, op.to)
        })
      case 'range': {
        const q = data.plan.quarters
        const from = q[Math.min(op.from, op.to) % q.length]
        const to = q[Math.max(op.from, op.to) % q.length]
        return from <= to ? setQuarterRange(data, from, to, op.how) : []
      }
    }
  }

  it('leave nothing pointing at something gone, and undo exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(smallPlan, roadmap), fc.array(opArb, { maxLength: 6 }), (make, ops) => {
        let data = make()
        for (const op of ops) {
          const changes = run(data, op)
          expect(findConflicts(data, changes, 'before')).toEqual([])
          const next = applyChanges(data, changes)
          expect(danglingReferences(next)).toEqual([])
          expect(planDataEqual(applyChanges(next, invertChanges(changes)), data)).toBe(true)
          data = next
        }
      }),
      { numRuns: 150 }
    )
  })

  it('moving work elsewhere keeps every FTE-quarter and every cent', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (pick, to) => {
        const data = roadmap()
        const roles = data.roles
        const from = roles[pick % roles.length]
        const target = roles.filter((r) => r.id !== from.id)[to % (roles.length - 1)]
        const after = applyChanges(data, removeRole(data, from.id, { reassignTo: target.id }))
        const sum = (d: PlanData) => d.allocations.reduce((s, a) => s + a.shareBp, 0)
        expect(sum(after)).toBe(sum(data))
        const phase = data.phases[pick % data.phases.length]
        const moveTo = data.phases.filter((p) => p.id !== phase.id)[to % (data.phases.length - 1)]
        const moved = applyChanges(data, removePhase(data, phase.id, { moveTo: moveTo.id }))
        expect(budgetTotals(moved).totalCents).toBe(budgetTotals(data).totalCents)
      })
    )
  })
})
