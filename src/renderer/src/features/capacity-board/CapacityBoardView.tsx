// The capacity board: roles by quarters, allocations as chips that can be dragged (mouse or
// keyboard) to another quarter, role or workstream lane, whole or in part, with a live
// preview of the target's utilization and dependency checks, and a live utilization heatmap.
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { msg } from '../../i18n/text'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { formatFte, formatQuarter, formatShare } from '../../lib/format'
import { halfShare } from '@shared/planning/moves'
import { stepIn } from '@shared/planning/board'
import { laneRows } from '@shared/planning/lane-index'
import { useLaneIndex } from './use-lane-index'
import { updateUtilization, type UtilizationState } from '@shared/planning/plan-index'
import { BoardLoading, CountingHint, UpdatingHint } from '../../components/board/BoardLoading'
import {
  prebuiltRows,
  prebuiltUtilization,
  useCapacityBoardIndex,
  type CapacityBoardIndex
} from './use-board-index'
import type { Allocation, QuarterKey } from '@shared/planning/types'
import type { AllocationTarget } from '@shared/planning/moves'
import { openAllocationForm } from '../../components/plan-form/allocation-form'
import { BoardFrame } from '../../components/board/BoardFrame'
import { useBoard } from '../../components/board/use-board'
import { useBoardActions } from '../../shell/board-actions'
import '../../components/board/strings'
import './strings'
import './capacity-board.css'
import { ProblemTextsContext, useBoardProblems, useProblemTexts } from '../../lib/problem-text'
import { ProblemsPanel } from '../../components/board/ProblemsPanel'
import '../../components/strings'
import { Chip, ChipActionsContext, ChipFace, type ChipActions } from './Chip'
import {
  buildRows,
  isNoop,
  previewDrop,
  sameTarget,
  targetFor,
  updateFlatRows,
  type BoardRow,
  type CellTarget,
  type DropPreview,
  type GroupBy
} from '@shared/planning/capacity-board'
import { UtilizationHeatmap } from './UtilizationHeatmap'
import { labelTemplate } from '../../lib/label-template'
import { buildLookups, chipLabelOf, roleOrderOf } from './lookups'
import { cellPreviewOf, describeCapacityPreview } from './PreviewText'
import { CapacityToolbar } from './CapacityToolbar'
import { RowHeader } from './RowHeader'
import { useCellRenderer } from './use-cell-renderer'
import { PreviewBadge } from './Cells'
import { useCapacityMoves } from './use-capacity-moves'

type PreviewMemo = {
  d: unknown
  ix: unknown
  a: Allocation
  target: AllocationTarget
  result: DropPreview | null
}
const NO_SUMS = new Map<string, Map<QuarterKey, number>>()
const COL_W = 140
const HEAD_W = 196
const HEAD_H = 52

export function CapacityBoardView({ planId }: ViewProps) {
  const live = usePlanData(planId)
  // A big plan's index is built a slice per task when it opens, and made again so after a big commit.
  const shown = useCapacityBoardIndex(planId, live)
  if (!live) return null
  if (!shown) return <BoardLoading view="capacity-board" count={live.allocations.length} />
  return <CapacityBoard planId={planId} {...shown} />
}

function CapacityBoard({
  planId,
  data,
  allocIndex,
  counted,
  updating
}: { planId: string } & CapacityBoardIndex) {
  const { t, i18n } = useTranslation('capacityBoard')
  const lang = i18n.language
  // The labels every cell and chip carries, compiled once per language (see lib/label-template.ts).
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
  const { filter, setStatus, focusChip } = board
  useBoardActions(board)
  const dataRef = useRef(data)
  dataRef.current = data
  // The + of an empty cell: the add-allocation form with the cell's role and quarter filled in.
  const onAdd = useCallback(
    (roleId: string, quarter: QuarterKey, workstreamId: string | undefined) =>
      void openAllocationForm(planId, dataRef.current, { roleId, quarter, workstreamId }),
    [planId]
  )

  const quarters = data.plan.quarters
  // The plan row comes back with every commit (its updatedAt moves): memos key on its values.
  const quartersKey = quarters.join(',')
  const softCapBp = data.plan.softCapBp
  // The index is carried along each local commit's changes (see plan-index.ts), so a drop costs
  // what it changed, not a pass over the plan.
  const index = allocIndex.cells
  const indexRef = useRef(allocIndex)
  indexRef.current = allocIndex
  // Quarter totals and red/amber counts, updated from the cells the index says changed.
  const utilRef = useRef<UtilizationState | undefined>(undefined)
  // Not while the plan is still being counted: the first rows' index holds a few roles only.
  const util = useMemo(
    () =>
      counted
        ? undefined
        : (utilRef.current = updateUtilization(
            // Built with an index made a slice per task (a big plan opened, or a big commit).
            prebuiltUtilization.get(allocIndex) ?? utilRef.current,
            data,
            allocIndex
          )),
    [allocIndex, counted, data.roles, softCapBp, quartersKey] // eslint-disable-line react-hooks/exhaustive-deps
  )
  // The heatmap (a pass over every role) renders in a deferred pass right after.
  const deferred = useDeferredValue(data)
  const deferredUtil = useDeferredValue(util)
  const lookups = useMemo(() => buildLookups(data), [data.roles, data.workstreams, data.phases]) // eslint-disable-line react-hooks/exhaustive-deps
  // Grouped modes: lanes (roles and FTE per workstream or phase) follow each commit's changes; a
  // big commit's a slice per task, with the lanes last shown (or, at first, the rows by role) meanwhile.
  const { lanes, stale: lanesStale } = useLaneIndex(planId, data, groupBy, quartersKey)
  // Flat rows follow a drop by the heights of the roles it touched; other changes build them again.
  const rowsRef = useRef<{ rows: BoardRow[]; deps: unknown[]; version: number } | null>(null)
  const rows = useMemo(() => {
    if (lanes) return laneRows(data, lanes, filter)
    // Lanes not made yet (a grouping's first build on a big plan): the rows by role meanwhile.
    const deps = [filter, data.roles, data.phases, quartersKey]
    const prev = rowsRef.current
    const follow =
      prev &&
      allocIndex.incremental &&
      prev.version === allocIndex.version - 1 &&
      deps.every((d, i) => d === prev.deps[i])
    const prebuilt = prebuiltRows.get(allocIndex)
    const next = follow
      ? updateFlatRows(prev.rows, index, quarters, new Set(allocIndex.touched.map(([roleId]) => roleId)))
      : !filter && prebuilt?.roles === data.roles && prebuilt.quarters === quartersKey
        ? prebuilt.rows
        : buildRows(data, index, 'none', filter)
    rowsRef.current = { rows: next, deps, version: allocIndex.version }
    return next
  }, [allocIndex, lanes, groupBy, filter, data.roles, data.phases, data.workstreams, quartersKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const sums = lanes?.sums ?? NO_SUMS
  const stats = util

  const allocById = useCallback((id: string) => indexRef.current.byId.get(id), [])

  // The cell's preview, once for what is announced and shown; its memo allocates nothing per move.
  const lastPreview = useRef<PreviewMemo | null>(null)
  const previewOf = useCallback((a: Allocation, target: AllocationTarget): DropPreview | null => {
    const d = dataRef.current
    const ix = indexRef.current
    const m = lastPreview.current
    if (m && m.d === d && m.ix === ix && m.a === a && sameTarget(m.target, target)) return m.result
    const result = previewDrop(d, ix.cells, ix.byWorkstream, a, target)
    lastPreview.current = { d, ix, a, target, result }
    return result
  }, [])

  const { perform, chooseAmount } = useCapacityMoves({
    planId,
    dataRef,
    indexRef,
    lookups,
    focusChip,
    setStatus
  })

  // Role order for Alt+up/down, found at the first such move (a pass over every row).
  const roleOrder = useMemo(() => {
    let seen: string[] | undefined
    return () => (seen ??= roleOrderOf(rows))
  }, [rows])

  const { t: te } = useTranslation('estimate')
  const chipActions: ChipActions = useMemo(
    () => ({
      roleDescription: t('chipRole'),
      estimate: te('label'),
      estimateTitle: te('title'),
      locked: counted !== null || updating
    }),
    [t, te, counted, updating]
  )

  board.model.current = {
    itemById: allocById,
    isNoop: (a, cell) => isNoop(a, targetFor(a, cell)),
    fullAmount: (a) => a.shareBp,
    halfAmount: (a) => halfShare(a.shareBp).half,
    askAmount: (a, cell) => chooseAmount(a, targetFor(a, cell)),
    move: (a, cell, amount, focus) => void perform(a, targetFor(a, cell), amount, focus),
    stepTarget: (a, direction) => {
      if (counted || updating) return { none: msg(counted ? 'board:stillCounting' : 'board:stillUpdating') }
      if (direction === 'left' || direction === 'right') {
        const quarter = stepIn(quarters, a.quarter, direction === 'right' ? 1 : -1)
        return quarter ? { quarter } : { none: msg('capacityBoard:noQuarter') }
      }
      const roleId = stepIn(roleOrder(), a.roleId, direction === 'down' ? 1 : -1)
      return roleId ? { quarter: a.quarter, roleId } : { none: msg('capacityBoard:noRole') }
    },
    rowOf: (id) => {
      const a = allocById(id)
      return a ? rows.findIndex((r) => r.kind === 'role' && r.roleId === a.roleId) : -1
    },
    itemLabel: (a) => chipLabelOf(a, lookups, labels.chip),
    previewText: (a, cell) => {
      const p = previewOf(a, targetFor(a, cell))
      return p ? describeCapacityPreview(p, t, lookups.wsTitle).text : ''
    },
    dragged: (a) => (
      <ChipFace
        name={lookups.wsTitle.get(a.workstreamId) ?? ''}
        amount={formatShare(a.shareBp)}
        colorClass={lookups.colorOfWs.get(a.workstreamId) ?? 'chip-p2'}
      />
    ),
    preview: (a, cell) => {
      const target = targetFor(a, cell)
      const p = isNoop(a, target) ? null : previewOf(a, target)
      if (!p) return null
      const badge = cellPreviewOf(p)
      return {
        overlay: describeCapacityPreview(p, t, lookups.wsTitle).node,
        zone: { className: `preview-${badge.level}`, badge: <PreviewBadge preview={badge} /> }
      }
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
  // Work outside its workstream's months or before a dependency ends: marked on the chip, listed above the board.
  // Each chip reads its own marker (useChipProblem): new problems re-render the chips they change.
  // While the first rows are drawn, their render leaves the problems to the tasks after it.
  const problems = useBoardProblems(data, 'allocation', lang, counted === null)
  const problemTexts = useProblemTexts(problems)
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
  const renderCell = useCellRenderer({
    softCapBp,
    allocIndex,
    lookups,
    labels,
    sums,
    renderChip,
    onAdd,
    counted
  })

  return (
    <ChipActionsContext.Provider value={chipActions}>
      <ProblemTextsContext.Provider value={problemTexts}>
        <div className="capacity-board">
          <ViewHeader view="capacity-board" />
          <CapacityToolbar
            board={board}
            planId={planId}
            plan={data.plan}
            groupBy={groupBy}
            setGroupBy={setGroupBy}
            roleRows={rows.filter((r) => r.kind === 'role').length}
            red={stats?.red}
            amber={stats?.amber}
          />
          {(updating || lanesStale) && <UpdatingHint />}
          {!updating && !lanesStale && (counted || problems.pending) && (
            <CountingHint count={data.allocations.length} problemsOnly={!counted} />
          )}
          <ProblemsPanel problems={problems} />
          <BoardFrame
            board={board}
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
                const s = stats?.stats.get(q)
                return (
                  <>
                    <span className="qtitle">
                      <strong>{formatQuarter(q)}</strong>
                      {s && s.red > 0 && (
                        <span className="badge badge-danger qbadge">{t('overCount', { count: s.red })}</span>
                      )}
                    </span>
                    <span className="muted">
                      {stats ? t('quarterTotal', { fte: formatFte(s?.bp ?? 0) }) : t('board:countingShort')}
                    </span>
                  </>
                )
              },
              renderRowHeader: (row) => <RowHeader row={row} lookups={lookups} />,
              renderCell,
              rowClassName: (r) => (r.kind === 'group' ? 'row-group' : ''),
              empty: t('empty')
            }}
          />
          <UtilizationHeatmap
            data={deferred}
            util={deferredUtil?.table}
            roleStats={deferredUtil?.roleStats}
            roleNames={lookups.roleName}
            roleFilter={filter}
          />
        </div>
      </ProblemTextsContext.Provider>
    </ChipActionsContext.Provider>
  )
}
