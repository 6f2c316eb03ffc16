// Helpers for the Dexie layer's tests (live queries answer asynchronously).
import { allRows, planRows, type Row, type RowTable } from './rows'

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

/**
 * A plan table's rows as tests check them, read through rows.ts (allocations and budget lines are
 * stored packed, not a record per row): by id across plans, counted, or a plan's.
 */
export function tableRows<T extends Row = Row & Record<string, unknown>>(table: RowTable) {
  const all = () => allRows<T>(table)
  return {
    get: async (id: string): Promise<T | undefined> => (await all()).find((r) => r.id === id),
    bulkGet: async (ids: readonly string[]): Promise<(T | undefined)[]> => {
      const byId = new Map((await all()).map((r) => [r.id, r]))
      return ids.map((id) => byId.get(id))
    },
    count: async (): Promise<number> => (await all()).length,
    toArray: all,
    inPlan: (planId: string) => ({
      count: async (): Promise<number> => (await planRows<T>(table, planId)).length,
      first: async (): Promise<T | undefined> => (await planRows<T>(table, planId))[0],
      toArray: () => planRows<T>(table, planId)
    })
  }
}
