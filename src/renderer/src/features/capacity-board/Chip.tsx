// One allocation on the capacity board: a draggable chip (dnd-kit). Alt+arrow moves of the focused
// chip are board actions (components/board/use-board.ts).
import { useDraggable } from '@dnd-kit/core'
import { createContext, memo, useContext } from 'react'
import type { Allocation } from '@shared/planning/types'

export type ChipActions = { roleDescription: string }

export const ChipActionsContext = createContext<ChipActions>({ roleDescription: 'draggable' })

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
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`chip ${colorClass} ${isDragging ? 'is-dragging' : ''}`}
      aria-label={label}
      data-chip-id={alloc.id}
      title={label}
    >
      <span className="chip-name">{name}</span> <span className="chip-amount">{amount}</span>
    </div>
  )
})

/** The chip as drawn under the pointer while dragging (no hooks: the overlay is not a draggable). */
export function ChipFace({ name, amount, colorClass }: Pick<ChipProps, 'name' | 'amount' | 'colorClass'>) {
  return (
    <div className={`chip overlay ${colorClass}`}>
      <span className="chip-name">{name}</span> <span className="chip-amount">{amount}</span>
    </div>
  )
}
