// A read sheet planned onto a target: the entity changes that add its good rows to the current
// plan or to a new one, every problem by row, and the pages the wizard shows of them. The parse
// worker runs this beside the rows it keeps, so only counts and pages cross to the window.
import type { EntityChange, PlanData } from '../planning/types'
import type { CellIssue, ConvertResult, ParsedRow } from './types'
import { matchToPlan, type DerivedValue, type PlanMatchResult, type PlanStructure } from './to-plan'
import { planSkeletonFromRows } from './skeleton'
import { groupByRow } from './report-rows'
import { packChanges, type PackedChanges } from './packed-changes'

/** Where the rows go: the current plan (only its structure is needed) or a new plan of this name. */
export type ImportTarget =
  { kind: 'current'; plan: PlanStructure; createRoles: boolean } | { kind: 'new'; name: string }

export type ImportPlanSummary = {
  /** Rows that become a budget line or allocation. */
  importCount: number
  /** Rows with at least one problem: the sheet's own or a name the plan does not have. */
  badRows: number
  /** Total rows (Summe, Total...) skipped. */
  totals: number
  /** Roles created for unknown role names. */
  newRoles: number
  /** Entity changes the commit writes: new roles first, then budget lines and allocations. */
  changeCount: number
  /** Target 'new': the plan to create first, with the sheet's phases, workstreams and roles. */
  newPlan: PlanData | null
}

/**
 * The summary as a session answers it. `version` names this plan among the session's plans; change
 * pages ask for it, so a commit never mixes the changes of two plans.
 */
export type SessionPlanSummary = ImportPlanSummary & { version: number }

export type PlannedImport = {
  summary: ImportPlanSummary
  match: PlanMatchResult
  /** Every problem, sorted by row. */
  issues: CellIssue[]
  issuesByRow: Map<number, CellIssue[]>
  /** Indexes (into the sheet's rows) of the rows with problems, in sheet order. */
  problemIndexes: number[]
  changes: EntityChange[]
}

export type PlanImportOptions = {
  newId?: () => string
  now?: string
  /** Workstream for allocations without one (the mapping's defaultWorkstream). */
  defaultWorkstream?: string
}

/** Matches the rows to the target and lists the entity changes that would add them. */
export function planImport(
  result: Pick<ConvertResult, 'rows' | 'sheet' | 'counts'>,
  target: ImportTarget,
  options: PlanImportOptions = {}
): PlannedImport {
  const { rows, sheet } = result
  let newPlan: PlanData | null = null
  let structure: PlanStructure
  if (target.kind === 'new') {
    newPlan = planSkeletonFromRows(rows, { name: target.name, newId: options.newId, now: options.now })
    structure = newPlan
  } else structure = target.plan
  const match = matchToPlan(rows, structure, {
    sheet,
    createMissingRoles: target.kind === 'new' || target.createRoles,
    newId: options.newId,
    defaultWorkstream: options.defaultWorkstream
  })
  const issues = [...rows.flatMap((r) => r.issues), ...match.errors].sort((a, b) => a.row - b.row)
  const issuesByRow = groupByRow(issues)
  const problemIndexes: number[] = []
  rows.forEach((r, index) => {
    if (issuesByRow.has(r.row)) problemIndexes.push(index)
  })
  const changes: EntityChange[] = [
    ...match.newRoles.map((r): EntityChange => ({ table: 'roles', id: r.id, before: null, after: r })),
    ...match.budgetLines.map((l): EntityChange => ({
      table: 'budgetLines',
      id: l.id,
      before: null,
      after: l
    })),
    ...match.allocations.map((a): EntityChange => ({
      table: 'allocations',
      id: a.id,
      before: null,
      after: a
    }))
  ]
  return {
    summary: {
      importCount: match.budgetLines.length + match.allocations.length,
      badRows: issuesByRow.size,
      totals: result.counts.totals,
      newRoles: match.newRoles.length,
      changeCount: changes.length,
      newPlan
    },
    match,
    issues,
    issuesByRow,
    problemIndexes,
    changes
  }
}

/** One row of the preview table: the parsed row, every problem it has and what the plan filled in. */
export type PreviewRow = { parsed: ParsedRow; issues: CellIssue[]; derived?: DerivedValue[] }
export type PreviewQuery = { offset: number; limit: number; onlyProblems: boolean }
/** A page of preview rows; total counts all rows (or all rows with problems) the query covers. */
export type PreviewPage = { offset: number; total: number; rows: PreviewRow[] }

export function previewPage(
  rows: readonly ParsedRow[],
  planned: Pick<PlannedImport, 'issuesByRow' | 'problemIndexes'> & {
    match?: Pick<PlanMatchResult, 'derived'>
  },
  query: PreviewQuery
): PreviewPage {
  const total = query.onlyProblems ? planned.problemIndexes.length : rows.length
  const start = Math.min(Math.max(0, query.offset), total)
  const end = Math.min(total, start + Math.max(0, query.limit))
  const out: PreviewRow[] = []
  for (let k = start; k < end; k++) {
    const index = query.onlyProblems ? planned.problemIndexes[k] : k
    const parsed = rows[index]
    const derived = planned.match?.derived.get(index)
    out.push({ parsed, issues: planned.issuesByRow.get(parsed.row) ?? [], ...(derived && { derived }) })
  }
  return { offset: start, total, rows: out }
}

export type ChangesQuery = { offset: number; limit: number }
/** Changes of one plan of a session (see SessionPlanSummary.version). */
export type ChangesRequest = ChangesQuery & { version: number }
/** A page of changes in their wire form (unpackChanges gives back the changes). */
export type ChangesPage = { offset: number; total: number; packed: PackedChanges }

export function changesPage(planned: Pick<PlannedImport, 'changes'>, query: ChangesQuery): ChangesPage {
  const total = planned.changes.length
  const start = Math.min(Math.max(0, query.offset), total)
  const changes = planned.changes.slice(start, start + Math.max(0, query.limit))
  return { offset: start, total, packed: packChanges(changes) }
}
