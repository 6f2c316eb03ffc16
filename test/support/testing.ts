// Small hand-built plans for unit tests (here and in other areas). Not part of the index barrel.
import type {
  Allocation,
  BudgetLine,
  Phase,
  Plan,
  PlanData,
  QuarterKey,
  Role,
  Workstream
} from '../../src/shared/planning/types'
import { newPlanRow } from '../../src/shared/planning/defaults'

export function testPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    ...newPlanRow(
      {
        id: 'p',
        name: 'Test plan',
        quarters: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
        totalBudgetCents: 1_000_000
      },
      '2025-10-01T00:00:00.000Z'
    ),
    ...overrides
  }
}

export function testPhase(
  id: string,
  order: number,
  start: QuarterKey,
  end: QuarterKey,
  capCents = 0
): Phase {
  return {
    id,
    planId: 'p',
    order,
    name: `Phase ${order}`,
    priority: 'P0',
    priorityLabel: 'CRITICAL',
    startQuarter: start,
    endQuarter: end,
    timeline: '',
    businessImpact: '',
    capCents,
    metrics: []
  }
}

export function testWorkstream(
  id: string,
  phaseId: string,
  startMonth: string,
  durationWeeks: number,
  dependsOn: string[] = []
): Workstream {
  return {
    id,
    planId: 'p',
    key: id,
    title: id,
    phaseId,
    order: 0,
    scope: '',
    businessValue: '',
    criteria: [],
    startMonth,
    durationWeeks,
    dependsOn,
    externalDependencies: ''
  }
}

export function testRole(
  id: string,
  order = 0,
  capacityBp: Role['capacityBp'] = {},
  cost: number | null = null
): Role {
  return { id, planId: 'p', name: id, order, capacityBp, costPerFteQuarterCents: cost }
}

export function testAllocation(
  id: string,
  roleId: string,
  workstreamId: string,
  quarter: QuarterKey,
  shareBp: number
): Allocation {
  return { id, planId: 'p', roleId, workstreamId, quarter, shareBp, note: '' }
}

export function testLine(
  id: string,
  phaseId: string,
  quarter: QuarterKey,
  amountCents: number,
  extra: Partial<BudgetLine> = {}
): BudgetLine {
  return {
    id,
    planId: 'p',
    order: 1,
    phaseId,
    workstreamId: null,
    quarter,
    category: 'tools',
    title: id,
    amountCents,
    currency: 'EUR',
    ...extra
  }
}

/** Two phases, three workstreams (c depends on a), two roles, a few chips and lines. */
export function smallPlan(): PlanData {
  return {
    plan: testPlan(),
    phases: [
      testPhase('ph1', 1, '2025-Q4', '2025-Q4', 50_000),
      testPhase('ph2', 2, '2026-Q1', '2026-Q2', 80_000)
    ],
    workstreams: [
      testWorkstream('a', 'ph1', '2025-10', 4),
      testWorkstream('b', 'ph1', '2025-11', 6),
      testWorkstream('c', 'ph2', '2026-01', 6, ['a'])
    ],
    roles: [testRole('r1', 0), testRole('r2', 1, { '2026-Q1': 5_000 })],
    allocations: [
      testAllocation('x1', 'r1', 'a', '2025-Q4', 5_000),
      testAllocation('x2', 'r1', 'b', '2025-Q4', 5_000),
      testAllocation('x3', 'r2', 'c', '2026-Q1', 5_000),
      testAllocation('x4', 'r1', 'c', '2026-Q1', 2_500)
    ],
    budgetLines: [
      testLine('l1', 'ph1', '2025-Q4', 20_000, { workstreamId: 'a' }),
      testLine('l2', 'ph1', '2025-Q4', 30_000, { workstreamId: 'b', category: 'consulting', order: 2 }),
      testLine('l3', 'ph2', '2026-Q1', 10_000, { currency: 'CHF', category: 'consulting' })
    ],
    risks: [],
    dependencies: [],
    deliverables: []
  }
}

/** Deterministic id source for tests: "n1", "n2", ... */
export function idSequence(prefix = 'n'): () => string {
  let i = 0
  return () => `${prefix}${++i}`
}
