// One allocation on the capacity board: a draggable chip (dnd-kit). Alt+arrow moves of the focused
// chip are board actions (components/board/use-board.ts).
import { useDraggable } from '@dnd-kit/core'
import { createContext, memo, useContext } from 'react'
import type { Allocation } from '@shared/planning/types'

export type ChipActions = {
  roleDescription: string
  /** The word and explanation for a share the plan assumed (a 50/50 split of one roadmap figure). */
  estimate: string
  estimateTitle: string
}

export const ChipActionsContext = createContext<ChipActions>({
  roleDescription: 'draggable',
  estimate: 'Estimate',
  estimateTitle: ''
})

export type ChipProps = {
  alloc: Allocation
  name: string
  amount: string
  label: string
  colorClass: string
  /** Why the chip needs a look (outside its workstream's months, before a dependency ends), or undefined. */
  problem?: string
}

export const Chip = memo(function Chip({ alloc, name, amount, label, colorClass, problem }: ChipProps) {
  const actions = useContext(ChipActionsContext)
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: alloc.id,
    data: { kind: 'allocation', label },
    attributes: { roleDescription: actions.roleDescription }
  })
  const named = alloc.estimate ? `${label}, ${actions.estimate}` : label
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`chip chip-2l ${colorClass} ${isDragging ? 'is-dragging' : ''} ${problem ? 'has-problem' : ''}${alloc.estimate ? ' is-estimate' : ''}`}
      aria-label={problem ? `${named}. ${problem}` : named}
      data-chip-id={alloc.id}
      data-problem={problem ? 'true' : undefined}
      title={`${alloc.estimate ? `${named}: ${actions.estimateTitle}` : label}${problem ? `\n⚠ ${problem}` : ''}`}
    >
      <span className="chip-name">{name}</span>{' '}
      <span className="chip-amount">
        {problem && (
          <span className="chip-problem" aria-hidden>
            ⚠{' '}
          </span>
        )}
        {amount}
      </span>
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
