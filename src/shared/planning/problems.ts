// Problems a plan holds after a move, for the boards to mark and list: a budget line outside its
// phase's quarters, work before a dependency has finished, work or money outside a workstream's
// scheduled quarters. One pass over the plan; the boards look problems up by chip id.
import { dependencyViolations, workstreamQuarters } from './schedule'
import type { Allocation, BudgetLine, Phase, PlanData, QuarterKey, Workstream } from './types'

export type PlanProblem =
  | {
      kind: 'line-outside-phase'
      entity: 'budgetLine'
      id: string
      phaseId: string
      quarter: QuarterKey
      phaseStart: QuarterKey
      phaseEnd: QuarterKey
    }
  | {
      kind: 'before-dependency'
      entity: 'allocation'
      id: string
      workstreamId: string
      dependsOnId: string
      quarter: QuarterKey
      /** Last quarter in which the dependency has work; work in it is allowed. */
      dependencyEndQuarter: QuarterKey
    }
  | {
      kind: 'outside-workstream'
      entity: 'allocation' | 'budgetLine'
      id: string
      workstreamId: string
      quarter: QuarterKey
      /** First and last quarter the workstream's schedule touches. */
      firstQuarter: QuarterKey
      lastQuarter: QuarterKey
    }

export type ProblemKind = PlanProblem['kind']

/**
 * Every problem of the plan, ordered by quarter and then kind, so a list reads along the board.
 * Lines with a workstream that is not in the plan are left to validation, not reported here.
 */
export function planProblems(data: PlanData): PlanProblem[] {
  const out: PlanProblem[] = []
  const phases = new Map(data.phases.map((p) => [p.id, p]))
  const wsSpan = new Map<string, WorkstreamSpan>()
  for (const ws of data.workstreams) {
    const qs = workstreamQuarters(ws)
    wsSpan.set(ws.id, { first: qs[0], last: qs[qs.length - 1] })
  }
  for (const line of data.budgetLines) out.push(...lineProblems(line, phases, wsSpan))
  for (const a of data.allocations) {
    const p = allocationOutsideWorkstream(a, wsSpan)
    if (p) out.push(p)
  }
  for (const v of dependencyViolations(data)) {
    if (v.kind !== 'allocation') continue
    out.push({
      kind: 'before-dependency',
      entity: 'allocation',
      id: v.allocationId,
      workstreamId: v.workstreamId,
      dependsOnId: v.dependsOnId,
      quarter: v.quarter,
      dependencyEndQuarter: v.dependencyEndQuarter
    })
  }
  const rank: Record<ProblemKind, number> = {
    'line-outside-phase': 0,
    'outside-workstream': 1,
    'before-dependency': 2
  }
  return out.sort((a, b) =>
    a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : rank[a.kind] - rank[b.kind]
  )
}

/** The first and last quarter of a workstream's months. */
export type WorkstreamSpan = { first: QuarterKey; last: QuarterKey }

/** A budget line's problems: outside its phase's quarters, outside its workstream's months. */
export function lineProblems(
  line: BudgetLine,
  phases: ReadonlyMap<string, Phase>,
  wsSpan: ReadonlyMap<string, WorkstreamSpan>
): PlanProblem[] {
  const out: PlanProblem[] = []
  const phase = phases.get(line.phaseId)
  if (phase && (line.quarter < phase.startQuarter || line.quarter > phase.endQuarter)) {
    out.push({
      kind: 'line-outside-phase',
      entity: 'budgetLine',
      id: line.id,
      phaseId: phase.id,
      quarter: line.quarter,
      phaseStart: phase.startQuarter,
      phaseEnd: phase.endQuarter
    })
  }
  const span = line.workstreamId === null ? undefined : wsSpan.get(line.workstreamId)
  if (span && line.workstreamId !== null && (line.quarter < span.first || line.quarter > span.last)) {
    out.push({
      kind: 'outside-workstream',
      entity: 'budgetLine',
      id: line.id,
      workstreamId: line.workstreamId,
      quarter: line.quarter,
      firstQuarter: span.first,
      lastQuarter: span.last
    })
  }
  return out
}

/** Work given outside its workstream's months (a share of zero is no work). */
export function allocationOutsideWorkstream(
  a: Allocation,
  wsSpan: ReadonlyMap<string, WorkstreamSpan>
): PlanProblem | undefined {
  const span = wsSpan.get(a.workstreamId)
  if (!span || a.shareBp <= 0 || (a.quarter >= span.first && a.quarter <= span.last)) return undefined
  return {
    kind: 'outside-workstream',
    entity: 'allocation',
    id: a.id,
    workstreamId: a.workstreamId,
    quarter: a.quarter,
    firstQuarter: span.first,
    lastQuarter: span.last
  }
}

/** Problems per chip id (allocation or budget line), for markers on the board. */
export function problemsById(problems: readonly PlanProblem[]): Map<string, PlanProblem[]> {
  const out = new Map<string, PlanProblem[]>()
  for (const p of problems) {
    const list = out.get(p.id)
    if (list) list.push(p)
    else out.set(p.id, [p])
  }
  return out
}

/** Problems of one kind of chip: budget lines for the budget board, allocations for the capacity board. */
export function problemsOf(problems: readonly PlanProblem[], entity: PlanProblem['entity']): PlanProblem[] {
  return problems.filter((p) => p.entity === entity)
}

/** The workstreams of a phase in their order: what a line moved to that phase may belong to. */
export function workstreamsOfPhase(data: PlanData, phaseId: string): Workstream[] {
  return data.workstreams.filter((w) => w.phaseId === phaseId).sort((a, b) => a.order - b.order)
}

/**
 * Whether moving a budget line to `phaseId` must ask for its workstream: the line has one that
 * does not belong to the new phase, and the new phase has workstreams to choose from.
 */
export function needsWorkstreamChoice(
  data: PlanData,
  line: { phaseId: string; workstreamId: string | null },
  phaseId: string
): boolean {
  if (phaseId === line.phaseId) return false
  if (workstreamsOfPhase(data, phaseId).length === 0) return false
  const ws = line.workstreamId === null ? undefined : data.workstreams.find((w) => w.id === line.workstreamId)
  return !ws || ws.phaseId !== phaseId
}
