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
  /** Why the line needs a look (outside its phase's or workstream's quarters), or undefined. */
  problem?: string
}

export const LineChip = memo(function LineChip({
  line,
  amount,
  label,
  splitLabel,
  colorClass,
  problem
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
        className={`chip chip-2l ${colorClass} ${isDragging ? 'is-dragging' : ''} ${line.currency === 'CHF' ? 'chip-chf' : ''} ${problem ? 'has-problem' : ''}`}
        aria-label={problem ? `${label}. ${problem}` : label}
        data-chip-id={line.id}
        data-problem={problem ? 'true' : undefined}
        title={problem ? `${label}\n⚠ ${problem}` : label}
      >
        <span className="chip-name">{line.title}</span>{' '}
        <span className="chip-amount">
          {problem && (
            <span className="chip-problem" aria-hidden>
              ⚠{' '}
            </span>
          )}
          {amount}
        </span>
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
