// User actions on a plan as pure functions: each returns the EntityChange list to commit
// (through db/commit.ts or applyChanges) and never mutates its input. An empty list means
// "nothing to do"; invalid requests throw PlanningError with a code the UI can translate.
import { deepEqual } from './changes'
import { PlanningError } from './errors'
import { newId as randomId } from './ids'
import { isMonthKey, isQuarterKey } from './quarters'
import type {
  Allocation,
  BudgetLine,
  Cents,
  EntityChange,
  EntityOf,
  EntityTable,
  MetricStatus,
  PlanData,
  QuarterKey,
  ShareBp
} from './types'
import { MAX_SHARE_BP } from './types'
import { LIMITS } from '../limits'
import { nextOrder } from './order'

/** Options shared by actions that create entities; tests pass a deterministic id source. */
export type MoveOptions = { newId?: () => string }

const MAX_CENTS = LIMITS.amountCents.max

function find<T extends EntityTable>(data: PlanData, table: T, id: string): EntityOf<T> {
  const rows = data[table] as EntityOf<T>[]
  const found = rows.find((r) => r.id === id)
  if (!found) throw new PlanningError('not-found', `No ${table} entity with id ${id}`)
  return found
}

function update<T extends EntityTable>(table: T, before: EntityOf<T>, after: EntityOf<T>): EntityChange {
  return { table, id: before.id, before, after } as EntityChange
}

function create<T extends EntityTable>(table: T, after: EntityOf<T>): EntityChange {
  return { table, id: after.id, before: null, after } as EntityChange
}

function remove<T extends EntityTable>(table: T, before: EntityOf<T>): EntityChange {
  return { table, id: before.id, before, after: null } as EntityChange
}

function assertInteger(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PlanningError('invalid-amount', `${what} must be an integer in ${min}..${max}, got ${value}`)
  }
}

function assertQuarter(q: string): asserts q is QuarterKey {
  if (!isQuarterKey(q)) throw new PlanningError('invalid-quarter', `Not a quarter key: ${JSON.stringify(q)}`)
}

/**
 * Generic edit: the change that replaces the fields in `patch` on one entity, or [] when
 * nothing would change.
 */
export function updateEntity<T extends EntityTable>(
  data: PlanData,
  table: T,
  id: string,
  patch: Partial<Omit<EntityOf<T>, 'id' | 'planId'>>
): EntityChange[] {
  const before = find(data, table, id)
  const after = { ...before, ...patch } as EntityOf<T>
  return deepEqual(before, after) ? [] : [update(table, before, after)]
}

// ---------------------------------------------------------------------------------------
// Allocations

export type AllocationTarget = { quarter?: QuarterKey; roleId?: string; workstreamId?: string }

/**
 * Moves `shareBp` (default: all) of an allocation to another quarter, role and/or workstream.
 * A chip with the same role + workstream + quarter at the target absorbs the moved share
 * (merge); otherwise a whole move keeps the chip's id and a partial move creates a new chip.
 * The role's total FTE-quarters never change by a move.
 */
export function moveAllocation(
  data: PlanData,
  allocationId: string,
  target: AllocationTarget,
  shareBp?: ShareBp,
  options: MoveOptions = {}
): EntityChange[] {
  const source = find(data, 'allocations', allocationId)
  const amount = shareBp ?? source.shareBp
  if (!Number.isInteger(amount) || amount <= 0 || amount > source.shareBp) {
    throw new PlanningError(
      'invalid-amount',
      `Cannot move ${amount} bp of an allocation holding ${source.shareBp} bp`
    )
  }
  const dest = {
    quarter: target.quarter ?? source.quarter,
    roleId: target.roleId ?? source.roleId,
    workstreamId: target.workstreamId ?? source.workstreamId
  }
  assertQuarter(dest.quarter)
  if (
    dest.quarter === source.quarter &&
    dest.roleId === source.roleId &&
    dest.workstreamId === source.workstreamId
  ) {
    return []
  }
  if (dest.roleId !== source.roleId) find(data, 'roles', dest.roleId)
  if (dest.workstreamId !== source.workstreamId) find(data, 'workstreams', dest.workstreamId)

  const existing = data.allocations.find(
    (a) =>
      a.id !== source.id &&
      a.roleId === dest.roleId &&
      a.workstreamId === dest.workstreamId &&
      a.quarter === dest.quarter
  )
  const whole = amount === source.shareBp
  if (existing) {
    const merged = existing.shareBp + amount
    if (merged > MAX_SHARE_BP) {
      throw new PlanningError('invalid-amount', `Merging would hold ${merged} bp, more than ${MAX_SHARE_BP}`)
    }
    return [
      whole
        ? remove('allocations', source)
        : update('allocations', source, { ...source, shareBp: source.shareBp - amount }),
      update('allocations', existing, { ...existing, shareBp: merged })
    ]
  }
  if (whole) return [update('allocations', source, { ...source, ...dest })]
  const created: Allocation = {
    ...source,
    ...dest,
    id: (options.newId ?? randomId)(),
    shareBp: amount
  }
  delete created.originId
  return [
    update('allocations', source, { ...source, shareBp: source.shareBp - amount }),
    create('allocations', created)
  ]
}

/** Splits a share in two exact halves: half = floor, rest = the remainder (odd bp go to rest). */
export function halfShare(bp: ShareBp): { half: ShareBp; rest: ShareBp } {
  const half = Math.floor(bp / 2)
  return { half, rest: bp - half }
}

/** Rounds a share to the nearest step (default 500 bp = 5 %), halves rounding up. */
export function roundToStep(bp: ShareBp, step: ShareBp = 500): ShareBp {
  if (!(step > 0)) throw new PlanningError('invalid-amount', `Step must be positive, got ${step}`)
  return Math.round(bp / step) * step
}

/** Sets an allocation's share; 0 deletes the chip (an empty chip means nothing on the board). */
export function setAllocationShare(data: PlanData, allocationId: string, shareBp: ShareBp): EntityChange[] {
  assertInteger(shareBp, 0, MAX_SHARE_BP, 'Share')
  const before = find(data, 'allocations', allocationId)
  if (shareBp === 0) return [remove('allocations', before)]
  if (before.shareBp === shareBp) return []
  return [update('allocations', before, { ...before, shareBp })]
}

/** Creates an allocation, or adds to the chip that already holds that role + workstream + quarter. */
export function addAllocation(
  data: PlanData,
  fields: { roleId: string; workstreamId: string; quarter: QuarterKey; shareBp: ShareBp; note?: string },
  options: MoveOptions = {}
): EntityChange[] {
  assertInteger(fields.shareBp, 1, MAX_SHARE_BP, 'Share')
  assertQuarter(fields.quarter)
  find(data, 'roles', fields.roleId)
  find(data, 'workstreams', fields.workstreamId)
  const existing = data.allocations.find(
    (a) =>
      a.roleId === fields.roleId && a.workstreamId === fields.workstreamId && a.quarter === fields.quarter
  )
  if (existing) {
    const merged = existing.shareBp + fields.shareBp
    assertInteger(merged, 1, MAX_SHARE_BP, 'Merged share')
    return [update('allocations', existing, { ...existing, shareBp: merged })]
  }
  return [
    create('allocations', {
      id: (options.newId ?? randomId)(),
      planId: data.plan.id,
      roleId: fields.roleId,
      workstreamId: fields.workstreamId,
      quarter: fields.quarter,
      shareBp: fields.shareBp,
      note: fields.note ?? ''
    })
  ]
}

/** Sets a role's capacity for one quarter. */
export function setCapacity(
  data: PlanData,
  roleId: string,
  quarter: QuarterKey,
  bp: ShareBp
): EntityChange[] {
  assertInteger(bp, 0, MAX_SHARE_BP, 'Capacity')
  assertQuarter(quarter)
  const before = find(data, 'roles', roleId)
  if (before.capacityBp[quarter] === bp) return []
  return [update('roles', before, { ...before, capacityBp: { ...before.capacityBp, [quarter]: bp } })]
}

// ---------------------------------------------------------------------------------------
// Budget lines

export type BudgetTarget = { quarter?: QuarterKey; phaseId?: string; workstreamId?: string | null }

export type BudgetMoveOptions = MoveOptions & {
  /**
   * The highest `order` among a phase's lines (0 for none). By default read from
   * `data.budgetLines`; a board that holds an index of the lines hands its look-up instead.
   */
  highestOrder?: (phaseId: string) => number
}

/**
 * Moves `amountCents` (default: all) of a budget line to another quarter, phase and/or
 * workstream (null = none). A partial move splits the line: the rest stays, a new line with
 * the same title, category and currency takes the amount. Cents are never lost or created.
 */
export function moveBudgetLine(
  data: PlanData,
  lineId: string,
  target: BudgetTarget,
  amountCents?: Cents,
  options: BudgetMoveOptions = {}
): EntityChange[] {
  const source = find(data, 'budgetLines', lineId)
  const amount = amountCents ?? source.amountCents
  const whole = amount === source.amountCents
  if (!whole && (!Number.isInteger(amount) || amount <= 0 || amount > source.amountCents)) {
    throw new PlanningError(
      'invalid-amount',
      `Cannot move ${amount} cents of a line holding ${source.amountCents}`
    )
  }
  const dest = {
    quarter: target.quarter ?? source.quarter,
    phaseId: target.phaseId ?? source.phaseId,
    workstreamId: target.workstreamId === undefined ? source.workstreamId : target.workstreamId
  }
  assertQuarter(dest.quarter)
  if (
    dest.quarter === source.quarter &&
    dest.phaseId === source.phaseId &&
    dest.workstreamId === source.workstreamId
  ) {
    return []
  }
  // What arrives in another phase joins the end of its lines: its own number would put it
  // among them wherever that number falls.
  let order = source.order
  if (dest.phaseId !== source.phaseId) {
    find(data, 'phases', dest.phaseId)
    order = options.highestOrder
      ? options.highestOrder(dest.phaseId) + 1
      : nextOrder(data.budgetLines.filter((l) => l.phaseId === dest.phaseId))
  }
  if (dest.workstreamId !== null && dest.workstreamId !== source.workstreamId) {
    find(data, 'workstreams', dest.workstreamId)
  }
  if (whole) return [update('budgetLines', source, { ...source, ...dest, order })]
  const created: BudgetLine = {
    ...source,
    ...dest,
    order,
    id: (options.newId ?? randomId)(),
    amountCents: amount
  }
  delete created.originId
  return [
    update('budgetLines', source, { ...source, amountCents: source.amountCents - amount }),
    create('budgetLines', created)
  ]
}

/** Splits `amountCents` off a line into a new line in the same place; both parts must be > 0. */
export function splitBudgetLine(
  data: PlanData,
  lineId: string,
  amountCents: Cents,
  options: MoveOptions = {}
): EntityChange[] {
  const source = find(data, 'budgetLines', lineId)
  if (!Number.isInteger(amountCents) || amountCents <= 0 || amountCents >= source.amountCents) {
    throw new PlanningError(
      'invalid-amount',
      `Cannot split ${amountCents} cents off a line holding ${source.amountCents}`
    )
  }
  const created: BudgetLine = { ...source, id: (options.newId ?? randomId)(), amountCents }
  delete created.originId
  return [
    update('budgetLines', source, { ...source, amountCents: source.amountCents - amountCents }),
    create('budgetLines', created)
  ]
}

/**
 * Merges line `fromId` into `intoId` (amounts add up, `fromId` is deleted). Both must be in
 * the same currency, since adding EUR to CHF would create or lose value.
 */
export function mergeBudgetLines(data: PlanData, fromId: string, intoId: string): EntityChange[] {
  if (fromId === intoId) return []
  const from = find(data, 'budgetLines', fromId)
  const into = find(data, 'budgetLines', intoId)
  if (from.currency !== into.currency) {
    throw new PlanningError('currency-mismatch', `Cannot merge ${from.currency} into ${into.currency}`)
  }
  const total = from.amountCents + into.amountCents
  assertInteger(total, 0, MAX_CENTS, 'Merged amount')
  return [remove('budgetLines', from), update('budgetLines', into, { ...into, amountCents: total })]
}

export function setBudgetAmount(data: PlanData, lineId: string, amountCents: Cents): EntityChange[] {
  assertInteger(amountCents, 0, MAX_CENTS, 'Amount')
  return updateEntity(data, 'budgetLines', lineId, { amountCents })
}

export function setPhaseCap(data: PlanData, phaseId: string, capCents: Cents): EntityChange[] {
  assertInteger(capCents, 0, MAX_CENTS, 'Phase cap')
  return updateEntity(data, 'phases', phaseId, { capCents })
}

// ---------------------------------------------------------------------------------------
// Risks, deliverables, criteria, metrics, schedule

export function setRiskProbability(data: PlanData, riskId: string, probabilityPct: number): EntityChange[] {
  if (!Number.isFinite(probabilityPct) || probabilityPct < 0 || probabilityPct > 100) {
    throw new PlanningError('invalid-value', `Probability must be 0..100, got ${probabilityPct}`)
  }
  return updateEntity(data, 'risks', riskId, { probabilityPct })
}

export function setRiskImpactCents(data: PlanData, riskId: string, impactCents: Cents): EntityChange[] {
  assertInteger(impactCents, 0, MAX_CENTS, 'Impact')
  return updateEntity(data, 'risks', riskId, { impactCents })
}

/** Flips a deliverable's done flag, or sets it when `done` is given. */
export function toggleDeliverable(data: PlanData, deliverableId: string, done?: boolean): EntityChange[] {
  const before = find(data, 'deliverables', deliverableId)
  return updateEntity(data, 'deliverables', deliverableId, { done: done ?? !before.done })
}

/** Flips (or sets) one success criterion of a workstream. */
export function toggleCriterion(
  data: PlanData,
  workstreamId: string,
  criterionId: string,
  done?: boolean
): EntityChange[] {
  const before = find(data, 'workstreams', workstreamId)
  const criterion = before.criteria.find((c) => c.id === criterionId)
  if (!criterion)
    throw new PlanningError('not-found', `No criterion ${criterionId} on workstream ${workstreamId}`)
  const value = done ?? !criterion.done
  if (value === criterion.done) return []
  const criteria = before.criteria.map((c) => (c.id === criterionId ? { ...c, done: value } : c))
  return [update('workstreams', before, { ...before, criteria })]
}

export function setMetricStatus(
  data: PlanData,
  phaseId: string,
  metricId: string,
  status: MetricStatus
): EntityChange[] {
  if (status !== 'open' && status !== 'met' && status !== 'missed') {
    throw new PlanningError('invalid-value', `Unknown metric status ${String(status)}`)
  }
  const before = find(data, 'phases', phaseId)
  const metric = before.metrics.find((m) => m.id === metricId)
  if (!metric) throw new PlanningError('not-found', `No metric ${metricId} on phase ${phaseId}`)
  if (metric.status === status) return []
  const metrics = before.metrics.map((m) => (m.id === metricId ? { ...m, status } : m))
  return [update('phases', before, { ...before, metrics })]
}

/** Reschedules a workstream: first month "2026-02" and a duration of 1..104 weeks. */
export function setWorkstreamSchedule(
  data: PlanData,
  workstreamId: string,
  startMonth: string,
  durationWeeks: number
): EntityChange[] {
  if (!isMonthKey(startMonth)) {
    throw new PlanningError('invalid-month', `Not a month key: ${JSON.stringify(startMonth)}`)
  }
  assertInteger(durationWeeks, 1, 104, 'Duration in weeks')
  return updateEntity(data, 'workstreams', workstreamId, { startMonth, durationWeeks })
}
