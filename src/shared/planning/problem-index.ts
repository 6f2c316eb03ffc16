// The plan's problems (problems.ts) kept per chip and followed by the changes a commit makes, so
// a drop on a plan of 200,000 allocations re-checks the chips it moved (and, when it moves where a
// workstream's work ends, the chips of the workstreams that depend on it) instead of the plan.
// The full build is stepwise (a slice per task in the window); the property test holds an index
// followed through random change sequences equal to a fresh build.
import { allocationOutsideWorkstream, lineProblems } from './problems'
import type { PlanProblem, ProblemKind, WorkstreamSpan } from './problems'
import { workstreamQuarters, workstreamLastDay } from './schedule'
import { quarterOfDate } from './quarters'
import type { Stepwise } from '../stepwise'
import type { Allocation, BudgetLine, EntityChange, PlanData, QuarterKey } from './types'

type Entity = PlanProblem['entity']

/** Problems of one chip, in the order planProblems lists them; the list is replaced when they change. */
export type ChipProblems = readonly PlanProblem[]

export type ProblemIndex = {
  /** One more with every apply: what a view keys on. */
  readonly version: number
  /**
   * The one entity whose chips it checks (a board lists its own: the budget board's problems need
   * none of the plan's allocations), or undefined for both; changes to the other table are ignored.
   */
  readonly only: Entity | undefined
  /** What the index was built for: other phases or workstreams need a new build. */
  readonly basis: { readonly phases: PlanData['phases']; readonly workstreams: PlanData['workstreams'] }
  readonly byId: Map<string, ChipProblems>
  /**
   * Chip ids per entity, quarter and the rank of their first problem: the board's problem list
   * reads them in this order. Within a bucket, in the order the chips got their problems.
   */
  readonly buckets: Record<Entity, Map<QuarterKey, [Set<string>, Set<string>, Set<string>]>>
  /** Chips with problems per entity. */
  readonly counts: Record<Entity, number>
  // What the checks read, kept up to date by apply.
  readonly phaseById: Map<string, PlanData['phases'][number]>
  readonly wsSpan: Map<string, WorkstreamSpan>
  /** Dependent workstream → the dependencies it names that exist (as dependencyViolations reads them). */
  readonly depsOf: Map<string, string[]>
  /** Workstream → the dependent workstreams that name it. */
  readonly dependentsOf: Map<string, string[]>
  /** Workstream → its scheduled last quarter. */
  readonly scheduledEnd: Map<string, QuarterKey>
  /** Workstream → quarter → how many allocations with a share hold work there. */
  readonly work: Map<string, Map<QuarterKey, number>>
  /** Workstream → last quarter with work (as workEndQuarters computes it). */
  readonly workEnd: Map<string, QuarterKey>
  readonly allocations: Map<string, Allocation>
  readonly lines: Map<string, BudgetLine>
  readonly allocationsByWs: Map<string, Set<Allocation>>
}

export const PROBLEM_RANK: Record<ProblemKind, 0 | 1 | 2> = {
  'line-outside-phase': 0,
  'outside-workstream': 1,
  'before-dependency': 2
}

/**
 * Items between yields of the stepwise build: the window checks its time slice at each yield, and
 * 1,000 items (with a garbage collection among them) could make a slice a task over 50 ms.
 */
const STEP = 200

/** Builds the index over the whole plan (or one entity's chips: `only`), yielding every STEP rows. */
export function* buildProblemIndexStepwise(data: PlanData, only?: Entity): Stepwise<ProblemIndex> {
  const wsSpan = new Map<string, WorkstreamSpan>()
  const scheduledEnd = new Map<string, QuarterKey>()
  const exists = new Set(data.workstreams.map((w) => w.id))
  const depsOf = new Map<string, string[]>()
  const dependentsOf = new Map<string, string[]>()
  for (const ws of data.workstreams) {
    const qs = workstreamQuarters(ws)
    wsSpan.set(ws.id, { first: qs[0], last: qs[qs.length - 1] })
    scheduledEnd.set(ws.id, quarterOfDate(workstreamLastDay(ws)))
    if (ws.dependsOn.length === 0) continue
    const deps = ws.dependsOn.filter((d) => exists.has(d))
    depsOf.set(ws.id, deps)
    for (const d of new Set(deps)) {
      const list = dependentsOf.get(d)
      if (list) list.push(ws.id)
      else dependentsOf.set(d, [ws.id])
    }
  }
  const index: ProblemIndex = {
    version: 0,
    only,
    basis: { phases: data.phases, workstreams: data.workstreams },
    byId: new Map(),
    buckets: { allocation: new Map(), budgetLine: new Map() },
    counts: { allocation: 0, budgetLine: 0 },
    phaseById: new Map(data.phases.map((p) => [p.id, p])),
    wsSpan,
    depsOf,
    dependentsOf,
    scheduledEnd,
    work: new Map(),
    workEnd: new Map(scheduledEnd),
    allocations: new Map(),
    lines: new Map(),
    allocationsByWs: new Map()
  }
  // A line's problems read no allocation: an index of lines alone skips them.
  const allocations = only === 'budgetLine' ? [] : data.allocations
  const lines = only === 'allocation' ? [] : data.budgetLines
  let n = 0
  for (const a of allocations) {
    addAllocation(index, a)
    if (++n % STEP === 0) yield
  }
  for (const [ws, quarters] of index.work) index.workEnd.set(ws, endOf(index, ws, quarters))
  for (const line of lines) {
    index.lines.set(line.id, line)
    setProblems(index, line.id, 'budgetLine', lineProblemsOf(index, line))
    if (++n % STEP === 0) yield
  }
  for (const a of allocations) {
    setProblems(index, a.id, 'allocation', allocationProblems(index, a))
    if (++n % STEP === 0) yield
  }
  return index
}

/** The full build at once (tests, small plans). */
export function buildProblemIndex(data: PlanData, only?: Entity): ProblemIndex {
  const steps = buildProblemIndexStepwise(data, only)
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** Whether an index can follow changes to `data` (same phases and workstreams) or needs a build. */
export function problemIndexFits(index: ProblemIndex, data: PlanData): boolean {
  return index.basis.phases === data.phases && index.basis.workstreams === data.workstreams
}

/**
 * Applies allocation and budget-line changes in order (a change to phases or workstreams needs a
 * build: see problemIndexFits). The index is changed in place and returned as a new object.
 */
export function applyProblemChanges(index: ProblemIndex, changes: readonly EntityChange[]): ProblemIndex {
  const recheck = new Set<Allocation>()
  const ends = new Set<string>()
  for (const c of changes) {
    if (c.table === 'budgetLines') {
      if (index.only === 'allocation') continue
      if (c.after) index.lines.set(c.id, c.after)
      else index.lines.delete(c.id)
      setProblems(index, c.id, 'budgetLine', c.after ? lineProblemsOf(index, c.after) : [])
      continue
    }
    if (c.table !== 'allocations' || index.only === 'budgetLine') continue
    const old = index.allocations.get(c.id)
    if (old) {
      removeAllocation(index, old)
      recheck.delete(old)
      ends.add(old.workstreamId)
      // A chip that stays is checked below: its list (and place in the list) stays if unchanged.
      if (!c.after) setProblems(index, old.id, 'allocation', [])
    }
    if (c.after) {
      addAllocation(index, c.after)
      recheck.add(c.after)
      ends.add(c.after.workstreamId)
    }
  }
  // Where a workstream's work now ends moved: the work of its dependents is checked again.
  for (const ws of ends) {
    const quarters = index.work.get(ws)
    const before = index.workEnd.get(ws)
    if (before === undefined) continue
    const after = endOf(index, ws, quarters)
    if (after === before) continue
    index.workEnd.set(ws, after)
    for (const dependent of index.dependentsOf.get(ws) ?? [])
      for (const a of index.allocationsByWs.get(dependent) ?? []) recheck.add(a)
  }
  for (const a of recheck) setProblems(index, a.id, 'allocation', allocationProblems(index, a))
  return { ...index, version: index.version + 1 }
}

/** The chip ids of the first `limit` chips with problems, in board order (quarter, then kind). */
export function firstProblemChips(index: ProblemIndex, entity: Entity, limit: number): string[] {
  const out: string[] = []
  const buckets = index.buckets[entity]
  for (const q of [...buckets.keys()].sort()) {
    for (const set of buckets.get(q)!) {
      for (const id of set) {
        if (out.length === limit) return out
        out.push(id)
      }
    }
  }
  return out
}

// ------------------------------------------------------------------------------------------

function endOf(index: ProblemIndex, ws: string, quarters: Map<QuarterKey, number> | undefined): QuarterKey {
  let end = index.scheduledEnd.get(ws)!
  if (quarters) for (const q of quarters.keys()) if (q > end) end = q
  return end
}

function addAllocation(index: ProblemIndex, a: Allocation) {
  index.allocations.set(a.id, a)
  let set = index.allocationsByWs.get(a.workstreamId)
  if (!set) index.allocationsByWs.set(a.workstreamId, (set = new Set()))
  set.add(a)
  // Work of unknown workstreams never counts (workEndQuarters starts from the plan's workstreams).
  if (a.shareBp <= 0 || !index.scheduledEnd.has(a.workstreamId)) return
  let quarters = index.work.get(a.workstreamId)
  if (!quarters) index.work.set(a.workstreamId, (quarters = new Map()))
  quarters.set(a.quarter, (quarters.get(a.quarter) ?? 0) + 1)
}

function removeAllocation(index: ProblemIndex, a: Allocation) {
  index.allocations.delete(a.id)
  const set = index.allocationsByWs.get(a.workstreamId)
  set?.delete(a)
  if (set?.size === 0) index.allocationsByWs.delete(a.workstreamId)
  if (a.shareBp <= 0 || !index.scheduledEnd.has(a.workstreamId)) return
  const quarters = index.work.get(a.workstreamId)
  const n = (quarters?.get(a.quarter) ?? 0) - 1
  if (n > 0) quarters!.set(a.quarter, n)
  else quarters?.delete(a.quarter)
  if (quarters?.size === 0) index.work.delete(a.workstreamId)
}

function lineProblemsOf(index: ProblemIndex, line: BudgetLine): PlanProblem[] {
  return lineProblems(line, index.phaseById, index.wsSpan)
}

function allocationProblems(index: ProblemIndex, a: Allocation): PlanProblem[] {
  const out: PlanProblem[] = []
  if (a.shareBp <= 0) return out
  const outside = allocationOutsideWorkstream(a, index.wsSpan)
  if (outside) out.push(outside)
  for (const depId of index.depsOf.get(a.workstreamId) ?? []) {
    const end = index.workEnd.get(depId)!
    if (a.quarter < end) {
      out.push({
        kind: 'before-dependency',
        entity: 'allocation',
        id: a.id,
        workstreamId: a.workstreamId,
        dependsOnId: depId,
        quarter: a.quarter,
        dependencyEndQuarter: end
      })
    }
  }
  return out
}

const sameProblems = (a: ChipProblems, b: ChipProblems) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i] as Record<string, unknown>
    return Object.entries(p).every(([k, v]) => q[k] === v)
  })

/** Sets a chip's problems, keeping its list (and bucket place) when they did not change. */
function setProblems(index: ProblemIndex, id: string, entity: Entity, next: PlanProblem[]) {
  const old = index.byId.get(id)
  if (old && sameProblems(old, next)) return
  if (old) {
    index.buckets[entity].get(old[0]!.quarter)?.[PROBLEM_RANK[old[0]!.kind]].delete(id)
    index.byId.delete(id)
    index.counts[entity]--
  }
  if (next.length === 0) return
  index.byId.set(id, next)
  index.counts[entity]++
  const first = next[0]!
  let bucket = index.buckets[entity].get(first.quarter)
  if (!bucket) index.buckets[entity].set(first.quarter, (bucket = [new Set(), new Set(), new Set()]))
  bucket[PROBLEM_RANK[first.kind]].add(id)
}
