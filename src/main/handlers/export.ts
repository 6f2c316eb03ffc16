// Handlers of export, re-import and backup: dialogs through MainDeps, paths checked here,
// files written atomically, recent files noted. No electron import: tests run these as they are.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { MainDeps } from '../deps'
import type { Handlers, HandlerContext } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import type { AutoBackup, ReimportResult } from '../../shared/ipc/channels/export'
import { boardCsv } from '../../shared/export/csv'
import { diffExport, planFromExport } from '../../shared/export/diff'
import {
  autoBackupName,
  autoBackupReason,
  type AutoBackupReason,
  BACKUP_EXTENSION,
  BackupError,
  backupPayloadSchema,
  decodeBackup,
  encodeBackup,
  type BackupPayload
} from '../../shared/export/backup-format'
import { newId } from '../../shared/planning/ids'
import { writeAllocationWorkbook } from '../excel/export/write-workbook'
import { ExportReadError, readAllocationWorkbook } from '../excel/export/read-workbook'
import { writeFileAtomic } from '../files/atomic-write'
import { appInstallDirs, checkFilePath, isInside, safeFileStem, withExtension } from '../files/paths'

/** Automatic backups kept in <userData>/backups; older ones are deleted. */
export const AUTO_BACKUPS_KEPT = 10
/** Largest file re-import or restore reads into memory. */
const MAX_READ_BYTES = 512 * 1024 * 1024

/** An automatic backup's JSON text may be this long (the same bound as a file restore reads). */
const MAX_BACKUP_CHARS = MAX_READ_BYTES
/** Automatic backups received in parts at once, and how long an unfinished one is kept. */
const MAX_UPLOADS = 4
const UPLOAD_EXPIRES_MS = 10 * 60_000

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const TEXT = {
  en: {
    exportTitle: 'Export allocation sheet',
    csvTitle: 'Export board as CSV',
    reimportTitle: 'Re-import an exported allocation sheet',
    backupTitle: 'Back up all plans',
    restoreTitle: 'Restore from a backup',
    excel: 'Excel workbook',
    csv: 'CSV file',
    backup: 'Quartermaster backup',
    backupName: 'Quartermaster backup'
  },
  de: {
    exportTitle: 'Zuordnungstabelle exportieren',
    csvTitle: 'Board als CSV exportieren',
    reimportTitle: 'Exportierte Zuordnungstabelle wieder einlesen',
    backupTitle: 'Alle Pläne sichern',
    restoreTitle: 'Aus einer Sicherung wiederherstellen',
    excel: 'Excel-Arbeitsmappe',
    csv: 'CSV-Datei',
    backup: 'Quartermaster-Sicherung',
    backupName: 'Quartermaster Sicherung'
  }
} as const

/** Local calendar date, e.g. 2026-11-26: what a person expects in a file name. */
export function localDate(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

export type ExportHandlerOptions = {
  /** Folders never written into (defaults to the app's installation folder). */
  forbiddenDirs?: string[]
  now?: () => Date
}

export function exportHandlers(
  deps: MainDeps,
  options: ExportHandlerOptions = {}
): Pick<
  Handlers,
  | 'export:xlsx'
  | 'export:csv'
  | 'export:reimport'
  | 'backup:write'
  | 'backup:auto-begin'
  | 'backup:auto-part'
  | 'backup:auto-finish'
  | 'backup:list-auto'
  | 'backup:restore'
> {
  const forbiddenDirs = options.forbiddenDirs ?? appInstallDirs()
  const now = options.now ?? (() => new Date())
  const backupsDir = join(deps.userDataDir, 'backups')
  /** Automatic backups being received in parts (backup:auto-begin, -part, -finish). */
  const uploads = new Map<
    string,
    { reason: AutoBackupReason; parts: string[]; chars: number; startedAt: number }
  >()

  const progress = (
    ctx: HandlerContext,
    taskId: string | undefined,
    stage: string,
    done: number,
    total: number
  ) => {
    if (taskId) ctx.emit('progress', { taskId, stage, done, total })
  }

  /** Save dialog → checked absolute path with the extension, or null when cancelled. */
  const askSavePath = async (title: string, filterName: string, ext: string, defaultName: string) => {
    const chosen = await deps.dialogs.showSave({
      title,
      filters: [{ name: filterName, extensions: [ext] }],
      defaultPath: defaultName
    })
    if (chosen === null) return null
    return checkedPath(withExtension(chosen, ext), [ext])
  }

  const checkedPath = (path: string, extensions: string[]) => {
    const check = checkFilePath(path, { extensions, forbiddenDirs })
    if (!check.ok) throw new HandlerError('refused', check.reason)
    return check.path
  }

  const save = async (path: string, bytes: Uint8Array | string, remember: boolean) => {
    try {
      await writeFileAtomic(path, bytes)
    } catch (err) {
      throw new HandlerError('failed', `The file could not be saved (${describeFsError(err)}): ${path}`)
    }
    if (remember) deps.noteRecentFile(path)
    return { path, bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length }
  }

  const readChecked = async (path: string, extensions: string[]) => {
    const full = checkedPath(path, extensions)
    let size: number
    try {
      const s = await stat(full)
      if (!s.isFile()) throw new HandlerError('refused', `Not a file: ${full}`)
      size = s.size
    } catch (err) {
      if (err instanceof HandlerError) throw err
      throw new HandlerError('not-found', `The file cannot be read (${describeFsError(err)}): ${full}`)
    }
    if (size > MAX_READ_BYTES)
      throw new HandlerError(
        'refused',
        `The file is too large to read (${Math.round(size / 1e6)} MB): ${full}`
      )
    return { path: full, bytes: new Uint8Array(await readFile(full)) }
  }

  const pruneAutoBackups = async () => {
    const names = (await readdir(backupsDir)).filter(isAutoBackupName).sort()
    const extra = names.slice(0, Math.max(0, names.length - AUTO_BACKUPS_KEPT))
    for (const name of extra) await rm(join(backupsDir, name), { force: true })
    return names.length - extra.length
  }

  return {
    'export:xlsx': async ({ plan, language, taskId }, ctx) => {
      const t = TEXT[language]
      const path = await askSavePath(
        t.exportTitle,
        t.excel,
        'xlsx',
        `${safeFileStem(plan.plan.name)} ${localDate(now())}.xlsx`
      )
      if (!path) return null
      progress(ctx, taskId, 'write', 0, 2)
      const bytes = await writeAllocationWorkbook(plan, { language, exportedAt: now() })
      progress(ctx, taskId, 'save', 1, 2)
      const saved = await save(path, bytes, true)
      progress(ctx, taskId, 'done', 2, 2)
      return saved
    },

    'export:csv': async ({ plan, language, board, taskId }, ctx) => {
      const t = TEXT[language]
      const suffix = board === 'team' ? (language === 'de' ? 'Team' : 'team') : 'budget'
      const path = await askSavePath(
        t.csvTitle,
        t.csv,
        'csv',
        `${safeFileStem(plan.plan.name)} ${suffix} ${localDate(now())}.csv`
      )
      if (!path) return null
      progress(ctx, taskId, 'write', 0, 1)
      const saved = await save(path, boardCsv(plan, board, language), false)
      progress(ctx, taskId, 'done', 1, 1)
      return saved
    },

    'export:reimport': async ({ plan, path, language, taskId }, ctx) => {
      const t = TEXT[language]
      const chosen =
        path ??
        (await deps.dialogs.showOpen({
          title: t.reimportTitle,
          filters: [{ name: t.excel, extensions: ['xlsx'] }]
        }))
      if (chosen === null) return null
      progress(ctx, taskId, 'read', 0, 2)
      const file = await readChecked(chosen, ['xlsx'])
      let read
      try {
        read = readAllocationWorkbook(file.bytes)
      } catch (err) {
        if (err instanceof ExportReadError)
          throw new HandlerError('refused', err.message, { reason: err.code })
        throw err
      }
      progress(ctx, taskId, 'compare', 1, 2)
      const diff = diffExport(read.stored, read.visible, plan, { newId })
      const planFromFile = planFromExport(read.stored, read.visible, { newId })
      deps.noteRecentFile(file.path)
      progress(ctx, taskId, 'done', 2, 2)
      const result: ReimportResult = {
        path: file.path,
        source: { planId: read.stored.plan.id, planName: read.stored.plan.name },
        samePlan: read.stored.plan.id === plan.plan.id,
        diff,
        planFromFile
      }
      return result
    },

    'backup:write': async ({ payload, language, taskId }, ctx) => {
      const t = TEXT[language]
      const path = await askSavePath(
        t.backupTitle,
        t.backup,
        BACKUP_EXTENSION,
        `${t.backupName} ${localDate(now())}.${BACKUP_EXTENSION}`
      )
      if (!path) return null
      progress(ctx, taskId, 'write', 0, 1)
      const bytes = encodeBackup(payload, {
        createdAt: now().toISOString(),
        appVersion: deps.appVersion,
        sha256
      })
      const saved = await save(path, bytes, false)
      progress(ctx, taskId, 'done', 1, 1)
      return saved
    },

    'backup:auto-begin': async ({ reason }) => {
      // Uploads the renderer left unfinished (a crash between parts) are dropped after a while.
      for (const [id, u] of uploads) if (now().getTime() - u.startedAt > UPLOAD_EXPIRES_MS) uploads.delete(id)
      if (uploads.size >= MAX_UPLOADS)
        throw new HandlerError('refused', 'Too many backups are being written at once.')
      const uploadId = newId()
      uploads.set(uploadId, { reason, parts: [], chars: 0, startedAt: now().getTime() })
      return { uploadId }
    },

    'backup:auto-part': async ({ uploadId, text }) => {
      const u = uploads.get(uploadId)
      if (!u) throw new HandlerError('not-found', 'This backup is no longer being written; start again.')
      u.chars += text.length
      if (u.chars > MAX_BACKUP_CHARS) {
        uploads.delete(uploadId)
        throw new HandlerError('refused', 'The backup is too large to be written.')
      }
      u.parts.push(text)
      return { received: u.chars }
    },

    'backup:auto-finish': async ({ uploadId }) => {
      const u = uploads.get(uploadId)
      if (!u) throw new HandlerError('not-found', 'This backup is no longer being written; start again.')
      uploads.delete(uploadId)
      let payload: BackupPayload
      try {
        payload = backupPayloadSchema.parse(JSON.parse(u.parts.join(''))) as BackupPayload
      } catch {
        throw new HandlerError('refused', 'The backup data is incomplete or damaged; nothing was written.')
      }
      await mkdir(backupsDir, { recursive: true })
      const at = now()
      const bytes = encodeBackup(payload, {
        createdAt: at.toISOString(),
        appVersion: deps.appVersion,
        sha256
      })
      let name = autoBackupName(at, u.reason)
      for (let i = 2; await exists(join(backupsDir, name)); i++)
        name = autoBackupName(at, u.reason).replace(/\.qmbackup$/, `-${i}.qmbackup`)
      const saved = await save(join(backupsDir, name), bytes, false)
      const kept = await pruneAutoBackups()
      return { ...saved, kept }
    },

    'backup:list-auto': async () => {
      let names: string[]
      try {
        names = (await readdir(backupsDir)).filter(isAutoBackupName)
      } catch {
        return []
      }
      const out: AutoBackup[] = []
      for (const name of names.sort().reverse()) {
        const path = join(backupsDir, name)
        const s = await stat(path).catch(() => null)
        if (s?.isFile()) out.push({ path, name, bytes: s.size, createdAt: s.mtime.toISOString() })
      }
      return out
    },

    'backup:restore': async ({ path, language, taskId }, ctx) => {
      // A path from the renderer may only name one of the automatic backups; anything else goes through the dialog.
      if (path !== undefined && !(isInside(path, backupsDir) && isAutoBackupName(basename(path)))) {
        throw new HandlerError(
          'refused',
          'Only automatic backups can be restored by path; pick other files in the dialog.'
        )
      }
      const t = TEXT[language]
      const chosen =
        path ??
        (await deps.dialogs.showOpen({
          title: t.restoreTitle,
          filters: [{ name: t.backup, extensions: [BACKUP_EXTENSION] }]
        }))
      if (chosen === null) return null
      progress(ctx, taskId, 'read', 0, 2)
      const file = await readChecked(chosen, [BACKUP_EXTENSION])
      progress(ctx, taskId, 'check', 1, 2)
      try {
        const decoded = decodeBackup(file.bytes, { sha256 })
        progress(ctx, taskId, 'done', 2, 2)
        return {
          path: file.path,
          createdAt: decoded.header.createdAt,
          appVersion: decoded.header.appVersion,
          schemaVersion: decoded.header.schemaVersion,
          migratedFrom: decoded.migratedFrom,
          payload: decoded.payload
        }
      } catch (err) {
        if (err instanceof BackupError) throw new HandlerError('refused', err.message, { reason: err.code })
        throw err
      }
    }
  }
}

const isAutoBackupName = (name: string) => autoBackupReason(name) !== null

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOSPC':
      return 'the disk is full'
    case 'ENOENT':
      return 'the folder does not exist'
    case 'EROFS':
      return 'the disk is read-only'
    case 'EISDIR':
      return 'a folder has that name'
    default:
      return err instanceof Error ? err.message : String(err)
  }
}
