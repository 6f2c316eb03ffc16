// Channels of export (xlsx, CSV), re-import of an exported workbook, and backup/restore.
// The renderer sends plain plan data; main shows the dialogs, checks paths and writes files
// atomically. Cancelled dialogs answer null, like the import channels.
import { z } from 'zod'
import { channel } from '../define'
import type { ExportDiff } from '../../export/diff'
import type { BackupPayload } from '../../export/backup-format'
import { AUTO_BACKUP_REASONS, backupPayloadSchema } from '../../export/backup-format'
import { planDataSchema } from '../../export/plan-schema'
import type { PlanData } from '../../planning/types'

const language = z.enum(['en', 'de'])
const taskId = z.string().min(1).max(100).optional()
const filePath = z.string().min(1).max(4096)

export type SavedFile = { path: string; bytes: number }

/** Bytes of deflated backup JSON per backup:auto-part message. */
export const AUTO_BACKUP_PART = 1_000_000

export type ReimportResult = {
  path: string
  /** The plan the file was exported from (hidden sheet). */
  source: { planId: string; planName: string }
  /** True when the file was exported from the plan the request named. */
  samePlan: boolean
  /** Edits made in the file, as changes to the current plan, each to accept or reject. */
  diff: ExportDiff
  /** The plan exactly as the file shows it (hidden data with the visible edits), for "import as a new plan". */
  planFromFile: PlanData
}

export type RestoreResult = {
  path: string
  createdAt: string
  appVersion: string
  schemaVersion: number
  /** Set when an older backup was migrated to the current format. */
  migratedFrom: number | null
  payload: BackupPayload
}

export type AutoBackup = { path: string; name: string; bytes: number; createdAt: string }

export const exportChannels = {
  /** Save dialog (default name: plan name and date), then the allocation workbook; null when cancelled. */
  'export:xlsx': channel<SavedFile | null>()(z.object({ plan: planDataSchema, language, taskId }).strict()),
  /** The team or budget board as CSV (formula-like text escaped); null when cancelled. */
  'export:csv': channel<SavedFile | null>()(
    z.object({ plan: planDataSchema, language, board: z.enum(['team', 'budget']), taskId }).strict()
  ),
  /**
   * Reads an exported workbook (the given path, or one picked in the open dialog) and lists the
   * edits made in it against `plan`, the plan as it is now; null when cancelled.
   */
  'export:reimport': channel<ReimportResult | null>()(
    z.object({ plan: planDataSchema, path: filePath.optional(), language, taskId }).strict()
  ),
  /** Save dialog, then a backup of everything the renderer sends; null when cancelled. */
  'backup:write': channel<SavedFile | null>()(
    z.object({ payload: backupPayloadSchema, language, taskId }).strict()
  ),
  /**
   * An automatic backup into <userData>/backups (before an import or a restore), keeping the last 10,
   * sent in parts: begin, the backup's JSON text deflated (raw deflate, as the file stores it) in
   * parts of at most AUTO_BACKUP_PART bytes (a database of 100,000 lines is about 60 MB of text, 3 MB
   * deflated), finish. A parse worker takes the parts as they come, inflates and checks the whole
   * payload at the finish, as main would check one message; a payload that is not a valid backup is
   * refused, nothing written. The file keeps the window's deflated bytes as they are.
   */
  'backup:auto-begin': channel<{ uploadId: string }>()(
    z.object({ reason: z.enum(AUTO_BACKUP_REASONS) }).strict()
  ),
  'backup:auto-part': channel<{ received: number }>()(
    z
      .object({
        uploadId: z.string().min(1).max(100),
        bytes: z.instanceof(Uint8Array).refine((b) => b.length <= AUTO_BACKUP_PART, 'Too large a part.')
      })
      .strict()
  ),
  'backup:auto-finish': channel<SavedFile & { kept: number }>()(
    z.object({ uploadId: z.string().min(1).max(100) }).strict()
  ),
  /** Ends an upload the window could not finish (reading its data failed): its parts are dropped now. */
  'backup:auto-abort': channel<{ dropped: boolean }>()(
    z.object({ uploadId: z.string().min(1).max(100) }).strict()
  ),
  /** The automatic backups, newest first. */
  'backup:list-auto': channel<AutoBackup[]>()(z.object({}).strict()),
  /**
   * Reads, checks and migrates a backup: one picked in the open dialog, or an automatic backup by
   * path. Returns the data for the renderer to replace or merge; null when cancelled.
   */
  'backup:restore': channel<RestoreResult | null>()(
    z.object({ path: filePath.optional(), language, taskId }).strict()
  )
}
