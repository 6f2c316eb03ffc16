// One budget line on the budget board: a draggable chip with its amount, plus a split button.
import { createContext, memo, useContext } from 'react'
import type { BudgetLine } from '@shared/planning/types'
import { DraggableChip } from '../../components/board/DraggableChip'
import { useChipProblem } from '../../lib/problem-text'

export type LineActions = {
  onSplit: (line: BudgetLine) => void
  roleDescription: string
  /** While a big plan is still being counted lines stay put: a move needs every row's figures. */
  locked?: boolean
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
  // Why the line needs a look (outside its phase's or workstream's quarters), or undefined.
  const problem = useChipProblem(line.id)
  return (
    <div className="chip-wrap">
      <DraggableChip
        id={line.id}
        label={label}
        roleDescription={actions.roleDescription}
        name={line.title}
        amount={amount}
        className={`${colorClass}${line.currency === 'CHF' ? ' chip-chf' : ''}`}
        problem={problem}
        disabled={actions.locked}
      />
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
