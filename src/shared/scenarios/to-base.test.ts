import { describe, expect, it } from 'vitest'
import { applyChanges } from '../planning/changes'
import { clonePlanData } from '../planning/clone'
import { comparePlans } from '../planning/compare'
import { addAllocationChecked, addBudgetLine, addRole, removeRole, removeWorkstream } from '../planning/edit'
import { moveAllocation, moveBudgetLine, setPhaseCap, updateEntity } from '../planning/moves'
import { idSequence, smallPlan } from '../../../test/support/testing'
import type { EntityChange, HistoryEntry, PlanData } from '../planning/types'
import { baselineChanges, entriesOntoBase } from './to-base'

function branch(base: PlanData): PlanData {
  return clonePlanData(base, { newPlanId: 's', name: 'What if', newId: idSequence('s'), branchedAtSeq: 3 })
}

/** Applies changes to a scenario and records them as a history entry, as commitChanges does. */
function edit(state: { data: PlanData; history: HistoryEntry[] }, changes: EntityChange[], seq: number) {
  state.data = applyChanges(state.data, changes)
  state.history.push({
    seq,
    planId: state.data.plan.id,
    at: '2026-01-01T00:00:00.000Z',
    kind: 'move',
    summary: { key: 'k', values: {} },
    changes,
    undone: false
  })
}

const idOfOrigin = (data: PlanData, table: 'allocations' | 'budgetLines', origin: string) =>
  (data[table] as { id: string; originId?: string }[]).find((e) => e.originId === origin)!.id

describe('entriesOntoBase with adds and removes', () => {
  it('carries a new role with its work, a removed role whose work moved, and a new budget line', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    const ids = idSequence('new')
    edit(
      s,
      addRole(s.data, { name: 'Data Engineer', openPosition: true, hireQuarter: '2026-Q1' }, { newId: ids }),
      10
    )
    const r1 = s.data.roles.find((r) => r.originId === 'r1')!
    const r2 = s.data.roles.find((r) => r.originId === 'r2')!
    edit(s, removeRole(s.data, r1.id, { reassignTo: r2.id }), 11)
    const ph2 = s.data.phases.find((p) => p.originId === 'ph2')!
    edit(
      s,
      addBudgetLine(
        s.data,
        {
          title: 'Audit',
          category: 'security',
          phaseId: ph2.id,
          workstreamId: null,
          quarter: '2026-Q2',
          amountCents: 500,
          currency: 'EUR'
        },
        { newId: ids }
      ),
      12
    )
    const cmp = comparePlans(base, s.data)
    expect(cmp.addedRemoved).toEqual(
      expect.arrayContaining([
        { kind: 'role', name: 'Data Engineer', change: 'added' },
        { kind: 'role', name: 'r1', change: 'removed' },
        { kind: 'budgetLine', name: 'Audit', change: 'added' }
      ])
    )

    const out = entriesOntoBase(base, s.data, s.history, [10, 11, 12], idSequence('b'))
    expect(out.problems).toEqual([])
    const after = applyChanges(base, out.changes)
    const back = comparePlans(after, s.data)
    expect(back.addedRemoved).toEqual([])
    expect(back.shareDeltas).toEqual([])
    expect(back.budgetDeltas).toEqual([])
    expect(after.roles.map((r) => r.name).sort()).toEqual(['Data Engineer', 'r2'])
    expect(after.allocations.every((a) => a.roleId !== 'r1')).toBe(true)
  })
})

describe('entriesOntoBase with removes the base has moved on from', () => {
  // The base gave the removed workstream (or role) new work after the branch: applying the remove
  // alone would leave that work pointing at something gone, so nothing is applied and the reason names it.
  it('refuses a workstream removal when the base has since put an allocation on that workstream', () => {
    const base0 = smallPlan()
    const s = { data: branch(base0), history: [] as HistoryEntry[] }
    const b = s.data.workstreams.find((w) => w.originId === 'b')!
    edit(s, removeWorkstream(s.data, b.id), 10)
    const base = applyChanges(
      base0,
      addAllocationChecked(
        base0,
        { roleId: 'r2', workstreamId: 'b', quarter: '2025-Q4', shareBp: 2_500 },
        { newId: () => 'x9' }
      )
    )
    const out = entriesOntoBase(base, s.data, s.history, [10])
    expect(out.changes).toEqual([])
    expect(out.problems).toEqual([
      expect.objectContaining({
        seq: 10,
        reason: 'still-referenced',
        table: 'workstreams',
        reference: { table: 'allocations', id: 'x9' }
      })
    ])
    // Without the base's new allocation the same removal applies and leaves nothing dangling.
    const clean = entriesOntoBase(base0, s.data, s.history, [10])
    expect(clean.problems).toEqual([])
    const after = applyChanges(base0, clean.changes)
    expect(after.workstreams.map((w) => w.id)).toEqual(['a', 'c'])
    expect(after.allocations.some((a) => a.workstreamId === 'b')).toBe(false)
    expect(after.budgetLines.find((l) => l.id === 'l2')!.workstreamId).toBeNull()
  })

  it('refuses a role removal when the base has since given that role work', () => {
    const base0 = smallPlan()
    const s = { data: branch(base0), history: [] as HistoryEntry[] }
    const r1 = s.data.roles.find((r) => r.originId === 'r1')!
    edit(s, removeRole(s.data, r1.id), 10)
    const base = applyChanges(
      base0,
      addAllocationChecked(
        base0,
        { roleId: 'r1', workstreamId: 'c', quarter: '2026-Q2', shareBp: 5_000 },
        { newId: () => 'x9' }
      )
    )
    const out = entriesOntoBase(base, s.data, s.history, [10])
    expect(out.problems.map((p) => [p.seq, p.reason, p.table, p.reference])).toEqual([
      [10, 'still-referenced', 'roles', { table: 'allocations', id: 'x9' }]
    ])
  })
})

describe('entriesOntoBase', () => {
  it('replays a scenario move on the base with base ids, so the base then matches the scenario', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    edit(
      s,
      moveAllocation(s.data, idOfOrigin(s.data, 'allocations', 'x1'), { quarter: '2026-Q1' }, 2_500, {
        newId: () => 'new-chip'
      }),
      10
    )
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l1'), { quarter: '2026-Q2' }), 11)

    const out = entriesOntoBase(base, s.data, s.history, [10, 11], idSequence('b'))
    expect(out.problems).toEqual([])
    expect(out.seqs).toEqual([10, 11])
    const after = applyChanges(base, out.changes)
    // The edited chip keeps its base id; the split-off chip gets a fresh base id in the base plan.
    expect(after.allocations.find((a) => a.id === 'x1')!.shareBp).toBe(2_500)
    const created = after.allocations.find((a) => a.id === 'b1')!
    expect(created).toMatchObject({
      planId: 'p',
      roleId: 'r1',
      workstreamId: 'a',
      quarter: '2026-Q1',
      shareBp: 2_500
    })
    expect(after.budgetLines.find((l) => l.id === 'l1')!.quarter).toBe('2026-Q2')
    const cmp = comparePlans(after, s.data)
    expect(cmp.shareDeltas).toEqual([])
    expect(cmp.budgetDeltas).toEqual([])
  })

  it('applies only the chosen entries', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l1'), { quarter: '2026-Q2' }), 10)
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l2'), { quarter: '2026-Q3' }), 11)
    const out = entriesOntoBase(base, s.data, s.history, [11])
    const after = applyChanges(base, out.changes)
    expect(after.budgetLines.find((l) => l.id === 'l1')!.quarter).toBe('2025-Q4')
    expect(after.budgetLines.find((l) => l.id === 'l2')!.quarter).toBe('2026-Q3')
  })

  it('refuses everything, naming the entry and why, when the base changed the same line since the branch', () => {
    const base0 = smallPlan()
    const s = { data: branch(base0), history: [] as HistoryEntry[] }
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l2'), { quarter: '2026-Q3' }), 10)
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l1'), { quarter: '2026-Q2' }), 11)
    // Meanwhile the base moved l1 elsewhere.
    const base = applyChanges(base0, moveBudgetLine(base0, 'l1', { quarter: '2026-Q1' }))
    const out = entriesOntoBase(base, s.data, s.history, [10, 11])
    expect(out.changes).toEqual([])
    expect(out.problems).toHaveLength(1)
    expect(out.problems[0]).toMatchObject({ seq: 11, reason: 'changed-in-base', table: 'budgetLines' })
    expect((out.problems[0].current as { quarter: string }).quarter).toBe('2026-Q1')
  })

  it('says when the base no longer has the entity, and when the entry is already in the base', () => {
    const base0 = smallPlan()
    const s = { data: branch(base0), history: [] as HistoryEntry[] }
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l1'), { quarter: '2026-Q2' }), 10)
    edit(s, setPhaseCap(s.data, s.data.phases[0].id, 70_000), 11)
    let base = applyChanges(base0, [
      { table: 'budgetLines', id: 'l1', before: base0.budgetLines[0], after: null }
    ])
    base = applyChanges(base, setPhaseCap(base, 'ph1', 70_000))
    const out = entriesOntoBase(base, s.data, s.history, [10, 11])
    expect(out.problems.map((p) => [p.seq, p.reason])).toEqual([
      [10, 'missing-in-base'],
      [11, 'already-applied']
    ])
  })

  it('flags an entry that needs something created by an entry left out', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    const ws = { ...s.data.workstreams[0], id: 'ws-new', key: 'neu', title: 'Neu', dependsOn: [] }
    delete (ws as { originId?: string }).originId
    edit(s, [{ table: 'workstreams', id: 'ws-new', before: null, after: ws }], 10)
    edit(s, moveAllocation(s.data, idOfOrigin(s.data, 'allocations', 'x1'), { workstreamId: 'ws-new' }), 11)
    const out = entriesOntoBase(base, s.data, s.history, [11])
    expect(out.problems).toHaveLength(1)
    expect(out.problems[0]).toMatchObject({
      seq: 11,
      reason: 'missing-reference',
      reference: { table: 'workstreams', id: 'ws-new' }
    })
    // With both entries chosen it applies, and the new workstream is referenced by its new base id.
    const both = entriesOntoBase(base, s.data, s.history, [10, 11], idSequence('b'))
    expect(both.problems).toEqual([])
    const after = applyChanges(base, both.changes)
    expect(after.allocations.find((a) => a.id === 'x1')!.workstreamId).toBe('b1')
    expect(after.workstreams.find((w) => w.id === 'b1')).toMatchObject({
      key: 'neu',
      planId: 'p',
      originId: 'ws-new'
    })
  })

  it('carries plan content fields but never the scenario name or identity', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    const plan = s.data.plan
    edit(
      s,
      [{ table: 'plans', id: 's', before: plan, after: { ...plan, name: 'Renamed', softCapBp: 9_000 } }],
      10
    )
    const out = entriesOntoBase(base, s.data, s.history, [10])
    expect(out.problems).toEqual([])
    const after = applyChanges(base, out.changes)
    expect(after.plan).toEqual({ ...base.plan, softCapBp: 9_000 })
  })

  it('skips undone entries', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    edit(s, moveBudgetLine(s.data, idOfOrigin(s.data, 'budgetLines', 'l1'), { quarter: '2026-Q2' }), 10)
    s.history[0].undone = true
    expect(entriesOntoBase(base, s.data, s.history, [10])).toEqual({ changes: [], problems: [], seqs: [] })
  })
})

describe('baselineChanges', () => {
  it('is empty for an unchanged copy', () => {
    const base = smallPlan()
    expect(baselineChanges(base, branch(base))).toEqual([])
  })

  it('turns the base into the scenario: updates by origin, creates and deletes the rest', () => {
    const base = smallPlan()
    const s = { data: branch(base), history: [] as HistoryEntry[] }
    edit(
      s,
      moveAllocation(s.data, idOfOrigin(s.data, 'allocations', 'x1'), { quarter: '2026-Q1' }, 2_500, {
        newId: () => 'new-chip'
      }),
      10
    )
    const x2 = idOfOrigin(s.data, 'allocations', 'x2')
    edit(
      s,
      [{ table: 'allocations', id: x2, before: s.data.allocations.find((a) => a.id === x2)!, after: null }],
      11
    )
    edit(s, updateEntity(s.data, 'workstreams', s.data.workstreams[2].id, { startMonth: '2026-02' }), 12)
    s.data = { ...s.data, plan: { ...s.data.plan, totalBudgetCents: 2_000_000 } }

    const changes = baselineChanges(base, s.data, s.history, idSequence('b'))
    const after = applyChanges(base, changes)
    const cmp = comparePlans(after, s.data)
    expect(cmp.shareDeltas).toEqual([])
    expect(cmp.budgetDeltas).toEqual([])
    expect(cmp.scheduleChanges).toEqual([])
    expect(after.plan).toEqual({ ...base.plan, totalBudgetCents: 2_000_000 })
    expect(after.allocations.find((a) => a.id === 'x2')).toBeUndefined()
    expect(after.allocations.every((a) => a.planId === 'p')).toBe(true)
    // Every reference points into the base.
    const roleIds = new Set(after.roles.map((r) => r.id))
    const wsIds = new Set(after.workstreams.map((w) => w.id))
    for (const a of after.allocations) {
      expect(roleIds.has(a.roleId)).toBe(true)
      expect(wsIds.has(a.workstreamId)).toBe(true)
    }
    expect(after.workstreams.find((w) => w.id === 'c')!.dependsOn).toEqual(['a'])
  })
})
