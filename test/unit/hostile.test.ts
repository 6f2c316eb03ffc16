// Hostile files sent to re-import and restore: each is refused by the limits, in the parse worker.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/shared/ipc/dispatch'
import { buildFreshFoodzPlan } from '../../src/shared/planning/seed/freshfoodz'
import type { MainDeps } from '../../src/main/deps'
import { createFileGrants } from '../../src/main/files/grants'
import { backupHandlers } from '../../src/main/handlers/backup'
import { reimportHandlers } from '../../src/main/handlers/reimport'
import { gzipBombNoHeader, gzipBombWithHeader, lyingZip, zipBomb } from '../hostile-files'

const MB = 1024 * 1024

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'qm-hostile-'))
  const opens: string[] = []
  const deps = {
    userDataDir: join(dir, 'userData'),
    appVersion: '0.1.0',
    grants: createFileGrants(),
    dialogs: { showOpen: async () => opens.shift() ?? null },
    noteRecentFile: () => undefined
  } as unknown as MainDeps
  // Lower caps than the app's keep the test light; the rules are the same.
  const limits = { maxUncompressedBytes: 8 * MB, ratioFloorBytes: 4 * MB }
  const dispatch = createDispatcher({
    ...reimportHandlers(deps, { limits }),
    ...backupHandlers(deps, { limits, maxUnpackedBytes: 8 * MB })
  })
  const pick = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name)
    writeFileSync(path, bytes)
    opens.push(path)
  }
  const call = (channel: string, payload: unknown) => dispatch(channel, payload, { emit: () => undefined })
  return { pick, call }
}

const refused = (message: RegExp) => ({
  ok: false,
  error: { code: 'refused', message: expect.stringMatching(message) }
})

describe('hostile files', () => {
  const plan = buildFreshFoodzPlan()

  it('re-import refuses a zip bomb by its declared ratio', async () => {
    const t = setup()
    t.pick('bomb.xlsx', zipBomb(16 * MB))
    expect(await t.call('export:reimport', { plan, language: 'en' })).toMatchObject(refused(/zip bomb/))
  })

  it('re-import refuses a zip that unpacks to more than it declares, by what it unpacks to', async () => {
    const t = setup()
    t.pick('liar.xlsx', lyingZip(12 * MB))
    expect(await t.call('export:reimport', { plan, language: 'en' })).toMatchObject(
      refused(/unpacks to more than 8 MB \(more than it declares\)/)
    )
  })

  it('restore refuses a gzip bomb without a backup header after 64 kB', async () => {
    const t = setup()
    t.pick('bomb.qmbackup', gzipBombNoHeader(64 * MB))
    expect(await t.call('backup:restore', { language: 'en' })).toMatchObject(
      refused(/not a Quartermaster backup/)
    )
  })

  it('restore refuses a backup whose header declares more than the cap', async () => {
    const t = setup()
    t.pick('big.qmbackup', gzipBombWithHeader(1 * MB, 1024 * MB))
    expect(await t.call('backup:restore', { language: 'en' })).toMatchObject(
      refused(/would unpack to more than 8 MB/)
    )
  })

  it('restore refuses a gzip bomb whose data does not match its checksum, keeping none of it', async () => {
    const t = setup()
    t.pick('zeros.qmbackup', gzipBombWithHeader(6 * MB))
    expect(await t.call('backup:restore', { language: 'en' })).toMatchObject(
      refused(/checksum does not match/)
    )
  })
})
