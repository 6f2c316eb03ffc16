// The budget board's toolbar (filter, expand and collapse all, ask on every drop) and the line
// under it that states the drag's mouse and keyboard paths.
import { useTranslation } from 'react-i18next'
import { AskAmountToggle, BoardFilter, type ToolbarController } from '../../components/board/BoardFrame'
import { DragHint } from '../../components/board/DragHint'
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
  const { t } = useTranslation('budgetBoard')
  return (
    <>
      <div className="board-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <BoardFilter board={board} label={t('filter')} placeholder={t('filterPlaceholder')} />
        <button type="button" className="btn" onClick={expandAll}>
          {t('expandAll')}
        </button>
        <button type="button" className="btn" onClick={collapseAll}>
          {t('collapseAll')}
        </button>
        <AskAmountToggle board={board} />
      </div>
      <DragHint rows="phase" />
    </>
  )
}
