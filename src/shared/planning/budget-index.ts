// The budget board's look-ups of a plan's lines, following the changes a commit makes (as the
// allocation index in plan-index.ts does): lines by phase, workstream, category and quarter,
// base-currency totals per row and quarter, and the plan's budget totals (budgetTotals()), each
// with a full build and an apply of a change list that the property tests hold equal.
import { toBaseCents, type BudgetTotals } from './budget'
import { FOLLOW_STEP, findFollow, followIndex, followKnownIndex, type IndexFollow } from './plan-index'
import { runToEnd, type Stepwise } from '../stepwise'
import type { BudgetLine, Cents, EntityChange, Plan, QuarterKey } from './types'

const wsPart = (ws: string | null) => ws ?? '-'
/** Row keys of the budget board: a phase, a workstream in a phase (or none), a category in those. */
export const phaseKey = (phaseId: string) => `p|${phaseId}`
export const wsKey = (phaseId: string, ws: string | null) => `w|${phaseId}|${wsPart(ws)}`
export const catKey = (phaseId: string, ws: string | null, category: string) =>
  `c|${phaseId}|${wsPart(ws)}|${category}`

type Children = { ws: (string | null)[]; categories: Map<string, string[]> }

/**
 * An index of budget lines for one CHF rate. An apply returns a new BudgetIndex sharing (and
 * updating) the maps of the one it was applied to, which is spent; a leaf cell whose lines
 * changed gets a new list, the others keep theirs. `budget` is a new object per apply.
 */
export type BudgetIndex = {
  readonly version: number
  readonly incremental: boolean
  /** (category row key, quarter) cells whose lines the last apply changed. */
  readonly touched: readonly (readonly [leafKey: string, quarter: QuarterKey])[]
  readonly chfToEur: number
  readonly byId: Map<string, BudgetLine>
  /** Lines per category row key and quarter (unordered). */
  readonly lines: Map<string, Map<QuarterKey, BudgetLine[]>>
  /** Base cents per row key (phase, workstream, category) and quarter. */
  readonly totals: Map<string, Map<QuarterKey, Cents>>
  readonly rowTotals: Map<string, Cents>
  readonly lineCount: Map<string, number>
  /** The workstreams (by id, null for none) and categories each phase row holds. */
  readonly children: Map<string, Children>
  /**
   * The highest `order` of each phase's lines where known: a phase whose top line left has no
   * entry until highestOrder() reads its lines again. Read it through highestOrder().
   */
  readonly topOrder: Map<string, number>
  /** What budgetTotals() computes, kept by the same deltas. */
  readonly budget: BudgetTotals
  /** Line counts behind the sums: a key whose count drops to 0 leaves its map, as a build would not have it. */
  readonly counts: Counts
}

type Counts = {
  rowQuarter: Map<string, Map<QuarterKey, number>>
  phaseQuarter: Map<string, Map<QuarterKey, number>>
  phase: Map<string, number>
  quarter: Map<QuarterKey, number>
  category: Map<string, number>
  workstream: Map<string | null, number>
  currency: Map<BudgetLine['currency'], number>
}

function bump<K>(sum: Map<K, number>, count: Map<K, number>, k: K, c: number, sign: 1 | -1) {
  const n = (count.get(k) ?? 0) + sign
  if (n <= 0) {
    count.delete(k)
    sum.delete(k)
    return
  }
  count.set(k, n)
  sum.set(k, (sum.get(k) ?? 0) + sign * c)
}

function bump2<K>(
  sum: Map<string, Map<K, number>>,
  count: Map<string, Map<K, number>>,
  outer: string,
  k: K,
  c: number,
  sign: 1 | -1
) {
  let s = sum.get(outer)
  let n = count.get(outer)
  if (!s) sum.set(outer, (s = new Map()))
  if (!n) count.set(outer, (n = new Map()))
  bump(s, n, k, c, sign)
  if (n.size === 0) {
    sum.delete(outer)
    count.delete(outer)
  }
}

/** Adds (sign 1) or takes out (-1) one line everywhere it counts. */
function account(index: BudgetIndex, line: BudgetLine, sign: 1 | -1, plan: Pick<Plan, 'chfToEur'>) {
  const c = toBaseCents(line, plan)
  accountAtPhase(index, line, c, sign)
  accountBelowPhase(index, line, c, sign)
  const { lineCount } = index
  const top = index.topOrder.get(line.phaseId)
  if (sign === 1) {
    if (top !== undefined ? line.order > top : lineCount.get(phaseKey(line.phaseId)) === 1)
      index.topOrder.set(line.phaseId, line.order)
  } else if (top !== undefined && (line.order >= top || !lineCount.has(phaseKey(line.phaseId))))
    index.topOrder.delete(line.phaseId)
}

/** A line's part at its phase's level: the phase row, and the plan's budget by phase and quarter. */
function accountAtPhase(index: BudgetIndex, line: BudgetLine, c: Cents, sign: 1 | -1) {
  const { totals, rowTotals, lineCount, counts, budget } = index
  const pk = phaseKey(line.phaseId)
  bump2(totals, counts.rowQuarter, pk, line.quarter, c, sign)
  // lineCount is the count behind rowTotals.
  bump(rowTotals, lineCount, pk, c, sign)
  bump2(budget.byPhaseQuarter, counts.phaseQuarter, line.phaseId, line.quarter, c, sign)
  bump(budget.byPhase, counts.phase, line.phaseId, c, sign)
  bump(budget.byQuarter, counts.quarter, line.quarter, c, sign)
}

/**
 * The rest of a line but its order and its place in byId and lines: its workstream and category
 * rows, the phase's children, and the plan's budget by category, workstream and currency. The
 * phase's own part (accountAtPhase) is counted first.
 */
function accountBelowPhase(index: BudgetIndex, line: BudgetLine, c: Cents, sign: 1 | -1) {
  const { totals, rowTotals, lineCount, counts, budget, children } = index
  const pk = phaseKey(line.phaseId)
  const wk = wsKey(line.phaseId, line.workstreamId)
  const ck = catKey(line.phaseId, line.workstreamId, line.category)
  bump2(totals, counts.rowQuarter, wk, line.quarter, c, sign)
  bump(rowTotals, lineCount, wk, c, sign)
  bump2(totals, counts.rowQuarter, ck, line.quarter, c, sign)
  bump(rowTotals, lineCount, ck, c, sign)
  // Children: a workstream or category appears with its first line and goes with its last.
  let kids = children.get(pk)
  if (sign === 1) {
    if (!kids) children.set(pk, (kids = { ws: [], categories: new Map() }))
    let cats = kids.categories.get(wk)
    if (!cats) {
      kids.ws.push(line.workstreamId)
      kids.categories.set(wk, (cats = []))
    }
    if (!cats.includes(line.category)) cats.push(line.category)
  } else if (kids) {
    const cats = kids.categories.get(wk)
    if (!lineCount.has(ck) && cats?.includes(line.category)) cats.splice(cats.indexOf(line.category), 1)
    if (!lineCount.has(wk) && kids.categories.delete(wk))
      kids.ws.splice(kids.ws.indexOf(line.workstreamId), 1)
    if (!lineCount.has(pk)) children.delete(pk)
  }
  bump(budget.byCategory, counts.category, line.category, c, sign)
  bump(budget.byWorkstream, counts.workstream, line.workstreamId, c, sign)
  bump(budget.byCurrency, counts.currency, line.currency, line.amountCents, sign)
}

/** A line's place in byId and in its category row's cell. */
function place(index: BudgetIndex, line: BudgetLine) {
  index.byId.set(line.id, line)
  const ck = catKey(line.phaseId, line.workstreamId, line.category)
  let byQ = index.lines.get(ck)
  if (!byQ) index.lines.set(ck, (byQ = new Map()))
  const list = byQ.get(line.quarter)
  if (list) list.push(line)
  else byQ.set(line.quarter, [line])
}

function emptyIndex(chfToEur: number): BudgetIndex {
  return {
    version: 0,
    incremental: false,
    touched: [],
    chfToEur,
    byId: new Map(),
    lines: new Map(),
    totals: new Map(),
    rowTotals: new Map(),
    lineCount: new Map(),
    children: new Map(),
    topOrder: new Map(),
    budget: {
      totalCents: 0,
      byPhase: new Map(),
      byQuarter: new Map(),
      byPhaseQuarter: new Map(),
      byCategory: new Map(),
      byWorkstream: new Map(),
      byCurrency: new Map()
    },
    counts: {
      rowQuarter: new Map(),
      phaseQuarter: new Map(),
      phase: new Map(),
      quarter: new Map(),
      category: new Map(),
      workstream: new Map(),
      currency: new Map()
    }
  }
}

export function buildBudgetIndex(lines: readonly BudgetLine[], plan: Pick<Plan, 'chfToEur'>): BudgetIndex {
  return runToEnd(buildBudgetIndexStepwise(lines, plan))
}

/** Lines between yields of the stepwise build (see plan-index.ts's INDEX_STEP). */
const INDEX_STEP = 200

/** buildBudgetIndex a step at a time: a big plan's index is built a slice per task in the window. */
export function* buildBudgetIndexStepwise(
  lines: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>
): Stepwise<BudgetIndex> {
  const index = emptyIndex(plan.chfToEur)
  let total = 0
  let n = 0
  for (const line of lines) {
    account(index, line, 1, plan)
    total += toBaseCents(line, plan)
    place(index, line)
    if (++n % INDEX_STEP === 0) yield
  }
  index.budget.totalCents = total
  return index
}

/**
 * Counts a line at its phase's level only: the phase row's cells, total and line count, and the
 * plan's budget by phase, by quarter and in all. Its workstream and category rows, its chip and
 * byId, byCategory, byWorkstream and byCurrency leave it out: what the budget board's first rows
 * (first-rows.ts) know of the phases they do not index line by line.
 */
export function accountPhaseOnly(index: BudgetIndex, line: BudgetLine, plan: Pick<Plan, 'chfToEur'>): void {
  const c = toBaseCents(line, plan)
  accountAtPhase(index, line, c, 1)
  index.budget.totalCents += c
}

/**
 * The whole index of a plan's lines from `partial`, which holds some of them whole and `rest`
 * counted by accountPhaseOnly: each of `rest` gets what that left out. Equal to a build over all
 * the lines (up to the order of its maps, which the index does not keep anyway), for the cost of
 * the part left out; `partial` is copied where the rest would change it, so it stays as it was
 * (the budget board shows it meanwhile: first-rows.ts).
 */
export function* completeIndexStepwise(
  partial: BudgetIndex,
  rest: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>
): Stepwise<BudgetIndex> {
  const nested = <K, V>(m: Map<string, Map<K, V>>) => new Map([...m].map(([k, inner]) => [k, new Map(inner)]))
  const { budget, counts } = partial
  const index: BudgetIndex = {
    ...emptyIndex(plan.chfToEur),
    byId: new Map(partial.byId),
    lines: nested(partial.lines),
    totals: nested(partial.totals),
    rowTotals: new Map(partial.rowTotals),
    lineCount: new Map(partial.lineCount),
    children: new Map(
      [...partial.children].map(([k, kids]) => [
        k,
        { ws: [...kids.ws], categories: new Map([...kids.categories].map(([wk, cats]) => [wk, [...cats]])) }
      ])
    ),
    topOrder: new Map(partial.topOrder),
    budget: {
      totalCents: budget.totalCents,
      byPhase: new Map(budget.byPhase),
      byQuarter: new Map(budget.byQuarter),
      byPhaseQuarter: nested(budget.byPhaseQuarter),
      byCategory: new Map(budget.byCategory),
      byWorkstream: new Map(budget.byWorkstream),
      byCurrency: new Map(budget.byCurrency)
    },
    counts: {
      rowQuarter: nested(counts.rowQuarter),
      phaseQuarter: nested(counts.phaseQuarter),
      phase: new Map(counts.phase),
      quarter: new Map(counts.quarter),
      category: new Map(counts.category),
      workstream: new Map(counts.workstream),
      currency: new Map(counts.currency)
    }
  }
  yield
  let n = 0
  for (const line of rest) {
    accountBelowPhase(index, line, toBaseCents(line, plan), 1)
    // A build keeps each phase's highest order; its phase row counts every line already.
    const top = index.topOrder.get(line.phaseId)
    if (top === undefined || line.order > top) index.topOrder.set(line.phaseId, line.order)
    place(index, line)
    if (++n % INDEX_STEP === 0) yield
  }
  return index
}

/** Applies budget-line changes (others are ignored) in order; see BudgetIndex for what is shared. */
export function applyBudgetChanges(index: BudgetIndex, changes: readonly EntityChange[]): BudgetIndex {
  return runToEnd(applyBudgetChangesStepwise(index, changes))
}

/** applyBudgetChanges a step at a time (FOLLOW_STEP changes between yields). */
export function* applyBudgetChangesStepwise(
  index: BudgetIndex,
  changes: readonly EntityChange[],
  step = FOLLOW_STEP
): Stepwise<BudgetIndex> {
  const plan = { chfToEur: index.chfToEur }
  const touched = new Map<string, readonly [string, QuarterKey]>()
  const fresh = new Set<BudgetLine[]>()
  let total = index.budget.totalCents
  const cell = (line: BudgetLine): BudgetLine[] => {
    const ck = catKey(line.phaseId, line.workstreamId, line.category)
    const key = `${ck}\u0000${line.quarter}`
    if (!touched.has(key)) touched.set(key, [ck, line.quarter])
    let byQ = index.lines.get(ck)
    if (!byQ) index.lines.set(ck, (byQ = new Map()))
    let list = byQ.get(line.quarter)
    if (!list || !fresh.has(list)) {
      list = list ? list.slice() : []
      byQ.set(line.quarter, list)
      fresh.add(list)
    }
    return list
  }
  // Rows leaving each list, taken out in one pass at the end: a splice per row made undoing a
  // 100,000-line import quadratic. Kept by identity, so a line re-added in the same commit stays.
  const removed = new Map<BudgetLine[], { line: BudgetLine; rows: Set<BudgetLine> }>()
  let n = 0
  for (const c of changes) {
    if (++n % step === 0) yield
    if (c.table !== 'budgetLines') continue
    const old = index.byId.get(c.id)
    if (old) {
      const list = cell(old)
      let gone = removed.get(list)
      if (!gone) removed.set(list, (gone = { line: old, rows: new Set() }))
      gone.rows.add(old)
      account(index, old, -1, plan)
      total -= toBaseCents(old, plan)
      index.byId.delete(c.id)
    }
    if (c.after) {
      index.byId.set(c.after.id, c.after)
      cell(c.after).push(c.after)
      account(index, c.after, 1, plan)
      total += toBaseCents(c.after, plan)
    }
  }
  for (const [list, { line, rows }] of removed) {
    if (++n % step === 0) yield
    let kept = 0
    for (const l of list) if (!rows.has(l)) list[kept++] = l
    list.length = kept
    if (kept > 0) continue
    const ck = catKey(line.phaseId, line.workstreamId, line.category)
    const byQ = index.lines.get(ck)
    if (byQ?.get(line.quarter) !== list) continue
    byQ.delete(line.quarter)
    if (byQ.size === 0) index.lines.delete(ck)
  }
  return {
    ...index,
    version: index.version + 1,
    incremental: true,
    touched: [...touched.values()],
    budget: { ...index.budget, totalCents: total }
  }
}

const budgetIndexes = new WeakMap<readonly unknown[], BudgetIndex>()

/** The index of these lines at this CHF rate, carried along local commits (see followIndex). */
export function budgetIndexOf(lines: readonly BudgetLine[], plan: Pick<Plan, 'chfToEur'>): BudgetIndex {
  return followIndex(
    lines,
    budgetIndexes,
    () => buildBudgetIndex(lines, plan),
    applyBudgetChanges,
    (index) => index.chfToEur === plan.chfToEur
  )
}

/** The index of these lines at this CHF rate if it is known or can follow, without building it. */
export function knownBudgetIndex(
  lines: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>
): BudgetIndex | undefined {
  return followKnownIndex(
    lines,
    budgetIndexes,
    applyBudgetChanges,
    (index) => index.chfToEur === plan.chfToEur
  )
}

/** The index of these lines at this CHF rate, or what it follows from, without building or applying (see findFollow). */
export function findBudgetIndex(
  lines: readonly BudgetLine[],
  plan: Pick<Plan, 'chfToEur'>
): IndexFollow<BudgetIndex> | undefined {
  return findFollow(
    lines,
    budgetIndexes,
    applyBudgetChangesStepwise,
    (index) => index.chfToEur === plan.chfToEur
  )
}

/** Keeps an index built stepwise for these lines: budgetIndexOf returns it from now on. */
export function adoptBudgetIndex(lines: readonly BudgetLine[], index: BudgetIndex): void {
  budgetIndexes.set(lines, index)
}

/**
 * The highest `order` among a phase's lines (0 for none): where a line moved into the phase goes
 * (one above). Known after a build and kept by applies; when the top line leaves, the phase's own
 * lines are read once, never the whole plan's.
 */
export function highestOrder(index: BudgetIndex, phaseId: string): number {
  const known = index.topOrder.get(phaseId)
  if (known !== undefined) return Math.max(0, known)
  const kids = index.children.get(phaseKey(phaseId))
  if (!kids) return 0
  let top = -Infinity
  for (const ws of kids.ws)
    for (const category of kids.categories.get(wsKey(phaseId, ws)) ?? [])
      for (const list of index.lines.get(catKey(phaseId, ws, category))?.values() ?? [])
        for (const l of list) if (l.order > top) top = l.order
  if (top === -Infinity) return 0
  index.topOrder.set(phaseId, top)
  return Math.max(0, top)
}

/** A phase's base cents once `changes` are applied, from the index of the lines before them (not yet spent). */
export function phaseSpentAfter(
  index: BudgetIndex,
  changes: readonly EntityChange[],
  phaseId: string
): Cents {
  const plan = { chfToEur: index.chfToEur }
  let spent = index.budget.byPhase.get(phaseId) ?? 0
  for (const c of changes) {
    if (c.table !== 'budgetLines') continue
    if (c.before?.phaseId === phaseId) spent -= toBaseCents(c.before, plan)
    if (c.after?.phaseId === phaseId) spent += toBaseCents(c.after, plan)
  }
  return spent
}
