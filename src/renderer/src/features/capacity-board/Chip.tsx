// One allocation on the capacity board: a draggable chip (dnd-kit). Alt+arrow moves of the focused
// chip are board actions (components/board/use-board.ts).
import { createContext, memo, useContext } from 'react'
import type { Allocation } from '@shared/planning/types'
import { DraggableChip } from '../../components/board/DraggableChip'
import { useChipProblem } from '../../lib/problem-text'

export type ChipActions = {
  roleDescription: string
  /** The word and explanation for a share the plan assumed (a 50/50 split of one roadmap figure). */
  estimate: string
  estimateTitle: string
  /** While a big plan is still being counted chips stay put: a move needs every cell's figures. */
  locked?: boolean
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
}

export const Chip = memo(function Chip({ alloc, name, amount, label, colorClass }: ChipProps) {
  const actions = useContext(ChipActionsContext)
  // Why the chip needs a look (outside its workstream's months, before a dependency ends), or undefined.
  const problem = useChipProblem(alloc.id)
  const named = alloc.estimate ? `${label}, ${actions.estimate}` : label
  return (
    <DraggableChip
      id={alloc.id}
      label={label}
      spoken={named}
      title={alloc.estimate ? `${named}: ${actions.estimateTitle}` : label}
      roleDescription={actions.roleDescription}
      name={name}
      amount={amount}
      className={`${colorClass}${alloc.estimate ? ' is-estimate' : ''}`}
      problem={problem}
      disabled={actions.locked}
    />
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
