// The actions at the end of a plan row (roles, phases, workstreams, deliverables, metrics, risks,
// budget lines): ↑/↓ where
// the list has an order, then edit and remove, each button named after the row.
import { useTranslation } from 'react-i18next'
import { MoveButtons } from './MoveButtons'
import './strings'

export function RowActions({
  name,
  move,
  onEdit,
  onRemove,
  editTitle,
  removeTitle,
  as: Tag = 'td',
  colSpan
}: {
  /** The row's name as a user reads it ("Edit {{name}}"). */
  name: string
  /** Position in the list as shown, its length and the move; no ↑/↓ without it. */
  move?: { index: number; count: number; onMove: (by: -1 | 1) => Promise<void> | void }
  onEdit: () => void
  onRemove: () => void
  editTitle?: string
  removeTitle?: string
  /** A table cell, or a span in a list item (or a card's header). */
  as?: 'td' | 'span'
  /** Columns the cell spans (the Budget table's line rows hold their actions under two columns). */
  colSpan?: number
}) {
  const { t } = useTranslation('forms')
  return (
    <Tag className="row-actions" {...(Tag === 'td' && colSpan ? { colSpan } : {})}>
      {move && <MoveButtons name={name} {...move} />}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={t('editNamed', { name })}
        title={editTitle}
        onClick={onEdit}
      >
        ✎
      </button>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={t('removeNamed', { name })}
        title={removeTitle}
        onClick={onRemove}
      >
        ✕
      </button>
    </Tag>
  )
}
