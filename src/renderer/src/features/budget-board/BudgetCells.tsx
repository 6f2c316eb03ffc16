// Droppable cells of the budget board: a total cell (phase and workstream rows) and a leaf cell
// holding the line chips (category rows).
import { useDroppable } from '@dnd-kit/core'
import { memo, type ReactNode } from 'react'
import type { BudgetLine } from '@shared/planning/types'
import type { BudgetCellTarget } from './budget-model'

export type BudgetCellPreview = { bad: boolean; badge: string }

type Common = {
  id: string
  target: BudgetCellTarget
  label: string
  dropLabel: string
  preview: BudgetCellPreview | null
}

function Badge({ preview }: { preview: BudgetCellPreview }) {
  return (
    <span className={`cell-badge ${preview.bad ? 'badge-red' : ''}`} data-testid="cell-preview">
      {preview.badge}
    </span>
  )
}

export const TotalCell = memo(function TotalCell(props: Common & { text: string; strong: boolean }) {
  const { setNodeRef, isOver } = useDroppable({
    id: props.id,
    data: { target: props.target, label: props.dropLabel }
  })
  return (
    <div
      ref={setNodeRef}
      className={`bcell total-cell ${props.strong ? 'strong' : ''} ${isOver ? 'is-over' : ''} ${isOver && props.preview?.bad ? 'preview-red' : ''}`}
      role="group"
      aria-label={props.label}
      data-cell={props.id}
    >
      <span className="total-amount">{props.text}</span>
      {isOver && props.preview && <Badge preview={props.preview} />}
    </div>
  )
})

export const LeafCell = memo(function LeafCell(
  props: Common & { lines: BudgetLine[]; renderLine: (l: BudgetLine) => ReactNode }
) {
  const { setNodeRef, isOver } = useDroppable({
    id: props.id,
    data: { target: props.target, label: props.dropLabel }
  })
  return (
    <div
      ref={setNodeRef}
      className={`bcell leaf-cell ${isOver ? 'is-over' : ''} ${isOver && props.preview?.bad ? 'preview-red' : ''}`}
      role="group"
      aria-label={props.label}
      data-cell={props.id}
    >
      {isOver && props.preview && <Badge preview={props.preview} />}
      {props.lines.map(props.renderLine)}
    </div>
  )
})
