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
import { utilization, utilizationRatio } from '@shared/planning/utilization'
import {
  laneSums,
  moveDestination,
  moveKind,
  quarterStats,
  roleLoad,
  shownUtilizationBp,
  stepIn
} from '@shared/planning/board'
import type { Allocation, EntityChange, PlanData, QuarterKey } from '@shared/planning/types'
import { applyChanges } from '@shared/planning/changes'
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
import { Chip, ChipActionsContext, ChipFace, type ChipActions } from './Chip'
import { GroupCell, RoleCell, type CellPreview } from './Cells'
import {
  buildChipIndex,
  buildWorkstreamIndex,
  cellLoad,
  buildRows,
  chipsIn,
  isNoop,
  laneKey,
  previewDrop,
  targetFor,
  type BoardRow,
  type CellTarget,
  type DropPreview,
  type GroupBy,
  type Lane,
  type WorkstreamIndex
} from './capacity-model'
import { UtilizationHeatmap } from './UtilizationHeatmap'
import { labelTemplate } from './label-template'
import { SoftCapField } from './SoftCapField'
import './bench-hook'

const COL_W = 160
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
  // Urgent path (a drop must show at once): the chip index, from which visible cells read their load.
  const index = useMemo(() => buildChipIndex(data), [data.allocations]) // eslint-disable-line react-hooks/exhaustive-deps
  const indexRef = useRef(index)
  indexRef.current = index
  // Plan-wide figures (quarter totals, counts, heatmap) render in a deferred pass right after.
  const deferred = useDeferredValue(data)
  const util = useMemo(
    () => utilization(deferred),
    [deferred.allocations, deferred.roles, deferred.plan] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const lookups = useMemo(() => buildLookups(data), [data.roles, data.workstreams, data.phases]) // eslint-disable-line react-hooks/exhaustive-deps
  const rows = useMemo(
    () => buildRows(data, index, groupBy, filter),
    [index, groupBy, filter, data.roles, data.phases, data.plan.quarters] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const sums = useMemo(
    () => laneSums(data, groupBy),
    [data.allocations, data.workstreams, groupBy] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const stats = useMemo(() => quarterStats(util, quarters), [util, quarters])

  // Allocations by workstream for the dependency checks of previews: built once per data change, on the first drag.
  const wsIndexRef = useRef<{ allocations: PlanData['allocations']; index: WorkstreamIndex } | null>(null)
  const wsIndexFor = useCallback((d: PlanData) => {
    if (wsIndexRef.current?.allocations !== d.allocations) {
      wsIndexRef.current = { allocations: d.allocations, index: buildWorkstreamIndex(d) }
    }
    return wsIndexRef.current.index
  }, [])

  const allocById = useCallback((id: string) => dataRef.current.allocations.find((a) => a.id === id), [])
  const active = useMemo(
    () => (activeId ? data.allocations.find((a) => a.id === activeId) : undefined),
    [activeId, data.allocations]
  )

  const preview: DropPreview | null = useMemo(() => {
    if (!active || !over) return null
    const target = targetFor(active, over.target)
    if (isNoop(active, target)) return null
    return previewDrop(data, index, wsIndexFor(data), active, target)
  }, [active, over, data, index, wsIndexFor])

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
      let changes: EntityChange[]
      try {
        changes = moveAllocation(d, alloc.id, target, amountBp)
      } catch (err) {
        reportMoveError(err)
        return
      }
      if (changes.length === 0) return
      const kind = moveKind(changes, alloc.id, amountBp, alloc.shareBp)
      const summary = allocationMoveSummary(d, alloc, target, amountBp)
      const destId = moveDestination(changes, alloc.id, amountBp, alloc.shareBp)
      if (focus) focusChip(focus === 'dest' && destId ? destId : alloc.id)
      const promise = commitChanges(planId, kind, summary, changes)
      // Announced with the load after the move: the view's data is still the one before it here.
      const q = target.quarter ?? alloc.quarter
      const r = target.roleId ?? alloc.roleId
      const cell = roleLoad(applyChanges(d, changes), r, q)
      setStatus(
        t('moved', {
          what: describeEntry({ kind, summary }),
          cell: cell ? `${formatQuarter(q)}: ${formatShare(shownUtilizationBp(cell.ratio))}` : ''
        })
      )
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, t, tb, focusChip, setStatus]
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

  const chipActions: ChipActions = useMemo(() => ({ roleDescription: t('chipRole') }), [t])

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
      const d = dataRef.current
      const p = previewDrop(d, indexRef.current, wsIndexFor(d), a, targetFor(a, cell))
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

  const cellCache = useMemo(
    () => new Map<string, CachedCell>(),
    [index, lookups, lang, data.plan.softCapBp, t] // eslint-disable-line react-hooks/exhaustive-deps
  )
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
    // Scrolling re-renders every visible cell; what a cell shows is computed once per data change.
    let cell = cellCache.get(id)
    if (!cell) {
      const role = lookups.roleById.get(row.roleId)
      if (!role) return null
      const load = cellLoad(index, role, q, data.plan.softCapBp)
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
      cellCache.set(id, cell)
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
        <UtilizationHeatmap data={deferred} util={util} roleFilter={filter} />
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
