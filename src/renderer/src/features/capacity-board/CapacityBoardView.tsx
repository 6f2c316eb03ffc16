// The capacity board: roles by quarters, allocations as chips that can be dragged (mouse or
// keyboard) to another quarter, role or workstream lane, whole or in part, with a live
// preview of the target's utilization and dependency checks, and a live utilization heatmap.
import { useCallback, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { commitChanges } from '../../db/commit'
import { toastError } from '../../components/Toaster'
import { formatFte, formatQuarter, formatShare } from '../../lib/format'
import { moveAllocation, halfShare, type AllocationTarget } from '@shared/planning/moves'
import { capacityOf, utilizationRatio } from '@shared/planning/utilization'
import { laneSums, moveDestination, moveKind, shownUtilizationBp, stepIn } from '@shared/planning/board'
import {
  allocatedAfter,
  allocationIndexOf,
  updateUtilization,
  type UtilizationState
} from '@shared/planning/plan-index'
import type { Allocation, EntityChange, PlanData, QuarterKey } from '@shared/planning/types'
import { askAmount } from '../../components/board/AmountDialog'
import { AskAmountToggle, BoardFilter, BoardFrame } from '../../components/board/BoardFrame'
import { useBoard } from '../../components/board/use-board'
import { useBoardActions } from '../../shell/board-actions'
import { reportMoveError } from '../../components/board/report'
import { describeEntry } from '../../shell/describe-entry'
import { allocationMoveSummary } from '../../lib/history-summaries'
import '../../components/board/strings'
import './strings'
import './capacity-board.css'
import '../../components/EstimateBadge'
import { Chip, ChipActionsContext, ChipFace, type ChipActions } from './Chip'
import { GroupCell, RoleCell, type CellPreview } from './Cells'
import {
  cellLoad,
  buildRows,
  chipsIn,
  isNoop,
  laneKey,
  previewDrop,
  targetFor,
  updateFlatRows,
  type BoardRow,
  type CellTarget,
  type DropPreview,
  type GroupBy,
  type Lane
} from './capacity-model'
import { UtilizationHeatmap } from './UtilizationHeatmap'
import { labelTemplate } from './label-template'
import { SoftCapField } from './SoftCapField'
import './bench-hook'

const COL_W = 140
const HEAD_W = 196
const HEAD_H = 52

export function CapacityBoardView({ planId }: ViewProps) {
  const data = usePlanData(planId)
  if (!data) return null
  return <CapacityBoard planId={planId} data={data} />
}

type CachedCell = {
  laneWs: string | undefined
  label: string
  dropLabel: string
  level: 'ok' | 'amber' | 'red'
  ratio: number
  pctText: string
  utilText: string
  chips: Allocation[]
}

/** Cells by role and quarter (cellKey), then by cell id (a role has a row per lane it is in). */
type CellCache = Map<string, Map<string, CachedCell>>
const cellKey = (roleId: string, quarter: QuarterKey) => `${roleId}\u0000${quarter}`

type Lookups = {
  roleById: Map<string, PlanData['roles'][number]>
  wsOrder: Map<string, number>
  roleName: Map<string, string>
  wsTitle: Map<string, string>
  phaseOfWs: Map<string, string>
  colorOfWs: Map<string, string>
  groupTitle: Map<string, string>
}

function buildLookups(data: PlanData): Lookups {
  const phaseOrder = new Map(data.phases.map((p) => [p.id, p.priority]))
  return {
    roleById: new Map(data.roles.map((r) => [r.id, r])),
    wsOrder: new Map(data.workstreams.map((w) => [w.id, w.order])),
    roleName: new Map(data.roles.map((r) => [r.id, r.name])),
    wsTitle: new Map(data.workstreams.map((w) => [w.id, w.title])),
    phaseOfWs: new Map(data.workstreams.map((w) => [w.id, w.phaseId])),
    colorOfWs: new Map(
      data.workstreams.map((w) => [w.id, `chip-${(phaseOrder.get(w.phaseId) ?? 'P2').toLowerCase()}`])
    ),
    groupTitle: new Map([
      ...data.workstreams.map((w) => [`workstream:${w.id}`, w.title] as const),
      ...data.phases.map((p) => [`phase:${p.id}`, p.name] as const)
    ])
  }
}

function CapacityBoard({ planId, data }: { planId: string; data: PlanData }) {
  const { t, i18n } = useTranslation('capacityBoard')
  const tb = i18n.getFixedT(null, 'board')
  const lang = i18n.language
  // The labels every cell and chip carries, compiled once per language (see label-template.ts).
  const labels = useMemo(
    () => ({
      chip: labelTemplate(t, 'chipLabel', ['role', 'quarter', 'workstream', 'share']),
      cell: labelTemplate(t, 'cellLabel', ['role', 'quarter', 'allocated', 'capacity', 'pct', 'state']),
      allocatedOf: labelTemplate(t, 'allocatedOf', ['allocated', 'capacity'])
    }),
    [t, lang] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const [groupBy, setGroupBy] = useState<GroupBy>('none')
  const board = useBoard<Allocation, CellTarget>()
  const { filter, over, activeId, setStatus, focusChip } = board
  useBoardActions(board)
  const dataRef = useRef(data)
  dataRef.current = data

  const quarters = data.plan.quarters
  // The plan row comes back with every commit (its updatedAt moves): memos key on its values.
  const quartersKey = quarters.join(',')
  const softCapBp = data.plan.softCapBp
  // The allocations by id, role and quarter, and workstream: carried along each local commit's
  // changes (see plan-index.ts), so a drop costs what it changed, not a pass over the plan.
  const allocIndex = useMemo(() => allocationIndexOf(data.allocations), [data.allocations])
  const index = allocIndex.cells
  const indexRef = useRef(allocIndex)
  indexRef.current = allocIndex
  // Quarter totals and red/amber counts, updated from the cells the index says changed.
  const utilRef = useRef<UtilizationState | undefined>(undefined)
  const util = useMemo(
    () => (utilRef.current = updateUtilization(utilRef.current, data, allocIndex)),
    [allocIndex, data.roles, softCapBp, quartersKey] // eslint-disable-line react-hooks/exhaustive-deps
  )
  // The heatmap (a pass over every role) renders in a deferred pass right after.
  const deferred = useDeferredValue(data)
  const deferredUtil = useDeferredValue(util)
  const lookups = useMemo(() => buildLookups(data), [data.roles, data.workstreams, data.phases]) // eslint-disable-line react-hooks/exhaustive-deps
  // Flat rows follow a drop by the heights of the roles it touched; other changes build them again.
  const rowsRef = useRef<{ rows: BoardRow[]; deps: unknown[]; version: number } | null>(null)
  const rows = useMemo(() => {
    const deps = [groupBy, filter, data.roles, data.phases, quartersKey]
    const prev = rowsRef.current
    const follow =
      prev &&
      groupBy === 'none' &&
      allocIndex.incremental &&
      prev.version === allocIndex.version - 1 &&
      deps.every((d, i) => d === prev.deps[i])
    const next = follow
      ? updateFlatRows(prev.rows, index, quarters, new Set(allocIndex.touched.map(([roleId]) => roleId)))
      : buildRows(data, index, groupBy, filter)
    rowsRef.current = { rows: next, deps, version: allocIndex.version }
    return next
  }, [allocIndex, groupBy, filter, data.roles, data.phases, quartersKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const sums = useMemo(
    () => laneSums(data, groupBy),
    [data.allocations, data.workstreams, groupBy] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const stats = util

  const allocById = useCallback((id: string) => indexRef.current.byId.get(id), [])
  const active = useMemo(() => (activeId ? allocIndex.byId.get(activeId) : undefined), [activeId, allocIndex])

  const preview: DropPreview | null = useMemo(() => {
    if (!active || !over) return null
    const target = targetFor(active, over.target)
    if (isNoop(active, target)) return null
    return previewDrop(data, index, allocIndex.byWorkstream, active, target)
  }, [active, over, data, index, allocIndex])

  const describePreview = useCallback(
    (p: DropPreview): { text: string; node: ReactNode } => {
      const pct = formatShare(shownUtilizationBp(utilizationRatio(p.afterBp, p.capacityBp)))
      const utilText = t('preview.util', {
        quarter: formatQuarter(p.quarter),
        pct,
        allocated: formatFte(p.afterBp),
        capacity: formatFte(p.capacityBp)
      })
      const levelText = p.level === 'red' ? t('preview.red') : p.level === 'amber' ? t('preview.amber') : ''
      const violations = p.violations.map((v) =>
        v.kind === 'allocation'
          ? t('preview.violation', {
              workstream: lookups.wsTitle.get(v.workstreamId) ?? v.workstreamId,
              dependency: lookups.wsTitle.get(v.dependsOnId) ?? v.dependsOnId,
              quarter: formatQuarter(v.quarter),
              end: formatQuarter(v.dependencyEndQuarter)
            })
          : t('preview.schedule', {
              workstream: lookups.wsTitle.get(v.workstreamId) ?? v.workstreamId,
              dependency: lookups.wsTitle.get(v.dependsOnId) ?? v.dependsOnId
            })
      )
      const parts = [
        utilText + (levelText ? ` — ${levelText}` : ''),
        p.merges ? t('preview.merge') : '',
        ...violations
      ]
      return {
        text: parts.filter(Boolean).join('. '),
        node: (
          <>
            <div className={p.level === 'red' ? 'bad' : p.level === 'amber' ? 'warn' : ''}>
              {utilText}
              {levelText && ` — ${levelText}`}
            </div>
            {p.merges && <div>{t('preview.merge')}</div>}
            {violations.map((v) => (
              <div key={v} className="bad">
                ⚠ {v}
              </div>
            ))}
          </>
        )
      }
    },
    [t, lookups]
  )

  const cellPreview: CellPreview | null = useMemo(() => {
    if (!preview) return null
    const pct = shownUtilizationBp(utilizationRatio(preview.afterBp, preview.capacityBp))
    return {
      level: preview.level,
      bad: preview.violations.length > 0,
      badge: `→ ${formatShare(pct)}${preview.violations.length > 0 ? ' ⚠' : ''}`
    }
  }, [preview])
  const overlayPreview = useMemo(
    () => (preview ? describePreview(preview).node : null),
    [preview, describePreview]
  )

  // ------------------------------------------------------------------ committing moves
  const perform = useCallback(
    async (
      alloc: Allocation,
      target: AllocationTarget,
      amountBp: number,
      focus: 'dest' | 'source' | null
    ) => {
      const d = dataRef.current
      const idx = indexRef.current
      const r = target.roleId ?? alloc.roleId
      const q = target.quarter ?? alloc.quarter
      let changes: EntityChange[]
      try {
        // The move reads the chip and the one it may merge into (same role, workstream and
        // quarter): both are in the index, so it gets those instead of every allocation.
        const source = idx.byId.get(alloc.id)
        const near = (idx.cells.get(r)?.get(q) ?? []).filter((a) => a.id !== alloc.id)
        changes = moveAllocation(
          { ...d, allocations: source ? [source, ...near] : [] },
          alloc.id,
          target,
          amountBp
        )
      } catch (err) {
        reportMoveError(err)
        return
      }
      if (changes.length === 0) return
      const kind = moveKind(changes, alloc.id, amountBp, alloc.shareBp)
      const summary = allocationMoveSummary(d, alloc, target, amountBp)
      const destId = moveDestination(changes, alloc.id, amountBp, alloc.shareBp)
      if (focus) focusChip(focus === 'dest' && destId ? destId : alloc.id)
      // The load after the move, from the index before it (the commit carries the index along).
      const role = lookups.roleById.get(r)
      const ratio = role ? utilizationRatio(allocatedAfter(idx, changes, r, q), capacityOf(role, q)) : null
      const promise = commitChanges(planId, kind, summary, changes)
      setStatus(
        t('moved', {
          what: describeEntry({ kind, summary }),
          cell: ratio !== null ? `${formatQuarter(q)}: ${formatShare(shownUtilizationBp(ratio))}` : ''
        })
      )
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, t, tb, focusChip, setStatus, lookups]
  )

  const chooseAmount = useCallback(
    async (alloc: Allocation, target: AllocationTarget): Promise<number | null> => {
      const d = dataRef.current
      return askAmount({
        unit: 'share',
        max: alloc.shareBp,
        initial: halfShare(alloc.shareBp).half || alloc.shareBp,
        description: `${lookups.roleName.get(alloc.roleId) ?? ''} · ${lookups.wsTitle.get(alloc.workstreamId) ?? ''} · ${formatQuarter(alloc.quarter)} → ${formatQuarter(target.quarter ?? alloc.quarter)}${
          target.roleId && target.roleId !== alloc.roleId
            ? ` · ${d.roles.find((r) => r.id === target.roleId)?.name ?? ''}`
            : ''
        }`
      })
    },
    [lookups]
  )

  // ------------------------------------------------------------------ keyboard shortcuts
  const roleOrder = useMemo(() => {
    const seen: string[] = []
    const set = new Set<string>()
    for (const r of rows) {
      if (r.kind === 'role' && !set.has(r.roleId)) {
        set.add(r.roleId)
        seen.push(r.roleId)
      }
    }
    return seen
  }, [rows])

  const { t: te } = useTranslation('estimate')
  const chipActions: ChipActions = useMemo(
    () => ({ roleDescription: t('chipRole'), estimate: te('label'), estimateTitle: te('title') }),
    [t, te]
  )

  board.model.current = {
    itemById: allocById,
    isNoop: (a, cell) => isNoop(a, targetFor(a, cell)),
    fullAmount: (a) => a.shareBp,
    halfAmount: (a) => halfShare(a.shareBp).half,
    askAmount: (a, cell) => chooseAmount(a, targetFor(a, cell)),
    move: (a, cell, amount, focus) => void perform(a, targetFor(a, cell), amount, focus),
    stepTarget: (a, direction) => {
      if (direction === 'left' || direction === 'right') {
        const quarter = stepIn(quarters, a.quarter, direction === 'right' ? 1 : -1)
        return quarter ? { quarter } : { none: t('noQuarter') }
      }
      const roleId = stepIn(roleOrder, a.roleId, direction === 'down' ? 1 : -1)
      return roleId ? { quarter: a.quarter, roleId } : { none: t('noRole') }
    },
    rowOf: (id) => {
      const a = allocById(id)
      return a ? rows.findIndex((r) => r.kind === 'role' && r.roleId === a.roleId) : -1
    },
    itemLabel: (a) => chipLabelOf(a, lookups, labels.chip),
    previewText: (a, cell) => {
      const p = previewDrop(
        dataRef.current,
        indexRef.current.cells,
        indexRef.current.byWorkstream,
        a,
        targetFor(a, cell)
      )
      return p ? describePreview(p).text : ''
    }
  }

  // ------------------------------------------------------------------ rendering
  const chipLabels = useMemo(() => new WeakMap<Allocation, string>(), [lookups, t, lang]) // eslint-disable-line react-hooks/exhaustive-deps
  const chipLabel = useCallback(
    (a: Allocation) => {
      let label = chipLabels.get(a)
      if (label === undefined) chipLabels.set(a, (label = chipLabelOf(a, lookups, labels.chip)))
      return label
    },
    [chipLabels, lookups, labels]
  )
  const renderChip = useCallback(
    (a: Allocation) => (
      <Chip
        key={a.id}
        alloc={a}
        name={lookups.wsTitle.get(a.workstreamId) ?? a.workstreamId}
        amount={formatShare(a.shareBp)}
        label={chipLabel(a)}
        colorClass={lookups.colorOfWs.get(a.workstreamId) ?? 'chip-p2'}
      />
    ),
    [lookups, chipLabel]
  )

  // What a cell shows, by role and quarter, then row: after a drop only the cells it touched are
  // computed again; a change of names, language or soft cap (or a change the index cannot follow)
  // starts afresh.
  const cellCacheRef = useRef<{ cells: CellCache; deps: unknown[]; version: number } | null>(null)
  const cellCache = useMemo(() => {
    const deps = [lookups, lang, softCapBp, t]
    const prev = cellCacheRef.current
    let cells: CellCache
    if (
      prev &&
      allocIndex.incremental &&
      prev.version === allocIndex.version - 1 &&
      deps.every((d, i) => d === prev.deps[i])
    ) {
      cells = prev.cells
      for (const [roleId, q] of allocIndex.touched) cells.delete(cellKey(roleId, q))
    } else cells = new Map()
    cellCacheRef.current = { cells, deps, version: allocIndex.version }
    return cells
  }, [allocIndex, lookups, lang, softCapBp, t])
  const renderCell = (row: BoardRow, q: QuarterKey) => {
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
          preview={over?.id === id ? cellPreview : null}
        />
      )
    }
    const id = `c|${row.key}|${q}`
    // Scrolling re-renders every visible cell; what a cell shows is computed once per change of it.
    let byRow = cellCache.get(cellKey(row.roleId, q))
    if (!byRow) cellCache.set(cellKey(row.roleId, q), (byRow = new Map()))
    let cell = byRow.get(id)
    if (!cell) {
      const role = lookups.roleById.get(row.roleId)
      if (!role) return null
      const load = cellLoad(index, role, q, softCapBp)
      const pct = formatShare(shownUtilizationBp(load.ratio))
      const laneWs = row.lane.kind === 'workstream' ? row.lane.id : undefined
      const allocated = formatFte(load.allocatedBp)
      const capacity = formatFte(load.capacityBp)
      cell = {
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
        chips: chipsIn(index, row.roleId, q, row.lane, lookups.phaseOfWs, lookups.wsOrder)
      }
      byRow.set(id, cell)
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
        preview={over?.id === id ? cellPreview : null}
      />
    )
  }

  const renderRowHeader = (row: BoardRow) => {
    if (row.kind === 'group') {
      return (
        <div className="row-group-head" title={row.label}>
          <strong>{row.label}</strong>
          <span className="muted"> · {t('groupCount', { count: row.roleCount })}</span>
        </div>
      )
    }
    return (
      <div className={`role-head ${lookups.roleById.get(row.roleId)?.openPosition ? 'open-position' : ''}`}>
        <strong>{lookups.roleName.get(row.roleId) ?? row.roleId}</strong>
        {lookups.roleById.get(row.roleId)?.openPosition && (
          <span className="open-position-badge">{t('openPosition')}</span>
        )}
        {row.lane.kind !== 'all' && (
          <span className="muted lane-name">
            {lookups.groupTitle.get(laneKey(row.lane as Exclude<Lane, { kind: 'all' }>))}
          </span>
        )}
      </div>
    )
  }

  const roleRows = rows.filter((r) => r.kind === 'role').length

  return (
    <ChipActionsContext.Provider value={chipActions}>
      <div className="capacity-board">
        <ViewHeader view="capacity-board" />
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
          <SoftCapField planId={planId} plan={data.plan} />
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
            {t('summaryCells', { red: stats.red, amber: stats.amber })}
          </span>{' '}
          · {tb('shiftHint')}
        </p>
        <BoardFrame
          board={board}
          dragged={
            active ? (
              <ChipFace
                name={lookups.wsTitle.get(active.workstreamId) ?? ''}
                amount={formatShare(active.shareBp)}
                colorClass={lookups.colorOfWs.get(active.workstreamId) ?? 'chip-p2'}
              />
            ) : null
          }
          preview={overlayPreview}
          grid={{
            testId: 'capacity-board',
            label: t('utilization'),
            rows,
            columns: quarters,
            columnWidth: COL_W,
            headerWidth: HEAD_W,
            headerHeight: HEAD_H,
            height: 'max(360px, calc(100vh - 330px))',
            corner: <span>{t('role')}</span>,
            renderColumnHeader: (q) => {
              const s = stats.stats.get(q)
              return (
                <>
                  <strong>{formatQuarter(q)}</strong>
                  <span className="muted">
                    {t('quarterTotal', { fte: formatFte(s?.bp ?? 0) })}
                    {s && s.red > 0 && (
                      <span className="badge badge-danger qbadge">{t('overCount', { count: s.red })}</span>
                    )}
                  </span>
                </>
              )
            },
            renderRowHeader,
            renderCell: (row, q) => renderCell(row, q),
            rowClassName: (r) => (r.kind === 'group' ? 'row-group' : ''),
            empty: t('empty')
          }}
        />
        <UtilizationHeatmap data={deferred} util={deferredUtil.table} roleFilter={filter} />
      </div>
    </ChipActionsContext.Provider>
  )
}

function chipLabelOf(
  a: Allocation,
  lookups: Lookups,
  chipLabel: (values: Record<'role' | 'quarter' | 'workstream' | 'share', string>) => string
): string {
  return chipLabel({
    role: lookups.roleName.get(a.roleId) ?? a.roleId,
    quarter: formatQuarter(a.quarter),
    workstream: lookups.wsTitle.get(a.workstreamId) ?? a.workstreamId,
    share: formatShare(a.shareBp)
  })
}
