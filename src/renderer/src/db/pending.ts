// Writes the window has started and IndexedDB has not finished: a commit shows its edit before its
// transaction ends, so closing or reloading must wait until this count is back at zero.
import type { DBCore, Middleware } from 'dexie'

let pending = 0
const idle = new Set<() => void>()

function changed() {
  if (pending > 0) return
  const done = [...idle]
  idle.clear()
  done.forEach((resolve) => resolve())
}

/** Counts `work` as a pending write until it settles (resolves or fails). */
export function trackWrite<T>(work: () => Promise<T>): Promise<T> {
  pending++
  changed()
  let promise: Promise<T>
  try {
    promise = work()
  } catch (err) {
    promise = Promise.reject(err)
  }
  return promise.finally(() => {
    pending--
    changed()
  })
}

export function pendingWrites(): number {
  return pending
}

/** Resolves once no write is pending (at once when none is). */
export function whenWritesDone(): Promise<void> {
  if (pending === 0) return Promise.resolve()
  return new Promise((resolve) => idle.add(resolve))
}

/**
 * Every read-write IndexedDB transaction counts as pending from its start until it completes or
 * aborts, whoever started it (commits, plan creation, restores, settings): the second line behind
 * trackWrite, which also covers a commit's time before its transaction starts.
 */
export const pendingTransactions: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'PendingWrites',
  create: (core) => ({
    ...core,
    transaction: (stores, mode, options) => {
      const tx = core.transaction(stores, mode, options)
      const native = tx as unknown as Partial<IDBTransaction>
      if (mode === 'readwrite' && typeof native.addEventListener === 'function') {
        pending++
        changed()
        let ended = false
        const end = () => {
          if (ended) return
          ended = true
          pending--
          changed()
        }
        native.addEventListener('complete', end)
        // A failed request Dexie handles does not end the transaction; an unhandled one aborts it.
        native.addEventListener('abort', end)
      }
      return tx
    }
  })
}
