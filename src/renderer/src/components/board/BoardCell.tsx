// The frame every board cell is drawn in: a labelled group, and its drop zone while a drag is on
// (see DropZone). Both boards' cells put their own content inside.
import { memo, useMemo, type HTMLAttributes, type ReactNode } from 'react'
import { DropZone, useDropZonesOn } from './DropZone'

export type BoardCellProps = Omit<HTMLAttributes<HTMLDivElement>, 'id' | 'role' | 'children'> & {
  /** The drop zone's id (also the cell's `data-cell` where the board marks it). */
  id: string
  label: string
  /** Where a drop on this cell goes (memoised by the cell); null: the cell takes no drops. */
  target: object | null
  /** The cell in words, as drag announcements say it. */
  dropLabel: string
  /** What the cell shows before its drop zone (a figure, a bar); its chips come after, as children. */
  head?: ReactNode
  children?: ReactNode
}

export function BoardCell({ id, label, target, dropLabel, head, children, ...div }: BoardCellProps) {
  const zonesOn = useDropZonesOn()
  const zone = zonesOn && target ? <CellZone id={id} target={target} label={dropLabel} /> : null
  return (
    <div role="group" aria-label={label} {...div}>
      {head}
      {zone}
      {children}
    </div>
  )
}

/** The zone's dnd-kit data, made once per target and label rather than at each render of the cell. */
const CellZone = memo(function CellZone({
  id,
  target,
  label
}: {
  id: string
  target: object
  label: string
}) {
  const data = useMemo(() => ({ target, label }), [target, label])
  return <DropZone id={id} data={data} />
})
