// Drop targets mounted only while a drag is on. Every useDroppable registers with DndContext,
// and each registration re-renders every dnd-kit hook on the board; with zones only during a
// drag, scrolling a large board mounts none, and an idle board holds no droppable at all.
import { useDroppable } from '@dnd-kit/core'
import { useContext, useMemo } from 'react'
import { ChipDragContext, useBoardDrag } from './chip-drag'

/** Whether the cells should carry their drop zones now (a cell reads it from the board's drag state). */
export function useDropZonesOn(): boolean {
  return useBoardDrag((d) => d.zonesOn)
}

export function DropZone({
  id,
  data,
  disabled = false
}: {
  id: string
  data: Record<string, unknown>
  disabled?: boolean
}) {
  const { setNodeRef, isOver } = useDroppable({ id, data, disabled })
  const preview = useZonePreview(id)
  return (
    <div
      ref={setNodeRef}
      className={`drop-zone ${isOver ? `is-over ${preview?.className ?? ''}` : ''}`}
      data-drop-zone={id}
    >
      {isOver && preview?.badge}
    </div>
  )
}

/** While the chip is over this zone: its look (the preview's level) and badge, as the board words them. */
function useZonePreview(id: string) {
  const { zonePreview } = useContext(ChipDragContext)
  const activeId = useBoardDrag((d) => d.activeId)
  const over = useBoardDrag((d) => (d.over?.id === id ? d.over : null))
  return useMemo(() => (activeId && over ? zonePreview(activeId, over) : null), [activeId, over, zonePreview])
}
