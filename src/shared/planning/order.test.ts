import { describe, expect, it } from 'vitest'
import { smallPlan } from '../../../test/support/testing'
import { applyChanges } from './changes'
import {
  afterExistingLines,
  afterExistingLinesStepwise,
  byOrder,
  linesAfter,
  missingOrders,
  numberPlan,
  numberPlans,
  sortedByOrder
} from './order'
import { buildFreshFoodzPlan } from './seed/freshfoodz'
import type { BudgetLine, EntityChange, HistoryEntry, PlanData, Risk } from './types'

/** A plan as files written before risks and budget lines had an order hold it. */
function withoutOrders(data: PlanData): PlanData {
  const strip = <T extends { order?: number }>(r: T) => {
    const { order: _o, ...rest } = r
    return rest as T
  }
  return { ...data, risks: data.risks.map(strip), budgetLines: data.budgetLines.map(strip) }
}

describe('sorting by order', () => {
  it('breaks ties by id and leaves rows already in order as the same array', () => {
    const rows = [
      { id: 'b', order: 1 },
      { id: 'a', order: 1 },
      { id: 'c', order: 0 }
    ]
    expect([...rows].sort(byOrder).map((r) => r.id)).toEqual(['c', 'a', 'b'])
    const sorted = [...rows].sort(byOrder)
    expect(sortedByOrder(sorted)).toBe(sorted)
    expect(sortedByOrder(rows)).not.toBe(rows)
  })
})

describe('numbering data written before risks and budget lines had an order', () => {
  it('numbers risks as listed, and lines per phase by quarter, then as listed', () => {
    const data = withoutOrders(smallPlan())
    data.budgetLines = [
      { ...data.budgetLines[1]!, id: 'late', quarter: '2026-Q1' },
      ...data.budgetLines
    ] as BudgetLine[]
    const numbered = numberPlan(data)
    const order = (id: string) => numbered.budgetLines.find((l) => l.id === id)!.order
    // ph1: l1 and l2 in 2025-Q4 as listed, then 'late' in 2026-Q1; ph2: l3 alone.
    expect(['l1', 'l2', 'late', 'l3'].map(order)).toEqual([1, 2, 3, 1])
    const roadmap = withoutOrders(buildFreshFoodzPlan({ planId: 'p', now: 't' }))
    expect(numberPlan(roadmap).risks.map((r) => r.order)).toEqual(roadmap.risks.map((_, i) => i + 1))
  })

  it('keeps numbers that are there and gives the rest the next ones of their group', () => {
    const m = missingOrders('risks', [
      { id: 'a', planId: 'p', order: 4 },
      { id: 'b', planId: 'p' },
      { id: 'c', planId: 'q' }
    ])
    expect([...m]).toEqual([
      ['b', 5],
      ['c', 1]
    ])
    const full = smallPlan()
    expect(numberPlan(full)).toBe(full)
  })

  it('gives an id the same number in the plan and in every history entry, removed rows after the rest', () => {
    const data = withoutOrders(buildFreshFoodzPlan({ planId: 'p', now: 't' }))
    const line = data.budgetLines[0]!
    const gone = { ...line, id: 'gone', title: 'Removed since' }
    const history: Pick<HistoryEntry, 'changes'>[] = [
      {
        changes: [
          { table: 'budgetLines', id: line.id, before: line, after: { ...line, amountCents: 1 } },
          { table: 'budgetLines', id: 'gone', before: gone, after: null }
        ] as EntityChange[]
      }
    ]
    const { plans, history: numbered } = numberPlans([data], history)
    const now = plans[0]!.budgetLines.find((l) => l.id === line.id)!
    const [edit, removal] = numbered[0]!.changes as { before: BudgetLine; after: BudgetLine | null }[]
    expect(edit!.before.order).toBe(now.order)
    expect(edit!.after!.order).toBe(now.order)
    const inPhase = plans[0]!.budgetLines.filter((l) => l.phaseId === line.phaseId)
    expect(removal!.before.order).toBe(inPhase.length + 1)
    // Applying the history's inverse on the numbered plan finds each row as the entry left it.
    const edited = {
      ...plans[0]!,
      budgetLines: plans[0]!.budgetLines.map((l) => (l.id === line.id ? edit!.after! : l))
    }
    expect(
      applyChanges(edited, [
        { table: 'budgetLines', id: line.id, before: edit!.after, after: edit!.before } as EntityChange
      ]).budgetLines
    ).toEqual(plans[0]!.budgetLines)
  })

  it('numbers risks of several plans each from 1', () => {
    const a = withoutOrders(smallPlan())
    const risk: Risk = { ...buildFreshFoodzPlan({ planId: 'p', now: 't' }).risks[0]!, planId: 'p' }
    const { order: _o, ...bare } = risk
    a.risks = [bare as Risk, { ...bare, id: 'r-2' } as Risk]
    const b = { ...a, plan: { ...a.plan, id: 'q' }, risks: [{ ...bare, id: 'r-3', planId: 'q' } as Risk] }
    const { plans } = numberPlans([a, b])
    expect(plans.map((p) => p.risks.map((r) => r.order))).toEqual([[1, 2], [1]])
  })
})

describe('imported lines', () => {
  it('come after the lines their phase already holds, in file order', () => {
    const data = smallPlan()
    const added = [
      { phaseId: 'ph1', order: 1, id: 'i1' },
      { phaseId: 'ph1', order: 2, id: 'i2' },
      { phaseId: 'ph9', order: 1, id: 'i3' }
    ]
    expect(linesAfter(data.budgetLines, added).map((l) => l.order)).toEqual([3, 4, 1])
    const changes = added.map(
      (l) => ({ table: 'budgetLines', id: l.id, before: null, after: l }) as unknown as EntityChange
    )
    expect(afterExistingLines(data.budgetLines, changes).map((c) => (c.after as BudgetLine).order)).toEqual([
      3, 4, 1
    ])
  })

  it('are renumbered a few at a time, to the same list', () => {
    const data = smallPlan()
    const changes = Array.from(
      { length: 7 },
      (_, i) =>
        ({
          table: 'budgetLines',
          id: `i${i}`,
          before: null,
          after: { phaseId: i % 2 ? 'ph1' : 'ph9', order: i + 1, id: `i${i}` }
        }) as unknown as EntityChange
    )
    const steps = afterExistingLinesStepwise(data.budgetLines, changes, 2)
    let yields = 0
    let r = steps.next()
    for (; !r.done; r = steps.next()) yields++
    expect(yields).toBe(3)
    expect(r.value).toEqual(afterExistingLines(data.budgetLines, changes))
    // The plan's own changes and lines of phases it has no lines in stay the same objects.
    expect(r.value[0]).toBe(changes[0])
  })
})
