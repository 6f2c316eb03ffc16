// Droppable cells of the capacity board: a role's quarter (utilization + chips) and a
// workstream group's quarter (drop there to move a chip to that workstream).
import { BoardCell } from '../../components/board/BoardCell'
import { memo, useMemo, type CSSProperties, type ReactNode } from 'react'
import type { Allocation, QuarterKey } from '@shared/planning/types'
import type { UtilizationLevel } from '@shared/planning/utilization'
import type { CellTarget } from '@shared/planning/capacity-board'

/** What the hovered cell shows during a drag: its level after the drop and a short figure (the full text is in the drag overlay). */
export type CellPreview = { level: 'ok' | 'amber' | 'red'; bad: boolean; badge: string }

/** The hovered cell's badge: its level after the drop and a short figure. */
export function PreviewBadge({ preview }: { preview: CellPreview }) {
  return (
    <span
      className={`cell-badge badge-${preview.level}${preview.bad ? ' has-warning' : ''}`}
      data-testid="cell-preview"
    >
      {preview.badge}
    </span>
  )
}

export type RoleCellProps = {
  id: string
  roleId: string
  quarter: QuarterKey
  /** Set in a workstream lane: a drop there also moves the chip to this workstream. */
  laneWorkstreamId: string | undefined
  label: string
  dropLabel: string
  level: UtilizationLevel
  ratio: number
  pctText: string
  utilText: string
  chips: Allocation[]
  renderChip: (a: Allocation) => ReactNode
  /** Name of the + of an empty cell, e.g. "Add allocation: DevOps Lead, Q3 2026". */
  addLabel: string
  /** Opens the add-allocation form with this cell's role, quarter (and lane's workstream) filled in. */
  onAdd: (roleId: string, quarter: QuarterKey, workstreamId: string | undefined) => void
}

/** Re-render a cell only when what it shows changed: chips compared one by one (a move keeps untouched chips' identity). */
function sameCell(a: RoleCellProps, b: RoleCellProps): boolean {
  for (const k of Object.keys(a) as (keyof RoleCellProps)[]) {
    if (k === 'chips') continue
    if (a[k] !== b[k]) return false
  }
  if (a.chips === b.chips) return true
  if (a.chips.length !== b.chips.length) return false
  return a.chips.every((c, i) => c === b.chips[i])
}

export const RoleCell = memo(function RoleCell(props: RoleCellProps) {
  const target = useMemo<CellTarget>(
    () =>
      props.laneWorkstreamId
        ? { quarter: props.quarter, roleId: props.roleId, workstreamId: props.laneWorkstreamId }
        : { quarter: props.quarter, roleId: props.roleId },
    [props.quarter, props.roleId, props.laneWorkstreamId]
  )
  const level = props.level
  const ratio = Math.min(1, props.ratio)
  return (
    <BoardCell
      id={props.id}
      label={props.label}
      target={target}
      dropLabel={props.dropLabel}
      className={`bcell level-${level}`}
      data-level={level}
      data-util={Number.isFinite(props.ratio) ? Math.round(props.ratio * 100) : 999}
      data-cell={props.id}
      head={
        // The bar is the line's ::after filled to --fill: three elements and a rounded clip fewer per cell.
        <div
          className="bcell-util"
          title={props.utilText}
          style={{ '--fill': `${ratio * 100}%` } as CSSProperties}
        >
          {props.pctText}
        </div>
      }
    >
      {props.chips.map(props.renderChip)}
      {props.chips.length === 0 && (
        <button
          type="button"
          className="cell-add"
          aria-label={props.addLabel}
          title={props.addLabel}
          onClick={() => props.onAdd(props.roleId, props.quarter, props.laneWorkstreamId)}
        >
          +
        </button>
      )}
    </BoardCell>
  )
}, sameCell)

export type GroupCellProps = {
  id: string
  quarter: QuarterKey
  /** The workstream a drop moves the chip to; null for phase groups, which take no drops. */
  workstreamId: string | null
  label: string
  dropLabel: string
  text: string
}

export const GroupCell = memo(function GroupCell(props: GroupCellProps) {
  // Phase groups are views only: dropping on them would not say which workstream to use.
  const target = useMemo<CellTarget | null>(
    () => (props.workstreamId ? { quarter: props.quarter, workstreamId: props.workstreamId } : null),
    [props.quarter, props.workstreamId]
  )
  return (
    <BoardCell
      id={props.id}
      label={props.label}
      target={target}
      dropLabel={props.dropLabel}
      className="bcell group-cell"
      head={<span className="group-sum">{props.text}</span>}
    />
  )
})

/** A role's quarter before the board has counted that role's allocations (a big plan still opening). */
export const CountingCell = memo(function CountingCell({ label, text }: { label: string; text: string }) {
  return (
    <div className="bcell cell-counting" role="group" aria-label={label} aria-busy="true">
      <span className="muted">{text}</span>
    </div>
  )
})
