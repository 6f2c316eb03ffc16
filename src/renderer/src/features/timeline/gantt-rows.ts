// The rows and dependency arrows of the Gantt chart: phases with their workstreams below them, and
// one curve from each dependency's end to its dependant's start.
import type { PlanData, Workstream } from '@shared/planning/types'
import { workstreamEndDate, workstreamStartDate } from '@shared/planning/schedule'
import { parseQuarter } from '@shared/planning/quarters'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'

export const ROW_H = 34
export const PRIORITY_COLOURS: Record<string, string> = {
  P0: '#c62f2f',
  P1: '#a85800',
  P2: '#2457c5',
  P3: '#7a4cc2',
  P4: '#17756a'
}

export type GanttRow =
  | { kind: 'phase'; id: string; label: string; priority: string; start: number; end: number; aria: string }
  | { kind: 'ws'; id: string; ws: Workstream; start: number; end: number; colour: string }

/** The chart's rows; `phaseAria` names a phase's bar for screen readers. */
export function ganttRows(data: PlanData, phaseAria: (p: PlanData['phases'][number]) => string): GanttRow[] {
  const rows: GanttRow[] = []
  const wsRow = (ws: Workstream, colour: string): GanttRow => ({
    kind: 'ws',
    id: ws.id,
    ws,
    start: workstreamStartDate(ws).getTime(),
    end: workstreamEndDate(ws).getTime(),
    colour
  })
  for (const p of sortedPhases(data)) {
    const ps = parseQuarter(p.startQuarter)
    const pe = parseQuarter(p.endQuarter)
    rows.push({
      kind: 'phase',
      id: p.id,
      label: phaseLabel(p),
      priority: p.priority,
      start: Date.UTC(ps.year, (ps.q - 1) * 3, 1),
      end: Date.UTC(pe.year, pe.q * 3, 1),
      aria: phaseAria(p)
    })
    for (const ws of sortedWorkstreams(data).filter((w) => w.phaseId === p.id)) {
      rows.push(wsRow(ws, PRIORITY_COLOURS[p.priority] ?? '#2457c5'))
    }
  }
  // Workstreams of a phase that no longer exists still belong on the chart.
  for (const ws of sortedWorkstreams(data).filter((w) => !data.phases.some((p) => p.id === w.phaseId))) {
    rows.push(wsRow(ws, '#5d6b7c'))
  }
  return rows
}

/** One SVG path per drawn dependency; `pos` maps a time to 0..1 across the chart. */
export function ganttArrows(
  rows: GanttRow[],
  width: number,
  pos: (ms: number) => number,
  violated: ReadonlySet<string>
): { d: string; bad: boolean; key: string }[] {
  const arrows: { d: string; bad: boolean; key: string }[] = []
  if (width <= 0) return arrows
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]))
  for (const r of rows) {
    if (r.kind !== 'ws') continue
    for (const depId of r.ws.dependsOn) {
      const di = rowIndex.get(depId)
      const dep = di !== undefined ? rows[di] : undefined
      if (!dep || dep.kind !== 'ws') continue
      const x1 = pos(dep.end) * width
      const y1 = di! * ROW_H + ROW_H / 2
      const x2 = pos(r.start) * width
      const y2 = rowIndex.get(r.id)! * ROW_H + ROW_H / 2
      const bend = Math.max(24, Math.abs(x2 - x1) / 2)
      arrows.push({
        key: `${r.id}|${depId}`,
        bad: violated.has(`${r.id}|${depId}`),
        d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2 - 1} ${y2}`
      })
    }
  }
  return arrows
}
