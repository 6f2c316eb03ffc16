// Parsed rows onto a plan: phase, workstream and role names matched against the plan's own,
// producing the budget lines and allocations to commit, and an explained error per row that fails.
import type { Allocation, BudgetLine, Phase, Plan, QuarterKey, Role, Workstream } from '../planning/types'
import { compareQuarters } from '../planning/quarters'
import type { CellIssue, ImportField, IssueCode, ParsedRow } from './types'
import { normalizeHeader } from './mapping'

export type PlanMatchOptions = {
  /** Create a role for an unknown role name instead of rejecting the row. */
  createMissingRoles?: boolean
  /** Reject rows whose quarter lies outside the plan's quarters (default true). */
  requirePlanQuarter?: boolean
  newId?: () => string
  sheet?: string
  /**
   * Workstream (key or title) for allocation rows without one; omitted: the workstream the role
   * works on most in that quarter in the plan, else the first workstream of the quarter's phase.
   */
  defaultWorkstream?: string
}

/**
 * A value the sheet did not give, taken from the plan: a budget line's phase from its quarter
 * (no phase column), an allocation's workstream (no workstream column).
 */
export type DerivedValue = {
  field: 'phase' | 'workstream'
  /** The phase's name or the workstream's key. */
  value: string
  /** quarter: the phase holding the quarter; role: the role's workstream then; phase: the phase's first; chosen: the user's. */
  from: 'quarter' | 'role' | 'phase' | 'chosen'
}

export type PlanMatchResult = {
  budgetLines: BudgetLine[]
  allocations: Allocation[]
  /** Roles created for unknown role names (only with createMissingRoles). */
  newRoles: Role[]
  /** Issues of rows that could not be matched, one or more per row. */
  errors: CellIssue[]
  /** Excel row numbers that became a budget line or allocation. */
  importedRows: number[]
  /** Values taken from the plan, by index into the rows matched (several records may share a row). */
  derived: Map<number, DerivedValue[]>
}

/**
 * What matching needs of a plan: its id and quarters and the names of its phases, workstreams and
 * roles. A whole PlanData is one; the wizard sends only this much to the parse worker.
 */
export type PlanStructure = {
  plan: Pick<Plan, 'id' | 'quarters'>
  phases: PhaseRef[]
  workstreams: WorkstreamRef[]
  roles: RoleRef[]
  /** Per role and quarter, the workstream the role holds the largest share of (the default for rows without one). */
  roleWork?: RoleWork[]
}
export type PhaseRef = Pick<Phase, 'id' | 'name' | 'order' | 'priority' | 'startQuarter' | 'endQuarter'>
export type WorkstreamRef = Pick<Workstream, 'id' | 'key' | 'title' | 'phaseId' | 'order'>
export type RoleRef = Pick<Role, 'id' | 'name' | 'order'>
export type RoleWork = { roleId: string; quarter: QuarterKey; workstreamId: string }

type AllocationRef = Pick<Allocation, 'roleId' | 'workstreamId' | 'quarter' | 'shareBp'>

/** The workstream each role works on most per quarter; ties go to the workstream first in the plan. */
export function roleWorkOf(
  allocations: readonly AllocationRef[],
  workstreams: readonly Pick<WorkstreamRef, 'id' | 'order'>[]
): RoleWork[] {
  const order = new Map(workstreams.map((w) => [w.id, w.order]))
  const shares = new Map<string, Map<string, number>>()
  for (const a of allocations) {
    const k = `${a.roleId}\u001f${a.quarter}`
    let m = shares.get(k)
    if (!m) shares.set(k, (m = new Map()))
    m.set(a.workstreamId, (m.get(a.workstreamId) ?? 0) + a.shareBp)
  }
  const out: RoleWork[] = []
  for (const [k, m] of shares) {
    const [roleId, quarter] = k.split('\u001f') as [string, QuarterKey]
    let best: [string, number] | null = null
    for (const [ws, bp] of m) {
      const better =
        !best ||
        bp > best[1] ||
        (bp === best[1] && (order.get(ws) ?? Infinity) < (order.get(best[0]) ?? Infinity))
      if (better) best = [ws, bp]
    }
    if (best && order.has(best[0])) out.push({ roleId, quarter, workstreamId: best[0] })
  }
  return out
}

/** Only the fields matching reads, so the structure of a large plan stays small. */
export function planStructureOf(
  data: PlanStructure & { allocations?: readonly AllocationRef[] }
): PlanStructure {
  return {
    plan: { id: data.plan.id, quarters: [...data.plan.quarters] },
    phases: data.phases.map(({ id, name, order, priority, startQuarter, endQuarter }) => ({
      id,
      name,
      order,
      priority,
      startQuarter,
      endQuarter
    })),
    workstreams: data.workstreams.map(({ id, key, title, phaseId, order }) => ({
      id,
      key,
      title,
      phaseId,
      order
    })),
    roles: data.roles.map(({ id, name, order }) => ({ id, name, order })),
    roleWork: data.allocations ? roleWorkOf(data.allocations, data.workstreams) : (data.roleWork ?? [])
  }
}

/** The first phase (by order) whose quarters hold the quarter. */
export function phaseOfQuarter<P extends PhaseRef>(phases: readonly P[], quarter: QuarterKey): P | null {
  let found: P | null = null
  for (const p of phases)
    if (compareQuarters(p.startQuarter, quarter) <= 0 && compareQuarters(quarter, p.endQuarter) <= 0)
      if (!found || p.order < found.order) found = p
  return found
}

const defaultId = () => globalThis.crypto.randomUUID()

function memo<T>(fn: (v: string) => T): (v: string) => T {
  const cache = new Map<string, T>()
  return (v) => {
    if (cache.has(v)) return cache.get(v)!
    const r = fn(v)
    if (cache.size < 10_000) cache.set(v, r)
    return r
  }
}

/** Finds a phase by name, "Phase 2" / "2" (its order), or its priority "P1". */
export function matchPhase<P extends PhaseRef>(phases: readonly P[], value: string): P | null {
  const t = normalizeHeader(value)
  if (!t) return null
  const byName = phases.find((p) => normalizeHeader(p.name) === t)
  if (byName) return byName
  let m = /^(?:phase )?(\d+)$/.exec(t)
  if (m) return phases.find((p) => p.order === Number(m![1])) ?? null
  m = /^p([0-9])$/.exec(t)
  if (m) return phases.find((p) => p.priority === `P${m![1]}`) ?? null
  m = /^phase (\d+)\b/.exec(t)
  if (m) return phases.find((p) => p.order === Number(m![1])) ?? null
  const contains = phases.filter((p) => {
    const n = normalizeHeader(p.name)
    return n.length >= 4 && (t.includes(n) || (t.length >= 4 && n.includes(t)))
  })
  return contains.length === 1 ? contains[0] : null
}

/** Finds a workstream by key or title, exactly, then by a unique partial title. */
export function matchWorkstream<W extends WorkstreamRef>(workstreams: readonly W[], value: string): W | null {
  const t = normalizeHeader(value)
  if (!t) return null
  const exact = workstreams.find((w) => normalizeHeader(w.key) === t || normalizeHeader(w.title) === t)
  if (exact) return exact
  const partial = workstreams.filter((w) => {
    const n = normalizeHeader(w.title)
    return t.length >= 4 && (n.includes(t) || (n.length >= 4 && t.includes(n)))
  })
  return partial.length === 1 ? partial[0] : null
}

export function matchRole<R extends RoleRef>(roles: readonly R[], value: string): R | null {
  const t = normalizeHeader(value)
  if (!t) return null
  return roles.find((r) => normalizeHeader(r.name) === t) ?? null
}

/**
 * Matches parsed rows to the plan. Rows that were already bad stay out; rows whose names are
 * not in the plan get an issue each, so nothing is dropped without a reason.
 */
export function matchToPlan(
  rows: readonly ParsedRow[],
  data: PlanStructure & { allocations?: readonly AllocationRef[] },
  options: PlanMatchOptions = {}
): PlanMatchResult {
  const newId = options.newId ?? defaultId
  const sheet = options.sheet ?? ''
  const planId = data.plan.id
  const quarters = new Set<QuarterKey>(data.plan.quarters)
  const requireQuarter = options.requirePlanQuarter ?? true
  const roles: RoleRef[] = [...data.roles]
  // Names repeat over many rows; each distinct one is matched once.
  const phaseOf = memo((v: string) => matchPhase(data.phases, v))
  const workstreamOf = memo((v: string) => matchWorkstream(data.workstreams, v))
  const roleByName = new Map<string, RoleRef>()
  for (const r of roles)
    if (!roleByName.has(normalizeHeader(r.name))) roleByName.set(normalizeHeader(r.name), r)
  const result: PlanMatchResult = {
    budgetLines: [],
    allocations: [],
    newRoles: [],
    errors: [],
    importedRows: [],
    derived: new Map()
  }
  const roleWork = new Map<string, string>()
  const known = data.roleWork ?? (data.allocations ? roleWorkOf(data.allocations, data.workstreams) : [])
  for (const w of known) roleWork.set(`${w.roleId}\u001f${w.quarter}`, w.workstreamId)
  const workstreamById = new Map(data.workstreams.map((w) => [w.id, w]))
  const phaseByQuarter = memo((q: string) => phaseOfQuarter(data.phases, q as QuarterKey))
  const firstOfPhase = memo((phaseId: string) =>
    data.workstreams.reduce<WorkstreamRef | null>(
      (best, w) => (w.phaseId === phaseId && (!best || w.order < best.order) ? w : best),
      null
    )
  )
  const chosen = options.defaultWorkstream ? workstreamOf(options.defaultWorkstream) : null
  // Lines numbered within their phase in the file's order; a commit into a plan that has lines
  // places them after its own (afterExistingLines).
  const linesInPhase = new Map<string, number>()
  rows.forEach((row, index) => {
    if (!row.ok) return
    const issues: CellIssue[] = []
    const flag = (field: ImportField, code: IssueCode, value: string, message: string) =>
      issues.push({ code, sheet, row: row.row, column: '', field, value, message })
    const derive = (d: DerivedValue) => {
      const list = result.derived.get(index)
      if (list) list.push(d)
      else result.derived.set(index, [d])
    }
    if (requireQuarter && !quarters.has(row.values.quarter)) {
      flag(
        'quarter',
        'quarter-outside-plan',
        row.values.quarter,
        `is outside the plan (${data.plan.quarters[0]} to ${data.plan.quarters.at(-1)})`
      )
    }
    if (row.kind === 'budget') {
      const v = row.values
      // No phase column: the phase whose quarters hold the line's quarter.
      const fromQuarter = v.phase === ''
      const phase = fromQuarter ? phaseByQuarter(v.quarter) : phaseOf(v.phase)
      if (!phase && fromQuarter)
        flag(
          'phase',
          'no-phase-for-quarter',
          v.quarter,
          `no phase of this plan holds ${v.quarter}; give the phase`
        )
      else if (!phase)
        flag('phase', 'unknown-phase', v.phase, 'is not a phase of this plan (name, number or priority)')
      else if (fromQuarter) derive({ field: 'phase', value: phase.name, from: 'quarter' })
      let workstreamId: string | null = null
      if (v.workstream) {
        const ws = workstreamOf(v.workstream)
        if (ws) workstreamId = ws.id
        else
          flag(
            'workstream',
            'unknown-workstream',
            v.workstream,
            'is not a workstream of this plan (key or title)'
          )
      }
      if (issues.length || !phase) {
        result.errors.push(...issues)
        return
      }
      const order = (linesInPhase.get(phase.id) ?? 0) + 1
      linesInPhase.set(phase.id, order)
      result.budgetLines.push({
        id: newId(),
        planId,
        order,
        phaseId: phase.id,
        workstreamId,
        quarter: v.quarter,
        category: v.category,
        title: v.title,
        amountCents: v.amountCents,
        currency: v.currency
      })
    } else {
      const v = row.values
      const roleKey = normalizeHeader(v.role)
      let role = roleByName.get(roleKey) ?? null
      if (!role && options.createMissingRoles && v.role) {
        const created: Role = {
          id: newId(),
          planId,
          name: v.role,
          order: roles.reduce((m, r) => Math.max(m, r.order), 0) + 1,
          capacityBp: {},
          costPerFteQuarterCents: null
        }
        role = created
        roles.push(created)
        roleByName.set(roleKey, created)
        result.newRoles.push(created)
      }
      let ws: WorkstreamRef | null
      if (v.workstream) {
        ws = workstreamOf(v.workstream)
        if (!ws)
          flag(
            'workstream',
            'unknown-workstream',
            v.workstream,
            'is not a workstream of this plan (key or title)'
          )
      } else {
        // No workstream column: the user's choice, else where the role works then, else the phase's first.
        let from: DerivedValue['from'] = 'chosen'
        ws = chosen
        if (!ws && role) {
          ws = workstreamById.get(roleWork.get(`${role.id}\u001f${v.quarter}`) ?? '') ?? null
          from = 'role'
        }
        if (!ws) {
          const phase = phaseByQuarter(v.quarter)
          ws = phase ? firstOfPhase(phase.id) : null
          from = 'phase'
        }
        if (ws) derive({ field: 'workstream', value: ws.key, from })
        else
          flag(
            'workstream',
            'no-workstream-for-quarter',
            v.quarter,
            `no workstream given and no phase of this plan with a workstream holds ${v.quarter}; choose the workstream`
          )
      }
      if (!role)
        flag('role', 'unknown-role', v.role, 'is not a role of this plan; allow creating roles to add it')
      if (issues.length || !role || !ws) {
        result.errors.push(...issues)
        return
      }
      result.allocations.push({
        id: newId(),
        planId,
        roleId: role.id,
        workstreamId: ws.id,
        quarter: v.quarter,
        shareBp: v.shareBp,
        note: v.note
      })
    }
    result.importedRows.push(row.row)
  })
  return result
}
