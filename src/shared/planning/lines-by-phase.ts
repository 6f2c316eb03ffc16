// The Budget view's lines per phase in their order (byOrder), following the changes a commit
// makes as the boards' indexes do (plan-index.ts): a commit copies only the lists of the phases it
// touched and puts each changed line in place, instead of grouping and checking every line again.
// A big commit (an import's undo) is followed, or the lines grouped again, a slice per task.
import { runToEnd, type Stepwise } from '../stepwise'
import { byOrder, sortedByOrder } from './order'
import { FOLLOW_STEP, findFollow, type IndexFollow } from './plan-index'
import type { BudgetLine, EntityChange } from './types'

/** Lines per phase id, each list in byOrder's order; a phase without lines has no entry. */
export type LinesByPhase = {
  readonly version: number
  readonly incremental: boolean
  readonly byPhase: ReadonlyMap<string, readonly BudgetLine[]>
}

/** Lines grouped between yields. */
const STEP = 2_000

export function* buildLinesByPhaseStepwise(lines: readonly BudgetLine[]): Stepwise<LinesByPhase> {
  const groups = new Map<string, BudgetLine[]>()
  let n = 0
  for (const l of lines) {
    const list = groups.get(l.phaseId)
    if (list) list.push(l)
    else groups.set(l.phaseId, [l])
    if (++n % STEP === 0) yield
  }
  const byPhase = new Map<string, readonly BudgetLine[]>()
  // The plan reads back in order: usually a linear check per phase, no sort.
  for (const [phaseId, list] of groups) byPhase.set(phaseId, sortedByOrder(list))
  return { version: 0, incremental: false, byPhase }
}

export function buildLinesByPhase(lines: readonly BudgetLine[]): LinesByPhase {
  return runToEnd(buildLinesByPhaseStepwise(lines))
}

/** Where `line` stands, or would stand, in a list in byOrder's order: the first place not before it. */
function lowerBound(list: readonly BudgetLine[], line: BudgetLine): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byOrder(list[mid]!, line) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Applies budget-line changes (others are ignored) in order. The index applied to stays as it was:
 * the new one shares the lists of the phases no change touched.
 */
export function applyLinesByPhase(index: LinesByPhase, changes: readonly EntityChange[]): LinesByPhase {
  return runToEnd(applyLinesByPhaseStepwise(index, changes))
}

/** applyLinesByPhase a step at a time (FOLLOW_STEP changes between yields). */
export function* applyLinesByPhaseStepwise(
  index: LinesByPhase,
  changes: readonly EntityChange[],
  step = FOLLOW_STEP
): Stepwise<LinesByPhase> {
  const byPhase = new Map(index.byPhase)
  const copied = new Set<string>()
  const writable = (phaseId: string): BudgetLine[] => {
    let list = byPhase.get(phaseId) as BudgetLine[] | undefined
    if (!list || !copied.has(phaseId)) {
      list = list ? list.slice() : []
      byPhase.set(phaseId, list)
      copied.add(phaseId)
    }
    return list
  }
  const remove = (line: BudgetLine) => {
    const list = byPhase.get(line.phaseId)
    if (!list) return
    let at = lowerBound(list, line)
    // A change whose before does not stand where its order says (it never should): found by id.
    if (list[at]?.id !== line.id) at = list.findIndex((l) => l.id === line.id)
    if (at < 0) return
    const own = writable(line.phaseId)
    own.splice(at, 1)
    if (own.length === 0) byPhase.delete(line.phaseId)
  }
  let n = 0
  for (const c of changes) {
    if (++n % step === 0) yield
    if (c.table !== 'budgetLines') continue
    if (c.before) remove(c.before)
    if (c.after) {
      const list = writable(c.after.phaseId)
      list.splice(lowerBound(list, c.after), 0, c.after)
    }
  }
  return { version: index.version + 1, incremental: true, byPhase }
}

const indexes = new WeakMap<readonly unknown[], LinesByPhase>()

/** The lines by phase of these lines if known, or what they follow from, without building or applying (see findFollow). */
export function findLinesByPhase(lines: readonly BudgetLine[]): IndexFollow<LinesByPhase> | undefined {
  return findFollow(lines, indexes, applyLinesByPhaseStepwise)
}

/** Keeps an index built stepwise for these lines: knownLinesByPhase returns it from now on. */
export function adoptLinesByPhase(lines: readonly BudgetLine[], index: LinesByPhase): void {
  indexes.set(lines, index)
}
