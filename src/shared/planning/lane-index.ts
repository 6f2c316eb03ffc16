// The capacity board's grouped modes (by workstream, by phase) from an index that follows the
// changes a commit makes: per lane the roles with work in it and their chips per quarter, and per
// lane the FTE per quarter (laneSums). A drop then re-derives the rows of the lanes it touched
// instead of passing over every allocation of the plan, and the property test holds the rows and
// sums of a followed index equal to buildRows and laneSums over the whole plan.
import { GROUP_HEIGHT, laneKey, rowHeight, type BoardRow, type Lane } from './capacity-board'
import { FOLLOW_STEP, findFollow, followKnownIndex, type IndexFollow } from './plan-index'
import { runToEnd, type Stepwise } from '../stepwise'
import { textMatcher } from './text-filter'
import type { Allocation, EntityChange, PlanData, QuarterKey } from './types'

export type LaneGrouping = 'workstream' | 'phase'

export type LaneIndex = {
  readonly version: number
  readonly incremental: boolean
  readonly groupBy: LaneGrouping
  /** What it was built for: other workstreams or plan quarters need a build. */
  readonly basis: { readonly workstreams: PlanData['workstreams']; readonly quarters: string }
  readonly phaseOfWs: Map<string, string>
  readonly quarters: Set<QuarterKey>
  /** laneId → roleId → plan quarter → chips there (allocations of the plan's quarters only). */
  readonly counts: Map<string, Map<string, Map<QuarterKey, number>>>
  /** laneKey → quarter → allocated basis points (every quarter, as laneSums adds them up). */
  readonly sums: Map<string, Map<QuarterKey, number>>
  /** Each lane's role rows, made when first asked and dropped when a change touches the lane. */
  readonly memberRows: Map<string, { roles: PlanData['roles']; filter: string; rows: BoardRow[] }>
}

/** What a lane index is made for: its grouping, and the workstreams and plan quarters it reads. */
export type LaneBasis = {
  readonly groupBy: LaneGrouping
  readonly workstreams: PlanData['workstreams']
  readonly quarters: readonly QuarterKey[]
}

export const laneBasisOf = (data: PlanData, groupBy: LaneGrouping): LaneBasis => ({
  groupBy,
  workstreams: data.workstreams,
  quarters: data.plan.quarters
})

/** The build a step at a time (FOLLOW_STEP allocations a step): a big plan's in the window's tasks. */
export function* buildLaneIndexStepwise(
  basis: LaneBasis,
  allocations: readonly Allocation[],
  step = FOLLOW_STEP
): Stepwise<LaneIndex> {
  const index: LaneIndex = {
    version: 0,
    incremental: false,
    groupBy: basis.groupBy,
    basis: { workstreams: basis.workstreams, quarters: basis.quarters.join(',') },
    phaseOfWs: new Map(basis.workstreams.map((w) => [w.id, w.phaseId])),
    quarters: new Set(basis.quarters),
    counts: new Map(),
    sums: new Map(),
    memberRows: new Map()
  }
  let n = 0
  for (const a of allocations) {
    if (++n % step === 0) yield
    account(index, a, 1)
  }
  return index
}

export function buildLaneIndex(data: PlanData, groupBy: LaneGrouping): LaneIndex {
  return runToEnd(buildLaneIndexStepwise(laneBasisOf(data, groupBy), data.allocations))
}

const laneOf = (index: LaneIndex, a: Allocation) =>
  index.groupBy === 'workstream' ? a.workstreamId : index.phaseOfWs.get(a.workstreamId)

function account(index: LaneIndex, a: Allocation, sign: 1 | -1): string | undefined {
  const id = laneOf(index, a)
  if (!id) return undefined
  const key = `${index.groupBy}:${id}`
  let sq = index.sums.get(key)
  if (!sq) index.sums.set(key, (sq = new Map()))
  sq.set(a.quarter, (sq.get(a.quarter) ?? 0) + sign * a.shareBp)
  if (!index.quarters.has(a.quarter)) return id
  let roles = index.counts.get(id)
  if (!roles) index.counts.set(id, (roles = new Map()))
  let counts = roles.get(a.roleId)
  if (!counts) roles.set(a.roleId, (counts = new Map()))
  const n = (counts.get(a.quarter) ?? 0) + sign
  if (n > 0) counts.set(a.quarter, n)
  else counts.delete(a.quarter)
  if (counts.size === 0) roles.delete(a.roleId)
  if (roles.size === 0) index.counts.delete(id)
  return id
}

/** Applies allocation changes (others are ignored) in order; `before` of each change is what it replaces. */
export function applyLaneChanges(index: LaneIndex, changes: readonly EntityChange[]): LaneIndex {
  return runToEnd(applyLaneChangesStepwise(index, changes, Infinity))
}

/** applyLaneChanges a step at a time (FOLLOW_STEP changes a step): an import's in the window's tasks. */
export function* applyLaneChangesStepwise(
  index: LaneIndex,
  changes: readonly EntityChange[],
  step = FOLLOW_STEP
): Stepwise<LaneIndex> {
  let n = 0
  for (const c of changes) {
    if (++n % step === 0) yield
    if (c.table !== 'allocations') continue
    const lanes = [c.before && account(index, c.before, -1), c.after && account(index, c.after, 1)]
    for (const id of lanes) if (id) index.memberRows.delete(id)
  }
  return { ...index, version: index.version + 1, incremental: true }
}

const laneIndexes = new WeakMap<readonly unknown[], LaneIndex>()

const fitsBasis = (basis: LaneBasis) => {
  const quarters = basis.quarters.join(',')
  return (i: LaneIndex) =>
    i.groupBy === basis.groupBy && i.basis.workstreams === basis.workstreams && i.basis.quarters === quarters
}

/** The lane index of the plan's allocations for a grouping, following local commits (see followIndex). */
export function laneIndexOf(data: PlanData, groupBy: LaneGrouping): LaneIndex {
  const known = followKnownIndex(
    data.allocations,
    laneIndexes,
    applyLaneChanges,
    fitsBasis(laneBasisOf(data, groupBy))
  )
  if (known) return known
  const built = buildLaneIndex(data, groupBy)
  laneIndexes.set(data.allocations, built)
  return built
}

/** The lane index of these allocations for `basis`, or what it follows from, without building or applying (see findFollow). */
export function findLaneIndex(
  allocations: readonly Allocation[],
  basis: LaneBasis
): IndexFollow<LaneIndex> | undefined {
  return findFollow(allocations, laneIndexes, applyLaneChangesStepwise, fitsBasis(basis))
}

/** Keeps an index built stepwise for these allocations: laneIndexOf and findLaneIndex return it from now on. */
export function adoptLaneIndex(allocations: readonly Allocation[], index: LaneIndex): void {
  laneIndexes.set(allocations, index)
}

/**
 * The grouped rows for a filter, as buildRows makes them: a group row per workstream (or phase, by
 * order) and under it the roles with chips in it, in the plan's role order. Only lanes whose chips
 * changed since the last call get their role rows made again.
 */
export function laneRows(data: PlanData, index: LaneIndex, filter: string): BoardRow[] {
  const match = textMatcher(filter)
  const rows: BoardRow[] = []
  const groups =
    index.groupBy === 'workstream'
      ? data.workstreams.map((w) => ({ id: w.id, label: w.title }))
      : [...data.phases].sort((a, b) => a.order - b.order).map((p) => ({ id: p.id, label: p.name }))
  let position: Map<string, number> | undefined
  for (const g of groups) {
    const lane: Lane =
      index.groupBy === 'workstream' ? { kind: 'workstream', id: g.id } : { kind: 'phase', id: g.id }
    const groupMatches = match !== undefined && match(g.label)
    // The group title can match where role names do not: the cache is per filter and title match.
    const cacheFilter = groupMatches ? '' : filter
    let cached = index.memberRows.get(g.id)
    if (!cached || cached.roles !== data.roles || cached.filter !== cacheFilter) {
      position ??= new Map(data.roles.map((r, i) => [r.id, i]))
      const roles = index.counts.get(g.id)
      const members: BoardRow[] = []
      const ids = roles ? [...roles.keys()].filter((id) => position!.has(id)) : []
      ids.sort((a, b) => position!.get(a)! - position!.get(b)!)
      for (const roleId of ids) {
        const role = data.roles[position.get(roleId)!]!
        if (match && !groupMatches && !match(role.name)) continue
        const max = Math.max(0, ...roles!.get(roleId)!.values())
        members.push({
          kind: 'role',
          key: `${laneKey(lane)}|${roleId}`,
          roleId,
          lane,
          height: rowHeight(max)
        })
      }
      cached = { roles: data.roles, filter: cacheFilter, rows: members }
      index.memberRows.set(g.id, cached)
    }
    const members = cached.rows
    if (match && members.length === 0 && !groupMatches) continue
    rows.push({
      kind: 'group',
      key: `g|${laneKey(lane)}`,
      lane,
      label: g.label,
      roleCount: members.length,
      height: GROUP_HEIGHT
    })
    for (const r of members) rows.push(r)
  }
  return rows
}
