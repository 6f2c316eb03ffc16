// Cells of the budget board: a total cell (phase and workstream rows) and a leaf cell holding the
// line chips (category rows), in the board kit's cell frame (BoardCell).
import { memo, useMemo, type ReactNode } from 'react'
import type { BudgetLine, QuarterKey } from '@shared/planning/types'
import { BoardCell } from '../../components/board/BoardCell'
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

export const TotalCell = memo(function TotalCell(
  props: Common & { text: string; strong: boolean } & Partial<CellActual>
) {
  const target = useTarget(props)
  return (
    <BoardCell
      id={props.id}
      label={props.actualLabel ? `${props.label}; ${props.actualLabel}` : props.label}
      target={target}
      dropLabel={props.dropLabel}
      className={`bcell total-cell ${props.strong ? 'strong' : ''}`}
      data-cell={props.id}
      head={
        <>
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
        </>
      }
    />
  )
})

export const LeafCell = memo(function LeafCell(
  props: Common & { lines: BudgetLine[]; renderLine: (l: BudgetLine) => ReactNode }
) {
  const target = useTarget(props)
  return (
    <BoardCell
      id={props.id}
      label={props.label}
      target={target}
      dropLabel={props.dropLabel}
      className="bcell leaf-cell"
      data-cell={props.id}
    >
      {props.lines.map(props.renderLine)}
    </BoardCell>
  )
})
