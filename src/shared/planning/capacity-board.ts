// What the capacity board shows, derived from PlanData once per change: chips per role and
// quarter, the rows for the chosen grouping and filter, their heights, and drop previews.
// Pure functions (no React), so the board renders only look-ups and tests can check them.
import { applyChanges } from './changes'
import { moveAllocation, type AllocationTarget } from './moves'
import { dependencyViolations, type DependencyViolation } from './schedule'
import { allocatedAfter, type AllocationIndex } from './plan-index'
import { textMatcher } from './text-filter'
import { runToEnd, type Stepwise } from '../stepwise'
import type { Allocation, EntityChange, PlanData, QuarterKey, Role, ShareBp } from './types'
import { capacityOf, utilizationLevel, utilizationRatio, type UtilizationLevel } from './utilization'

export type GroupBy = 'none' | 'workstream' | 'phase'

/** Which chips a row shows: all of the role's, one workstream's, or one phase's. */
export type Lane = { kind: 'all' } | { kind: 'workstream'; id: string } | { kind: 'phase'; id: string }

export type BoardRow =
  | { kind: 'group'; key: string; lane: Lane; label: string; roleCount: number; height: number }
  | { kind: 'role'; key: string; roleId: string; lane: Lane; height: number }

/** Chips of one role, by quarter, sorted by workstream order. */
export type ChipIndex = Map<string, Map<QuarterKey, Allocation[]>>

export const ROW_CHROME = 30 // utilization line + padding
export const CHIP_HEIGHT = 50
export const GROUP_HEIGHT = 34

/** Roles between yields of roleRowsStepwise (each a look at its quarters' chip counts). */
const ROWS_STEP = 500

/**
 * The rows of the ungrouped board (one per role that matches `filter`, as tall as its fullest
 * quarter), a step at a time: a big plan's rows are made a slice per task beside its index.
 */
export function* roleRowsStepwise(data: PlanData, index: ChipIndex, filter = ''): Stepwise<BoardRow[]> {
  const match = textMatcher(filter)
  const quarters = new Set(data.plan.quarters)
  const rows: BoardRow[] = []
  let n = 0
  for (const role of data.roles) {
    if (++n % ROWS_STEP === 0) yield
    if (match && !match(role.name)) continue
    let max = 0
    for (const [q, list] of index.get(role.id) ?? [])
      if (quarters.has(q) && list.length > max) max = list.length
    rows.push({ kind: 'role', key: role.id, roleId: role.id, lane: { kind: 'all' }, height: rowHeight(max) })
  }
  return rows
}

/** One pass, no sorting: a cell's chips are ordered when it is drawn (see chipsIn), only for cells on screen. */
export function buildChipIndex(data: PlanData): ChipIndex {
  const index: ChipIndex = new Map()
  for (const a of data.allocations) {
    let byQ = index.get(a.roleId)
    if (!byQ) index.set(a.roleId, (byQ = new Map()))
    const list = byQ.get(a.quarter)
    if (list) list.push(a)
    else byQ.set(a.quarter, [a])
  }
  return index
}

/** Allocations per workstream, for the dependency checks of a drop preview. */
export type WorkstreamIndex = ReadonlyMap<string, Iterable<Allocation>>

export function buildWorkstreamIndex(data: PlanData): WorkstreamIndex {
  const out = new Map<string, Allocation[]>()
  for (const a of data.allocations) {
    const list = out.get(a.workstreamId)
    if (list) list.push(a)
    else out.set(a.workstreamId, [a])
  }
  return out
}

/** Load of one cell from the index: what the board shows without a plan-wide utilization pass. */
export function cellLoad(
  index: ChipIndex,
  role: Role,
  quarter: QuarterKey,
  softCapBp: ShareBp
): { allocatedBp: ShareBp; capacityBp: ShareBp; ratio: number; level: UtilizationLevel } {
  let allocatedBp = 0
  for (const a of index.get(role.id)?.get(quarter) ?? EMPTY) allocatedBp += a.shareBp
  const capacityBp = capacityOf(role, quarter)
  const ratio = utilizationRatio(allocatedBp, capacityBp)
  return { allocatedBp, capacityBp, ratio, level: utilizationLevel(allocatedBp, capacityBp, softCapBp) }
}

export function laneKey(lane: Lane): string {
  return lane.kind === 'all' ? 'all' : `${lane.kind}:${lane.id}`
}

/** The chips a row shows in one quarter. */
/** The chips a row shows in one quarter, in workstream order. */
export function chipsIn(
  index: ChipIndex,
  roleId: string,
  quarter: QuarterKey,
  lane: Lane,
  phaseOfWs: Map<string, string>,
  wsOrder: Map<string, number>
): Allocation[] {
  const list = index.get(roleId)?.get(quarter)
  if (!list) return EMPTY
  const order = (a: Allocation) => wsOrder.get(a.workstreamId) ?? Number.MAX_SAFE_INTEGER
  if (list.length > 1 && !sorted.has(list)) {
    list.sort((a, b) => order(a) - order(b))
    sorted.add(list)
  }
  if (lane.kind === 'all') return list
  if (lane.kind === 'workstream') return list.filter((a) => a.workstreamId === lane.id)
  return list.filter((a) => phaseOfWs.get(a.workstreamId) === lane.id)
}
const EMPTY: Allocation[] = []
// Lists of an index are sorted once, the first time they are drawn (the index is rebuilt per data change).
const sorted = new WeakSet<Allocation[]>()

export function rowHeight(maxChips: number): number {
  return ROW_CHROME + Math.max(1, maxChips) * CHIP_HEIGHT
}

/** Row index of each role in a flat row list, found once per list. */
const flatPositions = new WeakMap<BoardRow[], Map<string, number>>()

/**
 * The flat mode's rows after the chips of `roleIds` changed: only their heights are computed
 * again (the tallest cell in the plan's quarters); the same array when none changed, so a drop
 * on a 10,000-role plan does not walk every role.
 */
export function updateFlatRows(
  rows: BoardRow[],
  index: ChipIndex,
  quarters: readonly QuarterKey[],
  roleIds: Iterable<string>
): BoardRow[] {
  let pos = flatPositions.get(rows)
  if (!pos) {
    pos = new Map()
    rows.forEach((r, i) => pos!.set(r.key, i))
    flatPositions.set(rows, pos)
  }
  let out = rows
  for (const roleId of roleIds) {
    const i = pos.get(roleId)
    const row = i === undefined ? undefined : rows[i]
    if (!row || row.kind !== 'role') continue
    const byQ = index.get(roleId)
    let max = 0
    for (const q of quarters) max = Math.max(max, byQ?.get(q)?.length ?? 0)
    const height = rowHeight(max)
    if (height === row.height) continue
    if (out === rows) out = rows.slice()
    out[i!] = { ...row, height }
  }
  if (out !== rows) flatPositions.set(out, pos)
  return out
}

/**
 * Rows for a grouping and a text filter (matched against role names and, in grouped modes,
 * group titles). Role rows without chips in a group are left out of that group; in the flat
 * mode every role is a row.
 */
export function buildRows(data: PlanData, index: ChipIndex, groupBy: GroupBy, filter: string): BoardRow[] {
  if (groupBy === 'none') return runToEnd(roleRowsStepwise(data, index, filter))
  const match = textMatcher(filter)
  const quarters = new Set(data.plan.quarters)
  const phaseOfWs = new Map(data.workstreams.map((w) => [w.id, w.phaseId]))
  const rows: BoardRow[] = []
  // Lane id of every chip, then per lane the roles it holds and their tallest cell.
  const laneOf = (a: Allocation) =>
    groupBy === 'workstream' ? a.workstreamId : phaseOfWs.get(a.workstreamId)
  const perLane = new Map<string, Map<string, Map<QuarterKey, number>>>()
  for (const a of data.allocations) {
    if (!quarters.has(a.quarter)) continue
    const id = laneOf(a)
    if (id === undefined) continue
    let roles = perLane.get(id)
    if (!roles) perLane.set(id, (roles = new Map()))
    let counts = roles.get(a.roleId)
    if (!counts) roles.set(a.roleId, (counts = new Map()))
    counts.set(a.quarter, (counts.get(a.quarter) ?? 0) + 1)
  }
  const groups =
    groupBy === 'workstream'
      ? data.workstreams.map((w) => ({ id: w.id, label: w.title }))
      : [...data.phases].sort((a, b) => a.order - b.order).map((p) => ({ id: p.id, label: p.name }))
  for (const g of groups) {
    const lane: Lane =
      groupBy === 'workstream' ? { kind: 'workstream', id: g.id } : { kind: 'phase', id: g.id }
    const roles = perLane.get(g.id)
    const groupMatches = match !== undefined && match(g.label)
    const members: BoardRow[] = []
    for (const role of data.roles) {
      const counts = roles?.get(role.id)
      if (!counts) continue
      if (match && !groupMatches && !match(role.name)) continue
      const max = Math.max(0, ...counts.values())
      members.push({
        kind: 'role',
        key: `${laneKey(lane)}|${role.id}`,
        roleId: role.id,
        lane,
        height: rowHeight(max)
      })
    }
    if (match && members.length === 0 && !groupMatches) continue
    rows.push({
      kind: 'group',
      key: `g|${laneKey(lane)}`,
      lane,
      label: g.label,
      roleCount: members.length,
      height: GROUP_HEIGHT
    })
    rows.push(...members)
  }
  return rows
}

// ---------------------------------------------------------------------------------------
// Drop targets and previews

/** What a droppable cell stands for: dropping sets these fields on the chip (absent = keep). */
export type CellTarget = { quarter: QuarterKey; roleId?: string; workstreamId?: string }

/** The move a drop means: only the fields that differ, so a drop in a phase lane keeps the workstream. */
export function targetFor(alloc: Allocation, cell: CellTarget): AllocationTarget {
  return {
    quarter: cell.quarter,
    roleId: cell.roleId ?? alloc.roleId,
    workstreamId: cell.workstreamId ?? alloc.workstreamId
  }
}

export function isNoop(alloc: Allocation, t: AllocationTarget): boolean {
  return t.quarter === alloc.quarter && t.roleId === alloc.roleId && t.workstreamId === alloc.workstreamId
}

/** Two targets of the same cell. */
export function sameTarget(a: AllocationTarget, b: AllocationTarget): boolean {
  return a.quarter === b.quarter && a.roleId === b.roleId && a.workstreamId === b.workstreamId
}

export type DropPreview = {
  roleId: string
  quarter: QuarterKey
  beforeBp: ShareBp
  afterBp: ShareBp
  capacityBp: ShareBp
  level: UtilizationLevel
  /** Dependency checks the move would newly break. */
  violations: DependencyViolation[]
  /** The chip would merge into an existing one of the same role, workstream and quarter. */
  merges: boolean
}

function violationKey(v: DependencyViolation): string {
  return v.kind === 'schedule'
    ? `s|${v.workstreamId}|${v.dependsOnId}|${v.reason}`
    : `a|${v.workstreamId}|${v.dependsOnId}|${v.quarter}`
}

/**
 * The part of the plan whose dependency checks a move between workstreams `wsIds` can change:
 * those workstreams, what they depend on and what depends on them. Violations between other
 * workstreams are the same before and after the move, so comparing the slice before and after
 * finds exactly the violations the move adds, at a fraction of the cost on a large plan.
 */
export function dependencySlice(data: PlanData, wsIndex: WorkstreamIndex, wsIds: string[]): PlanData {
  const keep = new Set<string>(wsIds)
  for (const w of data.workstreams) {
    if (wsIds.includes(w.id)) for (const d of w.dependsOn) keep.add(d)
    if (w.dependsOn.some((d) => wsIds.includes(d))) keep.add(w.id)
  }
  const allocations: Allocation[] = []
  for (const id of keep) {
    const list = wsIndex.get(id)
    if (list) for (const a of list) allocations.push(a)
  }
  return { ...data, allocations }
}

/**
 * What a drop would do to the target cell: its utilization after the move and the
 * dependency violations it would add. `amountBp` defaults to the whole chip.
 */
export function previewDrop(
  data: PlanData,
  index: ChipIndex,
  wsIndex: WorkstreamIndex,
  alloc: Allocation,
  target: AllocationTarget,
  amountBp: ShareBp = alloc.shareBp
): DropPreview | null {
  if (isNoop(alloc, target)) return null
  const roleId = target.roleId ?? alloc.roleId
  const quarter = target.quarter ?? alloc.quarter
  const role = data.roles.find((r) => r.id === roleId)
  if (!role) return null
  const { allocatedBp: beforeBp, capacityBp } = cellLoad(index, role, quarter, data.plan.softCapBp)
  const sameCell = roleId === alloc.roleId && quarter === alloc.quarter
  const afterBp = sameCell ? beforeBp : beforeBp + amountBp
  const slice = dependencySlice(data, wsIndex, [
    alloc.workstreamId,
    target.workstreamId ?? alloc.workstreamId
  ])
  let violations: DependencyViolation[] = []
  let merges: boolean
  try {
    const changes = moveAllocation(slice, alloc.id, target, amountBp, { newId: () => '\u0000preview' })
    merges = changes.some((c) => c.id !== alloc.id && c.before !== null)
    if (changes.length > 0) {
      const before = new Set(dependencyViolations(slice).map(violationKey))
      violations = dependencyViolations(applyChanges(slice, changes)).filter(
        (v) => !before.has(violationKey(v))
      )
    }
  } catch {
    // An impossible move (e.g. a merge above 10 FTE) shows no preview; the drop reports why.
    return null
  }
  return {
    roleId,
    quarter,
    beforeBp,
    afterBp,
    capacityBp,
    level: utilizationLevel(afterBp, capacityBp, data.plan.softCapBp),
    violations,
    merges
  }
}

/**
 * The changes of moving `amountBp` of an allocation to `target`. The move reads the chip and the
 * ones it may merge into (the target cell's: same role, workstream and quarter); both are in the
 * index, so it gets those instead of every allocation of the plan.
 */
export function moveChipChanges(
  data: PlanData,
  index: AllocationIndex,
  alloc: Allocation,
  target: AllocationTarget,
  amountBp: ShareBp
): EntityChange[] {
  const r = target.roleId ?? alloc.roleId
  const q = target.quarter ?? alloc.quarter
  const source = index.byId.get(alloc.id)
  const near = (index.cells.get(r)?.get(q) ?? []).filter((a) => a.id !== alloc.id)
  return moveAllocation({ ...data, allocations: source ? [source, ...near] : [] }, alloc.id, target, amountBp)
}

/** The utilization of the move's target cell once `changes` are stored; null for an unknown role. */
export function targetRatioAfter(
  index: AllocationIndex,
  changes: readonly EntityChange[],
  role: Role | undefined,
  quarter: QuarterKey
): number | null {
  return role
    ? utilizationRatio(allocatedAfter(index, changes, role.id, quarter), capacityOf(role, quarter))
    : null
}
