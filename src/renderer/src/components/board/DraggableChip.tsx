// The draggable chip both boards draw (an allocation, a budget line): its name, its amount with the
// problem mark, and its name and problem for screen readers and the tooltip. It carries the
// attributes dnd-kit's useDraggable gives a draggable; the board's one draggable (chip-drag.ts)
// takes over when a pointer or key goes down on it.
import { useContext } from 'react'
import { ChipDragContext, useIsDragging } from './chip-drag'

export type DraggableChipProps = {
  id: string
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
  const isDragging = useIsDragging(id)
  const { describedBy } = useContext(ChipDragContext)
  return (
    <div
      role="button"
      tabIndex={0}
      aria-disabled={disabled}
      aria-pressed={isDragging ? true : undefined}
      aria-roledescription={roleDescription}
      aria-describedby={describedBy || undefined}
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
