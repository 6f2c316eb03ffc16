// What the export, re-import and backup handlers share: dialog titles in both languages, the save
// dialog with its path checks, the atomic save, and the checked read of a file the user chose.
import { readFile, stat } from 'node:fs/promises'
import type { MainDeps } from '../deps'
import { HandlerError, type HandlerContext } from '../../shared/ipc/dispatch'
import { writeFileAtomic } from '../files/atomic-write'
import { appInstallDirs, checkFilePath, withExtension } from '../files/paths'

export const TEXT = {
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

export type FileHandlerOptions = {
  /** Folders never written into (defaults to the app's installation folder). */
  forbiddenDirs?: string[]
  now?: () => Date
}

export function fileIo(deps: MainDeps, options: FileHandlerOptions = {}) {
  const forbiddenDirs = options.forbiddenDirs ?? appInstallDirs()
  const now = options.now ?? (() => new Date())

  const progress = (
    ctx: HandlerContext,
    taskId: string | undefined,
    stage: string,
    done: number,
    total: number
  ) => {
    if (taskId) ctx.emit('progress', { taskId, stage, done, total })
  }

  const checkedPath = (path: string, extensions: string[]) => {
    const check = checkFilePath(path, { extensions, forbiddenDirs })
    if (!check.ok) throw new HandlerError('refused', check.reason)
    return check.path
  }

  /** Save dialog → checked absolute path with the extension, or null when cancelled. */
  const askSavePath = async (title: string, filterName: string, ext: string, defaultName: string) => {
    const chosen = await deps.dialogs.showSave({
      title,
      filters: [{ name: filterName, extensions: [ext] }],
      defaultPath: defaultName
    })
    if (chosen === null) return null
    const path = checkedPath(withExtension(chosen, ext), [ext])
    // The user chose this file: reading it back later (re-import of an export) is theirs to ask.
    deps.grants.grant(path)
    return path
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

  /** Reads a file of at most `maxBytes` after checking its path, kind and size. */
  const readChecked = async (path: string, extensions: string[], maxBytes: number) => {
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
    if (size > maxBytes)
      throw new HandlerError(
        'refused',
        `The file is too large to read (${Math.round(size / 1e6)} MB, limit ${Math.round(maxBytes / 1e6)} MB): ${full}`
      )
    return { path: full, bytes: new Uint8Array(await readFile(full)) }
  }

  return { now, progress, checkedPath, askSavePath, save, readChecked }
}

export function describeFsError(err: unknown): string {
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
