// One budget line on the budget board: a draggable chip with its amount, plus a split button.
import { useDraggable } from '@dnd-kit/core'
import { createContext, memo, useContext } from 'react'
import type { BudgetLine } from '@shared/planning/types'

export type LineActions = {
  onSplit: (line: BudgetLine) => void
  roleDescription: string
}

export const LineActionsContext = createContext<LineActions>({
  onSplit: () => undefined,
  roleDescription: 'draggable'
})

export type LineChipProps = {
  line: BudgetLine
  amount: string
  label: string
  splitLabel: string
  colorClass: string
}

export const LineChip = memo(function LineChip({
  line,
  amount,
  label,
  splitLabel,
  colorClass
}: LineChipProps) {
  const actions = useContext(LineActionsContext)
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: line.id,
    data: { kind: 'budgetLine', label },
    attributes: { roleDescription: actions.roleDescription }
  })
  return (
    <div className="chip-wrap">
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        className={`chip chip-2l ${colorClass} ${isDragging ? 'is-dragging' : ''} ${line.currency === 'CHF' ? 'chip-chf' : ''}`}
        aria-label={label}
        data-chip-id={line.id}
        title={label}
      >
        <span className="chip-name">{line.title}</span> <span className="chip-amount">{amount}</span>
      </div>
      {line.amountCents > 1 && (
        <button
          type="button"
          className="chip-split"
          aria-label={splitLabel}
          title={splitLabel}
          onClick={() => actions.onSplit(line)}
        >
          ✂
        </button>
      )}
    </div>
  )
})
