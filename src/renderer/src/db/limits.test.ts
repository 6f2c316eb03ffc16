// Plans at every limit are committed through the renderer's database and read back exactly;
// src/main/excel/export/limits.property.test.ts takes the same plans through backup and export.
import 'fake-indexeddb/auto'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { arbitraryLimitPlan } from '../../../../test/support/arbitrary-plan'
import { backupPayloadSchema } from '@shared/export/backup-format'
import { db } from './db'
import { createPlanFromData } from './plans'
import { loadPlanData } from './plan-data'
import { collectBackup } from './backup'

afterEach(() => Promise.all(db.tables.map((t) => t.clear())))

describe('plans at the limits in the database', () => {
  it('are committed and read back exactly, and their backup passes the backup schema', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryLimitPlan(2_000), async (plan) => {
        await Promise.all(db.tables.map((t) => t.clear()))
        await createPlanFromData(plan)
        const loaded = await loadPlanData(plan.plan.id)
        for (const table of [
          'phases',
          'workstreams',
          'roles',
          'allocations',
          'budgetLines',
          'risks'
        ] as const) {
          const byId = <T extends { id: string }>(rows: T[]) =>
            [...rows].sort((a, b) => a.id.localeCompare(b.id))
          expect(byId(loaded![table] as { id: string }[])).toEqual(byId(plan[table] as { id: string }[]))
        }
        expect(loaded!.plan).toEqual(plan.plan)
        const payload = await collectBackup()
        expect(backupPayloadSchema.safeParse(payload).success).toBe(true)
      }),
      { numRuns: 3 }
    )
  }, 240_000)
})
