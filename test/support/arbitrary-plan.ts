// Test support: fast-check generators of small, valid, adversarial plans (formula-like and
// non-ASCII text, CHF lines, zero and large amounts, several allocations in one cell, quarters
// outside the plan's span). Used by the export round-trip property tests.
import { LIMITS, TEXT_MAX } from '../../src/shared/limits'
import fc from 'fast-check'
import type {
  Allocation,
  BudgetLine,
  Deliverable,
  Phase,
  PlanData,
  QuarterKey,
  Risk,
  Role,
  Workstream
} from '../../src/shared/planning/types'
import { IMPACT_LEVELS, PRIORITIES } from '../../src/shared/planning/types'

const QUARTERS: QuarterKey[] = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']

/** Text a user might type: formulas, quotes, separators, umlauts, emoji, leading spaces. */
export const userText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    '=HYPERLINK("http://example.com","x")',
    '+1+2',
    '-3',
    '@SUM(A1)',
    '\tTab',
    'Grüße; "quoted", comma',
    '   leading spaces',
    'Emoji 🚀 line',
    'CHF',
    ''
  )
)

// Amounts span the whole range the limits allow, both ends included.
const cents = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.constantFrom(0, 1, 99, 41_500_000, 999_999_999_999, LIMITS.amountCents.max)
)
const share = fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(2_500, 3_333, 5_000, 10_000, 1))

export const arbitraryPlan: fc.Arbitrary<PlanData> = fc
  .record({
    name: userText,
    span: fc.integer({ min: 1, max: 5 }),
    start: fc.integer({ min: 0, max: 2 }),
    chfToEur: fc.constantFrom(1.07, 0.95, 1, 1.0612),
    totalBudgetCents: cents,
    softCapBp: fc.integer({ min: 5_000, max: 10_000 }),
    chfRateEstimate: fc.boolean(),
    notes: userText,
    phases: fc.array(fc.record({ name: userText, cap: cents, priority: fc.constantFrom(...PRIORITIES) }), {
      minLength: 1,
      maxLength: 3
    }),
    workstreams: fc.array(fc.record({ title: userText, phase: fc.nat() }), { minLength: 1, maxLength: 4 }),
    roles: fc.array(
      fc.record({
        name: userText,
        capacity: fc.array(fc.tuple(fc.constantFrom(...QUARTERS), fc.integer({ min: 0, max: 30_000 })), {
          maxLength: 3
        }),
        cost: fc.option(cents, { nil: null }),
        // As the app stores a person's name: trimmed, and none rather than an empty one.
        person: fc.option(
          userText.map((t) => t.trim()).filter((t) => t !== ''),
          { nil: undefined }
        ),
        open: fc.option(fc.option(fc.nat(4), { nil: null }), { nil: undefined })
      }),
      { minLength: 1, maxLength: 4 }
    ),
    allocations: fc.array(
      fc.record({
        role: fc.nat(),
        ws: fc.nat(),
        q: fc.constantFrom(...QUARTERS),
        share,
        note: userText,
        estimate: fc.boolean()
      }),
      { maxLength: 12 }
    ),
    lines: fc.array(
      fc.record({
        phase: fc.nat(),
        ws: fc.option(fc.nat(), { nil: null }),
        q: fc.constantFrom(...QUARTERS),
        category: userText,
        title: userText,
        amount: cents,
        currency: fc.constantFrom('EUR' as const, 'EUR' as const, 'CHF' as const),
        // Any numbers, ties included: a line moved onto another phase keeps its own.
        order: fc.integer({ min: 1, max: 1_000 })
      }),
      { maxLength: 10 }
    ),
    risks: fc.array(
      fc.record({
        title: userText,
        p: fc.integer({ min: 0, max: 100 }),
        level: fc.constantFrom(...IMPACT_LEVELS),
        cost: cents,
        estimate: fc.boolean(),
        mitigations: fc.array(userText, { maxLength: 3 }),
        order: fc.integer({ min: 1, max: 1_000 })
      }),
      { maxLength: 3 }
    ),
    deliverables: fc.array(
      fc.record({ title: userText, q: fc.constantFrom(...QUARTERS), done: fc.boolean() }),
      {
        maxLength: 4
      }
    )
  })
  .map((r): PlanData => {
    const planId = 'p-rand'
    const quarters = QUARTERS.slice(r.start, r.start + r.span)
    const phases: Phase[] = r.phases.map((p, i) => ({
      id: `ph${i}`,
      planId,
      order: i + 1,
      name: p.name,
      priority: p.priority,
      priorityLabel: 'HIGH',
      startQuarter: quarters[0],
      endQuarter: quarters[quarters.length - 1],
      timeline: '',
      businessImpact: '',
      capCents: p.cap,
      metrics: [{ id: `m${i}`, text: p.name, target: '< 200 ms', status: 'open' }]
    }))
    const workstreams: Workstream[] = r.workstreams.map((w, i) => ({
      id: `ws${i}`,
      planId,
      key: `key${i}`,
      title: w.title,
      phaseId: phases[w.phase % phases.length].id,
      order: i,
      scope: '',
      businessValue: '',
      criteria: [],
      startMonth: '2025-10',
      durationWeeks: 4,
      dependsOn: [],
      externalDependencies: ''
    }))
    const roles: Role[] = r.roles.map((ro, i) => ({
      id: `r${i}`,
      planId,
      name: ro.name,
      order: i,
      capacityBp: Object.fromEntries(ro.capacity),
      costPerFteQuarterCents: ro.cost,
      ...(ro.person !== undefined ? { personName: ro.person } : {}),
      ...(ro.open !== undefined
        ? { openPosition: true, hireQuarter: ro.open === null ? null : quarters[ro.open % quarters.length] }
        : {})
    }))
    const allocations: Allocation[] = r.allocations.map((a, i) => ({
      id: `a${i}`,
      planId,
      roleId: roles[a.role % roles.length].id,
      workstreamId: workstreams[a.ws % workstreams.length].id,
      quarter: a.q,
      shareBp: a.share,
      note: a.note,
      ...(a.estimate ? { estimate: true } : {})
    }))
    const budgetLines: BudgetLine[] = r.lines.map((l, i) => ({
      id: `l${i}`,
      planId,
      order: l.order,
      phaseId: phases[l.phase % phases.length].id,
      workstreamId: l.ws === null ? null : workstreams[l.ws % workstreams.length].id,
      quarter: l.q,
      category: l.category,
      title: l.title,
      amountCents: l.amount,
      currency: l.currency
    }))
    const risks: Risk[] = r.risks.map((k, i) => ({
      id: `k${i}`,
      planId,
      order: k.order,
      title: k.title,
      probabilityPct: k.p,
      impactLevel: k.level,
      impactText: k.title,
      impactCents: k.cost,
      ...(k.estimate ? { impactEstimate: true } : {}),
      mitigations: k.mitigations,
      phaseIds: [phases[0].id],
      workstreamIds: []
    }))
    const deliverables: Deliverable[] = r.deliverables.map((d, i) => ({
      id: `d${i}`,
      planId,
      quarter: d.q,
      order: i + 1,
      title: d.title,
      workstreamId: null,
      done: d.done
    }))
    return {
      plan: {
        id: planId,
        name: r.name,
        baseCurrency: 'EUR',
        quarters,
        chfToEur: r.chfToEur,
        totalBudgetCents: r.totalBudgetCents,
        softCapBp: r.softCapBp,
        mission: 'Mission',
        drivers: [{ title: 'D', text: 'T' }],
        notes: r.notes,
        ...(r.chfRateEstimate ? { chfRateEstimate: true } : {}),
        baseId: null,
        branchedAtSeq: 0,
        archived: false,
        builtin: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z'
      },
      phases,
      workstreams,
      roles,
      allocations,
      budgetLines,
      risks,
      dependencies: [],
      deliverables
    }
  })

/** Text of exactly `max` code units built from `unit` (a surrogate pair never split at the end). */
function filled(max: number, unit: string): string {
  const whole = unit.repeat(Math.floor(max / unit.length))
  return whole + 'x'.repeat(max - whole.length)
}

/**
 * A plan with every value at its limit (src/shared/limits.ts): each text field at its longest in
 * one kind of character, every amount at 0 or the maximum, every share and capacity at 1 bp or the
 * maximum, lines in EUR and CHF, and `rows` extra budget lines and allocations.
 */
export const arbitraryLimitPlan = (rows = 0): fc.Arbitrary<PlanData> =>
  fc
    .record({
      plan: arbitraryPlan,
      unit: fc.constantFrom('x', 'ü', '€', '😀', '"=;\t', 'ß\n'),
      amount: fc.constantFrom(LIMITS.amountCents.min, LIMITS.amountCents.max),
      share: fc.constantFrom(1, LIMITS.shareBp.max)
    })
    .map(({ plan, unit, amount, share }) => {
      const name = filled(TEXT_MAX.name, unit)
      const long = filled(TEXT_MAX.long, unit)
      const p: PlanData = structuredClone(plan)
      p.plan = {
        ...p.plan,
        name,
        mission: long,
        notes: long,
        drivers: p.plan.drivers.map(() => ({ title: name, text: long })),
        totalBudgetCents: amount
      }
      p.phases = p.phases.map((ph) => ({
        ...ph,
        name,
        priorityLabel: name,
        timeline: name,
        businessImpact: long,
        capCents: amount,
        metrics: ph.metrics.map((m) => ({ ...m, text: long, target: name }))
      }))
      p.workstreams = p.workstreams.map((w) => ({
        ...w,
        key: name,
        title: name,
        scope: long,
        businessValue: long,
        externalDependencies: long,
        criteria: w.criteria.map((c) => ({ ...c, text: long }))
      }))
      p.roles = p.roles.map((r) => ({
        ...r,
        name,
        costPerFteQuarterCents: amount,
        capacityBp: Object.fromEntries(p.plan.quarters.map((q) => [q, share]))
      }))
      p.allocations = p.allocations.map((a) => ({ ...a, note: long, shareBp: share }))
      p.budgetLines = p.budgetLines.map((l, i) => ({
        ...l,
        category: name,
        title: name,
        amountCents: amount,
        currency: i % 2 ? 'CHF' : 'EUR'
      }))
      p.risks = p.risks.map((k) => ({
        ...k,
        title: name,
        impactText: long,
        impactCents: amount,
        mitigations: k.mitigations.map(() => long)
      }))
      p.dependencies = p.dependencies.map((d) => ({ ...d, text: long }))
      p.deliverables = p.deliverables.map((d) => ({ ...d, title: name }))
      const phase = p.phases[0]
      const ws = p.workstreams[0]
      const role = p.roles[0]
      const q = p.plan.quarters[0]
      for (let i = 0; i < rows; i++) {
        p.budgetLines.push({
          id: `bl-many-${i}`,
          planId: p.plan.id,
          order: p.budgetLines.length + 1,
          phaseId: phase.id,
          workstreamId: ws.id,
          quarter: q,
          category: `C${i}`,
          title: `Line ${i}`,
          amountCents: i % 2 ? amount : i,
          currency: i % 3 ? 'EUR' : 'CHF'
        })
        p.allocations.push({
          id: `al-many-${i}`,
          planId: p.plan.id,
          roleId: role.id,
          workstreamId: ws.id,
          quarter: q,
          shareBp: i % 2 ? share : 1,
          note: ''
        })
      }
      return p
    })
