// Helpers for the Dexie layer's tests (live queries answer asynchronously).

/** Resolves once `check` holds, polling every 5 ms; rejects after `ms`. */
export function until(check: () => boolean, ms = 2_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = Date.now()
    const tick = () => {
      if (check()) resolve()
      else if (Date.now() - start > ms) reject(new Error('timed out'))
      else setTimeout(tick, 5)
    }
    tick()
  })
}
