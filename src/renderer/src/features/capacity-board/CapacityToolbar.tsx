// The capacity board's toolbar (filter, grouping, soft cap, ask on every drop, legend) and the
// counts line under it.
import { useTranslation } from 'react-i18next'
import type { GroupBy } from '@shared/planning/capacity-board'
import type { Plan } from '@shared/planning/types'
import { AskAmountToggle, BoardFilter, type ToolbarController } from '../../components/board/BoardFrame'
import { SoftCapField } from './SoftCapField'
import { DragHint } from '../../components/board/DragHint'
import './strings'

export function CapacityToolbar({
  board,
  planId,
  plan,
  groupBy,
  setGroupBy,
  roleRows,
  red,
  amber
}: {
  board: ToolbarController
  planId: string
  plan: Plan
  groupBy: GroupBy
  setGroupBy: (g: GroupBy) => void
  roleRows: number
  /** Undefined while a big plan is still being counted. */
  red: number | undefined
  amber: number | undefined
}) {
  const { t } = useTranslation('capacityBoard')
  return (
    <>
      <div className="board-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <BoardFilter board={board} label={t('filter')} placeholder={t('filterPlaceholder')} />
        <label>
          {t('groupBy')}
          <select className="text" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="none">{t('group.none')}</option>
            <option value="workstream">{t('group.workstream')}</option>
            <option value="phase">{t('group.phase')}</option>
          </select>
        </label>
        <SoftCapField planId={planId} plan={plan} />
        <AskAmountToggle board={board} />
        <div className="board-legend" aria-hidden="true">
          <span>
            <span className="legend-swatch" style={{ background: 'var(--ok)' }} />
            {t('legendOk')}
          </span>
          <span>
            <span className="legend-swatch" style={{ background: 'var(--warn)' }} />
            {t('legendAmber')}
          </span>
          <span>
            <span className="legend-swatch" style={{ background: 'var(--danger)' }} />
            {t('legendRed')}
          </span>
        </div>
      </div>
      <p className="board-counts muted">
        {t('rolesShown', { count: roleRows })} ·{' '}
        <span data-testid="capacity-counts">
          {red === undefined || amber === undefined
            ? t('board:countingShort')
            : t('summaryCells', { red, amber })}
        </span>
      </p>
      <DragHint rows="role" />
    </>
  )
}
