// Every drag states its keyboard path on screen: one line under a board's (or sortable list's)
// toolbar, for mouse and keyboard, in the UI language.
import { useTranslation } from 'react-i18next'
import './strings'

export type DragHintRows = 'role' | 'phase' | 'item'

export function DragHint({ rows, shift = true }: { rows: DragHintRows; shift?: boolean }) {
  const { t } = useTranslation('board')
  return (
    <p className="drag-hint muted small" data-testid="drag-hint">
      <span>{t(shift ? 'hint.mouseShift' : 'hint.mouse')}</span>{' '}
      <span>{t('hint.keyboard', { row: t(`hint.row.${rows}`) })}</span>
    </p>
  )
}
