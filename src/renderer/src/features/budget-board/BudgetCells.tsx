// Cells of the budget board: a total cell (phase and workstream rows) and a leaf cell holding the
// line chips (category rows). Their drop zones exist only while a drag is on (see DropZone).
import { memo, useMemo, type ReactNode } from 'react'
import type { BudgetLine, QuarterKey } from '@shared/planning/types'
import { DropZone, useDropZonesOn } from '../../components/board/DropZone'
import type { BudgetCellTarget } from '@shared/planning/budget-board'
import type { CellActual } from './board-actuals'

export type BudgetCellPreview = { bad: boolean; badge: string }

/** The hovered cell's badge: the phase's share of its cap after the drop. */
export function BudgetPreviewBadge({ preview }: { preview: BudgetCellPreview }) {
  return (
    <span className={`cell-badge ${preview.bad ? 'badge-red' : ''}`} data-testid="cell-preview">
      {preview.badge}
    </span>
  )
}

type Common = {
  id: string
  quarter: QuarterKey
  phaseId: string
  /** undefined: a phase row (the line keeps its workstream when it belongs to the phase). */
  workstreamId?: string | null
  category?: string
  label: string
  dropLabel: string
}

function useTarget(props: Common): BudgetCellTarget {
  const { quarter, phaseId, workstreamId, category } = props
  return useMemo(() => {
    const t: BudgetCellTarget = { quarter, phaseId }
    if (workstreamId !== undefined) t.workstreamId = workstreamId
    if (category !== undefined) t.category = category
    return t
  }, [quarter, phaseId, workstreamId, category])
}

function Zone(props: Common) {
  const target = useTarget(props)
  return <DropZone id={props.id} data={{ target, label: props.dropLabel }} />
}

export const TotalCell = memo(function TotalCell(
  props: Common & { text: string; strong: boolean } & Partial<CellActual>
) {
  const zonesOn = useDropZonesOn()
  return (
    <div
      className={`bcell total-cell ${props.strong ? 'strong' : ''}`}
      role="group"
      aria-label={props.actualLabel ? `${props.label}; ${props.actualLabel}` : props.label}
      data-cell={props.id}
    >
      <span className="total-amount">{props.text}</span>
      {props.actualText && (
        <span
          className={`total-actual ${props.actualOver ? 'over' : ''}`}
          title={props.actualLabel}
          data-testid="cell-actual"
        >
          <span>{props.actualText}</span>
          <span>{props.remainingText}</span>
        </span>
      )}
      {zonesOn && <Zone {...props} />}
    </div>
  )
})

export const LeafCell = memo(function LeafCell(
  props: Common & { lines: BudgetLine[]; renderLine: (l: BudgetLine) => ReactNode }
) {
  const zonesOn = useDropZonesOn()
  return (
    <div className="bcell leaf-cell" role="group" aria-label={props.label} data-cell={props.id}>
      {zonesOn && <Zone {...props} />}
      {props.lines.map(props.renderLine)}
    </div>
  )
})
