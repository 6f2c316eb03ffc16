// Closing, quitting or reloading the window waits until the renderer's pending IndexedDB writes
// have ended: main asks over the 'flush-writes' event and the renderer answers on
// app:writes-flushed. Bounded: a renderer that never answers (hung, crashed) does not keep the
// window open for ever. No electron here, so the decision is tested in Node.

export type FlushOutcome = 'flushed' | 'timeout' | 'no-window'

export type WriteGuardOptions = {
  /** Sends the request to the renderer; false when there is no renderer to ask. */
  ask: (requestId: string) => boolean
  /** How long to wait for the answer before going ahead anyway. */
  timeoutMs: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export type WriteGuard = {
  /** Asks the renderer to finish its writes; one request at a time is shared by every caller. */
  flush: () => Promise<FlushOutcome>
  /** The renderer's answer (app:writes-flushed); unknown ids are ignored. */
  answered: (requestId: string) => void
}

export const FLUSH_TIMEOUT_MS = 30_000

export function createWriteGuard(options: WriteGuardOptions): WriteGuard {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>))
  let seq = 0
  let current: { id: string; promise: Promise<FlushOutcome>; settle: (o: FlushOutcome) => void } | null = null

  return {
    flush: () => {
      if (current) return current.promise
      const id = `flush-${++seq}`
      let resolve!: (o: FlushOutcome) => void
      const promise = new Promise<FlushOutcome>((r) => (resolve = r))
      const timer = setTimer(() => settle('timeout'), options.timeoutMs)
      const settle = (o: FlushOutcome) => {
        if (current?.id !== id) return
        current = null
        clearTimer(timer)
        resolve(o)
      }
      current = { id, promise, settle }
      if (!options.ask(id)) settle('no-window')
      return promise
    },
    answered: (requestId) => {
      if (current?.id === requestId) current.settle('flushed')
    }
  }
}
