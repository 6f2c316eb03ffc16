// Writing a plan by hand: add, edit, reorder and remove every kind of entity, change the plan's
// settings and its quarter range. Each action returns the full EntityChange list to commit, with
// everything that refers to a removed entity repointed or removed in the same list, so nothing is
// left pointing at something gone. Input is checked field by field first (validate*), and an
// action given input its validator refuses throws PlanningError('invalid-value').
import { deepEqual } from './changes'
import { newPlanRow } from './defaults'
import { PlanningError } from './errors'
import { newId as randomId } from './ids'
import {
  compareQuarters,
  isMonthKey,
  isQuarterKey,
  quarterIndex,
  quarterOfMonth,
  quarterRange
} from './quarters'
import type {
  Allocation,
  BudgetLine,
  Deliverable,
  EntityChange,
  EntityOf,
  EntityTable,
  Phase,
  Plan,
  PlanData,
  QuarterKey,
  Risk,
  Role,
  SuccessMetric,
  Workstream
} from './types'
import { CURRENCIES, IMPACT_LEVELS, MAX_SHARE_BP, PRIORITIES } from './types'
import { LIMITS, TEXT_MAX } from '../limits'
import { MAX_AMOUNT_CENTS } from './validate'
import { byOrder, nextOrder } from './order'

export type EditOptions = { newId?: () => string }

/** Why a field was refused; the UI translates the code and shows it beside the field. */
export type FieldError =
  | 'required'
  | 'too-long'
  | 'duplicate'
  | 'out-of-range'
  | 'not-a-quarter'
  | 'not-a-month'
  | 'outside-plan'
  | 'unknown'
  | 'end-before-start'
  | 'self-dependency'
  | 'cycle'
export type FieldErrors<K extends string = string> = Partial<Record<K, FieldError>>

/** Longest name (role, person, workstream, phase, line title) a form accepts. */
export const MAX_NAME_LENGTH = TEXT_MAX.name
/** Longest free text (scope, notes, impact, mitigation). */
export const MAX_TEXT_LENGTH = TEXT_MAX.long
/** Widest quarter range a plan may span. */
export const MAX_PLAN_QUARTERS = LIMITS.quarters
export const MAX_DURATION_WEEKS = 520

const norm = (s: string) => s.trim().toLocaleLowerCase()

function checkName(errors: FieldErrors, field: string, value: string, max: number = MAX_NAME_LENGTH): void {
  if (value.trim() === '') errors[field] = 'required'
  else if (value.length > max) errors[field] = 'too-long'
}

function checkText(errors: FieldErrors, field: string, value: string | undefined): void {
  if (value !== undefined && value.length > MAX_TEXT_LENGTH) errors[field] = 'too-long'
}

function checkInt(errors: FieldErrors, field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) errors[field] = 'out-of-range'
}

function checkPlanQuarter(errors: FieldErrors, field: string, data: PlanData, q: string): void {
  if (!isQuarterKey(q)) errors[field] = 'not-a-quarter'
  else if (!data.plan.quarters.includes(q)) errors[field] = 'outside-plan'
}

function refuse(errors: FieldErrors): void {
  const fields = Object.keys(errors)
  if (fields.length > 0) {
    throw new PlanningError('invalid-value', `Refused: ${fields.map((f) => `${f} ${errors[f]}`).join(', ')}`)
  }
}

/**
 * Collects the changes of one action. Every entity is changed at most once in the result (its
 * first `before`, its last `after`), so an allocation moved onto another that then absorbs a
 * second one is one change, and a row added and removed in the same action is none.
 */
class Draft {
  private readonly before = new Map<string, unknown>()
  private readonly after = new Map<string, unknown>()
  private readonly order: { table: EntityTable | 'plans'; id: string }[] = []
  private readonly rows = new Map<EntityTable, Map<string, unknown>>()

  constructor(private readonly data: PlanData) {}

  private index(table: EntityTable): Map<string, unknown> {
    let m = this.rows.get(table)
    if (!m) {
      m = new Map((this.data[table] as { id: string }[]).map((r) => [r.id, r]))
      this.rows.set(table, m)
    }
    return m
  }

  /** The entity as this action has left it so far (null: removed or never there). */
  get<T extends EntityTable>(table: T, id: string): EntityOf<T> | null {
    const key = `${table}|${id}`
    if (this.after.has(key)) return this.after.get(key) as EntityOf<T> | null
    return (this.index(table).get(id) as EntityOf<T> | undefined) ?? null
  }

  /** Current rows of a table, with this action's changes so far. */
  list<T extends EntityTable>(table: T): EntityOf<T>[] {
    const out: EntityOf<T>[] = []
    for (const r of this.data[table] as EntityOf<T>[]) {
      const now = this.get(table, r.id)
      if (now) out.push(now)
    }
    for (const { table: t, id } of this.order) {
      if (t === table && !this.index(table).has(id)) {
        const now = this.get(table, id)
        if (now) out.push(now)
      }
    }
    return out
  }

  private touch(table: EntityTable | 'plans', id: string, was: unknown): string {
    const key = `${table}|${id}`
    if (!this.before.has(key)) {
      this.before.set(key, was)
      this.order.push({ table, id })
    }
    return key
  }

  put<T extends EntityTable>(table: T, row: EntityOf<T>): void {
    const key = this.touch(table, row.id, this.get(table, row.id))
    this.after.set(key, row)
  }

  remove<T extends EntityTable>(table: T, id: string): void {
    const was = this.get(table, id)
    if (!was) return
    const key = this.touch(table, id, was)
    this.after.set(key, null)
  }

  plan(after: Plan): void {
    const key = this.touch('plans', after.id, this.data.plan)
    this.after.set(key, after)
  }

  changes(): EntityChange[] {
    const out: EntityChange[] = []
    for (const { table, id } of this.order) {
      const key = `${table}|${id}`
      const before = this.before.get(key) ?? null
      const after = this.after.get(key) ?? null
      if (before === null && after === null) continue
      if (before !== null && after !== null && deepEqual(before, after)) continue
      out.push({ table, id, before, after } as EntityChange)
    }
    return out
  }
}

function mustFind<T extends EntityTable>(data: PlanData, table: T, id: string): EntityOf<T> {
  const found = (data[table] as EntityOf<T>[]).find((r) => r.id === id)
  if (!found) throw new PlanningError('not-found', `No ${table} entity with id ${id}`)
  return found
}

/** Adds `shareBp` to the chip of that role + workstream + quarter, or creates one. */
function addShare(d: Draft, source: Allocation, target: Partial<Allocation>): void {
  const moved = { ...source, ...target }
  const existing = d
    .list('allocations')
    .find(
      (a) =>
        a.id !== source.id &&
        a.roleId === moved.roleId &&
        a.workstreamId === moved.workstreamId &&
        a.quarter === moved.quarter
    )
  if (existing) {
    d.put('allocations', { ...existing, shareBp: Math.min(MAX_SHARE_BP, existing.shareBp + source.shareBp) })
    d.remove('allocations', source.id)
  } else {
    d.put('allocations', moved)
  }
}

// ---------------------------------------------------------------------------------------
// Plan settings and the quarter range

export type PlanSettingsFields = Pick<
  Plan,
  'name' | 'totalBudgetCents' | 'chfToEur' | 'softCapBp' | 'notes' | 'mission'
> & { chfRateEstimate?: boolean }

export function validatePlanSettings(
  fields: Partial<PlanSettingsFields>
): FieldErrors<keyof PlanSettingsFields> {
  const errors: FieldErrors = {}
  if (fields.name !== undefined) checkName(errors, 'name', fields.name)
  if (fields.totalBudgetCents !== undefined)
    checkInt(errors, 'totalBudgetCents', fields.totalBudgetCents, 0, MAX_AMOUNT_CENTS)
  if (fields.chfToEur !== undefined) {
    const r = fields.chfToEur
    if (!Number.isFinite(r) || r < LIMITS.chfToEur.min || r > LIMITS.chfToEur.max)
      errors.chfToEur = 'out-of-range'
  }
  if (fields.softCapBp !== undefined)
    checkInt(errors, 'softCapBp', fields.softCapBp, 1, Math.min(10_000, LIMITS.softCapBp.max))
  checkText(errors, 'notes', fields.notes)
  checkText(errors, 'mission', fields.mission)
  return errors
}

/** Changes the plan row's settings (name, total budget, CHF rate, soft cap, notes). */
export function editPlanSettings(data: PlanData, patch: Partial<PlanSettingsFields>): EntityChange[] {
  refuse(validatePlanSettings(patch))
  const after = { ...data.plan, ...patch }
  return deepEqual(after, data.plan) ? [] : [{ table: 'plans', id: data.plan.id, before: data.plan, after }]
}

/** Quarters `from`..`to` or the reason not; used by the settings and the new-plan dialog. */
export function validateQuarterRange(from: string, to: string): FieldErrors<'from' | 'to'> {
  const errors: FieldErrors<'from' | 'to'> = {}
  if (!isQuarterKey(from)) errors.from = 'not-a-quarter'
  if (!isQuarterKey(to)) errors.to = 'not-a-quarter'
  if (errors.from || errors.to) return errors
  const n = quarterIndex(to as QuarterKey) - quarterIndex(from as QuarterKey) + 1
  if (n < 1) errors.to = 'end-before-start'
  else if (n > MAX_PLAN_QUARTERS) errors.to = 'out-of-range'
  return errors
}

/** What sits in the quarters a new range would drop. */
export type DroppedWork = {
  quarters: QuarterKey[]
  allocations: number
  budgetLines: number
  deliverables: number
  /** Phases lying wholly in dropped quarters (their start and end get clamped either way). */
  phases: number
}

export function droppedWork(data: PlanData, from: QuarterKey, to: QuarterKey): DroppedWork {
  const keep = new Set(quarterRange(from, to))
  const out = (q: QuarterKey) => !keep.has(q)
  return {
    quarters: data.plan.quarters.filter(out),
    allocations: data.allocations.filter((a) => out(a.quarter)).length,
    budgetLines: data.budgetLines.filter((l) => out(l.quarter)).length,
    deliverables: data.deliverables.filter((x) => out(x.quarter)).length,
    phases: data.phases.filter(
      (p) => compareQuarters(p.endQuarter, from) < 0 || compareQuarters(p.startQuarter, to) > 0
    ).length
  }
}

/**
 * Sets the plan's quarters to `from`..`to`. Work in quarters that fall out is either removed
 * (`remove`) or moved into the nearest quarter kept (`move`: allocations merge with a chip
 * already there). Phases are clamped into the range; capacities of dropped quarters go.
 */
export function setQuarterRange(
  data: PlanData,
  from: QuarterKey,
  to: QuarterKey,
  dropped: 'remove' | 'move'
): EntityChange[] {
  refuse(validateQuarterRange(from, to))
  const quarters = quarterRange(from, to)
  const keep = new Set(quarters)
  const clamp = (q: QuarterKey): QuarterKey => (q < from ? from : q > to ? to : q)
  const d = new Draft(data)
  d.plan({ ...data.plan, quarters })
  for (const a of data.allocations) {
    if (keep.has(a.quarter)) continue
    if (dropped === 'remove') d.remove('allocations', a.id)
    else addShare(d, d.get('allocations', a.id)!, { quarter: clamp(a.quarter) })
  }
  for (const l of data.budgetLines) {
    if (keep.has(l.quarter)) continue
    if (dropped === 'remove') d.remove('budgetLines', l.id)
    else d.put('budgetLines', { ...l, quarter: clamp(l.quarter) })
  }
  for (const x of data.deliverables) {
    if (keep.has(x.quarter)) continue
    if (dropped === 'remove') d.remove('deliverables', x.id)
    else d.put('deliverables', { ...x, quarter: clamp(x.quarter) })
  }
  for (const p of data.phases) {
    const start = clamp(p.startQuarter)
    const end = clamp(p.endQuarter)
    if (start !== p.startQuarter || end !== p.endQuarter)
      d.put('phases', { ...p, startQuarter: start, endQuarter: end })
  }
  for (const r of data.roles) {
    const capacityBp = Object.fromEntries(
      Object.entries(r.capacityBp).filter(([q]) => keep.has(q as QuarterKey))
    ) as Role['capacityBp']
    const hireQuarter = r.hireQuarter && !keep.has(r.hireQuarter) ? clamp(r.hireQuarter) : r.hireQuarter
    if (Object.keys(capacityBp).length !== Object.keys(r.capacityBp).length || hireQuarter !== r.hireQuarter)
      d.put('roles', { ...r, capacityBp, ...(r.hireQuarter !== undefined ? { hireQuarter } : {}) })
  }
  return d.changes()
}

// ---------------------------------------------------------------------------------------
// Roles

export type RoleFields = {
  name: string
  personName: string
  capacityBp: Role['capacityBp']
  costPerFteQuarterCents: number | null
  openPosition: boolean
  hireQuarter: QuarterKey | null
}

export function validateRole(
  data: PlanData,
  fields: Partial<RoleFields>,
  selfId?: string
): FieldErrors<keyof RoleFields> {
  const errors: FieldErrors = {}
  if (fields.name !== undefined) {
    checkName(errors, 'name', fields.name)
    if (!errors.name && data.roles.some((r) => r.id !== selfId && norm(r.name) === norm(fields.name!)))
      errors.name = 'duplicate'
  }
  if (fields.personName !== undefined && fields.personName.length > MAX_NAME_LENGTH)
    errors.personName = 'too-long'
  if (fields.capacityBp !== undefined) {
    for (const [q, bp] of Object.entries(fields.capacityBp)) {
      if (!isQuarterKey(q)) errors.capacityBp = 'not-a-quarter'
      else if (!Number.isInteger(bp) || bp! < 0 || bp! > MAX_SHARE_BP) errors.capacityBp = 'out-of-range'
    }
  }
  if (fields.costPerFteQuarterCents !== undefined && fields.costPerFteQuarterCents !== null)
    checkInt(errors, 'costPerFteQuarterCents', fields.costPerFteQuarterCents, 0, MAX_AMOUNT_CENTS)
  if (fields.openPosition && fields.hireQuarter)
    checkPlanQuarter(errors, 'hireQuarter', data, fields.hireQuarter)
  return errors
}

function roleRow(r: Role, f: Partial<RoleFields>): Role {
  const out: Role = { ...r, ...f }
  if (f.personName !== undefined) out.personName = f.personName.trim()
  if (f.name !== undefined) out.name = f.name.trim()
  if (out.openPosition === false) {
    delete out.openPosition
    delete out.hireQuarter
  }
  if (out.personName === '') delete out.personName
  return out
}

export function addRole(
  data: PlanData,
  fields: Partial<RoleFields> & { name: string },
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateRole(data, fields))
  const role = roleRow(
    {
      id: (options.newId ?? randomId)(),
      planId: data.plan.id,
      name: fields.name,
      order: nextOrder(data.roles),
      capacityBp: {},
      costPerFteQuarterCents: null
    },
    fields
  )
  return [{ table: 'roles', id: role.id, before: null, after: role }]
}

export function editRole(data: PlanData, id: string, patch: Partial<RoleFields>): EntityChange[] {
  const before = mustFind(data, 'roles', id)
  const open = patch.openPosition ?? before.openPosition ?? false
  const hire = patch.hireQuarter !== undefined ? patch.hireQuarter : (before.hireQuarter ?? null)
  refuse(validateRole(data, { ...patch, openPosition: open, hireQuarter: hire }, id))
  const after = roleRow(before, patch)
  return deepEqual(before, after) ? [] : [{ table: 'roles', id, before, after }]
}

/**
 * Removes a role. Its allocations move to `reassignTo` (merging with that role's chip of the
 * same workstream and quarter) or, without one, are removed with it.
 */
export function removeRole(
  data: PlanData,
  id: string,
  options: { reassignTo?: string } = {}
): EntityChange[] {
  mustFind(data, 'roles', id)
  if (options.reassignTo !== undefined) {
    if (options.reassignTo === id)
      throw new PlanningError('invalid-value', 'A role cannot take over its own work')
    mustFind(data, 'roles', options.reassignTo)
  }
  const d = new Draft(data)
  for (const a of data.allocations) {
    if (a.roleId !== id) continue
    if (options.reassignTo === undefined) d.remove('allocations', a.id)
    else addShare(d, d.get('allocations', a.id)!, { roleId: options.reassignTo })
  }
  d.remove('roles', id)
  return d.changes()
}

// ---------------------------------------------------------------------------------------
// Allocations

export type AllocationFields = {
  roleId: string
  workstreamId: string
  quarter: QuarterKey
  shareBp: number
  note: string
}

export function validateAllocation(
  data: PlanData,
  f: Partial<AllocationFields>
): FieldErrors<keyof AllocationFields> {
  const errors: FieldErrors = {}
  if (f.roleId !== undefined && !data.roles.some((r) => r.id === f.roleId)) errors.roleId = 'unknown'
  if (f.workstreamId !== undefined && !data.workstreams.some((w) => w.id === f.workstreamId))
    errors.workstreamId = 'unknown'
  if (f.quarter !== undefined) checkPlanQuarter(errors, 'quarter', data, f.quarter)
  if (f.shareBp !== undefined) checkInt(errors, 'shareBp', f.shareBp, 1, MAX_SHARE_BP)
  checkText(errors, 'note', f.note)
  return errors
}

/** Adds a share of a role to a workstream in a quarter (joining the chip already there). */
export function addAllocationChecked(
  data: PlanData,
  f: AllocationFields | Omit<AllocationFields, 'note'>,
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateAllocation(data, f))
  const d = new Draft(data)
  const row: Allocation = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    roleId: f.roleId,
    workstreamId: f.workstreamId,
    quarter: f.quarter,
    shareBp: f.shareBp,
    note: 'note' in f ? f.note : ''
  }
  const existing = data.allocations.find(
    (a) => a.roleId === row.roleId && a.workstreamId === row.workstreamId && a.quarter === row.quarter
  )
  if (existing)
    d.put('allocations', { ...existing, shareBp: Math.min(MAX_SHARE_BP, existing.shareBp + row.shareBp) })
  else d.put('allocations', row)
  return d.changes()
}

export function removeAllocation(data: PlanData, id: string): EntityChange[] {
  const before = mustFind(data, 'allocations', id)
  return [{ table: 'allocations', id, before, after: null }]
}

// ---------------------------------------------------------------------------------------
// Workstreams

export type WorkstreamFields = Pick<
  Workstream,
  | 'title'
  | 'key'
  | 'phaseId'
  | 'startMonth'
  | 'durationWeeks'
  | 'dependsOn'
  | 'scope'
  | 'businessValue'
  | 'externalDependencies'
> & { criteria: Workstream['criteria'] }

/** True when making `id` depend on `deps` would close a loop. */
function wouldCycle(data: PlanData, id: string, deps: string[]): boolean {
  const byId = new Map(data.workstreams.map((w) => [w.id, w]))
  const seen = new Set<string>()
  const stack = [...deps]
  while (stack.length) {
    const cur = stack.pop()!
    if (cur === id) return true
    if (seen.has(cur)) continue
    seen.add(cur)
    stack.push(...(byId.get(cur)?.dependsOn ?? []))
  }
  return false
}

export function validateWorkstream(
  data: PlanData,
  f: Partial<WorkstreamFields>,
  selfId?: string
): FieldErrors<keyof WorkstreamFields> {
  const errors: FieldErrors = {}
  if (f.title !== undefined) checkName(errors, 'title', f.title)
  if (f.key !== undefined) {
    checkName(errors, 'key', f.key, 60)
    if (!errors.key && data.workstreams.some((w) => w.id !== selfId && norm(w.key) === norm(f.key!)))
      errors.key = 'duplicate'
  }
  if (f.phaseId !== undefined && !data.phases.some((p) => p.id === f.phaseId)) errors.phaseId = 'unknown'
  if (f.startMonth !== undefined) {
    if (!isMonthKey(f.startMonth)) errors.startMonth = 'not-a-month'
    else if (!data.plan.quarters.includes(quarterOfMonth(f.startMonth))) errors.startMonth = 'outside-plan'
  }
  if (f.durationWeeks !== undefined) checkInt(errors, 'durationWeeks', f.durationWeeks, 1, MAX_DURATION_WEEKS)
  if (f.dependsOn !== undefined) {
    if (selfId !== undefined && f.dependsOn.includes(selfId)) errors.dependsOn = 'self-dependency'
    else if (f.dependsOn.some((id) => !data.workstreams.some((w) => w.id === id)))
      errors.dependsOn = 'unknown'
    else if (selfId !== undefined && wouldCycle(data, selfId, f.dependsOn)) errors.dependsOn = 'cycle'
  }
  checkText(errors, 'scope', f.scope)
  checkText(errors, 'businessValue', f.businessValue)
  checkText(errors, 'externalDependencies', f.externalDependencies)
  return errors
}

export function addWorkstream(
  data: PlanData,
  f: Partial<WorkstreamFields> &
    Pick<WorkstreamFields, 'title' | 'key' | 'phaseId' | 'startMonth' | 'durationWeeks'>,
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateWorkstream(data, f))
  const row: Workstream = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    key: f.key.trim(),
    title: f.title.trim(),
    phaseId: f.phaseId,
    order: nextOrder(data.workstreams),
    scope: f.scope ?? '',
    businessValue: f.businessValue ?? '',
    criteria: f.criteria ?? [],
    startMonth: f.startMonth,
    durationWeeks: f.durationWeeks,
    dependsOn: f.dependsOn ?? [],
    externalDependencies: f.externalDependencies ?? ''
  }
  return [{ table: 'workstreams', id: row.id, before: null, after: row }]
}

export function editWorkstream(data: PlanData, id: string, patch: Partial<WorkstreamFields>): EntityChange[] {
  const before = mustFind(data, 'workstreams', id)
  refuse(validateWorkstream(data, patch, id))
  const after = { ...before, ...patch }
  if (patch.key !== undefined) after.key = patch.key.trim()
  if (patch.title !== undefined) after.title = patch.title.trim()
  return deepEqual(before, after) ? [] : [{ table: 'workstreams', id, before, after }]
}

/** What refers to an entity: shown before a remove asks ("7 allocations, 2 budget lines"). */
export type RemovalImpact = {
  allocations: number
  budgetLines: number
  workstreams: number
  dependents: number
  risks: number
  deliverables: number
  dependencies: number
}

const noImpact = (): RemovalImpact => ({
  allocations: 0,
  budgetLines: 0,
  workstreams: 0,
  dependents: 0,
  risks: 0,
  deliverables: 0,
  dependencies: 0
})

export function totalImpact(i: RemovalImpact): number {
  return (
    i.allocations + i.budgetLines + i.workstreams + i.dependents + i.risks + i.deliverables + i.dependencies
  )
}

function cascadeWorkstream(d: Draft, data: PlanData, id: string): void {
  for (const a of data.allocations) if (a.workstreamId === id) d.remove('allocations', a.id)
  // Lines keep their money in the phase; they only lose the workstream they were booked to.
  for (const l of data.budgetLines)
    if (l.workstreamId === id) d.put('budgetLines', { ...d.get('budgetLines', l.id)!, workstreamId: null })
  for (const w of data.workstreams) {
    const cur = d.get('workstreams', w.id)
    if (cur && cur.dependsOn.includes(id))
      d.put('workstreams', { ...cur, dependsOn: cur.dependsOn.filter((x) => x !== id) })
  }
  for (const r of data.risks) {
    const cur = d.get('risks', r.id)
    if (cur && cur.workstreamIds.includes(id))
      d.put('risks', { ...cur, workstreamIds: cur.workstreamIds.filter((x) => x !== id) })
  }
  for (const x of data.deliverables)
    if (x.workstreamId === id) d.put('deliverables', { ...d.get('deliverables', x.id)!, workstreamId: null })
  for (const dep of data.dependencies) {
    if (dep.workstreamId !== id) continue
    const cur = d.get('dependencies', dep.id)!
    // A module dependency that named only this workstream has nothing left to point at.
    if (cur.phaseId === null) d.remove('dependencies', dep.id)
    else d.put('dependencies', { ...cur, workstreamId: null })
  }
  d.remove('workstreams', id)
}

/**
 * Removes a workstream with its allocations; its budget lines and deliverables stay, no longer
 * booked to it; dependents, risks and module dependencies stop naming it.
 */
export function removeWorkstream(data: PlanData, id: string): EntityChange[] {
  mustFind(data, 'workstreams', id)
  const d = new Draft(data)
  cascadeWorkstream(d, data, id)
  return d.changes()
}

// ---------------------------------------------------------------------------------------
// Phases

export type PhaseFields = Pick<
  Phase,
  | 'name'
  | 'priority'
  | 'priorityLabel'
  | 'startQuarter'
  | 'endQuarter'
  | 'capCents'
  | 'businessImpact'
  | 'timeline'
> & { metrics: SuccessMetric[] }

export function validatePhase(
  data: PlanData,
  f: Partial<PhaseFields>,
  selfId?: string
): FieldErrors<keyof PhaseFields> {
  const errors: FieldErrors = {}
  if (f.name !== undefined) {
    checkName(errors, 'name', f.name)
    if (!errors.name && data.phases.some((p) => p.id !== selfId && norm(p.name) === norm(f.name!)))
      errors.name = 'duplicate'
  }
  if (f.priority !== undefined && !PRIORITIES.includes(f.priority)) errors.priority = 'unknown'
  if (f.priorityLabel !== undefined && f.priorityLabel.length > MAX_NAME_LENGTH)
    errors.priorityLabel = 'too-long'
  if (f.startQuarter !== undefined) checkPlanQuarter(errors, 'startQuarter', data, f.startQuarter)
  if (f.endQuarter !== undefined) checkPlanQuarter(errors, 'endQuarter', data, f.endQuarter)
  const self = selfId ? data.phases.find((p) => p.id === selfId) : undefined
  const start = f.startQuarter ?? self?.startQuarter
  const end = f.endQuarter ?? self?.endQuarter
  if (!errors.startQuarter && !errors.endQuarter && start && end && end < start)
    errors.endQuarter = 'end-before-start'
  if (f.capCents !== undefined) checkInt(errors, 'capCents', f.capCents, 0, MAX_AMOUNT_CENTS)
  checkText(errors, 'businessImpact', f.businessImpact)
  if (f.metrics?.some((m) => m.text.trim() === '')) errors.metrics = 'required'
  return errors
}

export function addPhase(
  data: PlanData,
  f: Partial<PhaseFields> & Pick<PhaseFields, 'name' | 'startQuarter' | 'endQuarter'>,
  options: EditOptions = {}
): EntityChange[] {
  refuse(validatePhase(data, f))
  const row: Phase = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    order: nextOrder(data.phases),
    name: f.name.trim(),
    priority: f.priority ?? 'P2',
    priorityLabel: f.priorityLabel ?? '',
    startQuarter: f.startQuarter,
    endQuarter: f.endQuarter,
    timeline: f.timeline ?? '',
    businessImpact: f.businessImpact ?? '',
    capCents: f.capCents ?? 0,
    metrics: f.metrics ?? []
  }
  return [{ table: 'phases', id: row.id, before: null, after: row }]
}

export function editPhase(data: PlanData, id: string, patch: Partial<PhaseFields>): EntityChange[] {
  const before = mustFind(data, 'phases', id)
  refuse(validatePhase(data, patch, id))
  const after = { ...before, ...patch }
  if (patch.name !== undefined) after.name = patch.name.trim()
  return deepEqual(before, after) ? [] : [{ table: 'phases', id, before, after }]
}

/**
 * Removes a phase. With `moveTo` its workstreams and budget lines move to that phase; without,
 * they are removed with it (workstreams with everything removeWorkstream takes along).
 * Risks and module dependencies stop naming it.
 */
export function removePhase(data: PlanData, id: string, options: { moveTo?: string } = {}): EntityChange[] {
  mustFind(data, 'phases', id)
  if (options.moveTo !== undefined) {
    if (options.moveTo === id)
      throw new PlanningError('invalid-value', 'A phase cannot take over its own work')
    mustFind(data, 'phases', options.moveTo)
  }
  const d = new Draft(data)
  for (const w of data.workstreams) {
    if (w.phaseId !== id) continue
    if (options.moveTo !== undefined)
      d.put('workstreams', { ...d.get('workstreams', w.id)!, phaseId: options.moveTo })
    else cascadeWorkstream(d, data, w.id)
  }
  for (const l of data.budgetLines) {
    if (l.phaseId !== id) continue
    if (options.moveTo !== undefined)
      d.put('budgetLines', { ...d.get('budgetLines', l.id)!, phaseId: options.moveTo })
    else d.remove('budgetLines', l.id)
  }
  for (const r of data.risks) {
    const cur = d.get('risks', r.id)
    if (cur && cur.phaseIds.includes(id))
      d.put('risks', { ...cur, phaseIds: cur.phaseIds.filter((x) => x !== id) })
  }
  for (const dep of data.dependencies) {
    const cur = d.get('dependencies', dep.id)
    if (!cur || cur.phaseId !== id) continue
    if (cur.workstreamId === null) d.remove('dependencies', dep.id)
    else d.put('dependencies', { ...cur, phaseId: null })
  }
  d.remove('phases', id)
  return d.changes()
}

/** Counts what a remove would touch (removePhase without moveTo, removeWorkstream, removeRole). */
export function removalImpact(
  data: PlanData,
  table: 'roles' | 'workstreams' | 'phases',
  id: string
): RemovalImpact {
  const out = noImpact()
  if (table === 'roles') {
    out.allocations = data.allocations.filter((a) => a.roleId === id).length
    return out
  }
  const wsIds = new Set(
    table === 'workstreams' ? [id] : data.workstreams.filter((w) => w.phaseId === id).map((w) => w.id)
  )
  if (table === 'phases') out.workstreams = wsIds.size
  out.allocations = data.allocations.filter((a) => wsIds.has(a.workstreamId)).length
  out.budgetLines = data.budgetLines.filter((l) =>
    table === 'phases' ? l.phaseId === id : l.workstreamId !== null && wsIds.has(l.workstreamId)
  ).length
  out.dependents = data.workstreams.filter(
    (w) => !wsIds.has(w.id) && w.dependsOn.some((x) => wsIds.has(x))
  ).length
  out.risks = data.risks.filter(
    (r) => r.workstreamIds.some((x) => wsIds.has(x)) || (table === 'phases' && r.phaseIds.includes(id))
  ).length
  out.deliverables = data.deliverables.filter(
    (x) => x.workstreamId !== null && wsIds.has(x.workstreamId)
  ).length
  out.dependencies = data.dependencies.filter(
    (x) => (x.workstreamId !== null && wsIds.has(x.workstreamId)) || (table === 'phases' && x.phaseId === id)
  ).length
  return out
}

// ---------------------------------------------------------------------------------------
// Budget lines

export type BudgetLineFields = Pick<
  BudgetLine,
  'title' | 'category' | 'phaseId' | 'workstreamId' | 'quarter' | 'amountCents' | 'currency'
>

export function validateBudgetLine(
  data: PlanData,
  f: Partial<BudgetLineFields>
): FieldErrors<keyof BudgetLineFields> {
  const errors: FieldErrors = {}
  if (f.title !== undefined) checkName(errors, 'title', f.title)
  // A category helps finance group lines but is not needed to plan one: empty is allowed.
  if (f.category !== undefined && f.category.length > 100) errors.category = 'too-long'
  if (f.phaseId !== undefined && !data.phases.some((p) => p.id === f.phaseId)) errors.phaseId = 'unknown'
  if (
    f.workstreamId !== undefined &&
    f.workstreamId !== null &&
    !data.workstreams.some((w) => w.id === f.workstreamId)
  )
    errors.workstreamId = 'unknown'
  if (f.quarter !== undefined) checkPlanQuarter(errors, 'quarter', data, f.quarter)
  if (f.amountCents !== undefined) checkInt(errors, 'amountCents', f.amountCents, 0, MAX_AMOUNT_CENTS)
  if (f.currency !== undefined && !CURRENCIES.includes(f.currency)) errors.currency = 'unknown'
  return errors
}

export function addBudgetLine(
  data: PlanData,
  f: BudgetLineFields,
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateBudgetLine(data, f))
  const row: BudgetLine = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    order: nextOrder(data.budgetLines.filter((l) => l.phaseId === f.phaseId)),
    ...f,
    title: f.title.trim(),
    category: f.category.trim()
  }
  return [{ table: 'budgetLines', id: row.id, before: null, after: row }]
}

export function editBudgetLine(data: PlanData, id: string, patch: Partial<BudgetLineFields>): EntityChange[] {
  const before = mustFind(data, 'budgetLines', id)
  refuse(validateBudgetLine(data, patch))
  const after = { ...before, ...patch }
  // A line given another phase joins the end of that phase's lines.
  if (after.phaseId !== before.phaseId)
    after.order = nextOrder(data.budgetLines.filter((l) => l.phaseId === after.phaseId))
  return deepEqual(before, after) ? [] : [{ table: 'budgetLines', id, before, after }]
}

export function removeBudgetLine(data: PlanData, id: string): EntityChange[] {
  const before = mustFind(data, 'budgetLines', id)
  return [{ table: 'budgetLines', id, before, after: null }]
}

// ---------------------------------------------------------------------------------------
// Risks

export type RiskFields = Pick<
  Risk,
  | 'title'
  | 'probabilityPct'
  | 'impactLevel'
  | 'impactText'
  | 'impactCents'
  | 'mitigations'
  | 'phaseIds'
  | 'workstreamIds'
> & { impactEstimate?: boolean }

export function validateRisk(data: PlanData, f: Partial<RiskFields>): FieldErrors<keyof RiskFields> {
  const errors: FieldErrors = {}
  if (f.title !== undefined) checkName(errors, 'title', f.title)
  if (f.probabilityPct !== undefined) checkInt(errors, 'probabilityPct', f.probabilityPct, 0, 100)
  if (f.impactLevel !== undefined && !IMPACT_LEVELS.includes(f.impactLevel)) errors.impactLevel = 'unknown'
  checkText(errors, 'impactText', f.impactText)
  if (f.impactCents !== undefined) checkInt(errors, 'impactCents', f.impactCents, 0, MAX_AMOUNT_CENTS)
  if (f.mitigations?.some((m) => m.length > MAX_TEXT_LENGTH)) errors.mitigations = 'too-long'
  if (f.phaseIds?.some((id) => !data.phases.some((p) => p.id === id))) errors.phaseIds = 'unknown'
  if (f.workstreamIds?.some((id) => !data.workstreams.some((w) => w.id === id)))
    errors.workstreamIds = 'unknown'
  return errors
}

export function addRisk(
  data: PlanData,
  f: Partial<RiskFields> & { title: string },
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateRisk(data, f))
  const row: Risk = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    order: nextOrder(data.risks),
    title: f.title.trim(),
    probabilityPct: f.probabilityPct ?? 0,
    impactLevel: f.impactLevel ?? 'medium',
    impactText: f.impactText ?? '',
    impactCents: f.impactCents ?? 0,
    mitigations: (f.mitigations ?? []).filter((m) => m.trim() !== ''),
    phaseIds: f.phaseIds ?? [],
    workstreamIds: f.workstreamIds ?? [],
    ...(f.impactEstimate ? { impactEstimate: true } : {})
  }
  return [{ table: 'risks', id: row.id, before: null, after: row }]
}

export function editRisk(data: PlanData, id: string, patch: Partial<RiskFields>): EntityChange[] {
  const before = mustFind(data, 'risks', id)
  refuse(validateRisk(data, patch))
  const after: Risk = { ...before, ...patch }
  if (patch.mitigations) after.mitigations = patch.mitigations.filter((m) => m.trim() !== '')
  if (after.impactEstimate === false) delete after.impactEstimate
  return deepEqual(before, after) ? [] : [{ table: 'risks', id, before, after }]
}

export function removeRisk(data: PlanData, id: string): EntityChange[] {
  const before = mustFind(data, 'risks', id)
  return [{ table: 'risks', id, before, after: null }]
}

// ---------------------------------------------------------------------------------------
// Deliverables and success metrics

export type DeliverableFields = Pick<Deliverable, 'title' | 'quarter' | 'workstreamId'>

export function validateDeliverable(
  data: PlanData,
  f: Partial<DeliverableFields>
): FieldErrors<keyof DeliverableFields> {
  const errors: FieldErrors = {}
  if (f.title !== undefined) checkName(errors, 'title', f.title, 1_000)
  if (f.quarter !== undefined) checkPlanQuarter(errors, 'quarter', data, f.quarter)
  if (
    f.workstreamId !== undefined &&
    f.workstreamId !== null &&
    !data.workstreams.some((w) => w.id === f.workstreamId)
  )
    errors.workstreamId = 'unknown'
  return errors
}

export function addDeliverable(
  data: PlanData,
  f: DeliverableFields,
  options: EditOptions = {}
): EntityChange[] {
  refuse(validateDeliverable(data, f))
  const row: Deliverable = {
    id: (options.newId ?? randomId)(),
    planId: data.plan.id,
    quarter: f.quarter,
    order: nextOrder(data.deliverables.filter((x) => x.quarter === f.quarter)),
    title: f.title.trim(),
    workstreamId: f.workstreamId,
    done: false
  }
  return [{ table: 'deliverables', id: row.id, before: null, after: row }]
}

export function editDeliverable(
  data: PlanData,
  id: string,
  patch: Partial<DeliverableFields>
): EntityChange[] {
  const before = mustFind(data, 'deliverables', id)
  refuse(validateDeliverable(data, patch))
  const after = { ...before, ...patch }
  if (patch.title !== undefined) after.title = patch.title.trim()
  return deepEqual(before, after) ? [] : [{ table: 'deliverables', id, before, after }]
}

export function removeDeliverable(data: PlanData, id: string): EntityChange[] {
  const before = mustFind(data, 'deliverables', id)
  return [{ table: 'deliverables', id, before, after: null }]
}

export type MetricFields = Pick<SuccessMetric, 'text' | 'target'>

export function validateMetric(f: Partial<MetricFields>): FieldErrors<keyof MetricFields> {
  const errors: FieldErrors = {}
  if (f.text !== undefined) checkName(errors, 'text', f.text, 1_000)
  if (f.target !== undefined && f.target.length > MAX_NAME_LENGTH) errors.target = 'too-long'
  return errors
}

export function addMetric(
  data: PlanData,
  phaseId: string,
  f: MetricFields,
  options: EditOptions = {}
): EntityChange[] {
  const phase = mustFind(data, 'phases', phaseId)
  refuse(validateMetric(f))
  const metric: SuccessMetric = {
    id: (options.newId ?? randomId)(),
    text: f.text.trim(),
    target: f.target.trim(),
    status: 'open'
  }
  return [
    { table: 'phases', id: phaseId, before: phase, after: { ...phase, metrics: [...phase.metrics, metric] } }
  ]
}

export function editMetric(
  data: PlanData,
  phaseId: string,
  metricId: string,
  patch: Partial<MetricFields>
): EntityChange[] {
  const phase = mustFind(data, 'phases', phaseId)
  refuse(validateMetric(patch))
  if (!phase.metrics.some((m) => m.id === metricId))
    throw new PlanningError('not-found', `No metric ${metricId}`)
  const metrics = phase.metrics.map((m) => (m.id === metricId ? { ...m, ...patch } : m))
  return deepEqual(metrics, phase.metrics)
    ? []
    : [{ table: 'phases', id: phaseId, before: phase, after: { ...phase, metrics } }]
}

export function removeMetric(data: PlanData, phaseId: string, metricId: string): EntityChange[] {
  const phase = mustFind(data, 'phases', phaseId)
  const metrics = phase.metrics.filter((m) => m.id !== metricId)
  if (metrics.length === phase.metrics.length) throw new PlanningError('not-found', `No metric ${metricId}`)
  return [{ table: 'phases', id: phaseId, before: phase, after: { ...phase, metrics } }]
}

// ---------------------------------------------------------------------------------------
// Order

type Ordered = 'phases' | 'workstreams' | 'roles' | 'deliverables' | 'risks' | 'budgetLines'

/** The rows `row` is ordered among: deliverables of its quarter, budget lines of its phase, else all. */
export function orderSiblings<T extends Ordered>(data: PlanData, table: T, row: EntityOf<T>): EntityOf<T>[] {
  const rows = data[table] as EntityOf<T>[]
  if (table === 'deliverables') {
    const q = (row as Deliverable).quarter
    return rows.filter((x) => (x as Deliverable).quarter === q)
  }
  if (table === 'budgetLines') {
    const phase = (row as BudgetLine).phaseId
    return rows.filter((x) => (x as BudgetLine).phaseId === phase)
  }
  return [...rows]
}

/**
 * Moves an entity `by` places (−1 up, +1 down) among its siblings (deliverables: those of its
 * quarter; budget lines: those of its phase) and numbers the siblings 1..n, so orders stay
 * distinct after any sequence of moves.
 */
export function reorder(data: PlanData, table: Ordered, id: string, by: number): EntityChange[] {
  const row = mustFind(data, table, id) as EntityOf<Ordered>
  const siblings = orderSiblings(data, table, row)
  siblings.sort(byOrder)
  const from = siblings.findIndex((x) => x.id === id)
  const to = Math.max(0, Math.min(siblings.length - 1, from + by))
  if (from === to) return []
  siblings.splice(from, 1)
  siblings.splice(to, 0, row)
  const d = new Draft(data)
  siblings.forEach((x, i) => {
    if (x.order !== i + 1) d.put(table, { ...x, order: i + 1 } as never)
  })
  return d.changes()
}

// ---------------------------------------------------------------------------------------
// Assumptions: values the built-in plan had to estimate, shown where they apply

export type Assumption =
  | { kind: 'chf-rate'; rate: number }
  | { kind: 'split'; roleId: string; quarter: QuarterKey; allocationIds: string[] }
  | { kind: 'risk-cost'; riskId: string; impactCents: number }

export function planAssumptions(data: PlanData): Assumption[] {
  const out: Assumption[] = []
  if (data.plan.chfRateEstimate) out.push({ kind: 'chf-rate', rate: data.plan.chfToEur })
  const splits = new Map<string, Allocation[]>()
  for (const a of data.allocations) {
    if (!a.estimate) continue
    const key = `${a.roleId}|${a.quarter}`
    const list = splits.get(key)
    if (list) list.push(a)
    else splits.set(key, [a])
  }
  // In plan order (quarter, role, workstream), not in the order rows come from storage.
  const roleOrder = new Map(data.roles.map((r) => [r.id, r.order]))
  const wsOrder = new Map(data.workstreams.map((w) => [w.id, w.order]))
  const lists = [...splits.values()].sort(
    (a, b) =>
      a[0].quarter.localeCompare(b[0].quarter) ||
      (roleOrder.get(a[0].roleId) ?? 0) - (roleOrder.get(b[0].roleId) ?? 0)
  )
  for (const list of lists) {
    list.sort((a, b) => (wsOrder.get(a.workstreamId) ?? 0) - (wsOrder.get(b.workstreamId) ?? 0))
    out.push({
      kind: 'split',
      roleId: list[0].roleId,
      quarter: list[0].quarter,
      allocationIds: list.map((a) => a.id)
    })
  }
  for (const r of [...data.risks].sort((a, b) => a.order - b.order))
    if (r.impactEstimate) out.push({ kind: 'risk-cost', riskId: r.id, impactCents: r.impactCents })
  return out
}

/** Marks the shares of one split as confirmed (or as estimates again). */
export function setSplitEstimate(data: PlanData, allocationIds: string[], estimate: boolean): EntityChange[] {
  const d = new Draft(data)
  for (const id of allocationIds) {
    const a = mustFind(data, 'allocations', id)
    const next: Allocation = { ...a }
    if (estimate) next.estimate = true
    else delete next.estimate
    d.put('allocations', next)
  }
  return d.changes()
}

// ---------------------------------------------------------------------------------------
// Open positions

export type HiringNeed = { role: Role; startQuarter: QuarterKey; allocatedBp: number; costCents: number }

/** Open positions in the order they are to be hired, with the work and cost waiting on them. */
export function hiringPlan(data: PlanData): HiringNeed[] {
  const first = data.plan.quarters[0]
  const out: HiringNeed[] = []
  for (const role of data.roles) {
    if (!role.openPosition) continue
    const startQuarter = role.hireQuarter ?? first
    let allocatedBp = 0
    for (const a of data.allocations)
      if (a.roleId === role.id && a.quarter >= startQuarter) allocatedBp += a.shareBp
    const costCents =
      role.costPerFteQuarterCents === null
        ? 0
        : Math.round((role.costPerFteQuarterCents * allocatedBp) / 10_000)
    out.push({ role, startQuarter, allocatedBp, costCents })
  }
  return out.sort((a, b) =>
    a.startQuarter < b.startQuarter ? -1 : a.startQuarter > b.startQuarter ? 1 : a.role.order - b.role.order
  )
}

// ---------------------------------------------------------------------------------------
// New plans

/** An empty plan over `from`..`to`: no phases, roles or lines yet. */
export function blankPlan(options: {
  planId: string
  name: string
  from: QuarterKey
  to: QuarterKey
  totalBudgetCents?: number
  now?: string
}): PlanData {
  refuse({
    ...validateQuarterRange(options.from, options.to),
    ...validatePlanSettings({ name: options.name })
  })
  const now = options.now ?? new Date().toISOString()
  return {
    plan: newPlanRow(
      {
        id: options.planId,
        name: options.name.trim(),
        quarters: quarterRange(options.from, options.to),
        // A blank plan counts CHF 1:1 until its rate is set (as it always has).
        chfToEur: 1,
        totalBudgetCents: options.totalBudgetCents ?? 0
      },
      now
    ),
    phases: [],
    workstreams: [],
    roles: [],
    allocations: [],
    budgetLines: [],
    risks: [],
    dependencies: [],
    deliverables: []
  }
}
