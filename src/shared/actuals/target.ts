// The plan a bookings file is read against, from a plan's data and its cost-centre table.
import type { PlanData } from '../planning/types'
import type { ActualsTarget, CostCentreMapping } from './types'

export function actualsTarget(
  data: Pick<PlanData, 'plan' | 'phases' | 'workstreams'>,
  centres: readonly CostCentreMapping[] = []
): ActualsTarget {
  return {
    planId: data.plan.id,
    quarters: [...data.plan.quarters],
    chfToEur: data.plan.chfToEur,
    phases: data.phases.map((p) => ({ id: p.id, name: p.name, order: p.order, priority: p.priority })),
    workstreams: data.workstreams.map((w) => ({ id: w.id, key: w.key, title: w.title, phaseId: w.phaseId })),
    centres: centres.map((c) => ({ centre: c.centre, phaseId: c.phaseId, workstreamId: c.workstreamId }))
  }
}
