import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges, findConflicts, invertChanges, planDataEqual } from './changes'
import { moveAllocation, moveBudgetLine, splitBudgetLine } from './moves'
import { smallPlan, testAllocation, testLine, testRole, testWorkstream } from '../../../test/support/testing'
import type { EntityChange, PlanData, QuarterKey } from './types'

const QUARTERS: QuarterKey[] = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']

/** A small plan with enough chips and lines (EUR and CHF) for moves to collide and merge. */
function basePlan(): PlanData {
  const data = smallPlan()
  data.workstreams.push(testWorkstream('d', 'ph2', '2026-04', 4))
  data.roles.push(testRole('r3', 2))
  data.allocations.push(
    testAllocation('x5', 'r3', 'd', '2026-Q2', 10_000),
    testAllocation('x6', 'r3', 'a', '2026-Q2', 3_333),
    testAllocation('x7', 'r2', 'b', '2026-Q3', 1)
  )
  data.budgetLines.push(
    testLine('l4', 'ph2', '2026-Q2', 1, { workstreamId: 'd' }),
    testLine('l5', 'ph2', '2026-Q2', 999_999, { currency: 'CHF' })
  )
  return data
}

type Op =
  | { kind: 'alloc'; pick: number; quarter: number; ws: number; role: number; part: number; whole: boolean }
  | { kind: 'line'; pick: number; quarter: number; phase: number; ws: number; part: number; whole: boolean }
  | { kind: 'split'; pick: number; part: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('alloc' as const),
    pick: fc.nat(),
    quarter: fc.nat(3),
    ws: fc.nat(4),
    role: fc.nat(3),
    part: fc.nat(),
    whole: fc.boolean()
  }),
  fc.record({
    kind: fc.constant('line' as const),
    pick: fc.nat(),
    quarter: fc.nat(3),
    phase: fc.nat(1),
    ws: fc.nat(4),
    part: fc.nat(),
    whole: fc.boolean()
  }),
  fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), part: fc.nat() })
)

/** The changes one random op makes on `data` (role moves only when allowed). */
function changesFor(data: PlanData, op: Op, allowRoleMoves: boolean): EntityChange[] {
  if (op.kind === 'alloc') {
    if (data.allocations.length === 0) return []
    const a = data.allocations[op.pick % data.allocations.length]
    const amount = op.whole ? undefined : 1 + (op.part % a.shareBp)
    const target = {
      quarter: QUARTERS[op.quarter],
      // index 4 = keep the workstream (or role), so same-place moves and merges happen often
      workstreamId: op.ws < data.workstreams.length ? data.workstreams[op.ws].id : undefined,
      roleId: allowRoleMoves && op.role < data.roles.length ? data.roles[op.role].id : undefined
    }
    return moveAllocation(data, a.id, target, amount)
  }
  if (data.budgetLines.length === 0) return []
  const line = data.budgetLines[op.pick % data.budgetLines.length]
  if (op.kind === 'split') {
    if (line.amountCents < 2) return []
    return splitBudgetLine(data, line.id, 1 + (op.part % (line.amountCents - 1)))
  }
  const amount = op.whole || line.amountCents === 0 ? undefined : 1 + (op.part % line.amountCents)
  return moveBudgetLine(
    data,
    line.id,
    {
      quarter: QUARTERS[op.quarter],
      phaseId: data.phases[op.phase].id,
      workstreamId: op.ws < data.workstreams.length ? data.workstreams[op.ws].id : null
    },
    amount
  )
}

const roleTotals = (d: PlanData) => {
  const m = new Map<string, number>()
  for (const a of d.allocations) m.set(a.roleId, (m.get(a.roleId) ?? 0) + a.shareBp)
  return m
}
const nativeCents = (d: PlanData) => {
  const m = new Map<string, number>()
  for (const l of d.budgetLines) m.set(l.currency, (m.get(l.currency) ?? 0) + l.amountCents)
  return m
}
const allocTotal = (d: PlanData) => d.allocations.reduce((s, a) => s + a.shareBp, 0)

/** Runs ops one by one, checking each step's changes apply cleanly; returns all changes. */
function run(initial: PlanData, ops: Op[], allowRoleMoves: boolean, check: (d: PlanData) => void) {
  let data = initial
  const all: EntityChange[] = []
  for (const op of ops) {
    const before = structuredClone(data)
    const changes = changesFor(data, op, allowRoleMoves)
    expect(data).toEqual(before) // pure: the input is never mutated
    expect(findConflicts(data, changes, 'before')).toEqual([])
    data = applyChanges(data, changes)
    expect(data.allocations.every((a) => Number.isInteger(a.shareBp) && a.shareBp > 0)).toBe(true)
    expect(data.budgetLines.every((l) => Number.isInteger(l.amountCents) && l.amountCents >= 0)).toBe(true)
    check(data)
    all.push(...changes)
  }
  return { data, all }
}

describe('moves keep totals and are exactly reversible', () => {
  it("keeps every role's FTE-quarters and every currency's cents through any sequence of moves, merges and splits", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const initial = basePlan()
        const roles = roleTotals(initial)
        const cents = nativeCents(initial)
        const { data, all } = run(initial, ops, false, (d) => {
          expect(roleTotals(d)).toEqual(roles)
          expect(nativeCents(d)).toEqual(cents)
        })
        const restored = applyChanges(data, invertChanges(all))
        expect(planDataEqual(restored, initial)).toBe(true)
        expect(findConflicts(data, all, 'after')).toEqual([])
      }),
      { numRuns: 200 }
    )
  })

  it('keeps the total FTE-quarters when chips also move between roles, and inverts back exactly', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const initial = basePlan()
        const total = allocTotal(initial)
        const { data, all } = run(initial, ops, true, (d) => expect(allocTotal(d)).toBe(total))
        expect(planDataEqual(applyChanges(data, invertChanges(all)), initial)).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it('never leaves two chips on the same role, workstream and quarter when starting without any', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const { data } = run(basePlan(), ops, true, () => {})
        const cells = data.allocations.map((a) => `${a.roleId}|${a.workstreamId}|${a.quarter}`)
        expect(new Set(cells).size).toBe(cells.length)
      }),
      { numRuns: 200 }
    )
  })
})
