// Messages between main and the parse worker. Plain structured-clone data only.
import type {
  ImportFailure,
  ReadSheetRequest,
  ReadSheetResult,
  SheetOverview,
  SupportedExtension,
  TextEncoding,
  WorkbookSummary
} from '../../../shared/import/workbook'
import type {
  ChangesPage,
  ChangesRequest,
  SessionPlanSummary,
  ImportTarget,
  PreviewPage,
  PreviewQuery
} from '../../../shared/import/plan-import'
import type { ImportLimits } from './limits'
import type { PlanData } from '../../../shared/planning/types'
import type { DecodedBackup } from '../../../shared/export/backup-format'
import type { ReimportResult } from '../../../shared/ipc/channels/export'
import type { BookingsRead, ReadBookingsRequest } from './read-bookings'

export type WorkerRequest =
  | {
      id: number
      type: 'open'
      data: Uint8Array
      ext: SupportedExtension
      fileName: string
      limits: ImportLimits
      encoding?: TextEncoding
    }
  /** Reads a sheet and keeps its rows; 'all' sends them too (CLI), 'overview' only counts and samples. */
  | ({ id: number; type: 'read'; rows: 'all' | 'overview' } & ReadSheetRequest)
  /** Matches the kept rows to a target and keeps the changes and problems. */
  | { id: number; type: 'plan'; target: ImportTarget }
  | ({ id: number; type: 'preview' } & PreviewQuery)
  | ({ id: number; type: 'changes' } & ChangesRequest)
  /** The skipped rows of the last plan as an xlsx. */
  | { id: number; type: 'report'; sourceName: string }
  /** Reads an exported allocation workbook and compares it with `plan` (re-import). */
  | { id: number; type: 'reimport'; data: Uint8Array; plan: PlanData; limits: ImportLimits }
  /** Decompresses, checks, migrates and validates a backup file (restore). */
  | { id: number; type: 'restore'; data: Uint8Array; maxUnpackedBytes: number }
  /** Reads a sheet as bookings against a plan: actual costs added up, never the rows. */
  | ({ id: number; type: 'bookings' } & ReadBookingsRequest)
  /**
   * A part of automatic backup `uploadId`'s deflated JSON text: inflated and parsed as it comes
   * (refused once the text cannot be a backup or unpacks past `maxUnpackedBytes`), kept until its
   * finish or drop.
   */
  | { id: number; type: 'backup-part'; uploadId: string; bytes: Uint8Array; maxUnpackedBytes?: number }
  /** Inflates and checks an upload's parts as one backup and builds its file (header, body, gzip). */
  | {
      id: number
      type: 'backup-finish'
      uploadId: string
      createdAt: string
      appVersion: string
      /** Most the text may inflate to (tests set it lower). */
      maxUnpackedBytes?: number
    }
  /** Forgets an upload's parts (abandoned by the window, too large, expired). */
  | { id: number; type: 'backup-drop'; uploadId: string }

export type WorkerReply =
  | { id: number; type: 'opened'; summary: WorkbookSummary }
  | { id: number; type: 'read'; result: ReadSheetResult }
  | { id: number; type: 'overview'; result: SheetOverview }
  | { id: number; type: 'planned'; summary: SessionPlanSummary }
  | { id: number; type: 'preview'; page: PreviewPage }
  | { id: number; type: 'changes'; page: ChangesPage }
  | { id: number; type: 'report'; data: Uint8Array; rows: number }
  | { id: number; type: 'reimported'; result: Omit<ReimportResult, 'path'> }
  | { id: number; type: 'restored'; decoded: DecodedBackup }
  /** The file is not what the task reads (not an export, a damaged backup): `code` says which way. */
  | { id: number; type: 'file-refused'; code: string; message: string }
  | { id: number; type: 'bookings'; read: BookingsRead }
  | { id: number; type: 'backup-received'; bytes: number }
  | { id: number; type: 'backup-dropped' }
  /** The backup file's bytes (moved, not copied). */
  | { id: number; type: 'backup-file'; bytes: Uint8Array }
  | { id: number; type: 'failed'; reason: ImportFailure; message: string }
  /** Asked for something whose input is missing (a preview before a plan); the worker still runs. */
  | { id: number; type: 'refused'; message: string }
  | { id: number; type: 'progress'; stage: string; done: number; total: number }
