// Drop targets mounted only while a drag is on. Every useDroppable registers with DndContext,
// and each registration re-renders every dnd-kit hook on the board; with zones only during a
// drag, scrolling a large board mounts none, and an idle board holds no droppable at all.
import { useDroppable } from '@dnd-kit/core'
import { createContext, useContext, type ReactNode } from 'react'

export const DropZonesContext = createContext(false)

export function useDropZonesOn(): boolean {
  return useContext(DropZonesContext)
}

export function DropZone({
  id,
  data,
  disabled = false,
  overClassName = '',
  children
}: {
  id: string
  data: Record<string, unknown>
  disabled?: boolean
  /** Extra class while the dragged chip is over this zone (e.g. the preview's level). */
  overClassName?: string
  /** Shown only while the chip is over this zone (the preview badge). */
  children?: ReactNode
}) {
  const { setNodeRef, isOver } = useDroppable({ id, data, disabled })
  return (
    <div
      ref={setNodeRef}
      className={`drop-zone ${isOver ? `is-over ${overClassName}` : ''}`}
      data-drop-zone={id}
    >
      {isOver && children}
    </div>
  )
}
