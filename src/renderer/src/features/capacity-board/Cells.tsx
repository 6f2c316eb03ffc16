// Droppable cells of the capacity board: a role's quarter (utilization + chips) and a
// workstream group's quarter (drop there to move a chip to that workstream).
import { useDroppable } from '@dnd-kit/core'
import { memo, type ReactNode } from 'react'
import type { Allocation } from '@shared/planning/types'
import type { UtilizationCell } from '@shared/planning/utilization'
import type { CellTarget } from './capacity-model'

/** What the hovered cell shows during a drag: its level after the drop and a short figure (the full text is in the drag overlay). */
export type CellPreview = { level: 'ok' | 'amber' | 'red'; bad: boolean; badge: string }

export type RoleCellProps = {
  id: string
  target: CellTarget
  label: string
  dropLabel: string
  util: UtilizationCell | undefined
  pctText: string
  utilText: string
  chips: Allocation[]
  renderChip: (a: Allocation) => ReactNode
  preview: CellPreview | null
}

export const RoleCell = memo(function RoleCell(props: RoleCellProps) {
  const { setNodeRef, isOver } = useDroppable({
    id: props.id,
    data: { target: props.target, label: props.dropLabel }
  })
  const level = props.util?.level ?? 'ok'
  const ratio = props.util ? Math.min(1, props.util.ratio) : 0
  const previewClass = isOver && props.preview ? `preview-${props.preview.level}` : ''
  return (
    <div
      ref={setNodeRef}
      className={`bcell level-${level} ${isOver ? 'is-over' : ''} ${previewClass}`}
      role="group"
      aria-label={props.label}
      data-level={level}
      data-util={props.util ? Math.round(props.util.ratio * 100) : 0}
      data-cell={props.id}
    >
      <div className="bcell-util" title={props.utilText}>
        <span className="pct">{props.pctText}</span>
        <span className="bar" aria-hidden="true">
          <span style={{ width: `${ratio * 100}%` }} />
        </span>
      </div>
      {isOver && props.preview && (
        <span
          className={`cell-badge badge-${props.preview.level}${props.preview.bad ? ' has-warning' : ''}`}
          data-testid="cell-preview"
        >
          {props.preview.badge}
        </span>
      )}
      {props.chips.map(props.renderChip)}
    </div>
  )
})

export type GroupCellProps = {
  id: string
  target: CellTarget | null
  label: string
  dropLabel: string
  text: string
  preview: CellPreview | null
}

export const GroupCell = memo(function GroupCell(props: GroupCellProps) {
  // Phase groups are views only: dropping on them would not say which workstream to use.
  const { setNodeRef, isOver } = useDroppable({
    id: props.id,
    disabled: props.target === null,
    data: { target: props.target, label: props.dropLabel }
  })
  return (
    <div
      ref={setNodeRef}
      className={`bcell group-cell ${isOver ? 'is-over' : ''} ${isOver && props.preview ? `preview-${props.preview.level}` : ''}`}
      role="group"
      aria-label={props.label}
    >
      <span className="group-sum">{props.text}</span>
      {isOver && props.preview && (
        <span
          className={`cell-badge badge-${props.preview.level}${props.preview.bad ? ' has-warning' : ''}`}
          data-testid="cell-preview"
        >
          {props.preview.badge}
        </span>
      )}
    </div>
  )
})
