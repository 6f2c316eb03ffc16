// Channels of the scenarios feature: exporting a plan comparison to an xlsx workbook.
import { z } from 'zod'
import { channel } from '../define'
import type { ComparisonReport } from '../../scenarios/compare-report'

const text = z.string().max(500)
const cents = z.number().int().min(-1e13).max(1e13)
const bp = z.number().int().min(-1e7).max(1e7)
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/)
const month = z.string().regex(/^\d{4}-\d{2}$/)
const many = <T extends z.ZodType>(item: T) => z.array(item).max(20_000)

const warning = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('schedule'),
      workstream: text,
      dependsOn: text,
      start: month,
      dependencyEnd: month.nullable()
    })
    .strict(),
  z
    .object({
      kind: z.literal('allocation'),
      workstream: text,
      dependsOn: text,
      quarter,
      dependencyEnd: quarter
    })
    .strict()
])

const side = z
  .object({
    planId: z.string().max(200),
    name: text,
    budgetCents: cents,
    contingencyCents: cents,
    totalCostCents: cents,
    planBudgetCents: cents,
    overPlanBudget: z.boolean(),
    allocationCostCents: cents,
    overAllocations: many(z.object({ role: text, quarter, allocatedBp: bp, capacityBp: bp }).strict()),
    capBreaches: many(z.object({ phase: text, spentCents: cents, capCents: cents }).strict()),
    dependencyWarnings: many(warning),
    forecast: z
      .object({
        actualCents: cents,
        atCompletionCents: cents,
        runRateCents: cents,
        closedThrough: quarter.nullable(),
        bookings: z.number().int().min(0)
      })
      .strict()
      .nullable()
  })
  .strict()

const schedule = z.object({ startMonth: month, durationWeeks: z.number().int().min(0).max(10_000) }).strict()

export const comparisonReportSchema: z.ZodType<ComparisonReport> = z
  .object({
    a: side,
    b: side,
    shareDeltas: many(z.object({ role: text, quarter, aBp: bp, bBp: bp, deltaBp: bp }).strict()),
    budgetDeltas: many(
      z.object({ phase: text, quarter, aCents: cents, bCents: cents, deltaCents: cents }).strict()
    ),
    scheduleChanges: many(z.object({ workstream: text, title: text, a: schedule, b: schedule }).strict()),
    addedRemoved: many(
      z
        .object({
          kind: z.enum(['phase', 'workstream', 'role', 'budgetLine', 'risk', 'deliverable']),
          name: text,
          change: z.enum(['added', 'removed'])
        })
        .strict()
    ),
    quarters: many(
      z
        .object({
          quarter,
          aBudgetCents: cents,
          aContingencyCents: cents,
          bBudgetCents: cents,
          bContingencyCents: cents
        })
        .strict()
    ),
    identical: z.boolean()
  })
  .strict() as z.ZodType<ComparisonReport>

export const scenariosChannels = {
  /**
   * Writes a comparison of two plans to an xlsx workbook at a path the user picks (save dialog).
   * Resolves to null when the dialog is cancelled.
   */
  'scenarios:export-comparison': channel<{ path: string } | null>()(
    z
      .object({
        report: comparisonReportSchema,
        language: z.enum(['en', 'de']),
        /** Suggested file name, without folder. */
        fileName: z.string().min(1).max(200),
        title: z.string().max(200)
      })
      .strict()
  )
}
