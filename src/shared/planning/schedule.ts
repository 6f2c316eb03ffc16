// Workstream schedules (first month + weeks) and dependency checks on them and on where
// the allocations put the work. Dates are UTC so results never depend on the machine's zone.
import { applyChanges } from './changes'
import { moveAllocation, type AllocationTarget } from './moves'
import { parseMonth, quarterOfDate, quarterOfMonth, quarterRange } from './quarters'
import type { MonthKey, PlanData, QuarterKey, ShareBp, Workstream } from './types'

const DAY_MS = 86_400_000

type Schedule = Pick<Workstream, 'startMonth' | 'durationWeeks'>

/** First day of work (UTC midnight of the 1st of startMonth). */
export function workstreamStartDate(ws: Schedule): Date {
  const { year, month } = parseMonth(ws.startMonth)
  return new Date(Date.UTC(year, month - 1, 1))
}

/** The day after the last day of work: start + durationWeeks × 7 days. */
export function workstreamEndDate(ws: Schedule): Date {
  return new Date(workstreamStartDate(ws).getTime() + ws.durationWeeks * 7 * DAY_MS)
}

/** Last day of work (inclusive). */
export function workstreamLastDay(ws: Schedule): Date {
  return new Date(workstreamEndDate(ws).getTime() - DAY_MS)
}

/** Month holding the last day of work, e.g. "2025-10" for 4 weeks from October. */
export function workstreamEndMonth(ws: Schedule): MonthKey {
  const d = workstreamLastDay(ws)
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/** Every quarter the workstream's schedule touches, in order. */
export function workstreamQuarters(ws: Schedule): QuarterKey[] {
  return quarterRange(quarterOfMonth(ws.startMonth), quarterOfDate(workstreamLastDay(ws)))
}

export type DependencyViolation =
  | {
      kind: 'schedule'
      workstreamId: string
      dependsOnId: string
      /** missing-dependency: dependsOn names a workstream that is not in the plan. */
      reason: 'starts-before-dependency-ends' | 'missing-dependency'
      startMonth: MonthKey
      /** Month of the dependency's last day of work; null when the dependency is missing. */
      dependencyEndMonth: MonthKey | null
    }
  | {
      kind: 'allocation'
      workstreamId: string
      dependsOnId: string
      reason: 'work-before-dependency-ends'
      allocationId: string
      quarter: QuarterKey
      /** Last quarter in which the dependency has work (schedule or allocations). */
      dependencyEndQuarter: QuarterKey
    }

/**
 * Last quarter with work on each workstream: the later of its scheduled end and its last
 * allocated quarter (one pass over allocations). Keys sort as text, so max is a string compare.
 */
export function workEndQuarters(data: PlanData): Map<string, QuarterKey> {
  const end = new Map<string, QuarterKey>()
  for (const ws of data.workstreams) end.set(ws.id, quarterOfDate(workstreamLastDay(ws)))
  for (const a of data.allocations) {
    if (a.shareBp <= 0) continue
    const cur = end.get(a.workstreamId)
    if (cur !== undefined && a.quarter > cur) end.set(a.workstreamId, a.quarter)
  }
  return end
}

/**
 * Where a workstream starts, or holds work, before a workstream it depends on has finished.
 * Schedules are month-granular, so starting in the month the dependency finishes is allowed
 * (the roadmap's "betrieb Feb-März after leistung Jan-Feb" is no violation); allocations
 * are quarter-granular in the same way: work in the dependency's last quarter is allowed.
 */
export function dependencyViolations(data: PlanData): DependencyViolation[] {
  const byId = new Map(data.workstreams.map((w) => [w.id, w]))
  const workEnd = workEndQuarters(data)
  const out: DependencyViolation[] = []
  const dependents = data.workstreams.filter((w) => w.dependsOn.length > 0)
  for (const ws of dependents) {
    for (const depId of ws.dependsOn) {
      const dep = byId.get(depId)
      if (!dep) {
        out.push({
          kind: 'schedule',
          workstreamId: ws.id,
          dependsOnId: depId,
          reason: 'missing-dependency',
          startMonth: ws.startMonth,
          dependencyEndMonth: null
        })
        continue
      }
      const depEnd = workstreamEndMonth(dep)
      if (ws.startMonth < depEnd) {
        out.push({
          kind: 'schedule',
          workstreamId: ws.id,
          dependsOnId: depId,
          reason: 'starts-before-dependency-ends',
          startMonth: ws.startMonth,
          dependencyEndMonth: depEnd
        })
      }
    }
  }
  if (dependents.length === 0) return out
  const deps = new Map(dependents.map((w) => [w.id, w.dependsOn.filter((d) => byId.has(d))]))
  for (const a of data.allocations) {
    const depIds = deps.get(a.workstreamId)
    if (!depIds || a.shareBp <= 0) continue
    for (const depId of depIds) {
      const end = workEnd.get(depId) as QuarterKey
      if (a.quarter < end) {
        out.push({
          kind: 'allocation',
          workstreamId: a.workstreamId,
          dependsOnId: depId,
          reason: 'work-before-dependency-ends',
          allocationId: a.id,
          quarter: a.quarter,
          dependencyEndQuarter: end
        })
      }
    }
  }
  return out
}

function violationKey(v: DependencyViolation): string {
  // Allocation violations are keyed by quarter, not chip id: a merge or split renames chips.
  return v.kind === 'schedule'
    ? `s|${v.workstreamId}|${v.dependsOnId}|${v.reason}`
    : `a|${v.workstreamId}|${v.dependsOnId}|${v.quarter}`
}

/**
 * Violations that moving an allocation would add (for a drag preview): those present after
 * the move and not before. Returns [] for a move that changes nothing.
 */
export function previewMoveViolations(
  data: PlanData,
  allocationId: string,
  target: AllocationTarget,
  shareBp?: ShareBp
): DependencyViolation[] {
  const changes = moveAllocation(data, allocationId, target, shareBp, { newId: () => '\u0000preview' })
  if (changes.length === 0) return []
  const before = new Set(dependencyViolations(data).map(violationKey))
  return dependencyViolations(applyChanges(data, changes)).filter((v) => !before.has(violationKey(v)))
}

/** True when moving allocation X to quarter Q would start work before a dependency ends. */
export function wouldMoveViolate(data: PlanData, allocationId: string, quarter: QuarterKey): boolean {
  return previewMoveViolations(data, allocationId, { quarter }).length > 0
}
