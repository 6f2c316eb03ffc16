// History summaries of board moves: which sentence fits and its raw values (names, quarter
// labels, numbers), so describeEntry renders it in whichever language is active later.
import type { AllocationTarget, BudgetTarget } from '@shared/planning/moves'
import type {
  Allocation,
  BudgetLine,
  Cents,
  PlanData,
  QuarterKey,
  ShareBp,
  Workstream
} from '@shared/planning/types'
import type { HistoryEntry } from '@shared/planning/types'
import { quarterLabel } from '@shared/planning/quarters'

type Summary = HistoryEntry['summary']

/** How history sentences name a workstream: by its title, by its key when the title is empty. */
export function workstreamName(ws: Pick<Workstream, 'key' | 'title'>): string {
  return ws.title.trim() || ws.key
}

const workstreamNameOf = (data: PlanData, id: string): string => {
  const ws = data.workstreams.find((w) => w.id === id)
  return ws ? workstreamName(ws) : id
}

export function allocationMoveSummary(
  data: PlanData,
  alloc: Allocation,
  target: AllocationTarget,
  amountBp: ShareBp
): Summary {
  const roleName = (id: string) => data.roles.find((r) => r.id === id)?.name ?? id
  const wsName = (id: string) => workstreamNameOf(data, id)
  const to = {
    quarter: target.quarter ?? alloc.quarter,
    roleId: target.roleId ?? alloc.roleId,
    workstreamId: target.workstreamId ?? alloc.workstreamId
  }
  const changed = [
    to.quarter !== alloc.quarter,
    to.roleId !== alloc.roleId,
    to.workstreamId !== alloc.workstreamId
  ]
  const values = {
    pct: amountBp / 100,
    role: roleName(alloc.roleId),
    toRole: roleName(to.roleId),
    workstream: wsName(alloc.workstreamId),
    toWorkstream: wsName(to.workstreamId),
    from: quarterLabel(alloc.quarter),
    to: quarterLabel(to.quarter)
  }
  const only = changed.filter(Boolean).length === 1
  const key =
    only && changed[0]
      ? 'history.moveAllocationQuarter'
      : only && changed[1]
        ? 'history.moveAllocationRole'
        : only && changed[2]
          ? 'history.moveAllocationWorkstream'
          : 'history.moveAllocation'
  return { key, values }
}

export function budgetMoveSummary(
  data: PlanData,
  line: BudgetLine,
  target: BudgetTarget & { category?: string },
  amountCents: Cents
): Summary {
  const phaseName = (id: string) => data.phases.find((p) => p.id === id)?.name ?? id
  const toQuarter = target.quarter ?? line.quarter
  const toPhase = target.phaseId ?? line.phaseId
  const toWs = target.workstreamId === undefined ? line.workstreamId : target.workstreamId
  const toCategory = target.category ?? line.category
  const values = {
    amount: amountCents / 100,
    currency: line.currency,
    line: line.title,
    from: quarterLabel(line.quarter),
    to: quarterLabel(toQuarter),
    fromPhase: phaseName(line.phaseId),
    toPhase: phaseName(toPhase)
  }
  if (toPhase === line.phaseId && toQuarter === line.quarter) {
    // Same phase and quarter: the line went to another workstream or category row. The category is
    // stored as its key and named in the UI language when shown; without a workstream the sentence
    // takes its 'noWorkstream' context.
    const ws = toWs === null ? undefined : workstreamNameOf(data, toWs)
    return {
      key: 'history.moveLineToRow',
      values: {
        ...values,
        category: toCategory,
        ...(ws === undefined ? { context: 'noWorkstream' } : { toWorkstream: ws })
      }
    }
  }
  const key =
    toPhase === line.phaseId
      ? 'history.moveLineQuarter'
      : toQuarter === line.quarter
        ? 'history.moveLinePhase'
        : 'history.moveLine'
  return { key, values }
}

export function budgetSplitSummary(data: PlanData, line: BudgetLine, amountCents: Cents): Summary {
  return {
    key: 'history.splitLine',
    values: {
      amount: amountCents / 100,
      currency: line.currency,
      line: line.title,
      phase: data.phases.find((p) => p.id === line.phaseId)?.name ?? line.phaseId,
      quarter: quarterLabel(line.quarter)
    }
  }
}

/** A scenario's quick move of part or all of an allocation to another quarter. */
export function quickShareSummary(
  data: PlanData,
  alloc: Allocation,
  toQuarter: QuarterKey,
  amountBp: ShareBp
): Summary {
  return {
    key: 'history.quickMoveAllocation',
    values: {
      pct: amountBp / 100,
      role: data.roles.find((r) => r.id === alloc.roleId)?.name ?? '',
      from: quarterLabel(alloc.quarter),
      to: quarterLabel(toQuarter)
    }
  }
}

/** A scenario's quick reschedule of a workstream: the month as its key, shown in the UI language. */
export function quickRescheduleSummary(
  ws: Pick<Workstream, 'key' | 'title'>,
  month: string,
  weeks: number
): Summary {
  return { key: 'history.quickRescheduleMonth', values: { ws: workstreamName(ws), month, weeks } }
}
