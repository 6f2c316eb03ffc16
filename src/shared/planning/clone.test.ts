import { describe, expect, it } from 'vitest'
import { clonePlanData } from './clone'
import { buildFreshFoodzPlan } from './seed/freshfoodz'
import { idSequence } from '../../../test/support/testing'
import { utilization } from './utilization'

describe('clonePlanData', () => {
  it('gives every entity a new id and plan id, rewriting all references', () => {
    const base = buildFreshFoodzPlan({ now: '2025-10-01T00:00:00.000Z' })
    const copy = clonePlanData(base, { newPlanId: 's1', name: 'What if', branchedAtSeq: 42, now: 'T' })
    expect(copy.plan).toMatchObject({
      id: 's1',
      name: 'What if',
      baseId: 'freshfoodz',
      branchedAtSeq: 42,
      builtin: false
    })
    const baseIds = new Set(
      [
        base.phases,
        base.workstreams,
        base.roles,
        base.allocations,
        base.budgetLines,
        base.risks,
        base.dependencies,
        base.deliverables
      ]
        .flat()
        .map((e) => e.id)
    )
    const all = [
      copy.phases,
      copy.workstreams,
      copy.roles,
      copy.allocations,
      copy.budgetLines,
      copy.risks,
      copy.dependencies,
      copy.deliverables
    ].flat()
    expect(all.every((e) => !baseIds.has(e.id) && e.planId === 's1' && baseIds.has(e.originId!))).toBe(true)
    const ids = new Set(all.map((e) => e.id))
    const refs = [
      ...copy.workstreams.flatMap((w) => [w.phaseId, ...w.dependsOn]),
      ...copy.allocations.flatMap((a) => [a.roleId, a.workstreamId]),
      ...copy.budgetLines.flatMap((l) => [l.phaseId, l.workstreamId]),
      ...copy.risks.flatMap((r) => [...r.phaseIds, ...r.workstreamIds]),
      ...copy.dependencies.flatMap((d) => [d.phaseId, d.workstreamId]),
      ...copy.deliverables.map((d) => d.workstreamId)
    ].filter((r) => r !== null)
    expect(refs.every((r) => ids.has(r))).toBe(true)
    // Same shape: utilization of the copy matches the base role by role
    const u = utilization(copy)
    for (const role of copy.roles) {
      expect([...u.get(role.id)!.values()].map((c) => c.allocatedBp)).toEqual(
        [...utilization(base).get(role.originId!)!.values()].map((c) => c.allocatedBp)
      )
    }
  })

  it('keeps the root origin through a copy of a copy and does not touch the source', () => {
    const base = buildFreshFoodzPlan({ now: 'T' })
    const snapshot = structuredClone(base)
    const s1 = clonePlanData(base, { newPlanId: 's1', name: 'S1', newId: idSequence('a') })
    const s2 = clonePlanData(s1, { newPlanId: 's2', name: 'S2', newId: idSequence('b') })
    expect(s2.plan.baseId).toBe('s1')
    expect(s2.roles[0].originId).toBe(base.roles[0].id)
    expect(base).toEqual(snapshot)
  })
})
