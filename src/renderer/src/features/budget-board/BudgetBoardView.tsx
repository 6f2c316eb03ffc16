// The budget board: phases (expandable to workstreams and categories) by quarters, budget lines
// as chips that can be dragged (mouse or keyboard) to another quarter, phase, workstream or
// category, whole or in part, or split in place; totals, caps and charts update live.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent
} from '@dnd-kit/core'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent
} from 'react'
import { useTranslation } from 'react-i18next'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { commitChanges } from '../../db/commit'
import { toastError } from '../../components/Toaster'
import { formatMoney, formatQuarter } from '../../lib/format'
import { budgetTotals, toBaseCents } from '@shared/planning/budget'
import { splitBudgetLine } from '@shared/planning/moves'
import type { BudgetLine, Cents, EntityChange, PlanData, QuarterKey } from '@shared/planning/types'
import { applyChanges } from '@shared/planning/changes'
import { AmountDialogHost, askAmount } from '../../components/board/AmountDialog'
import { VirtualBoard, type VirtualBoardHandle } from '../../components/board/VirtualBoard'
import { DropZonesContext } from '../../components/board/DropZone'
import {
  BOARD_AUTOSCROLL,
  boardCollision,
  cellKeyboardCoordinates,
  isShiftHeld,
  startShiftTracking
} from '../../components/board/dnd'
import { reportMoveError } from '../../components/board/report'
import { describeEntry } from '../../shell/describe-entry'
import { budgetMoveSummary, budgetSplitSummary } from '../../lib/history-summaries'
import '../../components/board/strings'
import './strings'
import './budget-board.css'
import { LineActionsContext, LineChip, type LineActions } from './LineChip'
import { LeafCell, TotalCell, type BudgetCellPreview } from './BudgetCells'
import {
  allGroupKeys,
  budgetMoveChanges,
  buildBudgetIndex,
  buildBudgetRows,
  catKey,
  halfCents,
  isBudgetNoop,
  phaseKey,
  previewBudgetDrop,
  resolveTarget,
  wsKey,
  type BudgetCellTarget,
  type BudgetPreview,
  type BudgetRow
} from './budget-model'
import { BudgetCharts } from './BudgetCharts'

const COL_W = 172
const HEAD_W = 270
const HEAD_H = 52
const FOOT_H = 40
/** Plans with up to this many lines open fully expanded; larger ones start with phases only. */
const EXPAND_ALL_UP_TO = 300

export function BudgetBoardView({ planId }: ViewProps) {
  const data = usePlanData(planId)
  if (!data) return null
  return <BudgetBoard planId={planId} data={data} />
}

type Over = { id: string; target: BudgetCellTarget; label: string }

function BudgetBoard({ planId, data }: { planId: string; data: PlanData }) {
  const { t, i18n } = useTranslation('budgetBoard')
  const tb = i18n.getFixedT(null, 'board')
  const lang = i18n.language
  const dataRef = useRef(data)
  dataRef.current = data
  const boardRef = useRef<VirtualBoardHandle>(null)
  const pendingFocus = useRef<{ id: string; tries: number } | null>(null)
  const [filterText, setFilterText] = useState('')
  const filter = useDeferredValue(filterText)
  const [askAlways, setAskAlways] = useState(false)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [over, setOver] = useState<Over | null>(null)
  const [status, setStatus] = useState('')
  const [zonesOn, setZonesOn] = useState(false)
  const zonesTimer = useRef<number | undefined>(undefined)
  // Drop zones go away a moment after a drop, so unregistering them does not delay the drop's frame.
  const zonesOff = useCallback(() => {
    window.clearTimeout(zonesTimer.current)
    zonesTimer.current = window.setTimeout(() => setZonesOn(false), 250)
  }, [])
  useEffect(() => () => window.clearTimeout(zonesTimer.current), [])

  useEffect(() => startShiftTracking(), [])

  const quarters = data.plan.quarters
  const index = useMemo(() => buildBudgetIndex(data), [data.budgetLines, data.plan]) // eslint-disable-line react-hooks/exhaustive-deps
  const totals = useMemo(() => budgetTotals(data), [data.budgetLines, data.plan]) // eslint-disable-line react-hooks/exhaustive-deps
  const [expanded, setExpanded] = useState<Set<string>>(() =>
    data.budgetLines.length <= EXPAND_ALL_UP_TO ? new Set(allGroupKeys(index)) : new Set()
  )
  const rows = useMemo(
    () => buildBudgetRows(data, index, expanded, filter),
    [index, expanded, filter, data.phases, data.workstreams, data.plan.quarters] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const lookups = useMemo(() => {
    const phases = [...data.phases].sort((a, b) => a.order - b.order)
    return {
      phases,
      phase: new Map(phases.map((p) => [p.id, p])),
      wsTitle: new Map(data.workstreams.map((w) => [w.id, w.title])),
      colorOfPhase: new Map(phases.map((p) => [p.id, `chip-${p.priority.toLowerCase()}`]))
    }
  }, [data.phases, data.workstreams])

  const lineById = useCallback((id: string) => dataRef.current.budgetLines.find((l) => l.id === id), [])
  const active = activeId ? lineById(activeId) : undefined
  const money = useCallback((c: Cents) => formatMoney(c, 'EUR', { whole: c % 100 === 0 }), [])
  const lineAmount = useCallback(
    (l: BudgetLine) => formatMoney(l.amountCents, l.currency, { whole: l.amountCents % 100 === 0 }),
    []
  )

  const preview: BudgetPreview | null = useMemo(() => {
    if (!active || !over) return null
    return previewBudgetDrop(data, totals, active, over.target)
  }, [active, over, data, totals])

  const describePreview = useCallback(
    (p: BudgetPreview) => {
      const phase = lookups.phase.get(p.phaseId)
      const phaseText = t('preview.phase', {
        phase: phase?.name ?? '',
        spent: money(p.phaseAfterCents),
        cap: money(p.capCents)
      })
      const parts = [
        {
          text: p.capBreached ? `${phaseText} — ${t('preview.capBreached')}` : phaseText,
          bad: p.capBreached
        },
        {
          text: t('preview.quarter', {
            quarter: formatQuarter(p.quarter),
            amount: money(p.quarterAfterCents)
          }),
          bad: false
        }
      ]
      if (p.outsidePhase && phase) {
        const range =
          phase.startQuarter === phase.endQuarter
            ? formatQuarter(phase.startQuarter)
            : `${formatQuarter(phase.startQuarter)}–${formatQuarter(phase.endQuarter)}`
        parts.push({
          text: t('preview.outside', { quarter: formatQuarter(p.quarter), phase: phase.name, range }),
          bad: true
        })
      }
      return parts
    },
    [lookups, money, t]
  )

  const cellPreview: BudgetCellPreview | null = useMemo(() => {
    if (!preview) return null
    const pct = preview.capCents > 0 ? Math.round((preview.phaseAfterCents / preview.capCents) * 100) : 0
    return {
      bad: preview.capBreached || preview.outsidePhase,
      badge: `→ ${pct} % ${t('cap')}${preview.capBreached ? ' ⚠' : ''}`
    }
  }, [preview, t])

  // ------------------------------------------------------------------ committing
  const openPathTo = useCallback((phaseId: string, ws: string | null) => {
    setExpanded((prev) => {
      const keys = [phaseKey(phaseId), wsKey(phaseId, ws)]
      if (keys.every((k) => prev.has(k))) return prev
      const next = new Set(prev)
      keys.forEach((k) => next.add(k))
      return next
    })
  }, [])

  // The figures after the change: the view's data is still the one before it at this point.
  const announceResult = useCallback(
    (what: string, phaseId: string, changes: readonly EntityChange[]) => {
      const d = applyChanges(dataRef.current, changes)
      const phase = d.phases.find((p) => p.id === phaseId)
      let spent = 0
      for (const l of d.budgetLines) if (l.phaseId === phaseId) spent += toBaseCents(l, d.plan)
      setStatus(
        t('moved', { what, phase: phase?.name ?? '', spent: money(spent), cap: money(phase?.capCents ?? 0) })
      )
    },
    [money, t]
  )

  const perform = useCallback(
    async (line: BudgetLine, cell: BudgetCellTarget, amount: Cents, focus: boolean) => {
      const d = dataRef.current
      let changes: EntityChange[]
      try {
        changes = budgetMoveChanges(d, line, cell, amount)
      } catch (err) {
        reportMoveError(err)
        return
      }
      if (changes.length === 0) return
      const target = resolveTarget(d, line, cell)
      const kind = amount < line.amountCents ? 'split' : 'move'
      const summary = budgetMoveSummary(d, line, { ...target, category: cell.category }, amount)
      if (focus) {
        pendingFocus.current = { id: line.id, tries: 0 }
        if (amount === line.amountCents) openPathTo(target.phaseId, target.workstreamId)
      }
      const promise = commitChanges(planId, kind, summary, changes)
      announceResult(describeEntry({ kind, summary }), target.phaseId, changes)
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, tb, openPathTo, announceResult]
  )

  const onSplit = useCallback(
    async (line: BudgetLine) => {
      const amount = await askAmount({
        unit: 'money',
        currency: line.currency,
        max: line.amountCents - 1,
        total: line.amountCents,
        initial: halfCents(line.amountCents) || 1,
        title: t('splitTitle', { title: line.title }),
        description: t('splitDescription'),
        confirmLabel: tb('splitOk')
      })
      if (amount === null) return
      const d = dataRef.current
      const current = d.budgetLines.find((l) => l.id === line.id)
      if (!current) return
      let changes: EntityChange[]
      try {
        changes = splitBudgetLine(d, current.id, amount)
      } catch (err) {
        reportMoveError(err)
        return
      }
      const summary = budgetSplitSummary(d, current, amount)
      const promise = commitChanges(planId, 'split', summary, changes)
      announceResult(describeEntry({ kind: 'split', summary }), current.phaseId, changes)
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, t, tb, announceResult]
  )

  const onShortcut = useCallback(
    (line: BudgetLine, e: KeyboardEvent): boolean => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return false
      const key = e.key
      if (key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown')
        return false
      e.preventDefault()
      e.stopPropagation()
      const d = dataRef.current
      const current = d.budgetLines.find((l) => l.id === line.id) ?? line
      let cell: BudgetCellTarget
      if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const i = d.plan.quarters.indexOf(current.quarter) + (key === 'ArrowRight' ? 1 : -1)
        if (i < 0 || i >= d.plan.quarters.length) {
          setStatus(t('noQuarter'))
          return true
        }
        cell = { quarter: d.plan.quarters[i], phaseId: current.phaseId }
      } else {
        const phases = lookups.phases
        const i = phases.findIndex((p) => p.id === current.phaseId) + (key === 'ArrowDown' ? 1 : -1)
        if (i < 0 || i >= phases.length) {
          setStatus(t('noPhase'))
          return true
        }
        cell = { quarter: current.quarter, phaseId: phases[i].id }
      }
      const amount = e.shiftKey ? halfCents(current.amountCents) || current.amountCents : current.amountCents
      void perform(current, cell, amount, true)
      return true
    },
    [lookups, perform, t]
  )

  const lineActions: LineActions = useMemo(
    () => ({ onShortcut, onSplit: (l) => void onSplit(l), roleDescription: t('chipRole') }),
    [onShortcut, onSplit, t]
  )

  useLayoutEffect(() => {
    const p = pendingFocus.current
    if (!p) return
    const find = () =>
      boardRef.current?.element()?.querySelector<HTMLElement>(`[data-chip-id="${CSS.escape(p.id)}"]`)
    const el = find()
    if (el) {
      el.focus()
      pendingFocus.current = null
      return
    }
    if (p.tries++ > 3) {
      pendingFocus.current = null
      return
    }
    const line = lineById(p.id)
    if (!line) return
    const rowIndex = rows.findIndex((r) => r.key === catKey(line.phaseId, line.workstreamId, line.category))
    if (rowIndex >= 0) boardRef.current?.scrollToRow(rowIndex)
    requestAnimationFrame(() => {
      const again = find()
      if (again) {
        again.focus()
        pendingFocus.current = null
      }
    })
  })

  // ------------------------------------------------------------------ drag and drop
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: cellKeyboardCoordinates })
  )
  const onDragStart = useCallback((e: DragStartEvent) => {
    window.clearTimeout(zonesTimer.current)
    setZonesOn(true)
    setActiveId(String(e.active.id))
    setOver(null)
  }, [])
  const onDragOver = useCallback((e: DragOverEvent) => {
    const d = e.over?.data.current as { target?: BudgetCellTarget; label?: string } | undefined
    setOver(e.over && d?.target ? { id: String(e.over.id), target: d.target, label: d.label ?? '' } : null)
  }, [])
  const onDragCancel = useCallback(() => {
    setActiveId(null)
    setOver(null)
    zonesOff()
  }, [zonesOff])
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      setActiveId(null)
      setOver(null)
      zonesOff()
      const line = lineById(String(e.active.id))
      const target = (e.over?.data.current as { target?: BudgetCellTarget } | undefined)?.target
      if (!line || !target || isBudgetNoop(dataRef.current, line, target)) return
      if (askAlways || isShiftHeld()) {
        void askAmount({
          unit: 'money',
          currency: line.currency,
          max: line.amountCents,
          initial: halfCents(line.amountCents) || line.amountCents,
          description: `${line.title} → ${formatQuarter(target.quarter)}, ${lookups.phase.get(target.phaseId)?.name ?? ''}`
        }).then((amount) => {
          if (amount !== null) void perform(line, target, amount, false)
        })
        return
      }
      void perform(line, target, line.amountCents, false)
    },
    [askAlways, lineById, lookups, perform, zonesOff]
  )

  const chipLabel = useCallback(
    (l: BudgetLine) => {
      const values = {
        title: l.title,
        phase: lookups.phase.get(l.phaseId)?.name ?? '',
        quarter: formatQuarter(l.quarter),
        amount: lineAmount(l),
        eur: money(toBaseCents(l, dataRef.current.plan))
      }
      return l.currency === 'CHF' ? t('chipLabelChf', values) : t('chipLabel', values)
    },
    [lookups, lineAmount, money, t]
  )

  const announcements: Announcements = useMemo(() => {
    const item = (id: string | number) => {
      const l = lineById(String(id))
      return l ? chipLabel(l) : String(id)
    }
    const previewText = (id: string | number, target: BudgetCellTarget | undefined) => {
      const l = lineById(String(id))
      if (!l || !target) return ''
      const d = dataRef.current
      const p = previewBudgetDrop(d, budgetTotals(d), l, target)
      return p
        ? describePreview(p)
            .map((x) => x.text)
            .join('. ')
        : ''
    }
    type OverData = { target?: BudgetCellTarget; label?: string } | undefined
    return {
      onDragStart: ({ active }) => tb('pickedUp', { item: item(active.id) }),
      onDragOver: ({ active, over }) =>
        over
          ? tb('over', {
              item: item(active.id),
              target: (over.data.current as OverData)?.label ?? String(over.id),
              preview: previewText(active.id, (over.data.current as OverData)?.target)
            })
          : tb('notOver', { item: item(active.id) }),
      onDragEnd: ({ active, over }) =>
        over
          ? tb('dropped', { item: item(active.id), target: (over.data.current as OverData)?.label ?? '' })
          : tb('droppedNowhere', { item: item(active.id) }),
      onDragCancel: ({ active }) => tb('cancelled', { item: item(active.id) })
    }
  }, [chipLabel, describePreview, lineById, tb])

  // ------------------------------------------------------------------ rendering
  const renderLine = useCallback(
    (l: BudgetLine) => (
      <LineChip
        key={l.id}
        line={l}
        amount={lineAmount(l)}
        label={chipLabel(l)}
        splitLabel={t('split', { title: l.title })}
        colorClass={lookups.colorOfPhase.get(l.phaseId) ?? 'chip-p2'}
      />
    ),
    [chipLabel, lineAmount, lookups, t, lang] // eslint-disable-line react-hooks/exhaustive-deps
  )

  const rowName = (row: BudgetRow): string => {
    const phase = lookups.phase.get(row.phaseId)?.name ?? row.phaseId
    if (row.kind === 'phase') return phase
    const ws =
      row.workstreamId === null
        ? t('noWorkstream')
        : (lookups.wsTitle.get(row.workstreamId) ?? row.workstreamId)
    return row.kind === 'workstream' ? `${phase} / ${ws}` : `${phase} / ${ws} / ${row.category}`
  }

  const renderCell = (row: BudgetRow, q: QuarterKey) => {
    const id = `${row.key}|${q}`
    const amount = index.totals.get(row.key)?.get(q) ?? 0
    const name = rowName(row)
    const previewHere = over?.id === id ? cellPreview : null
    if (row.kind === 'category') {
      return (
        <LeafCell
          id={id}
          quarter={q}
          phaseId={row.phaseId}
          workstreamId={row.workstreamId}
          category={row.category}
          label={t('rowCellLabel', { row: name, quarter: formatQuarter(q), amount: money(amount) })}
          dropLabel={`${name}, ${formatQuarter(q)}`}
          preview={previewHere}
          lines={index.lines.get(row.key)?.get(q) ?? NO_LINES}
          renderLine={renderLine}
        />
      )
    }
    return (
      <TotalCell
        id={id}
        quarter={q}
        phaseId={row.phaseId}
        workstreamId={row.kind === 'workstream' ? row.workstreamId : undefined}
        label={
          row.kind === 'phase'
            ? t('phaseCellLabel', { phase: name, quarter: formatQuarter(q), amount: money(amount) })
            : t('rowCellLabel', { row: name, quarter: formatQuarter(q), amount: money(amount) })
        }
        dropLabel={`${name}, ${formatQuarter(q)}`}
        preview={previewHere}
        text={amount ? money(amount) : ''}
        strong={row.kind === 'phase'}
      />
    )
  }

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  const renderRowHeader = (row: BudgetRow) => {
    if (row.kind === 'phase') {
      const phase = lookups.phase.get(row.phaseId)
      const spent = totals.byPhase.get(row.phaseId) ?? 0
      const cap = phase?.capCents ?? 0
      const breached = spent > cap
      const name = phase?.name ?? row.phaseId
      return (
        <div className="bhead bhead-phase">
          <button
            type="button"
            className="toggle"
            aria-expanded={row.expanded}
            aria-label={t(row.expanded ? 'collapse' : 'expand', { name })}
            onClick={() => toggle(row.key)}
          >
            {row.expanded ? '▾' : '▸'}
          </button>
          <div className="bhead-main">
            <div className="bhead-title">
              {phase && (
                <span className={`badge badge-${phase.priority.toLowerCase()}`}>{phase.priority}</span>
              )}
              <strong title={name}>{name}</strong>
            </div>
            <div
              className={`cap-line ${breached ? 'breached' : ''}`}
              data-testid={`phase-total-${phase?.order ?? ''}`}
              title={`${t('capOf', { spent: money(spent), cap: money(cap) })}${breached ? ` — ${t('capBreached', { amount: money(spent - cap) })}` : ''}`}
              data-breached={breached}
            >
              <span className="cap-bar" aria-hidden="true">
                <span
                  style={{ width: `${cap > 0 ? Math.min(100, (spent / cap) * 100) : spent > 0 ? 100 : 0}%` }}
                />
              </span>
              <span>
                {t('capOf', { spent: money(spent), cap: money(cap) })}
                {breached && ` — ${t('capBreached', { amount: money(spent - cap) })}`}
              </span>
            </div>
          </div>
        </div>
      )
    }
    if (row.kind === 'workstream') {
      const name =
        row.workstreamId === null
          ? t('noWorkstream')
          : (lookups.wsTitle.get(row.workstreamId) ?? row.workstreamId)
      return (
        <div className="bhead bhead-ws">
          <button
            type="button"
            className="toggle"
            aria-expanded={row.expanded}
            aria-label={t(row.expanded ? 'collapse' : 'expand', { name })}
            onClick={() => toggle(row.key)}
          >
            {row.expanded ? '▾' : '▸'}
          </button>
          <div className="bhead-main">
            <span className="bhead-name" title={name}>
              {name}
            </span>
            <span className="muted small">
              {money(index.rowTotals.get(row.key) ?? 0)} · {t('lines', { count: row.lineCount })}
            </span>
          </div>
        </div>
      )
    }
    return (
      <div className="bhead bhead-cat">
        <span className="bhead-name">{row.category}</span>
      </div>
    )
  }

  const breaches = useMemo(
    () => lookups.phases.filter((p) => (totals.byPhase.get(p.id) ?? 0) > p.capCents).length,
    [lookups, totals]
  )
  const overPlan = totals.totalCents > data.plan.totalBudgetCents

  return (
    <div className="budget-board">
      <ViewHeader view="budget-board" />
      <div className="budget-summary">
        <div className={`card summary-card ${overPlan ? 'bad' : ''}`} data-testid="grand-total">
          <div className="figure-label">{t('total')}</div>
          <div className="figure">{money(totals.totalCents)}</div>
          <div className="muted small">
            {t('grandTotal', { total: money(totals.totalCents), plan: money(data.plan.totalBudgetCents) })} ·{' '}
            {overPlan
              ? t('overBy', { amount: money(totals.totalCents - data.plan.totalBudgetCents) })
              : t('remaining', { amount: money(data.plan.totalBudgetCents - totals.totalCents) })}
          </div>
        </div>
        <div className={`card summary-card ${breaches > 0 ? 'bad' : ''}`} data-testid="caps-summary">
          <div className="figure-label">{t('cap')}</div>
          <div className="figure small-figure">
            {breaches > 0 ? t('capsBreached', { count: breaches }) : t('capsOk')}
          </div>
        </div>
      </div>
      <div className="board-toolbar" role="toolbar" aria-label={t('toolbar')}>
        <label>
          {t('filter')}
          <input
            className="text"
            type="search"
            value={filterText}
            placeholder={t('filterPlaceholder')}
            onChange={(e) => setFilterText(e.target.value)}
          />
        </label>
        <button type="button" className="btn" onClick={() => setExpanded(new Set(allGroupKeys(index)))}>
          {t('expandAll')}
        </button>
        <button type="button" className="btn" onClick={() => setExpanded(new Set())}>
          {t('collapseAll')}
        </button>
        <label className="inline">
          <input type="checkbox" checked={askAlways} onChange={(e) => setAskAlways(e.target.checked)} />
          {tb('askAmount')}
        </label>
        <span className="muted small toolbar-hint">{tb('shiftHint')}</span>
      </div>
      <DropZonesContext.Provider value={zonesOn}>
        <LineActionsContext.Provider value={lineActions}>
          <DndContext
            sensors={sensors}
            collisionDetection={boardCollision}
            autoScroll={BOARD_AUTOSCROLL}
            onDragStart={onDragStart}
            onDragOver={onDragOver}
            onDragEnd={onDragEnd}
            onDragCancel={onDragCancel}
            accessibility={{ announcements, screenReaderInstructions: { draggable: tb('instructions') } }}
          >
            <VirtualBoard
              handleRef={boardRef}
              testId="budget-board"
              label={t('chartTitle')}
              rows={rows}
              columns={quarters}
              columnWidth={COL_W}
              headerWidth={HEAD_W}
              headerHeight={HEAD_H}
              footerHeight={FOOT_H}
              height="max(380px, calc(100vh - 360px))"
              corner={<span>{t('phase')}</span>}
              renderColumnHeader={(q) => (
                <>
                  <strong>{formatQuarter(q)}</strong>
                  <span className="muted">{money(totals.byQuarter.get(q) ?? 0)}</span>
                </>
              )}
              renderRowHeader={renderRowHeader}
              renderCell={(row, q) => renderCell(row, q)}
              rowClassName={(r) => `brow-${r.kind}`}
              footerCorner={
                <span className={overPlan ? 'over-plan' : ''}>
                  {t('total')}:{' '}
                  {t('grandTotal', {
                    total: money(totals.totalCents),
                    plan: money(data.plan.totalBudgetCents)
                  })}
                </span>
              }
              renderFooterCell={(q) => (
                <span
                  className="quarter-total"
                  data-testid={`quarter-total-${q}`}
                  aria-label={t('quarterTotalLabel', {
                    quarter: formatQuarter(q),
                    amount: money(totals.byQuarter.get(q) ?? 0)
                  })}
                >
                  {money(totals.byQuarter.get(q) ?? 0)}
                </span>
              )}
              empty={t('empty')}
            />
            <DragOverlay dropAnimation={null}>
              {active ? (
                <div className="drag-overlay">
                  <div
                    className={`chip chip-2l overlay ${lookups.colorOfPhase.get(active.phaseId) ?? 'chip-p2'}`}
                  >
                    <span className="chip-name">{active.title}</span>
                    <span className="chip-amount">{lineAmount(active)}</span>
                  </div>
                  {preview && (
                    <div className="drag-preview" data-testid="drop-preview">
                      {describePreview(preview).map((p) => (
                        <div key={p.text} className={p.bad ? 'bad' : ''}>
                          {p.bad ? '⚠ ' : ''}
                          {p.text}
                        </div>
                      ))}
                    </div>
                  )}
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
        </LineActionsContext.Provider>
      </DropZonesContext.Provider>
      <p className="board-status" role="status" aria-live="polite" data-testid="board-status">
        {status}
      </p>
      <BudgetCharts data={data} totals={totals} />
      <AmountDialogHost />
    </div>
  )
}

const NO_LINES: BudgetLine[] = []
