// Channels of the spreadsheet import wizard. Responses are plain JSON and small: summaries, counts
// and pages. The parsed rows stay in main's parse worker; SheetJS cell objects never cross the bridge.
import { z } from 'zod'
import { channel } from '../define'
import { CURRENCIES, PRIORITIES } from '../../planning/types'
import { quarterKeySchema } from '../../export/plan-schema'
import { ALLOCATION_FIELDS, BUDGET_FIELDS } from '../../import/types'
import { TEXT_ENCODINGS, type SheetOverview, type WorkbookSummary } from '../../import/workbook'
import type { ChangesPage, PreviewPage, SessionPlanSummary } from '../../import/plan-import'
import { BOOKING_FIELDS, type BookingsRead } from '../../actuals/types'

const FIELDS = [...new Set([...BUDGET_FIELDS, ...ALLOCATION_FIELDS])] as [string, ...string[]]

/** Amounts written in thousands or millions; omitted: as written. */
const amountScaleSchema = z.union([z.literal(1000), z.literal(1_000_000)])

export const columnMappingSchema = z
  .object({
    kind: z.enum(['budget', 'allocations']),
    columns: z.partialRecord(z.enum(FIELDS), z.number().int().min(0).max(16_383)),
    numberStyle: z.enum(['auto', 'de', 'en', 'ch']),
    shareScale: z.enum(['auto', 'percent', 'fte']),
    defaultCurrency: z.enum(CURRENCIES),
    amountScale: amountScaleSchema.optional(),
    layout: z.enum(['long', 'wide']).optional(),
    monthLines: z.boolean().optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    defaultWorkstream: z.string().max(500).optional()
  })
  .strict()

const taskId = z.string().min(1).max(100)
const sessionId = z.string().min(1).max(100)

/** Most preview rows per call: a screenful or two, never the sheet. */
export const MAX_PREVIEW_PAGE = 1000
/** Most entity changes per call: small enough that reading one page never blocks the window long. */
export const MAX_CHANGES_PAGE = 5000

const name = z.string().max(500)
const entityId = z.string().min(1).max(200)
const limited = <T extends z.ZodType>(item: T) => z.array(item).max(10_000)

/** What matching needs of the current plan (see PlanStructure); no rows, no texts beyond names. */
export const planStructureSchema = z
  .object({
    plan: z.object({ id: entityId, quarters: z.array(quarterKeySchema).max(400) }).strict(),
    phases: limited(
      z
        .object({
          id: entityId,
          name,
          order: z.number().int(),
          priority: z.enum(PRIORITIES),
          startQuarter: quarterKeySchema,
          endQuarter: quarterKeySchema
        })
        .strict()
    ),
    workstreams: limited(
      z.object({ id: entityId, key: name, title: name, phaseId: entityId, order: z.number().int() }).strict()
    ),
    roles: limited(z.object({ id: entityId, name, order: z.number().int() }).strict()),
    /** One per role and quarter the plan staffs: bounded by roles × quarters. */
    roleWork: z
      .array(z.object({ roleId: entityId, quarter: quarterKeySchema, workstreamId: entityId }).strict())
      .max(400_000)
      .optional()
  })
  .strict()

export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('current'), plan: planStructureSchema, createRoles: z.boolean() }).strict(),
  z.object({ kind: z.literal('new'), name: z.string().min(1).max(300) }).strict()
])

export const bookingMappingSchema = z
  .object({
    columns: z.partialRecord(z.enum(BOOKING_FIELDS), z.number().int().min(0).max(16_383)),
    numberStyle: z.enum(['auto', 'de', 'en', 'ch']),
    defaultCurrency: z.enum(CURRENCIES),
    amountScale: amountScaleSchema.optional()
  })
  .strict()

/** The plan bookings are read against: quarters, rate, names and the cost-centre table. */
export const actualsTargetSchema = z
  .object({
    planId: entityId,
    quarters: z.array(quarterKeySchema).max(400),
    chfToEur: z.number().positive().finite(),
    phases: limited(
      z.object({ id: entityId, name, order: z.number().int(), priority: z.enum(PRIORITIES) }).strict()
    ),
    workstreams: limited(z.object({ id: entityId, key: name, title: name, phaseId: entityId }).strict()),
    centres: limited(
      z.object({ centre: name, phaseId: entityId, workstreamId: entityId.nullable() }).strict()
    )
  })
  .strict()

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
    z
      .object({
        taskId,
        path: z.string().min(1).max(4096).optional(),
        /** For text files: read in this encoding instead of the detected one. */
        encoding: z.enum(TEXT_ENCODINGS).optional()
      })
      .strict()
  ),
  /**
   * Reads one sheet of an open session with the given or detected header row and mapping. The rows
   * stay in main for the calls below; the answer holds headers, mapping, counts and a few samples.
   */
  'import:read-sheet': channel<SheetOverview>()(
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
  /**
   * Reads one sheet of an open session as bookings (actual costs) against a plan: the answer is
   * the sums per phase, workstream, quarter and account, the centres seen and the first issues.
   */
  'import:read-bookings': channel<BookingsRead>()(
    z
      .object({
        sessionId,
        sheet: z.number().int().min(0).max(10_000),
        headerRow: z.number().int().min(1).max(1_048_576).optional(),
        mapping: bookingMappingSchema.optional(),
        target: actualsTargetSchema
      })
      .strict()
  ),
  /** Stops the worker of a running open or read; the pending call fails with code 'cancelled'. */
  'import:cancel': channel<{ cancelled: boolean }>()(z.object({ taskId }).strict()),
  /** Frees an open session (the wizard closed or committed). */
  'import:close': channel<{ closed: boolean }>()(z.object({ sessionId }).strict()),
  /**
   * Matches the rows of the last read to a target: the current plan's structure (ids and names of
   * its phases, workstreams and roles) or a new plan of the given name, whose skeleton comes back.
   * The changes and problems stay in main; the preview and commit page through them.
   */
  'import:plan': channel<SessionPlanSummary>()(z.object({ sessionId, target: importTargetSchema }).strict()),
  /** A page of the preview table: rows of the last read with their problems after the last plan. */
  'import:preview': channel<PreviewPage>()(
    z
      .object({
        sessionId,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(MAX_PREVIEW_PAGE),
        onlyProblems: z.boolean()
      })
      .strict()
  ),
  /**
   * A page of the entity changes the last plan adds (new roles, then budget lines or allocations);
   * refused when the rows were matched again since the plan of this version.
   */
  'import:changes': channel<ChangesPage>()(
    z
      .object({
        sessionId,
        version: z.number().int().min(1),
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(MAX_CHANGES_PAGE)
      })
      .strict()
  ),
  /**
   * Writes the skipped rows of the last plan and why as an xlsx the user picks a place for (built
   * in main from the rows it keeps); null when the save dialog is cancelled.
   */
  'import:save-error-report': channel<{ path: string } | null>()(
    z.object({ sessionId, sourceName: z.string().max(260) }).strict()
  )
}
