// One parse worker kept running for a job that comes again and again (automatic backups): started
// ahead of its first use or on it, reused, replaced once it has crashed, hung (a request timed out)
// or was stopped, and ended with the app. Starting a worker costs 0.3-0.4 s under load.
import { startParseWorker, type ParseSession, type StartWorkerOptions } from './session'

export type WarmWorker = {
  /** The running worker; a new one when there is none or the last one died. */
  session: () => ParseSession
  /** Starts the worker ahead of its first use (nothing when one runs). */
  prewarm: () => void
  /** Workers started so far. */
  readonly started: number
  /** Ends the worker (the app quits); a later session() starts another. */
  close: () => Promise<void>
}

export function createWarmWorker(
  options: Pick<StartWorkerOptions, 'workerPath' | 'limits'> = {}
): WarmWorker {
  let current: ParseSession | null = null
  let started = 0
  const session = () => {
    if (!current?.alive()) {
      // Never the import's prewarmed worker: that one is waiting for the next file.
      current = startParseWorker({ ...options, takeSpare: false })
      started++
    }
    return current
  }
  return {
    session,
    prewarm: () => void session(),
    get started() {
      return started
    },
    close: async () => {
      const c = current
      current = null
      await c?.close()
    }
  }
}
