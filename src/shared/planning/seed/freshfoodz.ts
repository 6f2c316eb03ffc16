// The built-in FreshFoodz plan: every table of /work/shared/seed/infrastructure-roadmap.md
// (roadmap of 2025-09-20) as PlanData. Texts stay as the customer wrote them (German and
// English mixed); only markdown emphasis and emoji are left out. Ids are readable and
// deterministic (`${planId}:ws:migrationen`) so tests and links can find things.
import type {
  Allocation,
  BudgetLine,
  Deliverable,
  Dependency,
  ImpactLevel,
  ModuleNo,
  Phase,
  PlanData,
  Priority,
  QuarterKey,
  Risk,
  Role,
  Workstream
} from '../types'
import { FULL_FTE, MODULES } from '../types'
import { newPlanRow } from '../defaults'

export const FRESHFOODZ_PLAN_ID = 'freshfoodz'

const QUARTERS: QuarterKey[] = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']

const EUR = (euros: number) => euros * 100

type PhaseSeed = {
  name: string
  priority: Priority
  label: string
  quarter: QuarterKey
  timeline: string
  businessImpact: string
  capEuros: number
  /** [text, target] — target '' where the criterion names no measurable figure. */
  metrics: [string, string][]
}

const PHASES: PhaseSeed[] = [
  {
    name: 'Foundation',
    priority: 'P0',
    label: 'CRITICAL',
    quarter: '2025-Q4',
    timeline: 'Okt-Dez 2025 (3 Monate)',
    businessImpact: 'Production Blocker - Ohne diese keine Go-Live möglich',
    capEuros: 50_000,
    metrics: [
      ['Zero-Downtime Database Migrations demonstrated', ''],
      ['ABAC/RLS Lead-Protection policies operational', ''],
      ['Multi-Territory Access-Control validated', ''],
      ['Audit Trail capturing all Critical Operations', '']
    ]
  },
  {
    name: 'Operations',
    priority: 'P1',
    label: 'HIGH',
    quarter: '2026-Q1',
    timeline: 'Jan-März 2026 (3 Monate)',
    businessImpact: 'Enterprise-Excellence - Required für 24/7 Operations',
    capEuros: 75_000,
    metrics: [
      ['API p95 <200ms (Normal) / <450ms (Peak) achieved', 'p95 < 200 ms (Normal) / < 450 ms (Peak)'],
      ['99.9% Uptime SLA maintained', '≥ 99.9% uptime'],
      ['Incident Response <15min mean time to detection', 'MTTD < 15 min'],
      ['Automated Recovery für 80% of common issues', '≥ 80% of common issues']
    ]
  },
  {
    name: 'Integration',
    priority: 'P2',
    label: 'MEDIUM',
    quarter: '2026-Q2',
    timeline: 'Apr-Jun 2026 (3 Monate)',
    businessImpact: 'Business Growth - Required für External System Integration',
    capEuros: 100_000,
    metrics: [
      ['Xentral ERP Integration processing >1000 orders/day', '> 1000 orders/day'],
      ['Allianz Credit-Check response <300ms p95', 'p95 < 300 ms'],
      ['Cross-Module Events processing >10,000 events/day', '> 10,000 events/day'],
      ['API Rate Limiting protecting gegen abuse', '']
    ]
  },
  {
    name: 'Governance',
    priority: 'P3',
    label: 'STRATEGIC',
    quarter: '2026-Q3',
    timeline: 'Jul-Sep 2026 (3 Monate)',
    businessImpact: 'Long-term Excellence - Required für Enterprise Compliance',
    capEuros: 40_000,
    metrics: [
      ['GDPR Compliance audit passed', ''],
      ['AI Cost Management keeping within €1,200/month budget', '≤ €1,200/month'],
      ['Data Retention Policies automatically enforced', ''],
      ['Regulatory Audit-Readiness established', '']
    ]
  },
  {
    name: 'Scale',
    priority: 'P4',
    label: 'FUTURE',
    quarter: '2026-Q4',
    timeline: 'Okt-Dez 2026 (3 Monate)',
    businessImpact: 'Hypergrowth Preparation - Required für Market Expansion',
    capEuros: 150_000,
    metrics: [
      ['>1000 concurrent users supported', '> 1000 concurrent users'],
      ['Multi-Region deployment operational', ''],
      ['Auto-skalierung responding to load within 2 minutes', '< 2 min'],
      ['Geographic Load Distribution optimized', '']
    ]
  }
]

type WorkstreamKey =
  'migrationen' | 'sicherheit' | 'leistung' | 'betrieb' | 'integration' | 'verwaltung' | 'skalierung'

type WorkstreamSeed = {
  key: WorkstreamKey
  title: string
  phase: number
  scope: string
  businessValue: string
  criteria: string[]
  /** From the roadmap's "Timeline:" line, e.g. "Nov-Dez 2025 (6 Wochen)" → 2025-11, 6. */
  startMonth: string
  durationWeeks: number
  dependsOn: WorkstreamKey[]
  externalDependencies: string
}

const WORKSTREAMS: WorkstreamSeed[] = [
  {
    key: 'migrationen',
    title: 'Database Foundation',
    phase: 1,
    scope: 'Database Migration Strategy + Schema Standards + Performance Patterns',
    businessValue: 'Alle Module 01-08 können Database Changes sicher deployen',
    criteria: [
      'Zero-Downtime Migration Strategy definiert',
      'Schema Standards für alle Module etabliert',
      'Performance Patterns (Indexing + Queries) dokumentiert',
      'Migration Rollback-Prozess getestet'
    ],
    startMonth: '2025-10',
    durationWeeks: 4,
    dependsOn: [],
    externalDependencies: 'Module 01-08 Technical Concepts completed'
  },
  {
    key: 'sicherheit',
    title: 'ABAC/RLS Foundation',
    phase: 1,
    scope: 'ABAC/RLS Security Model + Territory-Scoping + Lead-Protection + Audit',
    businessValue: 'Enterprise-Security + Multi-Territory + User-Lead-Protection',
    criteria: [
      'ABAC Territory-Scoping finalized (Deutschland + Schweiz)',
      'Lead-Protection RLS policies implemented',
      'Multi-Contact Access-Control established',
      'Audit Trail für alle Critical Operations'
    ],
    startMonth: '2025-11',
    durationWeeks: 6,
    dependsOn: [],
    externalDependencies: 'Module 02/03 Lead-Protection Requirements finalized'
  },
  {
    key: 'leistung',
    title: 'SLO + Monitoring Framework',
    phase: 2,
    scope: 'SLO Catalog + Monitoring Stack + Performance Engineering + Load Testing',
    businessValue: '1000+ concurrent users + Enterprise-SLAs + Proactive Performance',
    criteria: [
      'Normal/Peak SLO Catalog established (p95 <200ms / <450ms)',
      'Grafana + Prometheus + Alerting operational',
      'k6 Load Testing für alle Critical Paths',
      'Performance Bottleneck Identification + Resolution'
    ],
    startMonth: '2026-01',
    durationWeeks: 6,
    // "Phase 1 Infrastructure stable": both Phase 1 workstreams.
    dependsOn: ['migrationen', 'sicherheit'],
    externalDependencies: 'Phase 1 Infrastructure stable'
  },
  {
    key: 'betrieb',
    title: 'Runbooks + Incident Response',
    phase: 2,
    scope: 'Operations Runbooks + Incident Response + Backup Strategy + Business Continuity',
    businessValue: '24/7 Operations + Disaster Recovery + Business Continuity',
    criteria: [
      'Incident Response Playbooks für alle Critical Scenarios',
      'Automated Backup + Recovery tested',
      'On-call Rotation + Escalation Matrix established',
      'Business Continuity Plan operational'
    ],
    startMonth: '2026-02',
    durationWeeks: 6,
    dependsOn: ['leistung'],
    externalDependencies: 'leistung Monitoring operational'
  },
  {
    key: 'integration',
    title: 'Events + External APIs',
    phase: 3,
    scope: 'Event Architecture + External APIs + Rate Limiting + Integration Templates',
    businessValue: 'Xentral ERP + Allianz Credit + all-inkl Email + Cross-Module Events',
    criteria: [
      'Event Catalog für alle Cross-Module Communications',
      'Xentral ERP Integration operational',
      'Allianz Credit-Check Integration live',
      'API Gateway + Rate Limiting established'
    ],
    startMonth: '2026-04',
    durationWeeks: 8,
    dependsOn: [],
    externalDependencies: 'Module 01-08 Event Requirements finalized'
  },
  {
    key: 'verwaltung',
    title: 'Data + AI Governance',
    phase: 4,
    scope: 'Data Classification + AI Governance + GDPR Compliance + Ethics Framework',
    businessValue: 'Enterprise Compliance + AI Ethics + Data Retention + Regulatory Readiness',
    criteria: [
      'Data Classification Matrix (Personal + Business + Analytics)',
      'AI Cost Management + Ethics Framework',
      'GDPR Compliance + Data Retention Policies',
      'Regulatory Audit-Readiness established'
    ],
    startMonth: '2026-07',
    durationWeeks: 8,
    dependsOn: [],
    externalDependencies: 'AI Features (Module 07 CAR-Strategy) operational'
  },
  {
    key: 'skalierung',
    title: 'Horizontal Scale + Multi-Region',
    phase: 5,
    scope: 'Horizontal Scaling + Multi-Region + Performance Engineering + Geographic Expansion',
    businessValue: '>1000 concurrent users + Geographic Market Expansion + Hypergrowth Ready',
    criteria: [
      'Auto-skalierung Infrastructure operational',
      'Multi-Region Deployment capability',
      'CDN + Caching Strategy optimized',
      'Geographic Load Distribution established'
    ],
    startMonth: '2026-10',
    durationWeeks: 8,
    // "Phase 1-4 Infrastructure stable": every workstream of phases 1 to 4.
    dependsOn: ['migrationen', 'sicherheit', 'leistung', 'betrieb', 'integration', 'verwaltung'],
    externalDependencies: 'Phase 1-4 Infrastructure stable + Business Growth validated'
  }
]

const ROLES = [
  'DevOps Lead',
  'Security Specialist',
  'Database Architect',
  'Site Reliability Engineer',
  'Performance Engineer',
  'Integration Architect',
  'Backend Developer',
  'Compliance Officer',
  'AI Ethics Specialist',
  'Legal Advisor',
  'Cloud Architect'
] as const
type RoleName = (typeof ROLES)[number]

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')

/**
 * The Team Allocation Matrix, one row per chip. Where the roadmap gives one share for two
 * workstreams ("DevOps Lead: 100% (migrationen + sicherheit)") we split it 50/50; plan.notes
 * says so. The note is the roadmap's parenthesis.
 */
/** Role and quarter of the shares split 50/50 by us (marked as estimates). */
const SPLIT_SHARES = new Set([
  '2025-Q4|DevOps Lead',
  '2026-Q1|DevOps Lead',
  '2026-Q1|Site Reliability Engineer'
])

const ALLOCATIONS: [QuarterKey, RoleName, WorkstreamKey, number, string][] = [
  ['2025-Q4', 'DevOps Lead', 'migrationen', 50, 'migrationen + sicherheit'],
  ['2025-Q4', 'DevOps Lead', 'sicherheit', 50, 'migrationen + sicherheit'],
  ['2025-Q4', 'Security Specialist', 'sicherheit', 50, 'ABAC/RLS + Territory-Scoping'],
  ['2025-Q4', 'Database Architect', 'migrationen', 50, 'Migration Strategy + Performance'],
  ['2026-Q1', 'DevOps Lead', 'leistung', 50, 'leistung + betrieb'],
  ['2026-Q1', 'DevOps Lead', 'betrieb', 50, 'leistung + betrieb'],
  ['2026-Q1', 'Site Reliability Engineer', 'leistung', 50, 'Monitoring'],
  ['2026-Q1', 'Site Reliability Engineer', 'betrieb', 50, 'Incident Response'],
  ['2026-Q1', 'Performance Engineer', 'leistung', 50, 'Load Testing + Optimization'],
  ['2026-Q2', 'Integration Architect', 'integration', 100, 'Event Architecture + External APIs'],
  ['2026-Q2', 'DevOps Lead', 'integration', 50, 'API Gateway + Rate Limiting'],
  ['2026-Q2', 'Backend Developer', 'integration', 50, 'Integration Implementation'],
  ['2026-Q3', 'Compliance Officer', 'verwaltung', 100, 'Data Governance + GDPR'],
  ['2026-Q3', 'AI Ethics Specialist', 'verwaltung', 50, 'AI Governance + Cost Management'],
  ['2026-Q3', 'Legal Advisor', 'verwaltung', 25, 'Regulatory Requirements'],
  ['2026-Q4', 'Cloud Architect', 'skalierung', 100, 'Multi-Region + Auto-skalierung'],
  ['2026-Q4', 'Performance Engineer', 'skalierung', 100, 'Scale Testing + Optimization'],
  ['2026-Q4', 'DevOps Lead', 'skalierung', 50, 'Infrastructure Scaling']
]

/** Budget Allocation: [phase, title, euros, workstream, category]; each line sits in its phase's quarter. */
const BUDGET: [number, string, number, WorkstreamKey, string][] = [
  [1, 'Database Migration Tools + Consulting', 20_000, 'migrationen', 'tools'],
  [1, 'Security Audit + ABAC Implementation', 30_000, 'sicherheit', 'audit'],
  [2, 'Monitoring Stack (Grafana + Prometheus)', 25_000, 'leistung', 'tools'],
  [2, 'Load Testing Infrastructure + Tools', 20_000, 'leistung', 'infrastructure'],
  [2, 'Backup + Disaster Recovery Setup', 30_000, 'betrieb', 'infrastructure'],
  [3, 'API Gateway + Rate Limiting Infrastructure', 40_000, 'integration', 'infrastructure'],
  [3, 'External Integration Development', 60_000, 'integration', 'development'],
  [4, 'Compliance Consulting + Audit', 25_000, 'verwaltung', 'consulting'],
  [4, 'AI Governance Tools + Framework', 15_000, 'verwaltung', 'tools'],
  [5, 'Multi-Region Infrastructure', 100_000, 'skalierung', 'infrastructure'],
  [5, 'CDN + Caching Infrastructure', 50_000, 'skalierung', 'infrastructure']
]

type RiskSeed = {
  title: string
  probabilityPct: number
  impactLevel: ImpactLevel
  impactText: string
  /** Our estimate of the cost if it happens (editable); see plan.notes. */
  impactEuros: number
  mitigations: string[]
  phases: number[]
  workstreams: WorkstreamKey[]
}

const RISKS: RiskSeed[] = [
  {
    title: 'Phase 1 delays block ALL Module Go-Lives',
    probabilityPct: 30,
    impactLevel: 'critical',
    impactText: 'Production halt',
    impactEuros: 100_000,
    mitigations: [
      'Start Phase 1 immediately (Q4 2025)',
      'Parallel development with Module finalization',
      'External consulting for complex ABAC/RLS'
    ],
    phases: [1],
    workstreams: ['migrationen', 'sicherheit']
  },
  {
    title: 'Performance SLOs not achievable with current architecture',
    probabilityPct: 15,
    impactLevel: 'high',
    impactText: 'Enterprise deals at risk',
    impactEuros: 80_000,
    mitigations: [
      'Early load testing in Phase 1',
      'Performance architecture review',
      'Horizontal skalierung preparation'
    ],
    phases: [2],
    workstreams: ['leistung']
  },
  {
    title: 'External Integration delays (Xentral/Allianz)',
    probabilityPct: 60,
    impactLevel: 'medium',
    impactText: 'Feature delays',
    impactEuros: 30_000,
    mitigations: [
      'Mock integrations for development',
      'Incremental integration approach',
      'Fallback manual processes'
    ],
    phases: [3],
    workstreams: ['integration']
  }
]

const ALL: ModuleNo[] = [...MODULES]

/** Infrastructure → Business Modules (text after the colon, as written). */
const INFRA_TO_MODULE: [WorkstreamKey, ModuleNo[], string][] = [
  ['migrationen', ALL, 'Database schema changes'],
  ['sicherheit', ['02', '03'], 'Lead-Protection + Multi-Contact'],
  ['leistung', ['01', '04'], 'Dashboard + Analytics leistung'],
  ['betrieb', ALL, 'Production deployment readiness'],
  ['integration', ['02', '05', '08'], 'External system connections'],
  ['verwaltung', ['07'], 'AI features compliance'],
  ['skalierung', ALL, 'Enterprise-scale support']
]

/** Business Modules → Infrastructure: target is a workstream or (row 1) a whole phase. */
const MODULE_TO_INFRA: [ModuleNo[], { ws: WorkstreamKey } | { phase: number }, string][] = [
  [ALL, { phase: 1 }, 'Module 01-08 Technical Concepts → Phase 1 Requirements'],
  [['02', '03'], { ws: 'sicherheit' }, 'Module 02/03 Lead-Protection → sicherheit Implementation'],
  [['07'], { ws: 'verwaltung' }, 'Module 07 CAR-Strategy → verwaltung AI policies'],
  [['08'], { ws: 'betrieb' }, 'Module 08 Administration → betrieb Integration']
]

const DELIVERABLES: [QuarterKey, string, WorkstreamKey][] = [
  ['2025-Q4', 'Migration Strategy Document + Templates', 'migrationen'],
  ['2025-Q4', 'ABAC/RLS Security Model + Policies', 'sicherheit'],
  ['2025-Q4', 'Database Schema Standards + Performance Patterns', 'migrationen'],
  ['2025-Q4', 'Multi-Territory Access-Control Implementation', 'sicherheit'],
  ['2026-Q1', 'SLO Catalog + Monitoring Dashboard', 'leistung'],
  ['2026-Q1', 'Incident Response Runbooks + On-call Process', 'betrieb'],
  ['2026-Q1', 'Load Testing Framework + Performance Baselines', 'leistung'],
  ['2026-Q1', 'Backup + Disaster Recovery Procedures', 'betrieb'],
  ['2026-Q2', 'Event Catalog + Cross-Module Communication', 'integration'],
  ['2026-Q2', 'Xentral ERP Integration + Allianz Credit Integration', 'integration'],
  ['2026-Q2', 'API Gateway + Rate Limiting + Security', 'integration'],
  ['2026-Q2', 'Integration Templates + Documentation', 'integration'],
  ['2026-Q3', 'Data Governance Framework + GDPR Compliance', 'verwaltung'],
  ['2026-Q3', 'AI Cost Management + Ethics Framework', 'verwaltung'],
  ['2026-Q3', 'Regulatory Audit Documentation', 'verwaltung'],
  ['2026-Q3', 'Data Retention + Anonymization Policies', 'verwaltung'],
  ['2026-Q4', 'Multi-Region Infrastructure + Auto-skalierung', 'skalierung'],
  ['2026-Q4', 'CDN + Caching Strategy + Performance Optimization', 'skalierung'],
  ['2026-Q4', 'Geographic Load Distribution + Latency Optimization', 'skalierung'],
  ['2026-Q4', 'Hypergrowth Infrastructure Readiness', 'skalierung']
]

const MISSION =
  'Baue die enterprise-grade Infrastructure Foundation, die FreshFoodz Cook&Fresh® zum führenden ' +
  'B2B-Food-CRM skaliert - von 100 Pilotusern zu 1000+ Enterprise-Scale mit Deutschland + Schweiz ' +
  'Multi-Territory Support.'

const DRIVERS = [
  { title: 'Production-Readiness', text: 'Module 01-08 benötigen stabile Infrastructure für Go-Live' },
  { title: 'Enterprise-Scale', text: '1000+ concurrent users + Multi-Territory + Seasonal Peak-Handling' },
  { title: 'Compliance-Requirements', text: 'GDPR + Multi-Currency + Handelsvertretervertrag' },
  { title: 'Competitive Advantage', text: 'Sub-200ms Performance + 99.9% Uptime + AI-powered Features' }
]

const NOTES = [
  'Built from the FreshFoodz Infrastructure Roadmap of 2025-09-20 (Q4 2025 → Q4 2026; the roadmap header says 4 phases, its matrix lists 5).',
  'Allocation splits (our assumption, edit freely): where the roadmap gives one share for two workstreams it is split 50/50 — DevOps Lead Q4 2025 100 % = 50 % migrationen + 50 % sicherheit; DevOps Lead Q1 2026 100 % = 50 % leistung + 50 % betrieb; Site Reliability Engineer Q1 2026 100 % = 50 % leistung (Monitoring) + 50 % betrieb (Incident Response).',
  'Every role has a capacity of 1.0 FTE in every quarter; the soft cap for amber is 85 %.',
  'Schedules come from each workstream timeline: first month of the span, duration in weeks as written.',
  'CHF → EUR rate 1.07 is an editable assumption; all roadmap lines are in EUR.',
  'Risk impact costs are editable estimates, not roadmap figures: Phase 1 delays €100,000, Performance SLOs €80,000, External Integration delays €30,000 (expected contingency €30,000 + €12,000 + €18,000 = €60,000).',
  'Success metrics and criteria start open; the roadmap ticks are list markers, not results.'
].join('\n')

export type FreshFoodzOptions = { planId?: string; now?: string }

export function buildFreshFoodzPlan(options: FreshFoodzOptions = {}): PlanData {
  const planId = options.planId ?? FRESHFOODZ_PLAN_ID
  const now = options.now ?? new Date().toISOString()
  const phaseId = (n: number) => `${planId}:phase:${n}`
  const wsId = (key: WorkstreamKey) => `${planId}:ws:${key}`
  const roleId = (name: RoleName) => `${planId}:role:${slug(name)}`
  const quarterOfPhase = (n: number) => PHASES[n - 1].quarter

  const phases: Phase[] = PHASES.map((p, i) => ({
    id: phaseId(i + 1),
    planId,
    order: i + 1,
    name: p.name,
    priority: p.priority,
    priorityLabel: p.label,
    startQuarter: p.quarter,
    endQuarter: p.quarter,
    timeline: p.timeline,
    businessImpact: p.businessImpact,
    capCents: EUR(p.capEuros),
    metrics: p.metrics.map(([text, target], m) => ({
      id: `${phaseId(i + 1)}:metric:${m + 1}`,
      text,
      target,
      status: 'open' as const
    }))
  }))

  const workstreams: Workstream[] = WORKSTREAMS.map((w, i) => ({
    id: wsId(w.key),
    planId,
    key: w.key,
    title: w.title,
    phaseId: phaseId(w.phase),
    order: i + 1,
    scope: w.scope,
    businessValue: w.businessValue,
    criteria: w.criteria.map((text, c) => ({ id: `${wsId(w.key)}:criterion:${c + 1}`, text, done: false })),
    startMonth: w.startMonth,
    durationWeeks: w.durationWeeks,
    dependsOn: w.dependsOn.map(wsId),
    externalDependencies: w.externalDependencies
  }))

  const roles: Role[] = ROLES.map((name, i) => ({
    id: roleId(name),
    planId,
    name,
    order: i + 1,
    capacityBp: Object.fromEntries(QUARTERS.map((q) => [q, FULL_FTE])),
    costPerFteQuarterCents: null
  }))

  const allocations: Allocation[] = ALLOCATIONS.map(([quarter, role, ws, pct, note]) => ({
    id: `${planId}:alloc:${quarter}:${slug(role)}:${ws}`,
    planId,
    roleId: roleId(role),
    workstreamId: wsId(ws),
    quarter,
    shareBp: pct * 100,
    note,
    ...(SPLIT_SHARES.has(`${quarter}|${role}`) ? { estimate: true } : {})
  }))

  // Each phase's lines in the roadmap's order.
  const linesInPhase = new Map<number, number>()
  const budgetLines: BudgetLine[] = BUDGET.map(([phase, title, euros, ws, category], i) => ({
    id: `${planId}:line:${i + 1}`,
    planId,
    order: linesInPhase.set(phase, (linesInPhase.get(phase) ?? 0) + 1).get(phase)!,
    phaseId: phaseId(phase),
    workstreamId: wsId(ws),
    quarter: quarterOfPhase(phase),
    category,
    title,
    amountCents: EUR(euros),
    currency: 'EUR'
  }))

  const risks: Risk[] = RISKS.map((r, i) => ({
    id: `${planId}:risk:${i + 1}`,
    planId,
    order: i + 1,
    title: r.title,
    probabilityPct: r.probabilityPct,
    impactLevel: r.impactLevel,
    impactText: r.impactText,
    impactCents: EUR(r.impactEuros),
    impactEstimate: true,
    mitigations: r.mitigations,
    phaseIds: r.phases.map(phaseId),
    workstreamIds: r.workstreams.map(wsId)
  }))

  const dependencies: Dependency[] = [
    ...INFRA_TO_MODULE.map(([ws, modules, text]): Dependency => ({
      id: `${planId}:dep:infra:${ws}`,
      planId,
      direction: 'infra-to-module',
      workstreamId: wsId(ws),
      phaseId: null,
      modules: [...modules],
      text
    })),
    ...MODULE_TO_INFRA.map(([modules, target, text], i): Dependency => ({
      id: `${planId}:dep:module:${i + 1}`,
      planId,
      direction: 'module-to-infra',
      workstreamId: 'ws' in target ? wsId(target.ws) : null,
      phaseId: 'phase' in target ? phaseId(target.phase) : null,
      modules: [...modules],
      text
    }))
  ]

  const perQuarter = new Map<QuarterKey, number>()
  const deliverables: Deliverable[] = DELIVERABLES.map(([quarter, title, ws]) => {
    const order = (perQuarter.get(quarter) ?? 0) + 1
    perQuarter.set(quarter, order)
    return {
      id: `${planId}:deliverable:${quarter}:${order}`,
      planId,
      quarter,
      order,
      title,
      workstreamId: wsId(ws),
      done: false
    }
  })

  return {
    plan: newPlanRow(
      {
        id: planId,
        name: 'FreshFoodz Infrastructure Roadmap',
        quarters: [...QUARTERS],
        chfRateEstimate: true,
        totalBudgetCents: EUR(415_000),
        mission: MISSION,
        drivers: DRIVERS.map((d) => ({ ...d })),
        notes: NOTES,
        builtin: true
      },
      now
    ),
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
