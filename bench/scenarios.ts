// Prints timings of the scenario work on the large generated plan (1,000 roles × 50 workstreams
// × 12 quarters, 20,000 allocations, 10,000 budget lines): branching (clone), the comparison
// report the Scenarios view renders, promoting to baseline (diff onto the base) and applying
// history entries onto the base (id mapping + conflict check).
// Run: node --import tsx bench/scenarios.ts
import { applyChanges, clonePlanData, moveAllocation, moveBudgetLine } from '../src/shared/planning'
import { generateLargePlan } from '../test/support/large-plan'
import type { HistoryEntry, PlanData } from '../src/shared/planning'
import { buildComparisonReport } from '../src/shared/scenarios/compare-report'
import { comparisonSheets } from '../src/shared/scenarios/compare-sheet'
import { baselineChanges, entriesOntoBase } from '../src/shared/scenarios/to-base'

function time<T>(label: string, fn: () => T, runs = 5): T {
  let result = fn()
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) result = fn()
  const ms = (performance.now() - t0) / runs
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms`)
  return result
}

const base = generateLargePlan()
console.log(
  `plan: ${base.roles.length} roles, ${base.workstreams.length} workstreams, ${base.plan.quarters.length} quarters, ` +
    `${base.allocations.length} allocations, ${base.budgetLines.length} budget lines`
)
const scenario = time('branch (clonePlanData)', () => clonePlanData(base, { newPlanId: 's', name: 'S' }))

// 100 edits in the scenario, each recorded as a history entry.
let s: PlanData = scenario
const history: HistoryEntry[] = []
for (let i = 0; i < 100; i++) {
  const a = s.allocations[i * 37]
  const l = s.budgetLines[i * 53]
  const target = s.plan.quarters[(s.plan.quarters.indexOf(a.quarter) + 1) % s.plan.quarters.length]
  const changes = [
    ...moveAllocation(s, a.id, { quarter: target }, Math.max(1, Math.floor(a.shareBp / 2))),
    ...moveBudgetLine(s, l.id, { quarter: target })
  ]
  s = applyChanges(s, changes)
  history.push({
    seq: i + 1,
    planId: 's',
    at: '',
    kind: 'move',
    summary: { key: 'k', values: {} },
    changes,
    undone: false
  })
}
const report = time('comparison report (buildComparisonReport)', () => buildComparisonReport(base, s))
console.log(`  ${report.shareDeltas.length} share deltas, ${report.budgetDeltas.length} budget deltas`)
time('xlsx sheet rows (comparisonSheets)', () => comparisonSheets(report, 'en', ''))
const diff = time('promote to baseline (baselineChanges)', () => baselineChanges(base, s, history))
console.log(`  ${diff.length} entity changes`)
const out = time('apply 100 history entries onto the base (entriesOntoBase)', () =>
  entriesOntoBase(
    base,
    s,
    history,
    history.map((h) => h.seq!)
  )
)
console.log(`  ${out.changes.length} changes, ${out.problems.length} problems`)
