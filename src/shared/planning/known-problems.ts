// The problem index of a board's rows (allocations or budget lines) kept by the rows array it is
// of, as the allocation index is (plan-index.ts): a board finds the index of the rows it shows,
// or the index of the rows they were derived from by local commits and those commits' changes,
// without holding any of it itself. The same rows give the same index in whichever render asks.
import { findFollow, type IndexFollow } from './plan-index'
import { applyProblemChanges, problemIndexFits, type ProblemIndex } from './problem-index'
import type { PlanProblem } from './problems'
import type { Stepwise } from '../stepwise'
import type { PlanData } from './types'

type Entity = PlanProblem['entity']

/** An index as the follow machinery keeps it (findFollow needs a version and an incremental flag). */
export type KnownProblems = {
  readonly version: number
  readonly incremental: boolean
  readonly index: ProblemIndex
}

const known: Record<Entity, WeakMap<readonly unknown[], KnownProblems>> = {
  allocation: new WeakMap(),
  budgetLine: new WeakMap()
}

/** The rows whose problems a board of `entity` marks: the index of one entity follows only these. */
export const problemRows = (data: PlanData, entity: Entity): readonly unknown[] =>
  entity === 'allocation' ? data.allocations : data.budgetLines

const keep = (index: ProblemIndex): KnownProblems => ({ version: index.version, incremental: true, index })

// Applied at once: a follow of more changes than a render takes is a fresh build instead.
// eslint-disable-next-line require-yield
function* apply(
  k: KnownProblems,
  changes: Parameters<typeof applyProblemChanges>[1]
): Stepwise<KnownProblems> {
  return keep(applyProblemChanges(k.index, changes))
}

/**
 * The problem index of `data`'s rows of `entity`, or the one of the rows they derive from and how
 * many changes lead there (see IndexFollow); undefined when neither is known. With `anyBasis`, an
 * index made for other phases or workstreams counts too: what a board shows while it builds anew.
 */
export function findProblemIndex(
  data: PlanData,
  entity: Entity,
  anyBasis = false
): IndexFollow<KnownProblems> | undefined {
  return findFollow(problemRows(data, entity), known[entity], apply, (k) =>
    anyBasis ? true : problemIndexFits(k.index, data)
  )
}

/** Keeps a finished build for `data`'s rows: findProblemIndex returns it (and follows from it) from now on. */
export function adoptProblemIndex(data: PlanData, entity: Entity, index: ProblemIndex): void {
  known[entity].set(problemRows(data, entity), keep(index))
}
