// One allocation on the capacity board: a draggable chip (dnd-kit) that also answers
// Alt+Arrow shortcuts through the board's action context.
import { useDraggable } from '@dnd-kit/core'
import { createContext, memo, useContext, type KeyboardEvent } from 'react'
import type { Allocation } from '@shared/planning/types'

export type ChipActions = {
  /** Handles Alt+Arrow (and Alt+Shift+Arrow) on a chip; returns true when it acted. */
  onShortcut: (alloc: Allocation, event: KeyboardEvent) => boolean
  roleDescription: string
}

export const ChipActionsContext = createContext<ChipActions>({
  onShortcut: () => false,
  roleDescription: 'draggable'
})

export type ChipProps = {
  alloc: Allocation
  name: string
  amount: string
  label: string
  colorClass: string
}

export const Chip = memo(function Chip({ alloc, name, amount, label, colorClass }: ChipProps) {
  const actions = useContext(ChipActionsContext)
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: alloc.id,
    data: { kind: 'allocation', label },
    attributes: { roleDescription: actions.roleDescription }
  })
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (actions.onShortcut(alloc, e)) return
    listeners?.onKeyDown?.(e)
  }
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={onKeyDown}
      className={`chip ${colorClass} ${isDragging ? 'is-dragging' : ''}`}
      aria-label={label}
      data-chip-id={alloc.id}
      title={label}
    >
      <span className="chip-name">{name}</span>
      <span className="chip-amount">{amount}</span>
    </div>
  )
})

/** The chip as drawn under the pointer while dragging (no hooks: the overlay is not a draggable). */
export function ChipFace({ name, amount, colorClass }: Pick<ChipProps, 'name' | 'amount' | 'colorClass'>) {
  return (
    <div className={`chip overlay ${colorClass}`}>
      <span className="chip-name">{name}</span>
      <span className="chip-amount">{amount}</span>
    </div>
  )
}
