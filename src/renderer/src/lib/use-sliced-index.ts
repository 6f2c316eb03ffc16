// A board's index of a plan's rows (allocations, budget lines) without a long task when a big plan
// opens: an index that is known, or can follow the commits since one was (plan-index.ts), is used
// at once; otherwise it is built a slice per task (SLICE_MS) and the view shows that it is loading.
import { useEffect, useMemo, useRef, useState } from 'react'
import { runFor, runToEnd, type Stepwise } from '@shared/stepwise'
import { nextTask, runSliced, SLICE_MS } from './sliced'

export type SlicedIndexSource<I> = {
  /** The index of `rows` if known or it can follow the commits since one was; never builds. */
  known: (rows: readonly unknown[]) => I | undefined
  /** The build, a step at a time. */
  stepwise: (rows: readonly unknown[]) => Stepwise<I>
  /** Keeps a finished build for `rows`, so `known` returns it. */
  adopt: (rows: readonly unknown[], index: I) => void
}

/**
 * The index of `rows`, or undefined while its first build runs. A build that fits in one slice
 * (small plans) is done in the render. Once the view has shown an index, a later build (rows read
 * again after another window wrote them) runs at once, so the board keeps what it shows.
 * `key` names what else the index depends on (a CHF rate).
 */
export function useSlicedIndex<I>(
  rows: readonly unknown[] | undefined,
  source: SlicedIndexSource<I>,
  key: unknown = null
): I | undefined {
  const shown = useRef(false)
  const pending = useRef<{ rows: readonly unknown[]; key: unknown; steps: Stepwise<I> } | null>(null)
  const [finished, setFinished] = useState(0)
  const index = useMemo(() => {
    if (!rows) return undefined
    const known = source.known(rows)
    if (known) return known
    let p = pending.current
    if (!p || p.rows !== rows || p.key !== key)
      p = pending.current = { rows, key, steps: source.stepwise(rows) }
    const end = shown.current ? { value: runToEnd(p.steps) } : runFor(p.steps, SLICE_MS)
    if (!end) return undefined
    pending.current = null
    source.adopt(rows, end.value)
    return end.value
  }, [rows, key, finished]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const p = pending.current
    if (index !== undefined || !p) return
    const abort = new AbortController()
    // From the next task: the render ran a slice already, and an effect after a sync render runs
    // in that render's task.
    void nextTask()
      .then(() => runSliced(p.steps, abort.signal))
      .then((value) => {
        source.adopt(p.rows, value)
        if (pending.current === p) pending.current = null
        setFinished((n) => n + 1)
      })
    return () => abort.abort()
  }, [index, rows, key]) // eslint-disable-line react-hooks/exhaustive-deps
  if (index !== undefined) shown.current = true
  return index
}
