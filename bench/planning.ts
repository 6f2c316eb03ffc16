// Prints timings of the planning math on the large generated plan
// (1,000 roles × 50 workstreams × 12 quarters, 20,000 allocations, 10,000 budget lines).
// Run: node --import tsx bench/planning.ts
import {
  applyChanges,
  budgetSummary,
  clonePlanData,
  comparePlans,
  contingency,
  costOfAllocations,
  dependencyViolations,
  moveAllocation,
  overAllocations,
  previewMoveViolations,
  utilization
} from '../src/shared/planning'
import { generateLargePlan } from '../test/support/large-plan'

function time<T>(label: string, fn: () => T, runs = 10): T {
  let result = fn() // warm-up
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]
  console.log(
    `${label.padEnd(44)} median ${median.toFixed(2).padStart(8)} ms   max ${samples.at(-1)!.toFixed(2).padStart(8)} ms`
  )
  return result
}

const data = time('generateLargePlan (seed 1)', () => generateLargePlan({ seed: 1 }), 3)
console.log(
  `plan: ${data.roles.length} roles, ${data.workstreams.length} workstreams, ${data.plan.quarters.length} quarters, ` +
    `${data.allocations.length} allocations, ${data.budgetLines.length} budget lines`
)
time('utilization', () => utilization(data))
time('overAllocations (incl. amber)', () => overAllocations(data, { includeAmber: true }))
time('budgetSummary (all totals + caps)', () => budgetSummary(data))
time('costOfAllocations', () => costOfAllocations(data))
time('dependencyViolations', () => dependencyViolations(data))
time('contingency', () => contingency(data))
const chip = data.allocations[12_345]
const moved = time('moveAllocation (half, new quarter)', () =>
  moveAllocation(data, chip.id, { quarter: data.plan.quarters[0] }, Math.max(1, Math.floor(chip.shareBp / 2)))
)
time('applyChanges (that move)', () => applyChanges(data, moved))
time('previewMoveViolations (drag preview)', () =>
  previewMoveViolations(data, chip.id, { quarter: data.plan.quarters[0] })
)
const copy = time('clonePlanData', () => clonePlanData(data, { newPlanId: 'copy', name: 'Copy' }), 5)
time('comparePlans (plan vs its clone)', () => comparePlans(data, copy), 5)
