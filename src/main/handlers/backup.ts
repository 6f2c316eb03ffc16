// Handlers of backup and restore: a backup where the user chose, automatic backups into
// <userData>/backups (the last 10 kept; checked in a parse worker kept warm for them), and
// restore, which decompresses and checks the file in that same worker (a streamed gunzip with a
// cap, time and heap limits), never on main's event loop.
import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import type { AutoBackup } from '../../shared/ipc/channels/export'
import {
  autoBackupName,
  autoBackupReason,
  type AutoBackupReason,
  BACKUP_EXTENSION,
  encodeBackup
} from '../../shared/export/backup-format'
import { LIMITS } from '../../shared/limits'
import { newId } from '../../shared/planning/ids'
import { withLimits, type ImportLimits } from '../excel/import/limits'
import type { ParseSession } from '../excel/import/session'
import { createWarmWorker, type WarmWorker } from '../excel/import/warm-worker'
import { FileRefusedError } from '../excel/import/errors'
import { isInside } from '../files/paths'
import { fileIo, localDate, TEXT, type FileHandlerOptions } from './file-io'
import { workerFailure } from './reimport'

/** Automatic backups kept in <userData>/backups; older ones are deleted. */
export const AUTO_BACKUPS_KEPT = 10

/** An automatic backup's deflated text may be this long (what a restore may read). */
const MAX_BACKUP_BYTES = LIMITS.backup.fileBytes
/** Automatic backups received in parts at once, and how long an unfinished one is kept. */
const MAX_UPLOADS = 4
const UPLOAD_EXPIRES_MS = 10 * 60_000

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

export type BackupHandlerOptions = FileHandlerOptions & {
  limits?: Partial<ImportLimits>
  workerPath?: string | URL
  /** Most a backup may unpack to (tests set it lower). */
  maxUnpackedBytes?: number
  /** The worker every automatic backup uses (createHandlers shares it); else one of these handlers' own. */
  backupWorker?: WarmWorker
}

export function backupHandlers(
  deps: MainDeps,
  options: BackupHandlerOptions = {}
): Pick<
  Handlers,
  | 'backup:write'
  | 'backup:auto-begin'
  | 'backup:auto-part'
  | 'backup:auto-finish'
  | 'backup:auto-abort'
  | 'backup:list-auto'
  | 'backup:restore'
> {
  const { now, progress, askSavePath, save, readChecked } = fileIo(deps, options)
  const limits = withLimits(options.limits)
  const workerPath = options.workerPath ?? deps.parseWorkerPath
  const maxUnpackedBytes = options.maxUnpackedBytes ?? LIMITS.backup.unpackedBytes
  const backupsDir = join(deps.userDataDir, 'backups')
  const backupWorker = options.backupWorker ?? createWarmWorker({ limits, workerPath })
  /** Automatic backups being received in parts (backup:auto-begin, -part, -finish). */
  const uploads = new Map<
    string,
    {
      reason: AutoBackupReason
      worker: ParseSession
      /** The parts handed to the worker, each settled once the worker has read it. */
      parts: Promise<number>[]
      /** Set when the worker refused a part: the next part is refused at once. */
      refused: string | null
      bytes: number
      startedAt: number
    }
  >()
  /** Forgets an upload here and its parts in the worker, which stays for the next backup. */
  const dropUpload = async (id: string) => {
    const u = uploads.get(id)
    uploads.delete(id)
    if (u?.worker.alive()) await u.worker.backupDrop(id).catch(() => undefined)
  }

  const pruneAutoBackups = async () => {
    const names = (await readdir(backupsDir)).filter(isAutoBackupName).sort()
    const extra = names.slice(0, Math.max(0, names.length - AUTO_BACKUPS_KEPT))
    for (const name of extra) await rm(join(backupsDir, name), { force: true })
    return names.length - extra.length
  }

  return {
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
      for (const [id, u] of uploads)
        if (now().getTime() - u.startedAt > UPLOAD_EXPIRES_MS) void dropUpload(id)
      if (uploads.size >= MAX_UPLOADS)
        throw new HandlerError('refused', 'Too many backups are being written at once.')
      const uploadId = newId()
      // The parts go to a parse worker as they come: it checks the whole text and builds the file,
      // so main's event loop stays free for the window's other calls (the import's changes).
      const worker = backupWorker.session()
      uploads.set(uploadId, {
        reason,
        worker,
        parts: [],
        refused: null,
        bytes: 0,
        startedAt: now().getTime()
      })
      return { uploadId }
    },

    'backup:auto-part': async ({ uploadId, bytes }) => {
      const u = uploads.get(uploadId)
      if (!u) throw new HandlerError('not-found', 'This backup is no longer being written; start again.')
      u.bytes += bytes.length
      if (u.bytes > MAX_BACKUP_BYTES) {
        await dropUpload(uploadId)
        throw new HandlerError('refused', 'The backup is too large to be written.')
      }
      // An earlier part the worker could not read: the window stops sending rather than finishing.
      if (u.refused !== null) {
        const message = u.refused
        await dropUpload(uploadId)
        throw new HandlerError('refused', message)
      }
      // Not awaited: the window's next part need not wait for the worker (starting, loading its
      // schemas, reading the last part); the finish waits for every part, and a failure there
      // refuses the backup.
      const taken = u.worker.backupPart(uploadId, bytes, maxUnpackedBytes)
      taken.catch((err: unknown) => {
        if (err instanceof FileRefusedError) u.refused ??= err.message
      })
      u.parts.push(taken)
      return { received: u.bytes }
    },

    'backup:auto-finish': async ({ uploadId }) => {
      const u = uploads.get(uploadId)
      if (!u) throw new HandlerError('not-found', 'This backup is no longer being written; start again.')
      uploads.delete(uploadId)
      const at = now()
      let bytes: Uint8Array
      try {
        await Promise.all(u.parts)
        bytes = await u.worker.backupFinish(uploadId, {
          createdAt: at.toISOString(),
          appVersion: deps.appVersion,
          maxUnpackedBytes
        })
      } catch (err) {
        // A part that failed leaves the others in the worker: forget them (a dead worker is replaced).
        if (u.worker.alive()) await u.worker.backupDrop(uploadId).catch(() => undefined)
        if (err instanceof FileRefusedError) throw new HandlerError('refused', err.message)
        throw workerFailure(err)
      }
      await mkdir(backupsDir, { recursive: true })
      let name = autoBackupName(at, u.reason)
      for (let i = 2; await exists(join(backupsDir, name)); i++)
        name = autoBackupName(at, u.reason).replace(/\.qmbackup$/, `-${i}.qmbackup`)
      const saved = await save(join(backupsDir, name), bytes, false)
      const kept = await pruneAutoBackups()
      return { ...saved, kept }
    },

    'backup:auto-abort': async ({ uploadId }) => {
      const known = uploads.has(uploadId)
      await dropUpload(uploadId)
      return { dropped: known }
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
      const file = await readChecked(chosen, [BACKUP_EXTENSION], LIMITS.backup.fileBytes)
      progress(ctx, taskId, 'check', 1, 2)
      // The worker automatic backups use (a restore is preceded by one): a fresh one cost 0.3-0.4 s
      // to start under load. A file that crashes it (over its heap limit) leaves it dead, and the
      // next use starts another.
      const session = backupWorker.session()
      try {
        const decoded = await session.restore(file.bytes, maxUnpackedBytes)
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
        throw workerFailure(err)
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
