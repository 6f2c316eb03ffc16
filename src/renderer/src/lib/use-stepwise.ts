import { startTransition, useEffect, useMemo, useRef, useState, type DependencyList } from 'react'
import { runFor, type Stepwise } from '@shared/stepwise'
import { nextTask, runSliced, SLICE_MS } from './sliced'

type Run<T> = { steps: Stepwise<T>; result: { value: T } | undefined }

/**
 * The result of a stepwise computation (src/shared/stepwise.ts), computed again when `deps`
 * change. What fits in one slice runs during the render, so a small plan's figures show at once;
 * a longer computation (100,000 imported lines) goes on a slice per task and meanwhile the
 * previous result is returned (undefined before there is one). A newer computation stops the
 * older one.
 */
export function useStepwise<T>(start: () => Stepwise<T>, deps: DependencyList): T | undefined {
  const run = useMemo((): Run<T> => {
    const steps = start()
    const end = runFor(steps, SLICE_MS)
    return { steps, result: end && { value: end.value } }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  const [finished, setFinished] = useState<{ run: Run<T>; value: T }>()
  useEffect(() => {
    if (run.result) return
    const stop = new AbortController()
    // The render ran the first slice; the rest a slice per task. A transition: React renders what
    // the new result changes in slices too (a plain update from a timer renders it in one task).
    void nextTask()
      .then(() => runSliced(run.steps, stop.signal))
      .then((value) => startTransition(() => setFinished({ run, value })))
    return () => stop.abort()
  }, [run])
  const shown = useRef<T | undefined>(undefined)
  const value = run.result ? run.result.value : finished?.run === run ? finished.value : shown.current
  useEffect(() => {
    shown.current = value
  })
  return value
}
