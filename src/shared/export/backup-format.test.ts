import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync, gzipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { smallPlan } from '../../../test/support/testing'
import type { BackupMigration, BackupPayload } from './backup-format'
import {
  autoBackupName,
  BACKUP_SCHEMA_VERSION,
  BackupError,
  decodeBackup,
  encodeBackup,
  migrateBackupPayload
} from './backup-format'

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const meta = { createdAt: '2026-11-26T01:00:00.000Z', appVersion: '0.1.0', sha256 }
const fixtureV1 = new Uint8Array(readFileSync(new URL('./fixtures/backup-v1.qmbackup', import.meta.url)))

function payload(): BackupPayload {
  const plan = smallPlan()
  const scenario = smallPlan()
  scenario.plan = { ...scenario.plan, id: 's1', baseId: plan.plan.id, name: 'Scenario' }
  scenario.phases = scenario.phases.map((e) => ({ ...e, planId: 's1' }))
  scenario.workstreams = scenario.workstreams.map((e) => ({ ...e, planId: 's1' }))
  scenario.roles = scenario.roles.map((e) => ({ ...e, planId: 's1' }))
  scenario.allocations = scenario.allocations.map((e) => ({ ...e, planId: 's1' }))
  scenario.budgetLines = scenario.budgetLines.map((e) => ({ ...e, planId: 's1' }))
  return {
    plans: [plan, scenario],
    history: [
      {
        seq: 7,
        planId: plan.plan.id,
        at: '2026-11-26T00:00:00.000Z',
        kind: 'move',
        summary: { key: 'history.move', values: { n: 1 } },
        changes: [
          {
            table: 'allocations',
            id: 'x1',
            before: plan.allocations[0],
            after: { ...plan.allocations[0], quarter: '2026-Q1' }
          }
        ],
        undone: true
      }
    ],
    mappings: [
      {
        id: 'm',
        target: 'allocations',
        mapping: { A: 'role', B: null },
        options: {},
        usedAt: '2026-11-01T00:00:00.000Z'
      }
    ],
    settings: [{ key: 'language', value: 'en' }]
  }
}

function expectRefused(bytes: Uint8Array, code: string, message: RegExp) {
  try {
    decodeBackup(bytes, { sha256 })
  } catch (err) {
    expect(err).toBeInstanceOf(BackupError)
    expect((err as BackupError).code).toBe(code)
    expect((err as Error).message).toMatch(message)
    return
  }
  throw new Error('the backup was accepted')
}

describe('backup format', () => {
  it('restores exactly what was backed up', () => {
    const data = payload()
    const decoded = decodeBackup(encodeBackup(data, meta), { sha256 })
    expect(decoded.payload).toEqual(data)
    expect(decoded.header).toMatchObject({
      format: 'quartermaster-backup',
      schemaVersion: BACKUP_SCHEMA_VERSION
    })
    expect(decoded.header.counts).toEqual({ plans: 2, history: 1, mappings: 1 })
    expect(decoded.migratedFrom).toBeNull()
  })

  it('refuses a truncated backup, whatever the cut', () => {
    const bytes = encodeBackup(payload(), meta)
    for (const keep of [bytes.length - 1, bytes.length - 9, Math.floor(bytes.length / 2), 40]) {
      expectRefused(bytes.slice(0, keep), 'truncated', /truncated/)
    }
  })

  it('refuses a damaged backup whose data no longer matches its checksum', () => {
    const data = payload()
    const text = new TextDecoder().decode(
      // Rebuild with one changed byte in the payload but the original header.
      (() => {
        const gz = encodeBackup(data, meta)
        return gunzipSync(gz)
      })()
    )
    const tampered = text.replace('"amountCents":20000', '"amountCents":20001')
    expect(tampered).not.toBe(text)
    expectRefused(gzipSync(strToU8(tampered)), 'damaged', /checksum does not match/)
  })

  it('refuses foreign files with a message that says what they are not', () => {
    expectRefused(new Uint8Array(), 'foreign', /not a Quartermaster backup\. The file is empty/)
    expectRefused(strToU8('PK\u0003\u0004 this is a zip file really'), 'foreign', /zip or Excel/)
    expectRefused(strToU8('{"plans": []} and then some more text'), 'foreign', /not a Quartermaster backup/)
    expectRefused(
      gzipSync(strToU8('{"format":"something-else"}\n{}')),
      'foreign',
      /not a Quartermaster backup/
    )
    expectRefused(gzipSync(strToU8('just text, no header line')), 'foreign', /no header/)
  })

  it('refuses a backup of a newer format and one whose data is not a plan', () => {
    const body = strToU8(
      JSON.stringify({ plans: [{ plan: { id: 1 } }], history: [], mappings: [], settings: [] })
    )
    const header = (v: number) =>
      JSON.stringify({
        format: 'quartermaster-backup',
        schemaVersion: v,
        createdAt: 'x',
        appVersion: '9.0.0',
        checksum: `sha256:${sha256(body)}`,
        payloadBytes: body.length,
        counts: { plans: 1, history: 0, mappings: 0 }
      })
    const file = (v: number) => gzipSync(new Uint8Array([...strToU8(header(v) + '\n'), ...body]))
    expectRefused(file(BACKUP_SCHEMA_VERSION + 1), 'newer-version', /newer Quartermaster \(9\.0\.0/)
    expectRefused(
      file(BACKUP_SCHEMA_VERSION),
      'invalid',
      /does not hold valid plan data \(plans\.0\.plan\.id/
    )
  })

  it('reads the version-1 backup fixture with the current code', () => {
    const decoded = decodeBackup(fixtureV1, { sha256 })
    expect(decoded.header.schemaVersion).toBe(1)
    expect(decoded.payload.plans[0].plan.name).toBe('Test plan')
    expect(decoded.payload.history[0].changes).toHaveLength(1)
    expect(decoded.payload.mappings[0].id).toBe('fp-1')
  })

  it('migrates the version-1 fixture through a chain of migrations, in order', () => {
    // Two future steps as they would be written: 1→2 renames mapping.usedAt, 2→3 adds a field to plans.
    const chain: BackupMigration[] = [
      {
        from: 2,
        describe: 'plans gain a colour',
        migrate: (p) => {
          const v = p as { plans: { plan: Record<string, unknown> }[] }
          return { ...v, plans: v.plans.map((d) => ({ ...d, plan: { ...d.plan, colour: 'blue' } })) }
        }
      },
      {
        from: 1,
        describe: 'mappings: usedAt → lastUsedAt, kept as usedAt too',
        migrate: (p) => {
          const v = p as { mappings: Record<string, unknown>[] }
          return { ...v, mappings: v.mappings.map((m) => ({ ...m, lastUsedAt: m.usedAt })) }
        }
      }
    ]
    const decoded = decodeBackup(fixtureV1, { sha256, migrations: chain, currentVersion: 3 })
    expect(decoded.migratedFrom).toBe(1)
    expect((decoded.payload.plans[0].plan as unknown as { colour: string }).colour).toBe('blue')
    expect((decoded.payload.mappings[0] as unknown as { lastUsedAt: string }).lastUsedAt).toBe(
      '2026-11-19T08:00:00.000Z'
    )
    expect(() => migrateBackupPayload({}, 1, chain.slice(0, 1), 3)).toThrow(/migration to 2 is missing/)
  })

  it('names automatic backups so they sort by time', () => {
    const a = autoBackupName(new Date('2026-11-26T01:02:03.004Z'), 'import')
    const b = autoBackupName(new Date('2026-11-26T01:02:03.005Z'), 'restore')
    expect(a).toBe('auto-2026-11-26T01-02-03-004Z-import.qmbackup')
    expect([b, a].sort()).toEqual([a, b])
  })

  describe('gzip bombs', () => {
    const header = (payloadBytes: number) =>
      JSON.stringify({
        format: 'quartermaster-backup',
        schemaVersion: 1,
        createdAt: 'x',
        appVersion: '0.1.0',
        checksum: `sha256:${'0'.repeat(64)}`,
        payloadBytes,
        counts: { plans: 0, history: 0, mappings: 0 }
      }) + '\n'
    const bomb = (head: string, zeros: number) => {
      const h = strToU8(head)
      const all = new Uint8Array(h.length + zeros)
      all.set(h)
      return gzipSync(all, { level: 9 })
    }

    it('refuses zeros without a header after the first 64 kB', () => {
      expectRefused(bomb('', 64 * 1024 * 1024), 'foreign', /no header/)
    })

    it('refuses a header that declares more than the cap, before inflating its data', () => {
      try {
        decodeBackup(bomb(header(2_000_000_000), 1024), { sha256, maxUnpackedBytes: 1024 * 1024 })
        throw new Error('the backup was accepted')
      } catch (err) {
        expect((err as BackupError).code).toBe('too-large')
        expect((err as Error).message).toMatch(/would unpack to more than 1 MB/)
      }
    })

    it('stops as soon as the data passes what the header declares', () => {
      expectRefused(bomb(header(1000), 64 * 1024 * 1024), 'damaged', /more data than its header declares/)
    })

    it('checks the checksum while streaming before keeping anything, when given a streaming hash', () => {
      const sha256Stream = () => createHash('sha256')
      const decoded = decodeBackup(encodeBackup(payload(), meta), { sha256, sha256Stream })
      expect(decoded.payload).toEqual(payload())
      try {
        decodeBackup(bomb(header(32 * 1024 * 1024), 32 * 1024 * 1024), { sha256, sha256Stream })
        throw new Error('the backup was accepted')
      } catch (err) {
        expect((err as BackupError).code).toBe('damaged')
      }
    })
  })
})
