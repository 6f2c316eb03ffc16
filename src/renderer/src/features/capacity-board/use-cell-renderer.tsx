// The capacity board's cells: a group's FTE total per quarter, or a role's load and chips. What a
// role cell shows is kept while scrolling re-renders it, and after a drop computed again only
// for the cells the drop touched.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { shownUtilizationBp } from '@shared/planning/board'
import { cellLoad, chipsIn, laneKey, type BoardRow } from '@shared/planning/capacity-board'
import type { AllocationIndex } from '@shared/planning/plan-index'
import type { Allocation, QuarterKey } from '@shared/planning/types'
import { formatFte, formatQuarter, formatShare } from '../../lib/format'
import { cellGroup, useCellMemo } from '../../components/board/cell-memo'
import { CountingCell, GroupCell, RoleCell } from './Cells'
import type { Lookups } from './lookups'

type CachedCell = {
  laneWs: string | undefined
  label: string
  dropLabel: string
  level: 'ok' | 'amber' | 'red'
  ratio: number
  pctText: string
  utilText: string
  addLabel: string
  chips: Allocation[]
}

type Labels = {
  cell: (values: Record<'role' | 'quarter' | 'allocated' | 'capacity' | 'pct' | 'state', string>) => string
  allocatedOf: (values: Record<'allocated' | 'capacity', string>) => string
}

export function useCellRenderer({
  softCapBp,
  allocIndex,
  lookups,
  labels,
  sums,
  renderChip,
  onAdd,
  counted
}: {
  softCapBp: number
  allocIndex: AllocationIndex
  lookups: Lookups
  labels: Labels
  /** FTE per lane and quarter, for the group rows (laneSums). */
  sums: Map<string, Map<QuarterKey, number>>
  renderChip: (a: Allocation) => ReactNode
  onAdd: (roleId: string, quarter: QuarterKey, workstreamId: string | undefined) => void
  /** The roles the index holds while a big plan is still being counted (null: every role). */
  counted: ReadonlySet<string> | null
}): (row: BoardRow, q: QuarterKey) => ReactNode {
  const { t, i18n } = useTranslation('capacityBoard')
  const lang = i18n.language
  const index = allocIndex.cells
  // What a cell shows, by role and quarter, then row: after a drop only the cells it touched are
  // computed again; a change of names, language or soft cap (or a change the index cannot follow)
  // starts afresh.
  const cellCache = useCellMemo<CachedCell>([lookups, lang, softCapBp, t], allocIndex)
  return (row, q) => {
    if (row.kind === 'group') {
      const key = laneKey(row.lane)
      const bp = sums.get(key)?.get(q) ?? 0
      const id = `g|${key}|${q}`
      return (
        <GroupCell
          id={id}
          quarter={q}
          workstreamId={row.lane.kind === 'workstream' ? row.lane.id : null}
          label={t('groupCellLabel', { group: row.label, quarter: formatQuarter(q), fte: formatFte(bp) })}
          dropLabel={`${row.label}, ${formatQuarter(q)}`}
          text={bp > 0 ? formatFte(bp) : ''}
        />
      )
    }
    const id = `c|${row.key}|${q}`
    if (counted && !counted.has(row.roleId)) {
      const name = lookups.roleById.get(row.roleId)?.name ?? ''
      return (
        <CountingCell
          key={id}
          label={t('board:countingCell', { where: `${name}, ${formatQuarter(q)}` })}
          text={t('board:countingShort')}
        />
      )
    }
    // Scrolling re-renders every visible cell; what a cell shows is computed once per change of it.
    const group = cellGroup(row.roleId, q)
    let cell = cellCache.get(id, group)
    if (!cell) {
      const role = lookups.roleById.get(row.roleId)
      if (!role) return null
      const load = cellLoad(index, role, q, softCapBp)
      const pct = formatShare(shownUtilizationBp(load.ratio))
      const laneWs = row.lane.kind === 'workstream' ? row.lane.id : undefined
      const allocated = formatFte(load.allocatedBp)
      const capacity = formatFte(load.capacityBp)
      cell = cellCache.set(
        id,
        {
          laneWs,
          label: labels.cell({
            role: role.name,
            quarter: formatQuarter(q),
            allocated,
            capacity,
            pct,
            state: load.level === 'red' ? t('stateRed') : load.level === 'amber' ? t('stateAmber') : ''
          }),
          dropLabel: `${role.name}, ${formatQuarter(q)}${laneWs ? `, ${lookups.wsTitle.get(laneWs) ?? ''}` : ''}`,
          level: load.level,
          ratio: load.ratio,
          pctText: pct,
          utilText: labels.allocatedOf({ allocated, capacity }),
          addLabel: t('addHere', {
            where: `${role.name}, ${formatQuarter(q)}${laneWs ? `, ${lookups.wsTitle.get(laneWs) ?? ''}` : ''}`
          }),
          chips: chipsIn(index, row.roleId, q, row.lane, lookups.phaseOfWs, lookups.wsOrder)
        },
        group
      )
    }
    return (
      <RoleCell
        id={id}
        roleId={row.roleId}
        quarter={q}
        laneWorkstreamId={cell.laneWs}
        label={cell.label}
        dropLabel={cell.dropLabel}
        level={cell.level}
        ratio={cell.ratio}
        pctText={cell.pctText}
        utilText={cell.utilText}
        chips={cell.chips}
        renderChip={renderChip}
        addLabel={cell.addLabel}
        onAdd={onAdd}
      />
    )
  }
}
