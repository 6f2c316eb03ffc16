// Look-ups of a plan's allocations that follow the changes a commit makes, so the work a drop
// costs grows with the drop, not with the plan: allocations by id and by role and quarter, the
// allocated share per role and quarter, and the utilization table with its per-quarter counts.
// Each has a full build and an apply of a change list; the property tests hold them equal.
import type { QuarterStat } from './board'
import { runToEnd, type Stepwise } from '../stepwise'
import type { Allocation, EntityChange, PlanData, QuarterKey, Role, ShareBp } from './types'
import {
  capacityOf,
  utilizationLevel,
  utilizationRatio,
  type UtilizationCell,
  type UtilizationTable
} from './utilization'

/**
 * An index of allocations. An apply returns a new AllocationIndex that shares (and updates) the
 * maps of the one it was applied to: the older object is spent. A cell whose chips changed gets a
 * new list; the other cells keep theirs, so views memoized on a list redraw only what moved.
 */
export type AllocationIndex = {
  /** 0 for a full build; one more with every apply. */
  readonly version: number
  /** (roleId, quarter) cells whose chips the last apply changed; none after a full build (see incremental). */
  readonly touched: readonly (readonly [roleId: string, quarter: QuarterKey])[]
  /** Whether `touched` lists what changed (false after a full build: everything may have). */
  readonly incremental: boolean
  readonly byId: Map<string, Allocation>
  /** roleId → quarter → the cell's allocations (unordered). */
  readonly cells: Map<string, Map<QuarterKey, Allocation[]>>
  /** roleId → quarter → allocated basis points (allocations of unknown roles included). */
  readonly sums: Map<string, Map<QuarterKey, ShareBp>>
  /** workstreamId → its allocations (for the dependency checks of a drop preview). */
  readonly byWorkstream: Map<string, Set<Allocation>>
}

export function buildAllocationIndex(allocations: readonly Allocation[]): AllocationIndex {
  return runToEnd(buildAllocationIndexStepwise(allocations))
}

/**
 * Allocations between yields of the stepwise build: the window checks its time slice at each
 * yield, and 1,000 allocations were a slice of over 50 ms on a busy 2-core machine (10x plan).
 */
const INDEX_STEP = 200

/** buildAllocationIndex a step at a time: a big plan's index is built a slice per task in the window. */
export function* buildAllocationIndexStepwise(allocations: readonly Allocation[]): Stepwise<AllocationIndex> {
  const byId = new Map<string, Allocation>()
  const cells = new Map<string, Map<QuarterKey, Allocation[]>>()
  const sums = new Map<string, Map<QuarterKey, ShareBp>>()
  const byWorkstream = new Map<string, Set<Allocation>>()
  let n = 0
  for (const a of allocations) {
    byId.set(a.id, a)
    let ws = byWorkstream.get(a.workstreamId)
    if (!ws) byWorkstream.set(a.workstreamId, (ws = new Set()))
    ws.add(a)
    let byQ = cells.get(a.roleId)
    let sq = sums.get(a.roleId)
    if (!byQ) cells.set(a.roleId, (byQ = new Map()))
    if (!sq) sums.set(a.roleId, (sq = new Map()))
    const list = byQ.get(a.quarter)
    if (list) list.push(a)
    else byQ.set(a.quarter, [a])
    sq.set(a.quarter, (sq.get(a.quarter) ?? 0) + a.shareBp)
    if (++n % INDEX_STEP === 0) yield
  }
  return { version: 0, touched: [], incremental: false, byId, cells, sums, byWorkstream }
}

/** Applies allocation changes (others are ignored) in order; see AllocationIndex for what is shared. */
export function applyAllocationChanges(
  index: AllocationIndex,
  changes: readonly EntityChange[]
): AllocationIndex {
  return runToEnd(applyAllocationChangesStepwise(index, changes))
}

/**
 * Changes applied between yields of a stepwise follow: a change costs about what the build spends
 * on a row (INDEX_STEP), a removal and an addition at most.
 */
export const FOLLOW_STEP = 100

/** applyAllocationChanges a step at a time: the undo of a 100,000-row import is followed a slice per task. */
export function* applyAllocationChangesStepwise(
  index: AllocationIndex,
  changes: readonly EntityChange[],
  step = FOLLOW_STEP
): Stepwise<AllocationIndex> {
  const { byId, cells, sums, byWorkstream } = index
  const touched = new Map<string, readonly [string, QuarterKey]>()
  // Lists already copied by this apply: they are changed in place from then on.
  const fresh = new Set<Allocation[]>()
  const cellList = (roleId: string, quarter: QuarterKey): Allocation[] => {
    const key = `${roleId}\u0000${quarter}`
    if (!touched.has(key)) touched.set(key, [roleId, quarter])
    let byQ = cells.get(roleId)
    if (!byQ) cells.set(roleId, (byQ = new Map()))
    let list = byQ.get(quarter)
    if (!list || !fresh.has(list)) {
      list = list ? list.slice() : []
      byQ.set(quarter, list)
      fresh.add(list)
    }
    return list
  }
  const addSum = (a: Allocation, sign: 1 | -1) => {
    let sq = sums.get(a.roleId)
    if (!sq) sums.set(a.roleId, (sq = new Map()))
    sq.set(a.quarter, (sq.get(a.quarter) ?? 0) + sign * a.shareBp)
  }
  const drop = (roleId: string, quarter: QuarterKey) => {
    // An emptied cell leaves both maps, as a full build would never have made it.
    const byQ = cells.get(roleId)
    if (byQ?.get(quarter)?.length !== 0) return
    byQ.delete(quarter)
    if (byQ.size === 0) cells.delete(roleId)
    const sq = sums.get(roleId)
    sq?.delete(quarter)
    if (sq?.size === 0) sums.delete(roleId)
  }
  let n = 0
  for (const c of changes) {
    if (++n % step === 0) yield
    if (c.table !== 'allocations') continue
    const old = byId.get(c.id)
    if (old) {
      const list = cellList(old.roleId, old.quarter)
      const at = list.findIndex((a) => a.id === c.id)
      if (at >= 0) list.splice(at, 1)
      addSum(old, -1)
      byId.delete(c.id)
      const ws = byWorkstream.get(old.workstreamId)
      ws?.delete(old)
      if (ws?.size === 0) byWorkstream.delete(old.workstreamId)
      drop(old.roleId, old.quarter)
    }
    const next = c.after
    if (next) {
      byId.set(next.id, next)
      let ws = byWorkstream.get(next.workstreamId)
      if (!ws) byWorkstream.set(next.workstreamId, (ws = new Set()))
      ws.add(next)
      cellList(next.roleId, next.quarter).push(next)
      addSum(next, 1)
    }
  }
  return {
    ...index,
    version: index.version + 1,
    touched: [...touched.values()],
    incremental: true
  }
}

// ------------------------------------------------------------------------------------------
// Index per rows array: built once, then carried along the arrays a local commit derives.

/**
 * One local commit in the chain of arrays it derives: the array it made (held weakly), the link of
 * the array it was made from, and its changes. Links hold change lists, never arrays: a replaced
 * array (200,000 allocations on a big plan, copied by every drop) is collected as soon as no view
 * shows it any more, while an index or a follower that holds an older array can still learn what
 * changed since.
 */
type Link = {
  readonly rows: WeakRef<readonly unknown[]>
  /** The link of the array this one was derived from; null at the start of a chain or once cut. */
  prev: Link | null
  readonly changes: readonly EntityChange[]
}
const links = new WeakMap<readonly unknown[], Link>()

function linkOf(rows: readonly unknown[]): Link {
  let link = links.get(rows)
  if (!link) links.set(rows, (link = { rows: new WeakRef(rows), prev: null, changes: [] }))
  return link
}

const allocationIndexes = new WeakMap<readonly unknown[], AllocationIndex>()

/**
 * Records that `to` is `from` with `changes` applied (what the in-memory plan does on a local
 * commit), so an index of `from` can follow the changes instead of being built again.
 */
export function noteDerivation(
  from: readonly unknown[],
  to: readonly unknown[],
  changes: readonly EntityChange[]
): void {
  if (from === to) return
  const link: Link = { rows: new WeakRef(to), prev: linkOf(from), changes }
  links.set(to, link)
  // Each link holds the one before it: uncut, the newest array would keep every change list
  // since the plan opened alive (an import's 100,000 among them). Links past the limit are never
  // followed, so the oldest is cut.
  let at = link
  for (let depth = 0; depth < DERIVATION_LIMIT; depth++) {
    if (!at.prev) return
    at = at.prev
  }
  at.prev = null
}

/** How many commits an index or a change list follows at most before it is built again. */
export const DERIVATION_LIMIT = 64

/**
 * The change lists that turned `from` into `to`, oldest first, when `to` was derived from it by
 * noted commits (at most `limit` of them); undefined when it was not (say, read from the database).
 */
export function derivationChanges(
  from: readonly unknown[],
  to: readonly unknown[],
  limit = DERIVATION_LIMIT
): (readonly EntityChange[])[] | undefined {
  if (from === to) return []
  const target = links.get(from)
  if (!target) return undefined
  const chain: (readonly EntityChange[])[] = []
  for (let at = links.get(to); at !== target; at = at.prev ?? undefined) {
    if (!at || chain.length === limit) return undefined
    chain.push(at.changes)
  }
  return chain.reverse()
}

/** What an incremental index has in common: the follow machinery below needs no more. */
export type FollowedIndex = { readonly version: number; readonly incremental: boolean }

/**
 * The index of `rows` from `cache`: the one built for this very array, or the index of the array
 * it was derived from with the changes applied (that one is spent then), or a full build. An
 * index `fits` refuses (built for another CHF rate, say) is built again.
 */
export function followIndex<I extends FollowedIndex>(
  rows: readonly unknown[],
  cache: WeakMap<readonly unknown[], I>,
  build: () => I,
  apply: (index: I, changes: readonly EntityChange[]) => I,
  fits: (index: I) => boolean = () => true
): I {
  const known = followKnownIndex(rows, cache, apply, fits)
  if (known) return known
  const index = build()
  cache.set(rows, index)
  return index
}

/**
 * followIndex without the build: the index of `rows` when one is cached for them or for an array
 * they were derived from, else undefined (a view then builds it stepwise and adopts it).
 */
export function followKnownIndex<I extends FollowedIndex>(
  rows: readonly unknown[],
  cache: WeakMap<readonly unknown[], I>,
  apply: (index: I, changes: readonly EntityChange[]) => I,
  fits: (index: I) => boolean = () => true
): I | undefined {
  // An apply without steps, as one: it runs to its end here anyway.
  // eslint-disable-next-line require-yield
  const whole = function* (index: I, changes: readonly EntityChange[]): Stepwise<I> {
    return apply(index, changes)
  }
  const found = findFollow(rows, cache, whole, fits)
  if (!found) return undefined
  return 'index' in found ? found.index : runToEnd(found.steps())
}

/**
 * How the index of `rows` is had without a build: `index` when it is cached, or the index of an
 * array they were derived from (`base`) and the commits since (`changes` in all), which `steps`
 * applies a step at a time. The base is spent from the first step on (its maps are changed):
 * a view that shows it must not follow it in slices.
 */
export type IndexFollow<I> =
  { readonly index: I } | { readonly base: I; readonly changes: number; readonly steps: () => Stepwise<I> }

/** Finds the index of `rows` or what it follows from (see IndexFollow); undefined when neither is cached. */
export function findFollow<I extends FollowedIndex>(
  rows: readonly unknown[],
  cache: WeakMap<readonly unknown[], I>,
  apply: (index: I, changes: readonly EntityChange[]) => Stepwise<I>,
  fits: (index: I) => boolean = () => true
): IndexFollow<I> | undefined {
  const known = cache.get(rows)
  if (known && fits(known)) return { index: known }
  // Walk back to the nearest array with an index (several commits may land between two renders);
  // arrays no one holds any more are gone, and so are their indexes.
  const chain: (readonly EntityChange[])[] = []
  let base: I | undefined
  let baseRows: readonly unknown[] | undefined
  for (let link = links.get(rows); link?.prev && !known; link = link.prev) {
    chain.push(link.changes)
    baseRows = link.prev.rows.deref()
    base = baseRows && cache.get(baseRows)
    if (base) break
  }
  if (!base || !baseRows || !fits(base)) return undefined
  const from = base
  const fromRows = baseRows
  return {
    base: from,
    changes: chain.reduce((n, c) => n + c.length, 0),
    *steps() {
      // Spent from here on: no one else may follow it, even if these steps are left unfinished.
      if (cache.get(fromRows) === from) cache.delete(fromRows)
      let index = from
      for (let i = chain.length - 1; i >= 0; i--) index = yield* apply(index, chain[i]!)
      if (chain.length > 1) index = { ...index, incremental: false }
      cache.set(rows, index)
      return index
    }
  }
}

/** The index of these allocations (see followIndex). */
export function allocationIndexOf(allocations: readonly Allocation[]): AllocationIndex {
  return followIndex(
    allocations,
    allocationIndexes,
    () => buildAllocationIndex(allocations),
    applyAllocationChanges
  )
}

/** The index of these allocations if it is known or can follow, without building it (see followKnownIndex). */
export function knownAllocationIndex(allocations: readonly Allocation[]): AllocationIndex | undefined {
  return followKnownIndex(allocations, allocationIndexes, applyAllocationChanges)
}

/** The index of these allocations, or what it follows from, without building or applying (see findFollow). */
export function findAllocationIndex(
  allocations: readonly Allocation[]
): IndexFollow<AllocationIndex> | undefined {
  return findFollow(allocations, allocationIndexes, applyAllocationChangesStepwise)
}

/** Keeps an index built stepwise for these allocations: allocationIndexOf returns it from now on. */
export function adoptAllocationIndex(allocations: readonly Allocation[], index: AllocationIndex): void {
  allocationIndexes.set(allocations, index)
}

// ------------------------------------------------------------------------------------------
// Utilization by deltas

/**
 * The utilization table (as utilization() computes it) with allocated basis points and the count
 * of red and amber role cells per plan quarter (as quarterStats() counts them), and the totals.
 * Updated in place by updateUtilization; a new object each time, so memos see the change.
 */
export type UtilizationState = {
  readonly table: UtilizationTable
  readonly stats: Map<QuarterKey, QuarterStat>
  readonly red: number
  readonly amber: number
  /** What the state was built for: a different roles array, soft cap or quarter range needs a build. */
  readonly basis: { roles: readonly Role[]; softCapBp: ShareBp; quarters: string }
  readonly roleById: Map<string, Role>
  /** Per role, over the plan's quarters: what the utilization heatmap picks and counts roles by. */
  readonly roleStats: Map<string, RoleStat>
  /** The version of the index it is up to date with. */
  readonly indexVersion: number
  /** The sums of that index: shared by every index followed from one build, so it tells them apart from another build. */
  readonly indexSums: AllocationIndex['sums']
}

/** A role's highest utilization, its first cell with work at that utilization, and its red and amber cells. */
export type RoleStat = { max: number; peak: UtilizationCell | null; red: number; amber: number }

/** A role's stat over its cells in the plan's quarters (the keys of `stats`), in the cells' order. */
function roleStatOf(cells: Map<QuarterKey, UtilizationCell>, stats: Map<QuarterKey, QuarterStat>): RoleStat {
  const stat: RoleStat = { max: 0, peak: null, red: 0, amber: 0 }
  for (const c of cells.values()) {
    if (!stats.has(c.quarter)) continue
    if (c.level === 'red') stat.red++
    else if (c.level === 'amber') stat.amber++
    if (c.ratio > stat.max) stat.max = c.ratio
    if (c.allocatedBp > 0 && (!stat.peak || c.ratio > stat.peak.ratio)) stat.peak = c
  }
  return stat
}

const basisOf = (data: PlanData) => ({
  roles: data.roles,
  softCapBp: data.plan.softCapBp,
  quarters: data.plan.quarters.join(',')
})

function cellOf(role: Role, quarter: QuarterKey, allocatedBp: ShareBp, softCapBp: ShareBp): UtilizationCell {
  const capacityBp = capacityOf(role, quarter)
  return {
    roleId: role.id,
    quarter,
    allocatedBp,
    capacityBp,
    ratio: utilizationRatio(allocatedBp, capacityBp),
    level: utilizationLevel(allocatedBp, capacityBp, softCapBp)
  }
}

function count(stat: QuarterStat, cell: UtilizationCell, sign: 1 | -1) {
  stat.bp += sign * cell.allocatedBp
  if (cell.level === 'red') stat.red += sign
  else if (cell.level === 'amber') stat.amber += sign
}

export function buildUtilization(data: PlanData, index: AllocationIndex): UtilizationState {
  return runToEnd(buildUtilizationStepwise(data, index))
}

/** Roles between yields of the stepwise build (each with its cells in every quarter). */
const UTILIZATION_STEP = 50

/** buildUtilization a step at a time (10,000 roles × their quarters on a big plan). */
export function* buildUtilizationStepwise(
  data: PlanData,
  index: AllocationIndex
): Stepwise<UtilizationState> {
  const basis = basisOf(data)
  const softCap = basis.softCapBp
  const table: UtilizationTable = new Map()
  const stats = new Map<QuarterKey, QuarterStat>()
  for (const q of data.plan.quarters) stats.set(q, { bp: 0, red: 0, amber: 0 })
  const roleById = new Map<string, Role>()
  let n = 0
  for (const role of data.roles) {
    roleById.set(role.id, role)
    const byQ = index.sums.get(role.id)
    const cells = new Map<QuarterKey, UtilizationCell>()
    for (const q of data.plan.quarters) cells.set(q, cellOf(role, q, byQ?.get(q) ?? 0, softCap))
    if (byQ) for (const [q, bp] of byQ) if (!cells.has(q)) cells.set(q, cellOf(role, q, bp, softCap))
    table.set(role.id, cells)
    if (++n % UTILIZATION_STEP === 0) yield
  }
  let red = 0
  let amber = 0
  const roleStats = new Map<string, RoleStat>()
  for (const [roleId, cells] of table) {
    for (const c of cells.values()) {
      const s = stats.get(c.quarter)
      if (!s) continue
      count(s, c, 1)
      if (c.level === 'red') red++
      else if (c.level === 'amber') amber++
    }
    roleStats.set(roleId, roleStatOf(cells, stats))
    if (++n % UTILIZATION_STEP === 0) yield
  }
  return {
    table,
    stats,
    red,
    amber,
    basis,
    roleById,
    roleStats,
    indexVersion: index.version,
    indexSums: index.sums
  }
}

/**
 * The state for `data` after the changes recorded in `index.touched`: only those cells are
 * computed again. Builds afresh when the roles, soft cap or quarters changed, or when the index
 * does not say what changed.
 */
export function updateUtilization(
  state: UtilizationState | undefined,
  data: PlanData,
  index: AllocationIndex
): UtilizationState {
  const basis = basisOf(data)
  const sameBasis =
    state !== undefined &&
    state.indexSums === index.sums &&
    state.basis.roles === basis.roles &&
    state.basis.softCapBp === basis.softCapBp &&
    state.basis.quarters === basis.quarters
  // Built for this very index already (a board's first render after a stepwise build).
  if (sameBasis && state.indexVersion === index.version) return state
  if (
    !state ||
    !sameBasis ||
    !index.incremental ||
    state.indexVersion !== index.version - 1 ||
    state.basis.roles !== basis.roles ||
    state.basis.softCapBp !== basis.softCapBp ||
    state.basis.quarters !== basis.quarters
  ) {
    return buildUtilization(data, index)
  }
  let { red, amber } = state
  const roles = new Set<string>()
  for (const [roleId, q] of index.touched) {
    const role = state.roleById.get(roleId)
    const cells = role && state.table.get(roleId)
    if (!role || !cells) continue
    const stat = state.stats.get(q)
    const old = cells.get(q)
    const bp = index.sums.get(roleId)?.get(q) ?? 0
    const cell = stat || bp !== 0 ? cellOf(role, q, bp, basis.softCapBp) : undefined
    if (stat && old) {
      count(stat, old, -1)
      if (old.level === 'red') red--
      else if (old.level === 'amber') amber--
    }
    if (cell) cells.set(q, cell)
    else cells.delete(q)
    roles.add(roleId)
    if (stat && cell) {
      count(stat, cell, 1)
      if (cell.level === 'red') red++
      else if (cell.level === 'amber') amber++
    }
  }
  for (const roleId of roles) state.roleStats.set(roleId, roleStatOf(state.table.get(roleId)!, state.stats))
  return { ...state, red, amber, basis, indexVersion: index.version }
}

/**
 * Allocated basis points of one role and quarter once `changes` are applied, from the index of the
 * allocations before them (not yet spent): what a drop announces without applying it to the whole plan.
 */
export function allocatedAfter(
  index: AllocationIndex,
  changes: readonly EntityChange[],
  roleId: string,
  quarter: QuarterKey
): ShareBp {
  let bp = index.sums.get(roleId)?.get(quarter) ?? 0
  for (const c of changes) {
    if (c.table !== 'allocations') continue
    if (c.before && c.before.roleId === roleId && c.before.quarter === quarter) bp -= c.before.shareBp
    if (c.after && c.after.roleId === roleId && c.after.quarter === quarter) bp += c.after.shareBp
  }
  return bp
}
