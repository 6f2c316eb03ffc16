// The capacity board's row headers: a group (workstream or phase) with its role count, or a role
// (open positions marked) with the lane it shows.
import { useTranslation } from 'react-i18next'
import { laneKey, type BoardRow, type Lane } from '@shared/planning/capacity-board'
import type { Lookups } from './lookups'
import './strings'

export function RowHeader({ row, lookups }: { row: BoardRow; lookups: Lookups }) {
  const { t } = useTranslation('capacityBoard')
  if (row.kind === 'group') {
    return (
      <div className="row-group-head" title={row.label}>
        <strong>{row.label}</strong>
        <span className="muted"> · {t('groupCount', { count: row.roleCount })}</span>
      </div>
    )
  }
  const open = lookups.roleById.get(row.roleId)?.openPosition
  const name = lookups.roleName.get(row.roleId) ?? row.roleId
  return (
    <div className={`role-head ${open ? 'open-position' : ''}`}>
      {/* A long role name is cut to the column: the whole of it on hover. */}
      <strong title={name}>{name}</strong>
      {open && <span className="open-position-badge">{t('openPosition')}</span>}
      {row.lane.kind !== 'all' && (
        <span className="muted lane-name">
          {lookups.groupTitle.get(laneKey(row.lane as Exclude<Lane, { kind: 'all' }>))}
        </span>
      )}
    </div>
  )
}
