import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { budgetTotals } from './budget'
import {
  applyBudgetChanges,
  applyBudgetChangesStepwise,
  budgetIndexOf,
  buildBudgetIndex,
  catKey,
  highestOrder,
  phaseSpentAfter,
  type BudgetIndex
} from './budget-index'
import { applyChanges } from './changes'
import { completeBudgetIndexStepwise, firstBudgetRowsStepwise, firstPhaseIds } from './first-rows'
import { findFollow, noteDerivation } from './plan-index'
import { runFor, runToEnd } from '../stepwise'
import { generateLargePlan } from '../../../test/support/large-plan'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testLine } from '../../../test/support/testing'
import type { BudgetLine, EntityChange, QuarterKey } from './types'

const sortedMap = <K, V>(m: Map<K, V>) =>
  [...m].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))

/** An index as plain, order-free data. */
function plain(index: BudgetIndex, phaseIds: readonly string[] = ['ph1', 'ph2', 'ph3']) {
  const nested = <V>(m: Map<string, Map<QuarterKey, V>>, f: (v: V) => unknown) =>
    sortedMap(m).map(([k, byQ]) => [k, sortedMap(byQ).map(([q, v]) => [q, f(v)])])
  const b = index.budget
  return {
    byId: sortedMap(index.byId),
    lines: nested(index.lines, (list: BudgetLine[]) => list.map((l) => l.id).sort()),
    totals: nested(index.totals, (c) => c),
    rowTotals: sortedMap(index.rowTotals),
    lineCount: sortedMap(index.lineCount),
    children: sortedMap(index.children).map(([k, kids]) => [
      k,
      kids.ws.map(String).sort(),
      sortedMap(kids.categories).map(([wk, cats]) => [wk, [...cats].sort()])
    ]),
    budget: plainTotals(b),
    highestOrder: phaseIds.map((p) => highestOrder(index, p))
  }
}

function plainTotals(b: BudgetIndex['budget']) {
  return {
    totalCents: b.totalCents,
    byPhase: sortedMap(b.byPhase),
    byQuarter: sortedMap(b.byQuarter),
    byPhaseQuarter: sortedMap(b.byPhaseQuarter).map(([p, m]) => [p, sortedMap(m)]),
    byCategory: sortedMap(b.byCategory),
    byWorkstream: sortedMap(b.byWorkstream),
    byCurrency: sortedMap(b.byCurrency)
  }
}

const edit = (l: BudgetLine, to: Partial<BudgetLine>): EntityChange => ({
  table: 'budgetLines',
  id: l.id,
  before: l,
  after: { ...l, ...to }
})

describe('budget index', () => {
  it('holds what budgetTotals computes, and a move changes only the two leaf lists it touches', () => {
    const data = smallPlan()
    const index = buildBudgetIndex(data.budgetLines, data.plan)
    expect(plain(index).budget).toEqual(plainTotals(budgetTotals(data)))
    const l1 = data.budgetLines[0]!
    const l2list = index.lines.get(catKey('ph1', 'b', 'consulting'))!.get('2025-Q4')!
    const changes = [edit(l1, { quarter: '2026-Q1', phaseId: 'ph2', workstreamId: null })]
    expect(phaseSpentAfter(index, changes, 'ph2')).toBe(
      budgetTotals(applyChanges(data, changes)).byPhase.get('ph2')
    )
    const next = applyBudgetChanges(index, changes)
    expect(next.lines.get(catKey('ph1', 'b', 'consulting'))!.get('2025-Q4')).toBe(l2list)
    expect(next.touched.map(([k, q]) => `${k}|${q}`).sort()).toEqual([
      'c|ph1|a|tools|2025-Q4',
      'c|ph2|-|tools|2026-Q1'
    ])
    expect(next.lines.has(catKey('ph1', 'a', 'tools'))).toBe(false)
    expect(next.children.get('p|ph1')!.ws).toEqual(['b'])
    expect(plain(next)).toEqual(plain(buildBudgetIndex(applyChanges(data, changes).budgetLines, data.plan)))
  })

  it('is built again for another CHF rate, and followed along a local commit otherwise', () => {
    const data = smallPlan()
    const first = budgetIndexOf(data.budgetLines, data.plan)
    expect(budgetIndexOf(data.budgetLines, data.plan)).toBe(first)
    const changes = [edit(data.budgetLines[2]!, { amountCents: 5_000 })]
    const next = applyChanges(data, changes)
    noteDerivation(data.budgetLines, next.budgetLines, changes)
    const followed = budgetIndexOf(next.budgetLines, next.plan)
    expect(followed.version).toBe(1)
    expect(followed.byId).toBe(first.byId)
    const other = budgetIndexOf(next.budgetLines, { chfToEur: 0.9 })
    expect(other.version).toBe(0)
    expect(other.budget.byCurrency.get('CHF')).toBe(5_000)
    expect(other.budget.byPhase.get('ph2')).toBe(4_500)
  })
})

// ------------------------------------------------------------------------------------------
// Property: incremental equals a full build after random adds, moves, edits and deletes.

const QUARTERS: QuarterKey[] = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
const commits = randomCommits(
  {
    budgetLines: {
      fields: {
        phaseId: fc.constantFrom('ph1', 'ph2'),
        workstreamId: fc.constantFrom('a', 'b', 'c', null),
        category: fc.constantFrom('tools', 'consulting', 'audit'),
        quarter: fc.constantFrom(...QUARTERS),
        amountCents: fc.nat(1_000_000),
        currency: fc.constantFrom('EUR' as const, 'CHF' as const),
        order: fc.integer({ min: 1, max: 6 })
      },
      add: (id) => testLine(id, 'ph1', QUARTERS[0]!, 0)
    }
  },
  { maxCommits: 30 }
)

describe('budget index: incremental equals full recompute', () => {
  it('holds after random change sequences (several changes per commit), budgetTotals included', () => {
    fc.assert(
      fc.property(commits.arbitrary, (ops) => {
        const start = smallPlan()
        let index = buildBudgetIndex(start.budgetLines, start.plan)
        for (const { data, changes } of commits.replay(start, ops)) {
          index = applyBudgetChanges(index, changes)
          expect(plain(index)).toEqual(plain(buildBudgetIndex(data.budgetLines, data.plan)))
          expect(plain(index).budget).toEqual(plainTotals(budgetTotals(data)))
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('budget index: stepwise follow', () => {
  it('of several commits at once equals the unsliced follow and a fresh build, whatever the slices', () => {
    fc.assert(
      fc.property(commits.arbitrary, fc.integer({ min: 1, max: 4 }), (ops, step) => {
        const start = smallPlan()
        const sliced = new WeakMap<readonly unknown[], BudgetIndex>()
        const whole = new WeakMap<readonly unknown[], BudgetIndex>()
        sliced.set(start.budgetLines, buildBudgetIndex(start.budgetLines, start.plan))
        whole.set(start.budgetLines, buildBudgetIndex(start.budgetLines, start.plan))
        let rows: readonly BudgetLine[] = start.budgetLines
        let last = start
        let longest = 0
        for (const { data, changes } of commits.replay(start, ops)) {
          noteDerivation(rows, data.budgetLines, changes)
          rows = data.budgetLines
          last = data
          longest = Math.max(longest, changes.length)
        }
        const apply = (i: BudgetIndex, c: readonly EntityChange[]) => applyBudgetChangesStepwise(i, c, step)
        const a = findFollow(rows, sliced, apply)
        const b = findFollow(rows, whole, applyBudgetChangesStepwise)
        if (rows === start.budgetLines) {
          expect(a && 'index' in a).toBe(true)
          return
        }
        if (!a || 'index' in a || !b || 'index' in b) throw new Error('expected a follow')
        const steps = a.steps()
        let end
        let slices = 0
        while (!(end = runFor(steps, 0))) slices++
        if (longest >= step) expect(slices).toBeGreaterThan(0)
        const fresh = plain(buildBudgetIndex(last.budgetLines, last.plan))
        expect(plain(end.value)).toEqual(fresh)
        expect(plain(runToEnd(b.steps()))).toEqual(fresh)
        expect(sliced.get(rows)).toBe(end.value)
      }),
      { numRuns: 200 }
    )
  })
})

describe("budget index completed from the budget board's first rows", () => {
  it('equals the full build on generated plans, whichever phases were first, the first rows left as they were', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(1, 0.93, 1.0712),
        (seed, budgetLines, first, chfToEur) => {
          const data = generateLargePlan({ seed, roles: 4, workstreams: 9, allocations: 8, budgetLines })
          data.plan.chfToEur = chfToEur
          const phaseIds = data.phases.map((p) => p.id)
          const rows = runToEnd(
            firstBudgetRowsStepwise(data.budgetLines, data.plan, firstPhaseIds(data.phases, first))
          )
          const shown = plain(rows.index, phaseIds)
          const index = runToEnd(completeBudgetIndexStepwise(rows, data.plan))
          expect(plain(index, phaseIds)).toEqual(
            plain(buildBudgetIndex(data.budgetLines, data.plan), phaseIds)
          )
          expect(plain(rows.index, phaseIds)).toEqual(shown)
        }
      ),
      { numRuns: 80 }
    )
  })

  it('follows random commits as a full build does (counts included), the first rows untouched', () => {
    fc.assert(
      fc.property(commits.arbitrary, fc.constantFrom(0, 1, 2), (ops, first) => {
        const start = smallPlan()
        const rows = runToEnd(
          firstBudgetRowsStepwise(start.budgetLines, start.plan, firstPhaseIds(start.phases, first))
        )
        const shown = plain(rows.index)
        let index = runToEnd(completeBudgetIndexStepwise(rows, start.plan))
        for (const { data, changes } of commits.replay(start, ops)) {
          index = applyBudgetChanges(index, changes)
          expect(plain(index)).toEqual(plain(buildBudgetIndex(data.budgetLines, data.plan)))
        }
        expect(plain(rows.index)).toEqual(shown)
      }),
      { numRuns: 200 }
    )
  })
})
