// The budget board: phases (expandable to workstreams and categories) by quarters, budget lines
// as chips that can be dragged (mouse or keyboard) to another quarter, phase, workstream or
// category, whole or in part, or split in place; totals, caps and charts update live.
import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { commitChanges } from '../../db/commit'
import { toastError } from '../../components/Toaster'
import { formatMoney, formatQuarter } from '../../lib/format'
import { toBaseCents } from '@shared/planning/budget'
import { budgetIndexOf, phaseSpentAfter } from '@shared/planning/budget-index'
import { splitBudgetLine } from '@shared/planning/moves'
import { stepIn } from '@shared/planning/board'
import type { BudgetLine, Cents, EntityChange, PlanData, QuarterKey } from '@shared/planning/types'
import { askAmount } from '../../components/board/AmountDialog'
import { AskAmountToggle, BoardFilter, BoardFrame } from '../../components/board/BoardFrame'
import { useBoard } from '../../components/board/use-board'
import { useBoardActions } from '../../shell/board-actions'
import { reportMoveError } from '../../components/board/report'
import { describeEntry } from '../../shell/describe-entry'
import { budgetMoveSummary, budgetSplitSummary } from '../../lib/history-summaries'
import { categoryLabel } from '../../lib/plan-labels'
import '../../components/board/strings'
import './strings'
import './budget-board.css'
import { LineActionsContext, LineChip, type LineActions } from './LineChip'
import { LeafCell, TotalCell, type BudgetCellPreview } from './BudgetCells'
import {
  allGroupKeys,
  budgetMoveChanges,
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
} from '@shared/planning/budget-board'
import { BudgetCharts } from './BudgetCharts'

// Minimums: at 1280x800 the five quarters of the built-in plan fit beside the sidebar; wider windows widen the columns.
const COL_W = 130
const HEAD_W = 240
const HEAD_H = 52
const FOOT_H = 40
/** Plans with up to this many lines open fully expanded; larger ones start with phases only. */
const EXPAND_ALL_UP_TO = 300

export function BudgetBoardView({ planId }: ViewProps) {
  const data = usePlanData(planId)
  if (!data) return null
  return <BudgetBoard planId={planId} data={data} />
}

function BudgetBoard({ planId, data }: { planId: string; data: PlanData }) {
  const { t, i18n } = useTranslation('budgetBoard')
  const tb = i18n.getFixedT(null, 'board')
  const lang = i18n.language
  const dataRef = useRef(data)
  dataRef.current = data
  const board = useBoard<BudgetLine, BudgetCellTarget>()
  const { filter, over, activeId, setStatus, focusChip } = board
  useBoardActions(board)

  const quarters = data.plan.quarters
  const chfToEur = data.plan.chfToEur
  // Lines by row and quarter, row totals and the plan's budget totals: carried along each local
  // commit's changes (budget-index.ts), so a drop costs what it changed. Keyed on the CHF rate,
  // not on the plan row, which comes back with every commit.
  const index = useMemo(() => budgetIndexOf(data.budgetLines, { chfToEur }), [data.budgetLines, chfToEur])
  const indexRef = useRef(index)
  indexRef.current = index
  const totals = index.budget
  const quartersKey = quarters.join(',')
  const [expanded, setExpanded] = useState<Set<string>>(() =>
    data.budgetLines.length <= EXPAND_ALL_UP_TO ? new Set(allGroupKeys(index)) : new Set()
  )
  const rows = useMemo(
    () => buildBudgetRows(data, index, expanded, filter),
    [index, expanded, filter, data.phases, data.workstreams, quartersKey] // eslint-disable-line react-hooks/exhaustive-deps
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

  const lineById = useCallback((id: string) => indexRef.current.byId.get(id), [])
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
  // Called before the commit: the index still holds the lines before the change.
  const announceResult = useCallback(
    (what: string, phaseId: string, changes: readonly EntityChange[]) => {
      const phase = dataRef.current.phases.find((p) => p.id === phaseId)
      const spent = phaseSpentAfter(indexRef.current, changes, phaseId)
      setStatus(
        t('moved', { what, phase: phase?.name ?? '', spent: money(spent), cap: money(phase?.capCents ?? 0) })
      )
    },
    [money, t, setStatus]
  )

  const perform = useCallback(
    async (line: BudgetLine, cell: BudgetCellTarget, amount: Cents, focus: boolean) => {
      const d = dataRef.current
      let changes: EntityChange[]
      try {
        // The move reads only the line itself: handed that from the index, not 50,000 to search.
        const source = indexRef.current.byId.get(line.id)
        changes = budgetMoveChanges({ ...d, budgetLines: source ? [source] : [] }, line, cell, amount)
      } catch (err) {
        reportMoveError(err)
        return
      }
      if (changes.length === 0) return
      const target = resolveTarget(d, line, cell)
      const kind = amount < line.amountCents ? 'split' : 'move'
      const summary = budgetMoveSummary(d, line, { ...target, category: cell.category }, amount)
      if (focus) {
        focusChip(line.id)
        if (amount === line.amountCents) openPathTo(target.phaseId, target.workstreamId)
      }
      announceResult(describeEntry({ kind, summary }), target.phaseId, changes)
      const promise = commitChanges(planId, kind, summary, changes)
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, tb, openPathTo, announceResult, focusChip]
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
      announceResult(describeEntry({ kind: 'split', summary }), current.phaseId, changes)
      const promise = commitChanges(planId, 'split', summary, changes)
      try {
        await promise
      } catch (err) {
        toastError(tb('moveFailed'), err)
      }
    },
    [planId, t, tb, announceResult]
  )

  const lineActions: LineActions = useMemo(
    () => ({ onSplit: (l) => void onSplit(l), roleDescription: t('chipRole') }),
    [onSplit, t]
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

  board.model.current = {
    itemById: lineById,
    isNoop: (l, cell) => isBudgetNoop(dataRef.current, l, cell),
    fullAmount: (l) => l.amountCents,
    halfAmount: (l) => halfCents(l.amountCents),
    askAmount: (l, cell) =>
      askAmount({
        unit: 'money',
        currency: l.currency,
        max: l.amountCents,
        initial: halfCents(l.amountCents) || l.amountCents,
        description: `${l.title} → ${formatQuarter(cell.quarter)}, ${lookups.phase.get(cell.phaseId)?.name ?? ''}`
      }),
    move: (l, cell, amount, focus) => void perform(l, cell, amount, focus !== null),
    stepTarget: (l, direction) => {
      if (direction === 'left' || direction === 'right') {
        const quarter = stepIn(quarters, l.quarter, direction === 'right' ? 1 : -1)
        return quarter ? { quarter, phaseId: l.phaseId } : { none: t('noQuarter') }
      }
      const phaseIds = lookups.phases.map((p) => p.id)
      const phaseId = stepIn(phaseIds, l.phaseId, direction === 'down' ? 1 : -1)
      return phaseId ? { quarter: l.quarter, phaseId } : { none: t('noPhase') }
    },
    rowOf: (id) => {
      const l = lineById(id)
      return l ? rows.findIndex((r) => r.key === catKey(l.phaseId, l.workstreamId, l.category)) : -1
    },
    itemLabel: chipLabel,
    previewText: (l, cell) => {
      const p = previewBudgetDrop(dataRef.current, indexRef.current.budget, l, cell)
      return p
        ? describePreview(p)
            .map((x) => x.text)
            .join('. ')
        : ''
    }
  }

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
    return row.kind === 'workstream'
      ? `${phase} / ${ws}`
      : `${phase} / ${ws} / ${categoryLabel(row.category)}`
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
        <span className="bhead-name">{categoryLabel(row.category)}</span>
      </div>
    )
  }

  const breaches = useMemo(
    () => lookups.phases.filter((p) => (totals.byPhase.get(p.id) ?? 0) > p.capCents).length,
    [lookups, totals]
  )
  const overPlan = totals.totalCents > data.plan.totalBudgetCents

  return (
    <LineActionsContext.Provider value={lineActions}>
      <div className="budget-board">
        <ViewHeader view="budget-board" />
        <div className="budget-summary">
          <div className={`card summary-card ${overPlan ? 'bad' : ''}`} data-testid="grand-total">
            <div className="figure-label">{t('total')}</div>
            <div className="figure">{money(totals.totalCents)}</div>
            <div className="muted small">
              {t('grandTotal', { total: money(totals.totalCents), plan: money(data.plan.totalBudgetCents) })}{' '}
              ·{' '}
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
          <BoardFilter board={board} label={t('filter')} placeholder={t('filterPlaceholder')} />
          <button type="button" className="btn" onClick={() => setExpanded(new Set(allGroupKeys(index)))}>
            {t('expandAll')}
          </button>
          <button type="button" className="btn" onClick={() => setExpanded(new Set())}>
            {t('collapseAll')}
          </button>
          <AskAmountToggle board={board} />
          <span className="muted small toolbar-hint">{tb('shiftHint')}</span>
        </div>
        <BoardFrame
          board={board}
          dragged={
            active ? (
              <div
                className={`chip chip-2l overlay ${lookups.colorOfPhase.get(active.phaseId) ?? 'chip-p2'}`}
              >
                <span className="chip-name">{active.title}</span>
                <span className="chip-amount">{lineAmount(active)}</span>
              </div>
            ) : null
          }
          preview={
            preview
              ? describePreview(preview).map((p) => (
                  <div key={p.text} className={p.bad ? 'bad' : ''}>
                    {p.bad ? '⚠ ' : ''}
                    {p.text}
                  </div>
                ))
              : null
          }
          grid={{
            testId: 'budget-board',
            label: t('chartTitle'),
            rows,
            columns: quarters,
            columnWidth: COL_W,
            headerWidth: HEAD_W,
            headerHeight: HEAD_H,
            footerHeight: FOOT_H,
            height: 'max(380px, calc(100vh - 360px))',
            corner: <span>{t('phase')}</span>,
            renderColumnHeader: (q) => (
              <>
                <strong>{formatQuarter(q)}</strong>
                <span className="muted">{money(totals.byQuarter.get(q) ?? 0)}</span>
              </>
            ),
            renderRowHeader,
            renderCell: (row, q) => renderCell(row, q),
            rowClassName: (r) => `brow-${r.kind}`,
            footerCorner: (
              <span className={overPlan ? 'over-plan' : ''}>
                {t('total')}:{' '}
                {t('grandTotal', {
                  total: money(totals.totalCents),
                  plan: money(data.plan.totalBudgetCents)
                })}
              </span>
            ),
            renderFooterCell: (q) => (
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
            ),
            empty: t('empty')
          }}
        />
        <BudgetCharts data={data} totals={totals} />
      </div>
    </LineActionsContext.Provider>
  )
}

const NO_LINES: BudgetLine[] = []
