// Backup and restore on the Dexie side: collect everything into one BackupPayload (main writes
// the file), and put a restored payload back — replacing everything, or merging in the plans
// the app does not have yet. Each write is one transaction: all of it or nothing.
import type { BackupPayload } from '@shared/export/backup-format'
import type { HistoryEntry } from '@shared/planning/types'
import { db, describeStorageError, PLAN_TABLES } from '../../db/db'
import { loadPlanData } from '../../db/plan-data'
import { CommitError } from '../../db/commit'
import { allWithChanges, HISTORY_TABLES, storeEntries } from '../../db/history-store'
import { invoke } from '../../lib/ipc'

const ALL_TABLES = ['plans', ...HISTORY_TABLES, 'mappings', 'settings', ...PLAN_TABLES] as const

/** Every plan and scenario with its entities, the whole history, remembered mappings and settings. */
export async function collectBackup(): Promise<BackupPayload> {
  const plans = await db.plans.toArray()
  const data = []
  for (const p of plans) {
    const d = await loadPlanData(p.id)
    if (d) data.push(d)
  }
  return {
    plans: data,
    history: await allWithChanges(await db.history.toArray()),
    mappings: (await db.mappings.toArray()) as BackupPayload['mappings'],
    settings: await db.settings.toArray()
  }
}

/** Writes an automatic backup of the current data into <userData>/backups (before an import or restore). */
export async function autoBackup(reason: 'import' | 'restore'): Promise<string> {
  const r = await invoke('backup:auto', { payload: await collectBackup(), reason })
  return r.path
}

/** Deletes everything and writes the backup in its place, history sequence numbers included. */
export async function restoreReplace(payload: BackupPayload): Promise<void> {
  try {
    await db.transaction('rw', [...ALL_TABLES], async () => {
      for (const t of ALL_TABLES) await db.table(t).clear()
      await db.plans.bulkAdd(payload.plans.map((p) => p.plan))
      for (const t of PLAN_TABLES) {
        const rows: unknown[] = payload.plans.flatMap((p): unknown[] => p[t])
        if (rows.length) await db.table(t).bulkAdd(rows)
      }
      await storeEntries(payload.history)
      if (payload.mappings.length) await db.mappings.bulkAdd(payload.mappings)
      if (payload.settings.length) await db.settings.bulkAdd(payload.settings)
    })
  } catch (err) {
    throw new CommitError('storage', describeStorageError(err))
  }
}

export type MergeResult = { added: string[]; kept: string[] }

/**
 * Adds the backup's plans that the app does not have (by plan id), with their history in its
 * original order; plans present in both stay as they are in the app. Mappings the app lacks are
 * added; settings stay the app's own.
 */
export async function restoreMerge(payload: BackupPayload): Promise<MergeResult> {
  try {
    return await db.transaction('rw', [...ALL_TABLES], async () => {
      const existing = new Set((await db.plans.toCollection().primaryKeys()) as string[])
      const incoming = payload.plans.filter((p) => !existing.has(p.plan.id))
      const kept = payload.plans.filter((p) => existing.has(p.plan.id)).map((p) => p.plan.id)
      // Entity ids are unique across plans: a plan whose rows clash with the app's rows cannot be merged as it is.
      for (const p of incoming) {
        for (const t of PLAN_TABLES) {
          const ids = p[t].map((e) => e.id)
          if (!ids.length) continue
          const clash = (await db.table(t).bulkGet(ids)).find((row) => row !== undefined) as
            { planId: string } | undefined
          if (clash) {
            throw new CommitError(
              'conflict',
              `The plan "${p.plan.name}" in the backup shares entries with a plan in the app; use Replace instead.`
            )
          }
        }
      }
      if (incoming.length) await db.plans.bulkAdd(incoming.map((p) => p.plan))
      for (const t of PLAN_TABLES) {
        const rows: unknown[] = incoming.flatMap((p): unknown[] => p[t])
        if (rows.length) await db.table(t).bulkAdd(rows)
      }
      const added = new Set(incoming.map((p) => p.plan.id))
      const history = payload.history
        .filter((h) => added.has(h.planId))
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
        // New sequence numbers: the app's own history keeps its numbers and order.
        .map(({ seq: _seq, ...rest }): HistoryEntry => rest)
      await storeEntries(history)
      const mappingIds = new Set((await db.mappings.toCollection().primaryKeys()) as string[])
      const mappings = payload.mappings.filter((m) => !mappingIds.has(m.id))
      if (mappings.length) await db.mappings.bulkAdd(mappings)
      return { added: [...added], kept }
    })
  } catch (err) {
    if (err instanceof CommitError) throw err
    throw new CommitError('storage', describeStorageError(err))
  }
}
