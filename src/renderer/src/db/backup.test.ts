import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { smallPlan } from '../../../../test/support/testing'
import { setBudgetAmount } from '@shared/planning/moves'
import { clonePlanData } from '@shared/planning/clone'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import { db } from './db'
import { commitChanges, undo } from './commit'
import { createPlanFromData, deletePlan } from './plans'
import { INLINE_CHANGES, loadEntry } from './history-store'
import {
  PieceQueue,
  autoBackup,
  collectBackup,
  collectBackupText,
  restoreMerge,
  restoreReplace,
  streamBackupText
} from './backup'
import type { BackupPayload } from '@shared/export/backup-format'
import { tableRows } from './testing'
import type { BudgetLine } from '@shared/planning/types'

const budgetLineRows = tableRows<BudgetLine>('budgetLines')

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
async function dump() {
  const out: Record<string, unknown[]> = {}
  for (const t of db.tables) out[t.name] = await t.toArray()
  return out
}

beforeEach(wipe)
afterEach(wipe)

async function seed() {
  const plan = smallPlan()
  await createPlanFromData(plan)
  const copy = clonePlanData(plan, { newPlanId: 's1', name: 'What if', now: '2026-01-01T00:00:00.000Z' })
  await createPlanFromData(copy)
  const line = plan.budgetLines[0]
  await commitChanges(
    'p',
    'edit',
    { key: 'history.edit', values: {} },
    setBudgetAmount(plan, line.id, 12_345)
  )
  await commitChanges(
    's1',
    'edit',
    { key: 'history.edit', values: {} },
    setBudgetAmount(copy, copy.budgetLines[1].id, 1)
  )
  await db.mappings.put({
    id: 'fp',
    target: 'budgetLines',
    mapping: { A: 'title' },
    options: {},
    usedAt: 'x'
  })
  await db.settings.put({ key: 'currentPlanId', value: 's1' })
}

describe('backup and restore in the database', () => {
  it('replace after a wipe gives back exactly what was backed up, history numbers included', async () => {
    await seed()
    const before = await dump()
    const payload = await collectBackup()
    expect(payload.plans.map((p) => p.plan.id).sort()).toEqual(['p', 's1'])
    expect(payload.history).toHaveLength(2)
    // Something else in the app at restore time: replace removes it.
    await wipe()
    const other = smallPlan()
    await db.plans.add({ ...other.plan, id: 'other' })
    await restoreReplace(payload)
    expect(await dump()).toEqual(before)
  })

  it('restores a backup written before risks and budget lines had an order: numbered, and its history still undoes', async () => {
    await seed()
    await db.risks.put({ ...buildFreshFoodzPlan({ planId: 'p', now: 't' }).risks[0]!, planId: 'p', order: 1 })
    const before = await dump()
    const payload = await collectBackup()
    // As an older version wrote it: no order on risks and lines, in the plans or the history.
    const strip = (row: unknown) => {
      if (row === null || typeof row !== 'object') return row
      const { order: _o, ...rest } = row as { order?: number }
      return rest
    }
    const old = JSON.parse(JSON.stringify(payload)) as BackupPayload
    for (const p of old.plans) {
      p.risks = p.risks.map(strip) as typeof p.risks
      p.budgetLines = p.budgetLines.map(strip) as typeof p.budgetLines
    }
    for (const h of old.history)
      h.changes = h.changes.map((c) =>
        c.table === 'budgetLines' || c.table === 'risks'
          ? ({ ...c, before: strip(c.before), after: strip(c.after) } as typeof c)
          : c
      )
    await wipe()
    await restoreReplace(old)
    // smallPlan lists l1 (order 1) before l2 (order 2) in ph1 and l3 alone in ph2: the same numbers.
    expect(await dump()).toEqual(before)
    await undo('p')
    expect(await budgetLineRows.get('l1')).toEqual(smallPlan().budgetLines[0])
  })

  it('a long history entry (stored in parts) is backed up whole and restored into parts again', async () => {
    await seed()
    const line = (await budgetLineRows.inPlan('p').first())!
    const lines = Array.from({ length: INLINE_CHANGES + 5 }, (_, i) => ({ ...line, id: `big-${i}` }))
    await commitChanges(
      'p',
      'import',
      { key: 'import', values: {} },
      lines.map((l) => ({ table: 'budgetLines' as const, id: l.id, before: null, after: l }))
    )
    const before = await dump()
    const payload = await collectBackup()
    const imported = payload.history.find((h) => h.kind === 'import')!
    expect(imported.changes).toHaveLength(lines.length)
    expect(imported).not.toHaveProperty('partCount')
    await wipe()
    await restoreReplace(payload)
    expect(await dump()).toEqual(before)
    expect(await db.historyParts.count()).toBe(2)
    expect((await loadEntry(imported.seq!))?.changes).toEqual(imported.changes)
  })

  it('merge adds the missing plans with their history after the app’s own, and keeps the plans both have', async () => {
    await seed()
    const payload = await collectBackup()
    // The app now has only the base plan, changed since the backup, with a history of its own.
    await deletePlan('s1')
    await db.mappings.clear()
    await db.plans.update('p', { name: 'Renamed in the app' })
    const result = await restoreMerge(payload)
    expect(result).toEqual({ added: ['s1'], kept: ['p'] })
    expect((await db.plans.get('p'))?.name).toBe('Renamed in the app')
    expect(await budgetLineRows.inPlan('s1').count()).toBe(3)
    const history = await db.history.orderBy('seq').toArray()
    expect(history.map((h) => h.planId)).toEqual(['p', 's1'])
    expect(history[1].seq).toBeGreaterThan(history[0].seq!)
    expect(await db.mappings.count()).toBe(1)
    expect((await db.settings.get('currentPlanId'))?.value).toBe('s1')
  })

  it('refuses to merge a plan whose rows clash with the app’s rows, and writes nothing', async () => {
    await seed()
    const payload = await collectBackup()
    const clash = {
      ...payload,
      plans: [{ ...payload.plans[0], plan: { ...payload.plans[0].plan, id: 'p2' } }]
    }
    const before = await dump()
    await expect(restoreMerge(clash)).rejects.toMatchObject({
      code: 'conflict',
      problem: { key: 'mergeClash', values: { name: payload.plans[0].plan.name } }
    })
    expect(await dump()).toEqual(before)
  })

  it('writes the same backup as JSON text in pieces, long history entries and ordered tables included', async () => {
    await seed()
    // An import-sized entry stored in parts, and more rows than one read page.
    const lines = Array.from({ length: INLINE_CHANGES * 3 + 11 }, (_, i) => ({
      id: `bulk-${String(i).padStart(5, '0')}`,
      planId: 'p',
      order: i + 3,
      phaseId: 'ph1',
      workstreamId: null,
      quarter: '2026-Q1' as const,
      category: 'Lizenzen',
      title: `Line ${i}`,
      amountCents: 100 + i,
      currency: 'EUR' as const
    }))
    await commitChanges(
      'p',
      'import',
      { key: 'importRows', values: {} },
      lines.map((l) => ({ table: 'budgetLines' as const, id: l.id, before: null, after: l }))
    )
    // A row of no plan is in no plan's data, in either form.
    await db.risks.put({ ...(await db.risks.toArray())[0], id: 'orphan', planId: 'gone' })
    expect(await db.historyParts.count()).toBeGreaterThan(1)

    const pieces = await collectBackupText()
    expect(pieces.length).toBeGreaterThan(10)
    // Budget lines stay in key order in the text (they carry their order), not in order as read.
    const linesById = (b: BackupPayload) => ({
      ...b,
      plans: b.plans.map((p) => ({
        ...p,
        budgetLines: [...p.budgetLines].sort((x, y) => (x.id < y.id ? -1 : 1))
      }))
    })
    expect(linesById(JSON.parse(pieces.join('')) as BackupPayload)).toEqual(linesById(await collectBackup()))
  })

  it('ends the upload in main at once when reading the data for an automatic backup fails', async () => {
    await seed()
    const calls: { channel: string; request: unknown }[] = []
    const invoke = async (channel: string, request: unknown) => {
      calls.push({ channel, request })
      if (channel === 'backup:auto-begin') return { ok: true, value: { uploadId: 'u1' } }
      if (channel === 'backup:auto-abort') return { ok: true, value: { dropped: true } }
      return { ok: true, value: { received: 0 } }
    }
    vi.stubGlobal('window', { api: { invoke, on: () => () => undefined } })
    const failed = vi.spyOn(db, 'transaction').mockRejectedValueOnce(new Error('The disk is gone'))
    try {
      await expect(autoBackup('import')).rejects.toThrow('The disk is gone')
    } finally {
      failed.mockRestore()
      vi.unstubAllGlobals()
    }
    // Begun, nothing sent, then aborted: main drops the upload instead of keeping it 10 minutes.
    expect(calls).toEqual([
      { channel: 'backup:auto-begin', request: { reason: 'import' } },
      { channel: 'backup:auto-abort', request: { uploadId: 'u1' } }
    ])
  })

  it("hands out the text as it reads: the first plan's rows before the history is read", async () => {
    await seed()
    const events: string[] = []
    const historyRead = db.history.toArray.bind(db.history)
    const spy = vi.spyOn(db.history, 'toArray').mockImplementation(() => {
      events.push('history read')
      return historyRead()
    })
    const pieces: string[] = []
    try {
      await streamBackupText((piece) => {
        // Rows are handed out as they were read, to be stringified where they are deflated.
        const text = typeof piece === 'string' ? piece : JSON.stringify(piece).slice(1, -1)
        pieces.push(text)
        events.push(text)
      })
    } finally {
      spy.mockRestore()
    }
    expect(pieces.join('')).toBe((await collectBackupText()).join(''))
    // The first plan's budget lines went out before the history was read.
    const plans = await db.plans.orderBy('id').toArray()
    const firstLine = (await budgetLineRows.inPlan(plans[0]!.id).first())!
    const lineAt = events.findIndex((e) => e.includes(`"id":"${firstLine.id}"`))
    expect(lineAt).toBeGreaterThan(0)
    expect(lineAt).toBeLessThan(events.indexOf('history read'))
  })

  it('sends the backup deflated in parts that inflate to exactly its JSON text, characters cut between slices included', async () => {
    await seed()
    // A long text of characters outside the BMP: one key or the other puts a slice's end inside a pair.
    for (const key of ['x', 'xy']) {
      await db.settings.put({ key, value: '🚚'.repeat(200_000) })
      const parts: Uint8Array[] = []
      const invoke = async (channel: string, request: { bytes?: Uint8Array }) => {
        if (channel === 'backup:auto-part') parts.push(request.bytes!)
        const value =
          channel === 'backup:auto-begin'
            ? { uploadId: 'u1' }
            : channel === 'backup:auto-finish'
              ? { path: '/backups/auto.qmbackup', bytes: 1, kept: 1 }
              : { received: 0 }
        return { ok: true, value }
      }
      vi.stubGlobal('window', { api: { invoke, on: () => () => undefined } })
      try {
        expect(await autoBackup('import')).toBe('/backups/auto.qmbackup')
      } finally {
        vi.unstubAllGlobals()
      }
      expect(parts.length).toBeGreaterThan(0)
      const inflated = new Blob(parts as BlobPart[])
        .stream()
        .pipeThrough(new DecompressionStream('deflate-raw'))
      const text = await new Response(inflated).text()
      expect(text).toBe((await collectBackupText()).join(''))
      await db.settings.delete(key)
    }
  })

  it('hands the pieces to the deflating in order, long ones in slices put back, thousands of them', async () => {
    const queue = new PieceQueue()
    const sent: string[] = []
    for (let i = 0; i < 10_000; i++) sent.push(i % 3 ? `${'x'.repeat(100)}${i},` : `p${i},`)
    for (const piece of sent) queue.push(piece)
    queue.close()
    let text = ''
    for (let piece = await queue.take(); piece !== undefined; piece = await queue.take()) {
      const s = piece as string
      // Long pieces go out 40 characters at a time, the rest put back in front.
      if (s.length > 40) {
        text += s.slice(0, 40)
        queue.putBack(s.slice(40))
      } else text += s
    }
    expect(text).toBe(sent.join(''))
  })
})
