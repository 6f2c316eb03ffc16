import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyChanges, invertChanges } from './changes'
import { budgetTotals } from './budget'
import { idSequence, smallPlan, testLine } from '../../../test/support/testing'
import type { EntityChange, PlanData } from './types'
import { budgetIndexOf } from './budget-index'
import { byOrder } from './order'
import {
  allGroupKeys,
  budgetMoveChanges,
  budgetMoveKind,
  capPercent,
  moveLineChanges,
  buildBudgetIndex,
  buildBudgetRows,
  catKey,
  groupKeysOfLines,
  isBudgetNoop,
  phaseKey,
  previewBudgetDrop,
  resolveTarget,
  wsKey
} from './budget-board'

const nativeSums = (d: PlanData) => {
  const m = new Map<string, number>()
  for (const l of d.budgetLines) m.set(l.currency, (m.get(l.currency) ?? 0) + l.amountCents)
  return m
}

describe('budget board rows', () => {
  it('nests phases, workstreams and categories, and shows chips only where expanded', () => {
    const d = smallPlan()
    const index = buildBudgetIndex(d)
    expect(buildBudgetRows(d, index, new Set()).map((r) => r.key)).toEqual([phaseKey('ph1'), phaseKey('ph2')])
    const open = new Set([phaseKey('ph1'), wsKey('ph1', 'a')])
    expect(buildBudgetRows(d, index, open).map((r) => r.key)).toEqual([
      phaseKey('ph1'),
      wsKey('ph1', 'a'),
      catKey('ph1', 'a', 'tools'),
      wsKey('ph1', 'b'),
      phaseKey('ph2')
    ])
    expect(
      index.lines
        .get(catKey('ph1', 'a', 'tools'))
        ?.get('2025-Q4')
        ?.map((l) => l.id)
    ).toEqual(['l1'])
  })

  it('the group keys read from the lines are what expand all opens', () => {
    const d = smallPlan()
    expect(new Set(groupKeysOfLines(d.budgetLines))).toEqual(new Set(allGroupKeys(buildBudgetIndex(d))))
    expect(groupKeysOfLines([])).toEqual([])
  })

  it('totals CHF lines in EUR at the plan rate', () => {
    const d = smallPlan()
    const index = buildBudgetIndex(d)
    // l3: 10,000 CHF cents at the test plan's rate.
    expect(index.rowTotals.get(phaseKey('ph2'))).toBe(Math.round(10_000 * d.plan.chfToEur))
    expect(index.rowTotals.get(phaseKey('ph1'))).toBe(50_000)
  })

  it('a text filter opens the matching branches', () => {
    const d = smallPlan()
    const rows = buildBudgetRows(d, buildBudgetIndex(d), new Set(), 'l2')
    expect(rows.map((r) => r.key)).toEqual([
      phaseKey('ph1'),
      wsKey('ph1', 'b'),
      catKey('ph1', 'b', 'consulting')
    ])
  })

  it('the filter matches category names as shown, not their keys, whatever the case and accents', () => {
    const d = smallPlan()
    d.budgetLines.push(testLine('l4', 'ph2', '2026-Q1', 5_000, { category: 'monitoring' }))
    const names: Record<string, string> = {
      tools: 'Werkzeuge',
      consulting: 'Beratung',
      monitoring: 'Überwachung'
    }
    const shown = (c: string) => names[c] ?? c
    const keys = (filter: string) =>
      buildBudgetRows(d, buildBudgetIndex(d), new Set(), filter, shown).map((r) => r.key)
    expect(keys('werkZEUGE')).toEqual([phaseKey('ph1'), wsKey('ph1', 'a'), catKey('ph1', 'a', 'tools')])
    // The key is not what the planner sees: "tools" finds nothing here.
    expect(keys('tools')).toEqual([])
    expect(keys('Uberwachung')).toEqual([
      phaseKey('ph2'),
      wsKey('ph2', null),
      catKey('ph2', null, 'monitoring')
    ])
  })

  it('the filter matches line titles, phase names and workstream titles without regard to accents', () => {
    const d = smallPlan()
    d.budgetLines[0] = { ...d.budgetLines[0]!, title: 'Sicherheitsüberprüfung' }
    d.phases[1] = { ...d.phases[1]!, name: 'Bereitstellung Ä' }
    const keys = (filter: string) =>
      buildBudgetRows(d, buildBudgetIndex(d), new Set(), filter).map((r) => r.key)
    expect(keys('UBERPRUFUNG')).toEqual([phaseKey('ph1'), wsKey('ph1', 'a'), catKey('ph1', 'a', 'tools')])
    expect(keys('stellung a')).toEqual([
      phaseKey('ph2'),
      wsKey('ph2', null),
      catKey('ph2', null, 'consulting')
    ])
  })
})

describe('budget drops', () => {
  it('a drop on another phase keeps the workstream only when it belongs to that phase', () => {
    const d = smallPlan()
    const l1 = d.budgetLines.find((l) => l.id === 'l1')!
    expect(resolveTarget(d, l1, { quarter: '2026-Q1', phaseId: 'ph2' }).workstreamId).toBeNull()
    expect(resolveTarget(d, l1, { quarter: '2026-Q1', phaseId: 'ph1' }).workstreamId).toBe('a')
    expect(isBudgetNoop(d, l1, { quarter: '2025-Q4', phaseId: 'ph1' })).toBe(true)
    expect(isBudgetNoop(d, l1, { quarter: '2025-Q4', phaseId: 'ph1', category: 'audit' })).toBe(false)
  })

  it('moving part of a line into another category splits it and sets the category of the moved part only', () => {
    const d = smallPlan()
    const l1 = d.budgetLines.find((l) => l.id === 'l1')!
    const changes = budgetMoveChanges(
      d,
      l1,
      { quarter: '2025-Q4', phaseId: 'ph1', workstreamId: 'a', category: 'audit' },
      5_000,
      idSequence()
    )
    const after = applyChanges(d, changes)
    expect(after.budgetLines.find((l) => l.id === 'l1')).toMatchObject({
      amountCents: 15_000,
      category: 'tools'
    })
    expect(after.budgetLines.find((l) => l.id === 'n1')).toMatchObject({
      amountCents: 5_000,
      category: 'audit'
    })
  })

  it('a line moved onto another phase goes after that phase’s lines, and undoing it gives its number back', () => {
    const d = smallPlan()
    const l1 = d.budgetLines.find((l) => l.id === 'l1')!
    const index = budgetIndexOf(d.budgetLines, d.plan)
    const listed = (data: PlanData, phaseId: string) =>
      [...data.budgetLines]
        .filter((l) => l.phaseId === phaseId)
        .sort(byOrder)
        .map((l) => l.id)
    for (const amount of [l1.amountCents, 5_000]) {
      const changes = moveLineChanges(d, index, l1, { quarter: '2026-Q1', phaseId: 'ph2' }, amount)
      const after = applyChanges(d, changes)
      const arrived = amount === l1.amountCents ? 'l1' : changes.find((c) => c.before === null)!.id
      expect(listed(after, 'ph2')).toEqual(['l3', arrived])
      expect(after.budgetLines.find((l) => l.id === arrived)!.order).toBe(2)
      expect(applyChanges(after, invertChanges(changes)).budgetLines).toEqual(d.budgetLines)
    }
    // Within its phase a line keeps its place.
    const within = budgetMoveChanges(d, l1, { quarter: '2026-Q1', phaseId: 'ph1' })
    expect(applyChanges(d, within).budgetLines.find((l) => l.id === 'l1')!.order).toBe(1)
  })

  it('the preview shows a cap the move would breach', () => {
    const d = smallPlan()
    const totals = budgetTotals(d)
    const l2 = d.budgetLines.find((l) => l.id === 'l2')!
    const p = previewBudgetDrop(d, totals, l2, { quarter: '2026-Q1', phaseId: 'ph2' })!
    expect(p.phaseAfterCents).toBe((totals.byPhase.get('ph2') ?? 0) + 30_000)
    expect(p.capBreached).toBe(p.phaseAfterCents > 80_000)
    expect(p.quarterAfterCents).toBe((totals.byQuarter.get('2026-Q1') ?? 0) + 30_000)
  })

  it('any sequence of moves and splits keeps every currency’s cents, and undoing it restores the plan', () => {
    const quarters = ['2025-Q4', '2026-Q1', '2026-Q2'] as const
    const step = fc.record({
      line: fc.nat(),
      quarter: fc.constantFrom(...quarters),
      phase: fc.constantFrom('ph1', 'ph2'),
      ws: fc.constantFrom<string | null | undefined>(undefined, null, 'a', 'b', 'c'),
      category: fc.constantFrom<string | undefined>(undefined, 'tools', 'audit', 'consulting'),
      fraction: fc.double({ min: 0.01, max: 1, noNaN: true })
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const start = smallPlan()
        const sums = nativeSums(start)
        const ids = idSequence()
        let d = start
        const log = []
        for (const s of steps) {
          const line = d.budgetLines[s.line % d.budgetLines.length]
          const amount = Math.max(1, Math.min(line.amountCents, Math.round(line.amountCents * s.fraction)))
          const changes = budgetMoveChanges(
            d,
            line,
            { quarter: s.quarter, phaseId: s.phase, workstreamId: s.ws, category: s.category },
            amount,
            ids
          )
          d = applyChanges(d, changes)
          log.push(changes)
          expect(nativeSums(d)).toEqual(sums)
          for (const l of d.budgetLines)
            expect(Number.isInteger(l.amountCents) && l.amountCents > 0).toBe(true)
        }
        for (const changes of log.reverse()) d = applyChanges(d, invertChanges(changes))
        expect(new Map(d.budgetLines.map((l) => [l.id, l]))).toEqual(
          new Map(start.budgetLines.map((l) => [l.id, l]))
        )
      })
    )
  })
})

describe('budget board figures', () => {
  it('a move of part of a line is a split, of all of it a move', () => {
    const line = smallPlan().budgetLines[0]!
    expect(budgetMoveKind(line, line.amountCents)).toBe('move')
    expect(budgetMoveKind(line, line.amountCents - 1)).toBe('split')
  })

  it('a move read from the index makes the changes of one over the whole plan', () => {
    const d = smallPlan()
    const index = budgetIndexOf(d.budgetLines, d.plan)
    const plain = (cs: EntityChange[]) =>
      cs.map((c) => (c.before === null ? { ...c, id: 'new', after: { ...c.after!, id: 'new' } } : c))
    for (const line of d.budgetLines)
      for (const cell of [
        { quarter: line.quarter, phaseId: 'ph2' },
        { quarter: d.plan.quarters.at(-1)!, phaseId: line.phaseId, category: 'travel' }
      ])
        for (const amount of [line.amountCents, Math.floor(line.amountCents / 2)])
          expect(plain(moveLineChanges(d, index, line, cell, amount))).toEqual(
            plain(budgetMoveChanges(d, line, cell, amount))
          )
  })

  it('the cap percent rounds to whole percent and is 0 without a cap', () => {
    expect(capPercent({ phaseAfterCents: 1_005, capCents: 2_000 })).toBe(50)
    expect(capPercent({ phaseAfterCents: 3_000, capCents: 2_000 })).toBe(150)
    expect(capPercent({ phaseAfterCents: 3_000, capCents: 0 })).toBe(0)
  })
})
