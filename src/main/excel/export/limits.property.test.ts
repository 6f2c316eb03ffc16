// Plans at every limit (src/shared/limits.ts) go through backup, restore, export and re-import
// without losing a character, a cent or a basis point. The renderer's commit of the same plans is
// src/renderer/src/db/limits.test.ts.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryLimitPlan } from '../../../../test/support/arbitrary-plan'
import { decodeBackup, encodeBackup } from '../../../shared/export/backup-format'
import { diffExport, planFromExport } from '../../../shared/export/diff'
import { planDataSchema } from '../../../shared/export/plan-schema'
import type { PlanData } from '../../../shared/planning/types'
import { readAllocationWorkbook } from './read-workbook'
import { writeAllocationWorkbook } from './write-workbook'

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
let seq = 0
const newId = () => `new-${++seq}`

async function roundTrips(plan: PlanData) {
  expect(planDataSchema.safeParse(plan).success).toBe(true)
  const backup = encodeBackup(
    { plans: [plan], history: [], mappings: [], settings: [] },
    { createdAt: '2026-01-01T00:00:00.000Z', appVersion: '0.1.0', sha256 }
  )
  const restored = decodeBackup(backup, { sha256, sha256Stream: () => createHash('sha256') })
  expect(restored.payload.plans[0]).toEqual(plan)
  for (const language of ['en', 'de'] as const) {
    const read = readAllocationWorkbook(await writeAllocationWorkbook(plan, { language }))
    expect(read.stored).toEqual(plan)
    expect(diffExport(read.stored, read.visible, plan, { newId }).changes).toEqual([])
    expect(planFromExport(read.stored, read.visible, { newId })).toEqual(plan)
  }
}

describe('plans at the limits', () => {
  it('longest texts, extreme amounts and shares, both currencies: backed up, restored, exported, re-imported exactly', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLimitPlan(), roundTrips), { numRuns: 6 })
  }, 240_000)

  it('many rows at the extreme values round-trip too', async () => {
    await fc.assert(fc.asyncProperty(arbitraryLimitPlan(5_000), roundTrips), { numRuns: 1 })
  }, 240_000)
})
