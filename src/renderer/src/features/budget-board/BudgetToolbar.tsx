// The budget board's toolbar: filter, expand and collapse all, ask on every drop.
import { useTranslation } from 'react-i18next'
import { AskAmountToggle, BoardFilter, type ToolbarController } from '../../components/board/BoardFrame'
import './strings'

export function BudgetToolbar({
  board,
  expandAll,
  collapseAll
}: {
  board: ToolbarController
  expandAll: () => void
  collapseAll: () => void
}) {
  const { t, i18n } = useTranslation('budgetBoard')
  const tb = i18n.getFixedT(null, 'board')
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <BoardFilter board={board} label={t('filter')} placeholder={t('filterPlaceholder')} />
      <button type="button" className="btn" onClick={expandAll}>
        {t('expandAll')}
      </button>
      <button type="button" className="btn" onClick={collapseAll}>
        {t('collapseAll')}
      </button>
      <AskAmountToggle board={board} />
      <span className="muted small toolbar-hint">{tb('shiftHint')}</span>
    </div>
  )
}
