// Zod schemas for PlanData and history entries: the gate for everything that comes back from
// outside (a backup, the hidden sheet of an export, a PLAN.json on the command line, IPC payloads).
// Objects are loose so fields added to the model later survive a round trip instead of being stripped.
import { z } from 'zod'
import {
  CHANGE_KINDS,
  CURRENCIES,
  ENTITY_TABLES,
  IMPACT_LEVELS,
  PRIORITIES,
  SIDE_TABLES
} from '../planning/types'
import type { HistoryEntry, PlanData, QuarterKey } from '../planning/types'
import { LIMITS, TEXT_MAX } from '../limits'
import type { Actual, CostCentreMapping } from '../actuals/types'

const id = z.string().min(1).max(200)
/** An amount a plan holds: integer cents within the limits. */
const amount = z.number().int().min(LIMITS.amountCents.min).max(LIMITS.amountCents.max)
const bp = z.number().int().min(LIMITS.shareBp.min).max(LIMITS.shareBp.max)
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems)
const rows = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.rowsPerTable)
export const quarterKeySchema = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2025-Q4') as unknown as z.ZodType<QuarterKey>
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2025-10')
const name = z.string().max(TEXT_MAX.name)
const text = z.string().max(TEXT_MAX.long)
const originId = id.optional()

export const planSchema = z.looseObject({
  id,
  name,
  baseCurrency: z.literal('EUR'),
  quarters: z.array(quarterKeySchema).max(LIMITS.quarters),
  chfToEur: z.number().min(LIMITS.chfToEur.min).max(LIMITS.chfToEur.max),
  totalBudgetCents: amount,
  softCapBp: z.number().int().min(LIMITS.softCapBp.min).max(LIMITS.softCapBp.max),
  mission: text,
  drivers: list(z.looseObject({ title: name, text })),
  notes: text,
  baseId: id.nullable(),
  branchedAtSeq: z.number().int().min(0),
  archived: z.boolean(),
  builtin: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string()
})

const metric = z.looseObject({
  id,
  text,
  target: name,
  status: z.enum(['open', 'met', 'missed'])
})

export const phaseSchema = z.looseObject({
  id,
  planId: id,
  originId,
  order: z.number().int(),
  name,
  priority: z.enum(PRIORITIES),
  priorityLabel: name,
  startQuarter: quarterKeySchema,
  endQuarter: quarterKeySchema,
  timeline: name,
  businessImpact: text,
  capCents: amount,
  metrics: list(metric)
})

export const workstreamSchema = z.looseObject({
  id,
  planId: id,
  originId,
  key: name,
  title: name,
  phaseId: id,
  order: z.number().int(),
  scope: text,
  businessValue: text,
  criteria: list(z.looseObject({ id, text, done: z.boolean() })),
  startMonth: month,
  durationWeeks: z.number().min(0),
  dependsOn: list(id),
  externalDependencies: text
})

export const roleSchema = z.looseObject({
  id,
  planId: id,
  originId,
  name,
  order: z.number().int(),
  capacityBp: z.record(z.string(), bp),
  costPerFteQuarterCents: amount.nullable()
})

export const allocationSchema = z.looseObject({
  id,
  planId: id,
  originId,
  roleId: id,
  workstreamId: id,
  quarter: quarterKeySchema,
  shareBp: bp,
  note: text
})

/** Absent in data written before risks and budget lines could be reordered (numberPlan fills it). */
const laterOrder = z.number().int().optional()

export const budgetLineSchema = z.looseObject({
  id,
  planId: id,
  originId,
  order: laterOrder,
  phaseId: id,
  workstreamId: id.nullable(),
  quarter: quarterKeySchema,
  category: name,
  title: name,
  amountCents: amount,
  currency: z.enum(CURRENCIES)
})

export const riskSchema = z.looseObject({
  id,
  planId: id,
  originId,
  order: laterOrder,
  title: name,
  probabilityPct: z.number().min(0).max(100),
  impactLevel: z.enum(IMPACT_LEVELS),
  impactText: text,
  impactCents: amount,
  mitigations: list(text),
  phaseIds: list(id),
  workstreamIds: list(id)
})

export const dependencySchema = z.looseObject({
  id,
  planId: id,
  originId,
  direction: z.enum(['infra-to-module', 'module-to-infra']),
  workstreamId: id.nullable(),
  phaseId: id.nullable(),
  modules: z.array(z.enum(['01', '02', '03', '04', '05', '06', '07', '08'])),
  text
})

export const deliverableSchema = z.looseObject({
  id,
  planId: id,
  originId,
  quarter: quarterKeySchema,
  order: z.number().int(),
  title: name,
  workstreamId: id.nullable(),
  done: z.boolean()
})

/** Actual costs may be negative (credits outweighing debits in a quarter). */
const signedAmount = z.number().int().min(-LIMITS.amountCents.max).max(LIMITS.amountCents.max)

export const actualSchema = z.looseObject({
  id,
  planId: id,
  phaseId: id,
  workstreamId: id.nullable(),
  quarter: quarterKeySchema,
  category: name,
  eurCents: signedAmount,
  chfCents: signedAmount,
  chfBaseCents: signedAmount.optional(),
  chfToEur: z.number().min(LIMITS.chfToEur.min).max(LIMITS.chfToEur.max).optional(),
  bookings: z.number().int().min(0),
  source: z.looseObject({ fileName: name, fingerprint: z.string().max(200), importedAt: z.string().max(100) })
}) as unknown as z.ZodType<Actual>

export const costCentreSchema = z.looseObject({
  id,
  planId: id,
  centre: name,
  label: name,
  phaseId: id,
  workstreamId: id.nullable()
}) as unknown as z.ZodType<CostCentreMapping>

export const planDataSchema = z.looseObject({
  plan: planSchema,
  phases: rows(phaseSchema),
  workstreams: rows(workstreamSchema),
  roles: rows(roleSchema),
  allocations: rows(allocationSchema),
  budgetLines: rows(budgetLineSchema),
  risks: rows(riskSchema),
  dependencies: rows(dependencySchema),
  deliverables: rows(deliverableSchema),
  // A plan file's actual costs and cost-centre table (absent in files written before them).
  actuals: rows(actualSchema).optional(),
  costCentres: rows(costCentreSchema).optional()
}) as unknown as z.ZodType<PlanData>

/** What a plan file holds besides PlanData: its actual costs and cost-centre table. */
export type PlanFileActuals = { actuals: Actual[]; costCentres: CostCentreMapping[] }

/** The actuals of a plan file read by planDataSchema (empty for files without any). */
export function planFileActuals(data: PlanData): PlanFileActuals {
  const extra = data as PlanData & Partial<PlanFileActuals>
  return { actuals: extra.actuals ?? [], costCentres: extra.costCentres ?? [] }
}

const entityChange = z.looseObject({
  table: z.enum(['plans', ...ENTITY_TABLES, ...SIDE_TABLES]),
  id,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable()
})

export const historyEntrySchema = z.looseObject({
  seq: z.number().int().optional(),
  planId: id,
  at: z.string(),
  kind: z.enum(CHANGE_KINDS),
  summary: z.looseObject({
    key: z.string(),
    values: z.record(z.string(), z.union([z.string(), z.number()]))
  }),
  changes: z.array(entityChange),
  undone: z.boolean()
}) as unknown as z.ZodType<HistoryEntry>

/** Checks that every reference inside one plan points at an entity of that plan. */
export function planReferenceProblems(data: PlanData): string[] {
  const problems: string[] = []
  const phases = new Set(data.phases.map((p) => p.id))
  const workstreams = new Set(data.workstreams.map((w) => w.id))
  const roles = new Set(data.roles.map((r) => r.id))
  const planId = data.plan.id
  for (const t of ENTITY_TABLES) {
    for (const e of data[t])
      if (e.planId !== planId) problems.push(`${t} ${e.id} belongs to plan ${e.planId}`)
  }
  for (const w of data.workstreams)
    if (!phases.has(w.phaseId)) problems.push(`workstream ${w.id}: unknown phase`)
  for (const a of data.allocations) {
    if (!roles.has(a.roleId)) problems.push(`allocation ${a.id}: unknown role`)
    if (!workstreams.has(a.workstreamId)) problems.push(`allocation ${a.id}: unknown workstream`)
  }
  for (const b of data.budgetLines) {
    if (!phases.has(b.phaseId)) problems.push(`budget line ${b.id}: unknown phase`)
    if (b.workstreamId !== null && !workstreams.has(b.workstreamId))
      problems.push(`budget line ${b.id}: unknown workstream`)
  }
  const { actuals, costCentres } = planFileActuals(data)
  for (const a of [...actuals, ...costCentres]) {
    const what = 'centre' in a ? 'cost centre' : 'actual'
    if (a.planId !== planId) problems.push(`${what} ${a.id} belongs to plan ${a.planId}`)
    if (!phases.has(a.phaseId)) problems.push(`${what} ${a.id}: unknown phase`)
    if (a.workstreamId !== null && !workstreams.has(a.workstreamId))
      problems.push(`${what} ${a.id}: unknown workstream`)
  }
  return problems
}
