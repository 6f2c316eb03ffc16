// The export and backup channels through the real dispatcher, with fake MainDeps whose dialogs
// answer with paths in a temporary folder.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../shared/ipc/dispatch'
import type { IpcResult } from '../../shared/ipc/define'
import type { BackupPayload } from '../../shared/export/backup-format'
import type { ReimportResult, RestoreResult, SavedFile } from '../../shared/ipc/channels/export'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { MainDeps } from '../deps'
import { exportHandlers } from './export'
import { AUTO_BACKUPS_KEPT, backupHandlers } from './backup'
import { reimportHandlers } from './reimport'
import { createFileGrants } from '../files/grants'
import { createWarmWorker } from '../excel/import/warm-worker'

function setup(given: { open?: (string | null)[]; save?: (string | null)[] } = {}) {
  const answers = { open: given.open ?? [], save: given.save ?? [] }
  const dir = mkdtempSync(join(tmpdir(), 'qm-export-'))
  const userDataDir = join(dir, 'userData')
  const appDir = join(dir, 'app')
  const recent: string[] = []
  const saveDefaults: string[] = []
  const deps: MainDeps = {
    userDataDir,
    appName: 'Quartermaster',
    appVersion: '0.1.0',
    electronVersion: null,
    locale: 'en',
    dialogs: {
      showOpen: async () => answers.open.shift() ?? null,
      showSave: async ({ defaultPath }) => {
        saveDefaults.push(defaultPath)
        return answers.save.shift() ?? null
      },
      confirm: async () => true
    },
    openExternal: async () => undefined,
    openPath: async () => '',
    writesFlushed: () => undefined,
    setTitle: () => undefined,
    setLanguage: () => undefined,
    noteRecentFile: (p) => recent.push(p),
    lastFolder: () => null,
    grants: createFileGrants()
  }
  let clock = Date.parse('2026-11-26T10:00:00.000Z')
  const options = { forbiddenDirs: [appDir], now: () => new Date((clock += 1000)) }
  const backupWorker = createWarmWorker()
  const dispatch = createDispatcher({
    ...exportHandlers(deps, options),
    ...reimportHandlers(deps, options),
    ...backupHandlers(deps, { ...options, backupWorker })
  })
  const events: { taskId: string; stage: string }[] = []
  const ctx = { emit: (_e: 'progress', p: { taskId: string; stage: string }) => void events.push(p) }
  const call = async <T>(channel: string, payload: unknown) =>
    (await dispatch(channel, payload, ctx)) as IpcResult<T>
  return { dir, userDataDir, appDir, recent, saveDefaults, events, call, answers, deps, backupWorker }
}

const value = <T>(r: IpcResult<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

function backupPayload(): BackupPayload {
  return {
    plans: [buildFreshFoodzPlan()],
    history: [],
    mappings: [],
    settings: [{ key: 'language', value: 'de' }]
  }
}

describe('export channels', () => {
  it('saves the allocation workbook where the user chose, with a default name of plan name and date', async () => {
    const s = setup()
    s.answers.save.push(join(s.dir, 'allocation'))
    const plan = buildFreshFoodzPlan()
    const saved = value(await s.call<SavedFile>('export:xlsx', { plan, language: 'en', taskId: 'x1' }))
    expect(s.saveDefaults[0]).toMatch(/^FreshFoodz Infrastructure Roadmap \d{4}-\d{2}-\d{2}\.xlsx$/)
    // The dialog answered without an extension (as Linux dialogs may): main adds it.
    expect(saved.path).toBe(join(s.dir, 'allocation.xlsx'))
    expect(s.recent).toEqual([saved.path])
    expect(s.events.map((e) => e.stage)).toEqual(['write', 'save', 'done'])
    const wb = XLSX.read(readFileSync(saved.path))
    expect(wb.SheetNames).toEqual([
      'Team allocation',
      'Budget',
      'Summary',
      'Risks',
      'Deliverables and metrics',
      '_qm'
    ])
    expect(wb.Workbook?.Sheets?.[5]?.Hidden).toBe(1)
  })

  it('answers null when the save dialog is cancelled, and writes nothing', async () => {
    const t = setup({ save: [null] })
    const r = value(await t.call('export:xlsx', { plan: buildFreshFoodzPlan(), language: 'de' }))
    expect(r).toBeNull()
    expect(t.saveDefaults[0]).toMatch(/\.xlsx$/)
    expect(readdirSync(t.dir)).toEqual([])
  })

  it("refuses paths in the app's own folder and wrong extensions", async () => {
    const t = setup()
    t.answers.save.push(join(t.appDir, 'resources', '..', 'x.xlsx'), 'relative.xlsx')
    const plan = buildFreshFoodzPlan()
    const r1 = await t.call('export:xlsx', { plan, language: 'en' })
    expect(r1).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/own folder/) }
    })
    const r2 = await t.call('export:xlsx', { plan, language: 'en' })
    expect(r2).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/absolute/) }
    })
  })

  it('refuses an invalid plan payload before any dialog opens', async () => {
    const t = setup({ save: ['/tmp/never.xlsx'] })
    const r = await t.call('export:xlsx', { plan: { plan: {} }, language: 'en' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(t.saveDefaults).toEqual([])
  })

  it('exports the team board as CSV with the formula-like role escaped', async () => {
    const t = setup()
    const path = join(t.dir, 'team.csv')
    const s = setup({ save: [path] })
    const plan = buildFreshFoodzPlan()
    plan.roles[0] = { ...plan.roles[0], name: '=HYPERLINK("http://example.com","x")' }
    value(await s.call('export:csv', { plan, language: 'en', board: 'team' }))
    const csv = readFileSync(path, 'utf8')
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`)
    expect(s.saveDefaults[0]).toMatch(/ team \d{4}-\d{2}-\d{2}\.csv$/)
  })

  it('re-imports an edited export and lists the edits against the current plan', async () => {
    const t = setup()
    const path = join(t.dir, 'plan.xlsx')
    const plan = buildFreshFoodzPlan()
    const s = setup({ save: [path] })
    value(await s.call('export:xlsx', { plan, language: 'en' }))
    const wb = XLSX.read(readFileSync(path), { cellFormula: true, cellNF: true })
    const ws = wb.Sheets['Budget']
    for (const key of Object.keys(ws)) {
      if (ws[key]?.v === plan.budgetLines[0].id) {
        const row = XLSX.utils.decode_cell(key).r
        ws[XLSX.utils.encode_cell({ r: row, c: 4 })] = { t: 'n', v: 12_345.67 }
      }
    }
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
    const r = value(await s.call<ReimportResult>('export:reimport', { plan, path, language: 'en' }))
    expect(r.samePlan).toBe(true)
    expect(r.diff.changes).toHaveLength(1)
    expect(r.diff.changes[0].fields).toEqual([{ field: 'amount', from: 2_000_000, to: 1_234_567 }])
    expect(r.planFromFile.budgetLines[0].amountCents).toBe(1_234_567)
  })

  it('refuses to re-import a workbook that is not an export, saying so', async () => {
    const t = setup()
    const path = join(t.dir, 'other.xlsx')
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a']]), 'S')
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
    // Never chosen by the user: refused before it is read.
    const unchosen = await t.call('export:reimport', { plan: buildFreshFoodzPlan(), path, language: 'en' })
    expect(unchosen).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/was not chosen in this session/) }
    })
    t.deps.grants.grant(path)
    const r = await t.call('export:reimport', { plan: buildFreshFoodzPlan(), path, language: 'en' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/not exported by Quartermaster/) }
    })
  })
})

describe('backup channels', () => {
  it('backs up, then restores exactly the same data', async () => {
    const t = setup()
    const path = join(t.dir, 'all.qmbackup')
    const s = setup({ save: [path], open: [path] })
    const payload = backupPayload()
    const saved = value(await s.call<SavedFile>('backup:write', { payload, language: 'en' }))
    expect(s.saveDefaults[0]).toMatch(/^Quartermaster backup \d{4}-\d{2}-\d{2}\.qmbackup$/)
    expect(saved.path).toBe(path)
    const restored = value(await s.call<RestoreResult>('backup:restore', { language: 'en', taskId: 'r' }))
    expect(restored.payload).toEqual(payload)
    expect(restored.migratedFrom).toBeNull()
  })

  it('refuses a truncated backup with a clear message', async () => {
    const t = setup()
    const path = join(t.dir, 'all.qmbackup')
    const s = setup({ save: [path], open: [path] })
    value(await s.call('backup:write', { payload: backupPayload(), language: 'en' }))
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * 0.7)))
    const r = await s.call('backup:restore', { language: 'en' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/truncated or damaged.*Nothing was restored/) }
    })
    // Refused in the worker kept warm, which stays for the next restore (the whole file again).
    writeFileSync(path, bytes)
    s.answers.open.push(path)
    const again = value(await s.call<RestoreResult>('backup:restore', { language: 'en' }))
    expect(again.payload.plans).toHaveLength(1)
    expect(s.backupWorker.started).toBe(1)
    await s.backupWorker.close()
  })

  it('keeps the last 10 automatic backups in <userData>/backups and lists them newest first', async () => {
    const t = setup()
    const paths: string[] = []
    for (let i = 0; i < AUTO_BACKUPS_KEPT + 3; i++) {
      const r = await autoBackup(t, backupPayload(), i % 2 ? 'restore' : 'import')
      paths.push(r.path)
      expect(r.kept).toBe(Math.min(i + 1, AUTO_BACKUPS_KEPT))
    }
    const files = readdirSync(join(t.userDataDir, 'backups')).sort()
    expect(files).toHaveLength(AUTO_BACKUPS_KEPT)
    expect(files).toEqual(
      paths
        .slice(3)
        .map((p) => p.split('/').pop())
        .sort()
    )
    const list = value(await t.call<{ path: string }[]>('backup:list-auto', {}))
    expect(list.map((b) => b.path)).toEqual(paths.slice(3).reverse())
    // An automatic backup restores by path; any other path is refused.
    const restored = value(
      await t.call<RestoreResult>('backup:restore', { path: list[0].path, language: 'en' })
    )
    expect(restored.payload.plans[0].plan.name).toBe('FreshFoodz Infrastructure Roadmap')
    const other = await t.call('backup:restore', { path: join(t.dir, 'elsewhere.qmbackup'), language: 'en' })
    expect(other).toMatchObject({ ok: false, error: { code: 'refused' } })
    // Thirteen backups, all checked in the one worker kept warm for them, and restored in it too.
    expect(t.backupWorker.started).toBe(1)
    await t.backupWorker.close()
  }, 60_000)

  it('takes an automatic backup in parts, checks it whole, and refuses damaged or unknown uploads', async () => {
    const t = setup()
    const payload = backupPayload()
    const saved = await autoBackup(t, payload, 'import', 7)
    const restored = value(
      await t.call<RestoreResult>('backup:restore', { path: saved.path, language: 'en' })
    )
    expect(restored.payload).toEqual(JSON.parse(JSON.stringify(payload)))

    const { uploadId } = value(await t.call<{ uploadId: string }>('backup:auto-begin', { reason: 'import' }))
    value(await t.call('backup:auto-part', { uploadId, bytes: deflate(payload).subarray(0, 100) }))
    expect(await t.call('backup:auto-finish', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/incomplete or damaged/) }
    })
    // Whole JSON that is not a backup (a line without its amount) is refused too.
    const broken = JSON.parse(JSON.stringify(payload)) as { plans: { budgetLines: object[] }[] }
    broken.plans[0]!.budgetLines[0] = { ...broken.plans[0]!.budgetLines[0], amountCents: 'ten' }
    const second = value(await t.call<{ uploadId: string }>('backup:auto-begin', { reason: 'import' }))
    value(await t.call('backup:auto-part', { uploadId: second.uploadId, bytes: deflate(broken) }))
    expect(await t.call('backup:auto-finish', { uploadId: second.uploadId })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/incomplete or damaged/) }
    })
    // Finished (or failed) uploads are gone; nothing else was written.
    expect(await t.call('backup:auto-part', { uploadId, bytes: deflate({}) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    expect(readdirSync(join(t.userDataDir, 'backups'))).toHaveLength(1)
    await t.backupWorker.close()
  })

  it('refuses the part after one the worker could not read, and drops that upload', async () => {
    const t = setup()
    const bytes = deflate(backupPayload())
    const { uploadId } = value(await t.call<{ uploadId: string }>('backup:auto-begin', { reason: 'import' }))
    // Not a deflate stream: the worker refuses it as it reads it, before any finish.
    value(await t.call('backup:auto-part', { uploadId, bytes: new Uint8Array([0xff, 0xff, 0xff]) }))
    await t.backupWorker.session().backupDrop('unrelated') // the worker has answered the part by now
    expect(await t.call('backup:auto-part', { uploadId, bytes })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/incomplete or damaged/) }
    })
    expect(await t.call('backup:auto-finish', { uploadId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    // The worker serves the next backup.
    await autoBackup(t, backupPayload(), 'import')
    expect(readdirSync(join(t.userDataDir, 'backups'))).toHaveLength(1)
    expect(t.backupWorker.started).toBe(1)
    await t.backupWorker.close()
  })

  it('drops an upload the window abandons at once, and the worker serves the next backup', async () => {
    const t = setup()
    const bytes = deflate(backupPayload())
    const { uploadId } = value(await t.call<{ uploadId: string }>('backup:auto-begin', { reason: 'import' }))
    value(await t.call('backup:auto-part', { uploadId, bytes: bytes.subarray(0, 1000) }))
    // Reading the rest of the data failed in the window: it aborts.
    expect(value(await t.call('backup:auto-abort', { uploadId }))).toEqual({ dropped: true })
    expect(await t.call('backup:auto-part', { uploadId, bytes: bytes.subarray(1000) })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
    // The worker forgot the parts too (finishing them there finds nothing), and is still the one.
    const worker = t.backupWorker.session()
    await expect(worker.backupFinish(uploadId, { createdAt: 'x', appVersion: 'y' })).rejects.toThrow(
      /incomplete or damaged/
    )
    expect(value(await t.call('backup:auto-abort', { uploadId }))).toEqual({ dropped: false })
    const saved = await autoBackup(t, backupPayload(), 'import')
    expect(readdirSync(join(t.userDataDir, 'backups'))).toEqual([saved.path.split('/').pop()])
    expect(t.backupWorker.started).toBe(1)
    await t.backupWorker.close()
  })
})

/** JSON text deflated as the window sends an automatic backup's. */
const deflate = (payload: unknown) => new Uint8Array(deflateRawSync(JSON.stringify(payload)))

/** An automatic backup as the renderer sends it: begin, the deflated JSON text in `parts` parts, finish. */
async function autoBackup(
  t: ReturnType<typeof setup>,
  payload: unknown,
  reason: 'import' | 'restore',
  parts = 3
): Promise<SavedFile & { kept: number }> {
  const { uploadId } = value(await t.call<{ uploadId: string }>('backup:auto-begin', { reason }))
  const bytes = deflate(payload)
  const size = Math.ceil(bytes.length / parts)
  for (let at = 0; at < bytes.length; at += size)
    value(await t.call('backup:auto-part', { uploadId, bytes: bytes.subarray(at, at + size) }))
  return value(await t.call<SavedFile & { kept: number }>('backup:auto-finish', { uploadId }))
}
