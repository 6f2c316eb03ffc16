// The draggable chip both boards draw (an allocation, a budget line): its name, its amount with the
// problem mark, and its name and problem for screen readers and the tooltip.
import { useDraggable } from '@dnd-kit/core'

export type DraggableChipProps = {
  id: string
  /** What the board's drag handlers are told the chip is. */
  kind: 'allocation' | 'budgetLine'
  /** The chip in words, as drag announcements say it. */
  label: string
  /** The accessible name before the problem, when it says more than `label`. */
  spoken?: string
  /** The tooltip before the problem, when it says more than `label`. */
  title?: string
  roleDescription: string
  name: string
  amount: string
  /** Classes beside 'chip chip-2l': the colour, the currency, an estimate. */
  className: string
  /** Why the chip needs a look (outside its months or quarters, before a dependency ends), or undefined. */
  problem?: string
  /** Not draggable for now (a board still counting its entries). */
  disabled?: boolean
}

export function DraggableChip({
  id,
  kind,
  label,
  spoken = label,
  title = label,
  roleDescription,
  name,
  amount,
  className,
  problem,
  disabled = false
}: DraggableChipProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id,
    data: { kind, label },
    attributes: { roleDescription },
    disabled
  })
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className={`chip chip-2l ${className} ${isDragging ? 'is-dragging' : ''} ${problem ? 'has-problem' : ''}`}
      aria-label={problem ? `${spoken}. ${problem}` : spoken}
      data-chip-id={id}
      data-problem={problem ? 'true' : undefined}
      title={problem ? `${title}\n⚠ ${problem}` : title}
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
}
