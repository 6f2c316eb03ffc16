// Actual costs and cost-centre mappings of a phase or workstream that a change removes: what was
// spent stays spent, so each actual goes where the removed phase's work went (the phase its budget
// lines, else its workstreams, moved to), else to the phase holding its quarter. A mapping with
// nowhere to go is forgotten, so the next bookings import asks for that centre again.
import type { Actual, CostCentreMapping, EntityChange, Phase, PlanData, SideChange } from '../planning/types'

/** The phase most of a removed phase's lines (else workstreams) moved to, by removed phase id. */
function movedWorkTargets(
  changes: readonly EntityChange[],
  removed: ReadonlySet<string>
): Map<string, string> {
  const votes = (table: 'budgetLines' | 'workstreams') => {
    const out = new Map<string, Map<string, number>>()
    for (const c of changes) {
      if (c.table !== table || !c.before || !c.after) continue
      const from = c.before.phaseId
      const to = c.after.phaseId
      if (!removed.has(from) || from === to) continue
      let m = out.get(from)
      if (!m) out.set(from, (m = new Map()))
      m.set(to, (m.get(to) ?? 0) + 1)
    }
    return out
  }
  const best = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
  const lines = votes('budgetLines')
  const streams = votes('workstreams')
  const out = new Map<string, string>()
  for (const id of removed) {
    const m = lines.get(id) ?? streams.get(id)
    if (m) out.set(id, best(m))
  }
  return out
}

/**
 * The side changes that keep `actuals` and `centres` attached after `changes` (already applied in
 * `after`): rows of a removed phase move to where its work went or to the phase holding their
 * quarter; a workstream they name that is gone or now in another phase is dropped from them.
 */
export function reattachActuals(
  after: Pick<PlanData, 'phases' | 'workstreams'>,
  changes: readonly EntityChange[],
  actuals: readonly Actual[],
  centres: readonly CostCentreMapping[] = []
): SideChange[] {
  const removedPhases = new Set<string>()
  const removedStreams = new Set<string>()
  for (const c of changes) {
    if (c.after !== null || c.before === null) continue
    if (c.table === 'phases') removedPhases.add(c.id)
    else if (c.table === 'workstreams') removedStreams.add(c.id)
  }
  if (removedPhases.size === 0 && removedStreams.size === 0) return []
  const phaseIds = new Set(after.phases.map((p) => p.id))
  const wsPhase = new Map(after.workstreams.map((w) => [w.id, w.phaseId]))
  const moved = movedWorkTargets(changes, removedPhases)
  const ordered: Phase[] = [...after.phases].sort((a, b) => a.order - b.order)
  const holding = (q: string) => ordered.find((p) => p.startQuarter <= q && q <= p.endQuarter)?.id

  const place = <T extends { phaseId: string; workstreamId: string | null }>(
    row: T,
    quarter: string | undefined
  ): T | null | undefined => {
    let phaseId = row.phaseId
    if (removedPhases.has(phaseId) || !phaseIds.has(phaseId)) {
      const to = moved.get(phaseId) ?? (quarter === undefined ? undefined : holding(quarter))
      if (to === undefined || !phaseIds.has(to)) return quarter === undefined ? null : undefined
      phaseId = to
    }
    const ws = row.workstreamId
    const workstreamId = ws !== null && wsPhase.get(ws) === phaseId ? ws : null
    if (phaseId === row.phaseId && workstreamId === row.workstreamId) return undefined
    return { ...row, phaseId, workstreamId }
  }

  const out: SideChange[] = []
  for (const a of actuals) {
    if (!removedPhases.has(a.phaseId) && (a.workstreamId === null || !removedStreams.has(a.workstreamId)))
      continue
    const next = place(a, a.quarter)
    if (next) out.push({ table: 'actuals', id: a.id, before: a, after: next })
  }
  for (const c of centres) {
    if (!removedPhases.has(c.phaseId) && (c.workstreamId === null || !removedStreams.has(c.workstreamId)))
      continue
    const next = place(c, undefined)
    if (next === null) out.push({ table: 'costCentres', id: c.id, before: c, after: null })
    else if (next) out.push({ table: 'costCentres', id: c.id, before: c, after: next })
  }
  return out
}
