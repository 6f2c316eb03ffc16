// Messages between main and the parse worker. Plain structured-clone data only.
import type {
  ImportFailure,
  ReadSheetRequest,
  ReadSheetResult,
  SupportedExtension,
  WorkbookSummary
} from '../../../shared/import/workbook'
import type { ImportLimits } from './limits'

export type WorkerRequest =
  | {
      id: number
      type: 'open'
      data: Uint8Array
      ext: SupportedExtension
      fileName: string
      limits: ImportLimits
    }
  | ({ id: number; type: 'read' } & ReadSheetRequest)

export type WorkerReply =
  | { id: number; type: 'opened'; summary: WorkbookSummary }
  | { id: number; type: 'read'; result: ReadSheetResult }
  | { id: number; type: 'failed'; reason: ImportFailure; message: string }
  | { id: number; type: 'progress'; stage: string; done: number; total: number }
