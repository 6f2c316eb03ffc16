// The planning model: plain data, shared by main, renderer, CLI and tests.
// Money is integer cents; an FTE share is integer basis points (10_000 = 1.0 FTE),
// so moves and splits are exact and never lose a cent or a fraction of a person.
import { LIMITS } from '../limits'

/** Integer number of cents in a given currency. Never a float. */
export type Cents = number
/** Share of one FTE in basis points: 10_000 = 100 % = 1.0 FTE; 5_000 = 50 %. Integer. */
export type ShareBp = number
/** A quarter key, sortable as text: "2025-Q4". */
export type QuarterKey = `${number}-Q${1 | 2 | 3 | 4}`
/** A month key, sortable as text: "2025-10". */
export type MonthKey = string

export const CURRENCIES = ['EUR', 'CHF'] as const
export type Currency = (typeof CURRENCIES)[number]

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]

export const FULL_FTE: ShareBp = 10_000
/** Largest share or capacity a single value may hold: 10 FTE. */
export const MAX_SHARE_BP: ShareBp = LIMITS.shareBp.max

export type Plan = {
  id: string
  name: string
  baseCurrency: 'EUR'
  /** Ordered, contiguous quarters the plan spans. */
  quarters: QuarterKey[]
  /** EUR per 1 CHF, e.g. 1.07. Used to total CHF lines in EUR. */
  chfToEur: number
  /** Total budget the plan may spend, in base-currency cents (415,000 EUR for FreshFoodz). */
  totalBudgetCents: Cents
  /** Utilization above this (basis points of capacity) shows amber; above 100 % red. Default 8_500. */
  softCapBp: ShareBp
  mission: string
  drivers: { title: string; text: string }[]
  notes: string
  /** True while the CHF rate is an assumption of ours rather than a figure the customer gave. */
  chfRateEstimate?: boolean
  /** Set for a scenario: the plan it was branched from. */
  baseId: string | null
  /** History sequence number of the base at the moment of branching (0 if none). */
  branchedAtSeq: number
  /** An archived plan (e.g. the old baseline after a promotion) stays readable but is hidden by default. */
  archived: boolean
  /** True for the plan created from the built-in FreshFoodz roadmap. */
  builtin: boolean
  createdAt: string
  updatedAt: string
}

export type MetricStatus = 'open' | 'met' | 'missed'

export type SuccessMetric = {
  id: string
  text: string
  /** Target as written, e.g. "p95 < 200 ms" or "> 1000 orders/day". */
  target: string
  status: MetricStatus
}

export type Phase = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  /** Position in the plan, 1-based: Phase 1 .. Phase 5. */
  order: number
  name: string
  priority: Priority
  /** Short label of the priority, e.g. "CRITICAL", "HIGH". */
  priorityLabel: string
  startQuarter: QuarterKey
  endQuarter: QuarterKey
  /** Human timeline as written in the roadmap, e.g. "Okt-Dez 2025 (3 Monate)". */
  timeline: string
  businessImpact: string
  /** Budget cap of the phase in base-currency cents. */
  capCents: Cents
  metrics: SuccessMetric[]
}

export type Criterion = { id: string; text: string; done: boolean }

export type Workstream = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  /** Stable key, e.g. "migrationen". */
  key: string
  title: string
  phaseId: string
  order: number
  scope: string
  businessValue: string
  criteria: Criterion[]
  /** First month of work, "2025-10". */
  startMonth: MonthKey
  durationWeeks: number
  /** Workstreams (ids) that must have finished before this one starts. */
  dependsOn: string[]
  /** Dependencies outside the plan, as written, e.g. "Module 01-08 Technical Concepts completed". */
  externalDependencies: string
}

export type Role = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  name: string
  order: number
  /** Capacity per quarter in basis points of an FTE. A quarter not listed has FULL_FTE. */
  capacityBp: Partial<Record<QuarterKey, ShareBp>>
  /** Optional fully loaded cost of one FTE for one quarter, in base-currency cents. */
  costPerFteQuarterCents: Cents | null
  /** Name of the person in the role, when one is known. */
  personName?: string
  /**
   * A hiring need rather than someone on the team: it has capacity and cost only from
   * `hireQuarter` on (null: from the plan's first quarter).
   */
  openPosition?: boolean
  hireQuarter?: QuarterKey | null
}

export type Allocation = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  roleId: string
  workstreamId: string
  quarter: QuarterKey
  shareBp: ShareBp
  /** Free text, e.g. "ABAC/RLS + Territory-Scoping". */
  note: string
  /** The share is our assumption (e.g. a 50/50 split of one roadmap figure over two workstreams). */
  estimate?: boolean
}

export type BudgetLine = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  /** Position among the lines of its phase (the Budget view lists a phase's lines by it). */
  order: number
  phaseId: string
  workstreamId: string | null
  quarter: QuarterKey
  category: string
  title: string
  amountCents: Cents
  currency: Currency
}

export const IMPACT_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export type ImpactLevel = (typeof IMPACT_LEVELS)[number]

export type Risk = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  /** Position in the plan's list of risks. */
  order: number
  title: string
  /** 0..100 */
  probabilityPct: number
  impactLevel: ImpactLevel
  /** Impact as written, e.g. "Production halt". */
  impactText: string
  /** Estimated cost if the risk happens, base-currency cents (editable; drives contingency). */
  impactCents: Cents
  /** True while impactCents is our estimate, not a figure from the roadmap. */
  impactEstimate?: boolean
  mitigations: string[]
  phaseIds: string[]
  workstreamIds: string[]
}

export type ModuleNo = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08'
export const MODULES: ModuleNo[] = ['01', '02', '03', '04', '05', '06', '07', '08']

export type Dependency = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  /** infra-to-module: a workstream serves modules; module-to-infra: modules feed a workstream or phase. */
  direction: 'infra-to-module' | 'module-to-infra'
  workstreamId: string | null
  /** Set when the infrastructure side is a whole phase ("Phase 1 Requirements"). */
  phaseId: string | null
  modules: ModuleNo[]
  /** As written, e.g. "Lead-Protection + Multi-Contact". */
  text: string
}

export type Deliverable = {
  id: string
  planId: string
  /**
   * Id of the entity this one was copied from when a scenario was cloned (clonePlanData).
   * Scenarios need new ids (Dexie keys are unique across plans), so comparePlans matches
   * entities by `originId ?? id`. Absent on entities created directly in a plan.
   */
  originId?: string
  quarter: QuarterKey
  order: number
  title: string
  workstreamId: string | null
  done: boolean
}

/** Everything that belongs to one plan (or scenario). */
export type PlanData = {
  plan: Plan
  phases: Phase[]
  workstreams: Workstream[]
  roles: Role[]
  allocations: Allocation[]
  budgetLines: BudgetLine[]
  risks: Risk[]
  dependencies: Dependency[]
  deliverables: Deliverable[]
}

/** Tables of PlanData that hold per-plan entities (everything but the plan row). */
export const ENTITY_TABLES = [
  'phases',
  'workstreams',
  'roles',
  'allocations',
  'budgetLines',
  'risks',
  'dependencies',
  'deliverables'
] as const
export type EntityTable = (typeof ENTITY_TABLES)[number]

export type EntityOf<T extends EntityTable> = PlanData[T][number]

/** Where a set of actuals came from: the bookings file's name and a fingerprint of its bytes. */
export type ActualSource = { fileName: string; fingerprint: string; importedAt: string }

/**
 * What was spent on one phase (and workstream, when known) in one quarter and category, added
 * up from finance's bookings (the raw bookings stay in their file). Amounts stay in their
 * currency, as budget lines do; the CHF bookings are also kept converted one by one at the
 * plan's rate of the import (see shared/actuals/currency.ts).
 */
export type Actual = {
  id: string
  planId: string
  phaseId: string
  workstreamId: string | null
  quarter: QuarterKey
  /** Account or cost category as the bookings name it ('' when the file has none). */
  category: string
  /** Sum of the EUR bookings (credits negative). */
  eurCents: Cents
  /** Sum of the CHF bookings, unconverted. */
  chfCents: Cents
  /** Sum of the CHF bookings each converted to EUR cents at `chfToEur` (absent in older rows). */
  chfBaseCents?: Cents
  /** The CHF rate `chfBaseCents` was converted at. */
  chfToEur?: number
  /** How many bookings were added up here. */
  bookings: number
  source: ActualSource
}

/** A cost centre of finance's bookings and the phase or workstream it belongs to in one plan. */
export type CostCentreMapping = {
  id: string
  planId: string
  /** The centre as a key (normalized text of what the bookings say). */
  centre: string
  /** The centre as written the first time it was seen. */
  label: string
  phaseId: string
  workstreamId: string | null
}

/**
 * Tables a plan owns beside PlanData: its actual costs and cost-centre table. Their changes go
 * through the same commit and history as entity changes, but they are not part of PlanData (a
 * scenario reads its base plan's actuals instead of copying them).
 */
export const SIDE_TABLES = ['actuals', 'costCentres'] as const
export type SideTable = (typeof SIDE_TABLES)[number]

export function isSideTable(table: string): table is SideTable {
  return table === 'actuals' || table === 'costCentres'
}

/**
 * One entity changed by a user action. before = null: created; after = null: deleted.
 * The plan row itself changes with table 'plans'.
 */
export type EntityChange =
  | {
      [T in EntityTable]: { table: T; id: string; before: EntityOf<T> | null; after: EntityOf<T> | null }
    }[EntityTable]
  | { table: 'plans'; id: string; before: Plan | null; after: Plan | null }
  | SideChange

/** A change to a plan's actuals or cost-centre table. */
export type SideChange =
  | { table: 'actuals'; id: string; before: Actual | null; after: Actual | null }
  | { table: 'costCentres'; id: string; before: CostCentreMapping | null; after: CostCentreMapping | null }

export const CHANGE_KINDS = [
  'move',
  'split',
  'merge',
  'edit',
  'create',
  'delete',
  'import',
  'reset',
  'revert',
  'promote'
] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** A typed entry of a plan's lasting change history. */
export type HistoryEntry = {
  /** Auto-increment sequence, global across plans; absent before it is stored. */
  seq?: number
  planId: string
  at: string
  kind: ChangeKind
  /** Machine-readable description for i18n: a key and its values. */
  summary: { key: string; values: Record<string, string | number> }
  changes: EntityChange[]
  /** Undone entries stay in the history (greyed) until a new change discards them. */
  undone: boolean
}
