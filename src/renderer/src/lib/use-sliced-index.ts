// A view's index of a plan's rows (allocations, budget lines) without a long task, when a big plan
// opens and when a big commit lands on an open view: an index that is known, or follows the few
// changes since one was (plan-index.ts), is used at once; a first build, a rebuild, or the follow
// of many changes runs a slice per task (SLICE_MS). Meanwhile the view shows its last index (and
// says that it is updating), or that it is loading when it has shown none yet.
import { useEffect, useMemo, useRef, useState } from 'react'
import { derivationChanges, type IndexFollow } from '@shared/planning/plan-index'
import { runFor, runToEnd, type Stepwise } from '@shared/stepwise'
import { nextTask, runSliced, SLICE_MS } from './sliced'

export type SlicedIndexSource<I> = {
  /** The index of `rows` if known, or the index and commits it follows from; never builds or applies. */
  find: (rows: readonly unknown[]) => IndexFollow<I> | undefined
  /** The build, a step at a time. */
  stepwise: (rows: readonly unknown[]) => Stepwise<I>
  /** Keeps a finished build for `rows`, so `find` returns it. */
  adopt: (rows: readonly unknown[], index: I) => void
}

export type SlicedIndexState<I> = {
  /** The index of `rows`, or while `stale` the last one shown; undefined before the first. */
  readonly index: I | undefined
  /** The rows `index` is of: older rows than the view's while it is stale. */
  readonly rows: readonly unknown[] | undefined
  /** Whether `index` is of older rows while the index of the current ones is made a slice per task. */
  readonly stale: boolean
}

/**
 * At most this many changes are followed in the render (a drop, an edit, a split: a handful). A
 * change costs about what the build spends on a row, and the build yields every 200 rows; so this
 * is a few steps of a slice, where an import's 100,000 are a long task.
 */
export const FOLLOW_IN_RENDER = 500

/**
 * A follow a slice per task, rather than a build of the new rows, when it applies fewer changes
 * than half the rows: removing a row and adding one cost about what the build spends on one. The
 * undo of an import (100,000 changes, a few thousand rows left) is built again.
 */
const followPays = (changes: number, rows: number) => changes * 2 < rows

const NONE: SlicedIndexState<never> = { index: undefined, rows: undefined, stale: false }

type Work<I> = { rows: readonly unknown[]; key: unknown; steps: Stepwise<I> }
type Shown<I> = { rows: readonly unknown[]; scope: unknown; index: I }

/**
 * The index of `rows` (see SlicedIndexState). Work that fits in one slice is done in the render,
 * so small plans never show a loading or updating state. `key` names what else the index depends
 * on (a CHF rate); `scope` what it belongs to (the plan): the index of another scope is never
 * shown as the last one.
 */
export function useSlicedIndexState<I>(
  rows: readonly unknown[] | undefined,
  source: SlicedIndexSource<I>,
  key: unknown = null,
  scope: unknown = null
): SlicedIndexState<I> {
  const shown = useRef<Shown<I> | null>(null)
  const pending = useRef<Work<I> | null>(null)
  const [finished, setFinished] = useState(0)
  const state = useMemo((): SlicedIndexState<I> => {
    if (!rows) return NONE
    const fresh = (index: I): SlicedIndexState<I> => {
      shown.current = { rows, scope, index }
      return { index, rows, stale: false }
    }
    const last = shown.current?.scope === scope ? shown.current : null
    const found = source.find(rows)
    if (found && 'index' in found) return fresh(found.index)
    // A few changes (a drop): followed here, as fast as the drop itself.
    if (found && found.changes <= FOLLOW_IN_RENDER) return fresh(runToEnd(found.steps()))
    let p = pending.current
    // Work for rows these derive from goes on (a commit while a big plan is counted): its index
    // then follows the commits since, instead of starting over.
    const goesOn = p && p.key === key && (p.rows === rows || derivationChanges(p.rows, rows) !== undefined)
    if (!p || !goesOn) {
      // A follow changes the maps of its base: never of the index on screen, which stays as it is
      // until the new one is in.
      const follow = found && found.base !== last?.index && followPays(found.changes, rows.length)
      p = pending.current = { rows, key, steps: follow ? found.steps() : source.stepwise(rows) }
    }
    if (p.rows === rows) {
      const end = runFor(p.steps, SLICE_MS)
      if (end) {
        pending.current = null
        source.adopt(rows, end.value)
        return fresh(end.value)
      }
    }
    return last ? { index: last.index, rows: last.rows, stale: true } : NONE
  }, [rows, key, scope, finished]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const p = pending.current
    if (!p || (state.index !== undefined && !state.stale)) return
    const abort = new AbortController()
    // From the next task: the render ran a slice already, and an effect after a sync render runs
    // in that render's task. A newer render stops this loop between slices and goes on with the
    // same steps (or others).
    void nextTask()
      .then(() => runSliced(p.steps, abort.signal))
      .then((value) => {
        source.adopt(p.rows, value)
        if (pending.current === p) pending.current = null
        setFinished((n) => n + 1)
      })
    return () => abort.abort()
    // With the rows and key too: a view that starts to ask (rows that were undefined, a grouping
    // chosen) gets NONE again, the same state as before, and its build must start all the same.
  }, [state, rows, key]) // eslint-disable-line react-hooks/exhaustive-deps
  return state
}

/** The index of `rows`, or undefined while its first build runs (the last index while a later one is made). */
export function useSlicedIndex<I>(
  rows: readonly unknown[] | undefined,
  source: SlicedIndexSource<I>,
  key: unknown = null,
  scope: unknown = null
): I | undefined {
  return useSlicedIndexState(rows, source, key, scope).index
}

/**
 * `value` (the plan a view draws, with its indexes) as it was while not `stale`: a stale view shows
 * its last index with the plan that index is of, so rows, totals and labels agree.
 */
export function useKeptWhileStale<T>(value: T, stale: boolean): T {
  const kept = useRef(value)
  if (!stale) kept.current = value
  return stale ? kept.current : value
}
