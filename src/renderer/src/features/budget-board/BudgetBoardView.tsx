// The budget board: phases (expandable to workstreams and categories) by quarters, budget lines
// as chips that can be dragged (mouse or keyboard) to another quarter, phase, workstream or
// category, whole or in part, or split in place; totals, caps and charts update live.
import { useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { msg } from '../../i18n/text'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { formatMoney, formatQuarter } from '../../lib/format'
import { toBaseCents } from '@shared/planning/budget'
import { BoardLoading, CountingHint, UpdatingHint } from '../../components/board/BoardLoading'
import { formatNumber } from '../../lib/format'
import { stepIn } from '@shared/planning/board'
import type { BudgetLine, Cents } from '@shared/planning/types'
import { askAmount } from '../../components/board/AmountDialog'
import { BoardFrame } from '../../components/board/BoardFrame'
import { useBoard } from '../../components/board/use-board'
import { useBoardActions } from '../../shell/board-actions'
import { categoryLabel } from '../../lib/plan-labels'
import { ProblemTextsContext, useBoardProblems, useProblemTexts } from '../../lib/problem-text'
import { ProblemsPanel } from '../../components/board/ProblemsPanel'
import '../../components/board/strings'
import './strings'
import './budget-board.css'
import { LineActionsContext, LineChip, type LineActions } from './LineChip'
import { BudgetPreviewBadge } from './BudgetCells'
import {
  allGroupKeys,
  buildBudgetRows,
  catKey,
  groupKeysOfLines,
  phaseKey,
  halfCents,
  isBudgetNoop,
  type BudgetCellTarget
} from '@shared/planning/budget-board'
import { BudgetCharts } from './BudgetCharts'
import { BudgetSummary } from './BudgetSummary'
import { ActualsSummaryCard, useBoardActuals } from './board-actuals'
import { BudgetToolbar } from './BudgetToolbar'
import { BudgetRowHeader } from './BudgetRowHeader'
import { budgetCellPreviewOf, PreviewLines, useBudgetPreview } from './budget-preview'
import { useBudgetMoves } from './use-budget-moves'
import { useCellRenderer } from './use-cell-renderer'
import { useBudgetBoardIndex, type BudgetBoardIndex } from './use-board-index'

// Minimums: at 1280x800 the five quarters of the built-in plan fit beside the sidebar; wider windows widen the columns.
const COL_W = 130
const HEAD_W = 240
const HEAD_H = 52
const FOOT_H = 40
/** Plans with up to this many lines open fully expanded; larger ones start with phases only. */
const EXPAND_ALL_UP_TO = 300

export function BudgetBoardView({ planId }: ViewProps) {
  const live = usePlanData(planId)
  // A big plan's index is built a slice per task when it opens, and made again so after a big commit.
  const shown = useBudgetBoardIndex(planId, live)
  if (!live) return null
  if (!shown) return <BoardLoading view="budget-board" count={live.budgetLines.length} />
  return <BudgetBoard planId={planId} {...shown} />
}

function BudgetBoard({ planId, data, index, counted, updating }: { planId: string } & BudgetBoardIndex) {
  const { t, i18n } = useTranslation('budgetBoard')
  const lang = i18n.language
  const dataRef = useRef(data)
  dataRef.current = data
  const board = useBoard<BudgetLine, BudgetCellTarget>()
  const { filter, setStatus, focusChip } = board
  useBoardActions(board)

  const quarters = data.plan.quarters
  const chfToEur = data.plan.chfToEur
  const indexRef = useRef(index)
  indexRef.current = index
  const totals = index.budget
  const { pva, cellActual, pending } = useBoardActuals(planId, data, counted ? null : index)
  const quartersKey = quarters.join(',')
  // From the lines, not the index: while the plan is counted the index holds the first phase's groups alone.
  const [expanded, setExpanded] = useState<Set<string>>(() =>
    data.budgetLines.length <= EXPAND_ALL_UP_TO ? new Set(groupKeysOfLines(data.budgetLines)) : new Set()
  )
  const rows = useMemo(
    () => buildBudgetRows(data, index, expanded, filter, categoryLabel),
    [index, expanded, filter, data.phases, data.workstreams, quartersKey, lang] // eslint-disable-line react-hooks/exhaustive-deps
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
  const money = useCallback((c: Cents) => formatMoney(c, 'EUR', { whole: c % 100 === 0 }), [])
  const lineAmount = useCallback(
    (l: BudgetLine) => formatMoney(l.amountCents, l.currency, { whole: l.amountCents % 100 === 0 }),
    []
  )

  const { say, previewOf } = useBudgetPreview(dataRef, indexRef, lookups.phase, money, t, lang)

  const { perform, split } = useBudgetMoves({
    planId,
    dataRef,
    indexRef,
    t,
    money,
    focusChip,
    setStatus,
    setExpanded
  })
  // While the plan is counted, or a big commit taken in, lines stay put: a move needs every row's
  // and phase's figures as they are now.
  const lineActions: LineActions = useMemo(
    () => ({
      onSplit:
        counted || updating
          ? () =>
              setStatus(msg(counted ? 'budgetBoard:stillCountingSplit' : 'budgetBoard:stillUpdatingSplit'))
          : (l: BudgetLine) => void split(l),
      roleDescription: t('chipRole'),
      locked: counted !== null || updating
    }),
    [split, t, counted, updating, setStatus]
  )

  // Made once per line (a drop replaces only the lines it moved), again for new names, language or rate.
  const chipLabels = useMemo(() => new WeakMap<BudgetLine, string>(), [lookups, t, lang, chfToEur]) // eslint-disable-line react-hooks/exhaustive-deps
  const chipLabel = useCallback(
    (l: BudgetLine) => {
      let label = chipLabels.get(l)
      if (label !== undefined) return label
      const values = {
        title: l.title,
        phase: lookups.phase.get(l.phaseId)?.name ?? '',
        quarter: formatQuarter(l.quarter),
        amount: lineAmount(l),
        eur: money(toBaseCents(l, dataRef.current.plan))
      }
      label = l.currency === 'CHF' ? t('chipLabelChf', values) : t('chipLabel', values)
      chipLabels.set(l, label)
      return label
    },
    [chipLabels, lookups, lineAmount, money, t]
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
      if (counted || updating) return { none: msg(counted ? 'board:stillCounting' : 'board:stillUpdating') }
      if (direction === 'left' || direction === 'right') {
        const quarter = stepIn(quarters, l.quarter, direction === 'right' ? 1 : -1)
        return quarter ? { quarter, phaseId: l.phaseId } : { none: msg('budgetBoard:noQuarter') }
      }
      const phaseIds = lookups.phases.map((p) => p.id)
      const phaseId = stepIn(phaseIds, l.phaseId, direction === 'down' ? 1 : -1)
      return phaseId ? { quarter: l.quarter, phaseId } : { none: msg('budgetBoard:noPhase') }
    },
    rowOf: (id) => {
      const l = lineById(id)
      return l ? rows.findIndex((r) => r.key === catKey(l.phaseId, l.workstreamId, l.category)) : -1
    },
    itemLabel: chipLabel,
    previewText: (l, cell) =>
      previewOf(l, cell)
        ?.lines.map((x) => x.text)
        .join('. ') ?? '',
    dragged: (l) => (
      <div className={`chip chip-2l overlay ${lookups.colorOfPhase.get(l.phaseId) ?? 'chip-p2'}`}>
        <span className="chip-name">{l.title}</span>
        <span className="chip-amount">{lineAmount(l)}</span>
      </div>
    ),
    preview: (l, cell) => {
      const r = previewOf(l, cell)
      if (!r) return null
      const badge = budgetCellPreviewOf(r.p, say)
      return {
        overlay: <PreviewLines lines={r.lines} />,
        zone: { className: badge.bad ? 'preview-red' : '', badge: <BudgetPreviewBadge preview={badge} /> }
      }
    }
  }

  // ------------------------------------------------------------------ rendering
  // Lines outside their phase's or workstream's quarters: marked on the chip, listed above the board.
  // Each chip reads its own marker (useChipProblem): new problems re-render the chips they change.
  // While the first rows are drawn, their render leaves the problems to the tasks after it.
  const problems = useBoardProblems(data, 'budgetLine', lang, counted === null)
  const problemTexts = useProblemTexts(problems)
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

  const renderCell = useCellRenderer({
    index,
    lookups,
    money,
    renderLine,
    cellActual
  })

  const toggle = useCallback(
    (key: string) =>
      setExpanded((prev) => {
        const next = new Set(prev)
        if (next.has(key)) next.delete(key)
        else next.add(key)
        return next
      }),
    []
  )

  const breaches = useMemo(
    () => lookups.phases.filter((p) => (totals.byPhase.get(p.id) ?? 0) > p.capCents).length,
    [lookups, totals]
  )
  const overPlan = totals.totalCents > data.plan.totalBudgetCents

  return (
    <LineActionsContext.Provider value={lineActions}>
      <ProblemTextsContext.Provider value={problemTexts}>
        <div className="budget-board">
          <ViewHeader view="budget-board" />
          <BudgetSummary
            totalCents={totals.totalCents}
            planBudgetCents={data.plan.totalBudgetCents}
            breaches={breaches}
            money={money}
          >
            {(pva || pending) && (
              <ActualsSummaryCard pva={pva} planBudgetCents={data.plan.totalBudgetCents} />
            )}
          </BudgetSummary>
          <BudgetToolbar
            board={board}
            // While counting, the phases whose groups are not yet known open as they arrive.
            expandAll={() =>
              setExpanded(
                new Set([...allGroupKeys(index), ...(counted ? data.phases.map((p) => phaseKey(p.id)) : [])])
              )
            }
            collapseAll={() => setExpanded(new Set())}
          />
          {updating && <UpdatingHint />}
          {!updating && (counted || problems.pending) && (
            <CountingHint
              count={data.budgetLines.length}
              problemsOnly={!counted}
              text={counted ? t('counting', { n: formatNumber(data.budgetLines.length) }) : undefined}
            />
          )}
          <ProblemsPanel problems={problems} />
          <BoardFrame
            board={board}
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
              renderRowHeader: (row) => (
                <BudgetRowHeader
                  row={row}
                  phase={lookups.phase.get(row.phaseId)}
                  spentCents={totals.byPhase.get(row.phaseId) ?? 0}
                  rowTotalCents={index.rowTotals.get(row.key) ?? 0}
                  workstreamTitle={
                    row.kind === 'workstream' && row.workstreamId !== null
                      ? lookups.wsTitle.get(row.workstreamId)
                      : undefined
                  }
                  money={money}
                  onToggle={toggle}
                  counting={
                    counted !== null && row.kind === 'phase' && row.expanded && !counted.has(row.phaseId)
                  }
                />
              ),
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
      </ProblemTextsContext.Provider>
    </LineActionsContext.Provider>
  )
}
