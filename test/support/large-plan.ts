// A large, deterministic plan for benchmarks and stress tests (same seed → same plan,
// byte for byte), built with a small seeded PRNG so it needs no dependency.
import {
  quarterFromIndex,
  quarterIndex,
  quarterOfMonth,
  monthsOfQuarter
} from '../../src/shared/planning/quarters'
import type {
  Allocation,
  BudgetLine,
  Deliverable,
  Dependency,
  Phase,
  PlanData,
  Priority,
  QuarterKey,
  Risk,
  Role,
  Workstream
} from '../../src/shared/planning/types'
import { MODULES, PRIORITIES } from '../../src/shared/planning/types'

export type LargePlanOptions = {
  roles?: number
  workstreams?: number
  quarters?: number
  allocations?: number
  budgetLines?: number
  seed?: number
  planId?: string
  /** First quarter; default 2025-Q4. */
  firstQuarter?: QuarterKey
}

/** mulberry32: tiny, fast, good enough for test data; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CATEGORIES = ['tools', 'consulting', 'infrastructure', 'development', 'audit', 'licences', 'training']
const PHASE_COUNT = 5

export function generateLargePlan(options: LargePlanOptions = {}): PlanData {
  const {
    roles: roleCount = 1000,
    workstreams: wsCount = 50,
    quarters: quarterCount = 12,
    allocations: allocCount = 20_000,
    budgetLines: lineCount = 10_000,
    seed = 1,
    planId = 'large',
    firstQuarter = '2025-Q4'
  } = options
  if (allocCount > roleCount * wsCount * quarterCount) {
    throw new RangeError('More allocations requested than role × workstream × quarter cells')
  }
  const rnd = seededRandom(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]
  const first = quarterIndex(firstQuarter)
  const quarters = Array.from({ length: quarterCount }, (_, i) => quarterFromIndex(first + i))

  // Phases split the quarters as evenly as possible, earlier phases taking the extra ones.
  const phases: Phase[] = []
  let qi = 0
  const phaseCount = Math.min(PHASE_COUNT, quarterCount)
  for (let p = 0; p < phaseCount; p++) {
    const len = Math.floor(quarterCount / phaseCount) + (p < quarterCount % phaseCount ? 1 : 0)
    phases.push({
      id: `${planId}:phase:${p + 1}`,
      planId,
      order: p + 1,
      name: `Phase ${p + 1}`,
      priority: PRIORITIES[p] as Priority,
      priorityLabel: ['CRITICAL', 'HIGH', 'MEDIUM', 'STRATEGIC', 'FUTURE'][p],
      startQuarter: quarters[qi],
      endQuarter: quarters[qi + len - 1],
      timeline: '',
      businessImpact: '',
      capCents: 0,
      metrics: [
        { id: `${planId}:phase:${p + 1}:m1`, text: `Phase ${p + 1} done`, target: '', status: 'open' }
      ]
    })
    qi += len
  }
  const phaseQuarters = phases.map((p) => quarters.filter((q) => q >= p.startQuarter && q <= p.endQuarter))

  const workstreams: Workstream[] = []
  for (let w = 0; w < wsCount; w++) {
    const phaseIdx = Math.floor((w * phaseCount) / wsCount)
    const startQ = pick(phaseQuarters[phaseIdx])
    const earlier = workstreams.filter((x) => x.phaseId !== phases[phaseIdx].id)
    workstreams.push({
      id: `${planId}:ws:${w + 1}`,
      planId,
      key: `ws${w + 1}`,
      title: `Workstream ${w + 1}`,
      phaseId: phases[phaseIdx].id,
      order: w + 1,
      scope: '',
      businessValue: '',
      criteria: [{ id: `${planId}:ws:${w + 1}:c1`, text: 'Delivered', done: false }],
      startMonth: monthsOfQuarter(startQ)[int(0, 2)],
      durationWeeks: int(2, 12),
      dependsOn: earlier.length > 0 && rnd() < 0.3 ? [pick(earlier).id] : [],
      externalDependencies: ''
    })
  }

  const roles: Role[] = Array.from({ length: roleCount }, (_, r) => ({
    id: `${planId}:role:${r + 1}`,
    planId,
    name: `Role ${r + 1}`,
    order: r + 1,
    capacityBp: rnd() < 0.1 ? { [pick(quarters)]: 5_000 } : {},
    costPerFteQuarterCents: rnd() < 0.5 ? int(20_000, 60_000) * 100 : null
  }))

  // Unique role × workstream × quarter cells, as the board would merge duplicates.
  const allocations: Allocation[] = []
  const taken = new Set<string>()
  while (allocations.length < allocCount) {
    const r = int(0, roleCount - 1)
    const w = int(0, wsCount - 1)
    const q = int(0, quarterCount - 1)
    const key = `${r}|${w}|${q}`
    if (taken.has(key)) continue
    taken.add(key)
    allocations.push({
      id: `${planId}:alloc:${allocations.length + 1}`,
      planId,
      roleId: roles[r].id,
      workstreamId: workstreams[w].id,
      quarter: quarters[q],
      shareBp: int(1, 20) * 500,
      note: ''
    })
  }

  const budgetLines: BudgetLine[] = []
  const wsOfPhase = phases.map((ph) => workstreams.filter((w) => w.phaseId === ph.id))
  for (let l = 0; l < lineCount; l++) {
    const p = int(0, phaseCount - 1)
    const inPhase = wsOfPhase[p]
    budgetLines.push({
      id: `${planId}:line:${l + 1}`,
      planId,
      order: l + 1,
      phaseId: phases[p].id,
      workstreamId: inPhase.length > 0 && rnd() < 0.8 ? pick(inPhase).id : null,
      quarter: pick(phaseQuarters[p]),
      category: pick(CATEGORIES),
      title: `Line ${l + 1}`,
      amountCents: int(100, 100_000) * 100 + int(0, 99),
      currency: rnd() < 0.1 ? 'CHF' : 'EUR'
    })
  }
  // Caps a little above what each phase holds, so a few moves can breach them.
  const spent = new Map<string, number>()
  for (const l of budgetLines) {
    const c = l.currency === 'CHF' ? Math.round(l.amountCents * 1.07) : l.amountCents
    spent.set(l.phaseId, (spent.get(l.phaseId) ?? 0) + c)
  }
  for (const p of phases) p.capCents = Math.ceil(((spent.get(p.id) ?? 0) * 1.05) / 100) * 100
  const totalBudgetCents = phases.reduce((s, p) => s + p.capCents, 0)

  const risks: Risk[] = Array.from({ length: Math.min(20, wsCount) }, (_, i) => ({
    id: `${planId}:risk:${i + 1}`,
    planId,
    order: i + 1,
    title: `Risk ${i + 1}`,
    probabilityPct: int(5, 80),
    impactLevel: pick(['low', 'medium', 'high', 'critical'] as const),
    impactText: '',
    impactCents: int(1_000, 100_000) * 100,
    mitigations: [],
    phaseIds: [pick(phases).id],
    workstreamIds: [pick(workstreams).id]
  }))
  const dependencies: Dependency[] = workstreams.slice(0, 20).map((w, i) => ({
    id: `${planId}:dep:${i + 1}`,
    planId,
    direction: i % 3 === 0 ? 'module-to-infra' : 'infra-to-module',
    workstreamId: w.id,
    phaseId: null,
    modules: MODULES.filter(() => rnd() < 0.4),
    text: `Dependency ${i + 1}`
  }))
  const deliverables: Deliverable[] = workstreams.map((w, i) => ({
    id: `${planId}:deliverable:${i + 1}`,
    planId,
    quarter: quarterOfMonth(w.startMonth),
    order: i + 1,
    title: `Deliverable ${i + 1}`,
    workstreamId: w.id,
    done: false
  }))

  return {
    plan: {
      id: planId,
      name: `Large plan (${roleCount} roles, ${allocCount} allocations)`,
      baseCurrency: 'EUR',
      quarters,
      chfToEur: 1.07,
      totalBudgetCents,
      softCapBp: 8_500,
      mission: '',
      drivers: [],
      notes: `Generated with seed ${seed}.`,
      baseId: null,
      branchedAtSeq: 0,
      archived: false,
      builtin: false,
      createdAt: '2025-10-01T00:00:00.000Z',
      updatedAt: '2025-10-01T00:00:00.000Z'
    },
    phases,
    workstreams,
    roles,
    allocations,
    budgetLines,
    risks,
    dependencies,
    deliverables
  }
}
