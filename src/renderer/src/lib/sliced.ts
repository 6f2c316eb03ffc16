// Running long stepwise computations (src/shared/stepwise.ts) in the window without a long task:
// a slice of about SLICE_MS, then the next task, so the window paints and handles input between.
import { runFor, type Stepwise } from '@shared/stepwise'

/**
 * Work per task: a frame's worth on a busy 2-core machine, well under the 50 ms of a long task.
 * An end-to-end test may ask for shorter slices (sessionStorage 'qm.e2e.sliceMs', read when the
 * window loads), so that a plan of test size takes the sliced path on a fast machine too.
 */
export const SLICE_MS = sliceMs()

function sliceMs(): number {
  const asked = globalThis.sessionStorage?.getItem('qm.e2e.sliceMs')
  const ms = asked ? Number(asked) : NaN
  return ms >= 0 && ms < 8 ? ms : 8
}

export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Runs the computation to its end, SLICE_MS per task; the first slice runs right away. Once
 * `signal` is aborted no further slice runs and the promise never settles (nobody waits for it).
 */
export async function runSliced<T>(steps: Stepwise<T>, signal?: AbortSignal): Promise<T> {
  for (;;) {
    if (signal?.aborted) return new Promise<T>(() => undefined)
    const end = runFor(steps, SLICE_MS)
    if (end) return end.value
    await nextTask()
  }
}
