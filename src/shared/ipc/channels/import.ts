// Channels of the spreadsheet import wizard. Responses are plain JSON: summaries, previews and
// parsed rows; SheetJS cell objects never cross the bridge.
import { z } from 'zod'
import { channel } from '../define'
import { CURRENCIES } from '../../planning/types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS, ISSUE_CODES } from '../../import/types'
import type { ReadSheetResult, WorkbookSummary } from '../../import/workbook'

const FIELDS = [...new Set([...BUDGET_FIELDS, ...ALLOCATION_FIELDS])] as [string, ...string[]]

export const columnMappingSchema = z
  .object({
    kind: z.enum(['budget', 'allocations']),
    columns: z.partialRecord(z.enum(FIELDS), z.number().int().min(0).max(16_383)),
    numberStyle: z.enum(['auto', 'de', 'en', 'ch']),
    shareScale: z.enum(['auto', 'percent', 'fte']),
    defaultCurrency: z.enum(CURRENCIES)
  })
  .strict()

const taskId = z.string().min(1).max(100)
const sessionId = z.string().min(1).max(100)

/** The most rows an error report may hold; more would not fit a sensible IPC message. */
export const MAX_REPORT_ROWS = 100_000

export type ImportOpened = { sessionId: string; path: string; summary: WorkbookSummary }

export const importChannels = {
  /** The wizard opened: start a parse worker now, so opening a file does not wait for it. */
  'import:prepare': channel<{ ready: boolean }>()(z.object({}).strict()),
  /**
   * Opens a spreadsheet: the given path, or the one the user picks in the open dialog (null when
   * the dialog is cancelled). Checks the file, parses it in a worker (progress events carry the
   * taskId) and keeps it open in a session for reading sheets. Errors carry details.reason.
   */
  'import:open': channel<ImportOpened | null>()(
    z.object({ taskId, path: z.string().min(1).max(4096).optional() }).strict()
  ),
  /** Rows of one sheet of an open session, parsed with the given or detected header row and mapping. */
  'import:read-sheet': channel<ReadSheetResult>()(
    z
      .object({
        sessionId,
        taskId: taskId.optional(),
        sheet: z.number().int().min(0).max(10_000),
        headerRow: z.number().int().min(1).max(1_048_576).optional(),
        mapping: columnMappingSchema.optional()
      })
      .strict()
  ),
  /** Stops the worker of a running open or read; the pending call fails with code 'cancelled'. */
  'import:cancel': channel<{ cancelled: boolean }>()(z.object({ taskId }).strict()),
  /** Frees an open session (the wizard closed or committed). */
  'import:close': channel<{ closed: boolean }>()(z.object({ sessionId }).strict()),
  /** Writes the skipped rows and why as an xlsx the user picks a place for; null when cancelled. */
  'import:save-error-report': channel<{ path: string } | null>()(
    z
      .object({
        sourceName: z.string().max(260),
        headers: z.array(z.string().max(500)).max(512),
        rows: z
          .array(
            z
              .object({
                sheet: z.string().max(200),
                row: z.number().int().min(1),
                cells: z.array(z.string().max(500)).max(512),
                issues: z
                  .array(
                    z
                      .object({
                        code: z.enum(ISSUE_CODES),
                        column: z.string().max(4),
                        field: z.string().max(40),
                        value: z.string().max(500),
                        message: z.string().max(500)
                      })
                      .strict()
                  )
                  .max(20)
              })
              .strict()
          )
          .max(MAX_REPORT_ROWS)
      })
      .strict()
  )
}
