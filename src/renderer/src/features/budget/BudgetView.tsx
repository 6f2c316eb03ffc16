import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetLine, Phase } from '@shared/planning/types'
import { parseAmount } from '@shared/planning/validate'
import { setPhaseCap } from '@shared/planning/moves'
import { budgetSummary } from '@shared/planning/budget'
import {
  adoptLinesByPhase,
  buildLinesByPhaseStepwise,
  findLinesByPhase,
  type LinesByPhase
} from '@shared/planning/lines-by-phase'
import type { ViewProps } from '../../shell/view-props'
import { QuarterTableHead } from '../../components/QuarterTableHead'
import { ViewHeader } from '../../components/ViewHeader'
import { EstimateBadge } from '../../components/EstimateBadge'
import { InlineEdit, commitEdit, editNumberText } from '../../components/InlineEdit'
import { usePlanData } from '../../db/plan-data'
import { useBudgetIndex } from '../../lib/use-budget-index'
import { useKeptWhileStale, useSlicedIndexState, type SlicedIndexSource } from '../../lib/use-sliced-index'
import { currentLanguage } from '../../i18n'
import { formatMoney, formatNumber } from '../../lib/format'
import { euros, phaseLabel, sortedPhases } from '../../lib/plan-labels'
import { openBudgetLineForm } from './budget-line-forms'
import { BudgetChart } from './BudgetChart'
import { BudgetFigures } from './BudgetFigures'
import { LineRow } from './LineRow'
import { PlanVsActual } from './PlanVsActual'
import './strings'
import './budget.css'

// Big imported plans hold thousands of lines: a phase shows its first LINE_LIMIT, and LINE_MORE
// more per request. Rows are laid out when they appear: a page at a time stays short, where all
// of them at once would freeze the window (and many per phase right after an import would be a
// long task of their own).
const LINE_LIMIT = 10
const LINE_MORE = 100

/** Lines per phase in their order, followed along commits (shared/planning/lines-by-phase.ts). */
const LINES_BY_PHASE: SlicedIndexSource<LinesByPhase> = {
  find: (rows) => findLinesByPhase(rows as BudgetLine[]),
  stepwise: (rows) => buildLinesByPhaseStepwise(rows as BudgetLine[]),
  adopt: (rows, index) => adoptLinesByPhase(rows as BudgetLine[], index)
}

export function BudgetView({ planId }: ViewProps) {
  const { t } = useTranslation('budget')
  const { t: tf } = useTranslation('forms')
  // Deferred: after a big change (an import of thousands of lines) React renders this view in
  // slices between frames instead of one long task; edits still show within a frame or two.
  const live = useDeferredValue(usePlanData(planId))
  // The plan's totals from the budget index the boards keep, and the lines per phase, both
  // followed along each commit: adding a line costs that line, not a pass over every line. A big
  // commit is taken in a slice per task while the view shows the figures from before it.
  const budget = useBudgetIndex(live?.budgetLines, live?.plan.chfToEur, planId)
  const byPhase = useSlicedIndexState(live?.budgetLines, LINES_BY_PHASE, null, planId)
  const updating = budget.stale || byPhase.stale
  const shown = useKeptWhileStale(
    { data: live, index: budget.index, linesByPhase: byPhase.index?.byPhase },
    updating
  )
  const { data, index, linesByPhase } = shown
  const summary = useMemo(
    () => (data && index ? budgetSummary(data, index.budget) : undefined),
    [index, data?.phases, data?.plan.totalBudgetCents] // eslint-disable-line react-hooks/exhaustive-deps
  )
  // Lines shown per phase beyond the first LINE_LIMIT.
  const [shownLines, setShownLines] = useState<Record<string, number>>({})
  // A line moved down past the last one shown would vanish into the hidden part (and lose the
  // focus its row holds): the phase shows one more instead.
  const reveal = useCallback(
    (phaseId: string, count: number) =>
      setShownLines((s) => (count > (s[phaseId] ?? LINE_LIMIT) ? { ...s, [phaseId]: count } : s)),
    []
  )
  const lang = currentLanguage()
  // The plan row is new after every commit (its updatedAt); its quarters rarely change. One
  // array per list of quarters keeps the memoized line rows from rendering again for nothing.
  const quartersKey = data?.plan.quarters.join(',') ?? ''
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableQuarters = useMemo(() => data?.plan.quarters ?? [], [quartersKey])

  if (!data || !summary) return <ViewHeader view="budget" />
  const { plan } = data
  const quarters = stableQuarters
  const phases = sortedPhases(data)
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  const amountError = (e: string) => (e === 'too-large' ? t('tooLarge') : undefined)
  const hasChf = summary.totals.byCurrency.has('CHF')

  const saveCap = (phase: Phase) => (cents: number) =>
    commitEdit(
      planId,
      { key: 'history.phaseCap', values: { phase: phaseLabel(phase), amount: euros(cents) } },
      (d) => setPhaseCap(d, phase.id, cents)
    )

  return (
    <div className="budget-view">
      <ViewHeader
        view="budget"
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void openBudgetLineForm(planId, data)}
          >
            {tf('line.add')}
          </button>
        }
      />
      <BudgetFigures summary={summary} />
      {updating && (
        <p className="muted" role="status" aria-busy="true" data-testid="budget-updating">
          {t('updating')}
        </p>
      )}

      {/* While updating, the lines shown are those before the last change: not edited until it is in. */}
      <fieldset className="budget-table-wrap" disabled={updating}>
        <table className="data budget-table">
          <QuarterTableHead
            first={t('item')}
            quarters={quarters}
            after={[{ label: t('total') }, { label: t('cap') }, { label: t('remaining') }]}
          />
          {phases.map((phase) => {
            const pb = summary.phases.find((p) => p.phaseId === phase.id)!
            const byQ = summary.totals.byPhaseQuarter.get(phase.id)
            const allLines = linesByPhase?.get(phase.id) ?? []
            const lines = allLines.slice(0, shownLines[phase.id] ?? LINE_LIMIT)
            const more = Math.min(LINE_MORE, allLines.length - lines.length)
            return (
              <tbody key={phase.id} className="phase-group" data-testid={`budget-phase-${phase.order}`}>
                <tr className="phase-row">
                  <th scope="rowgroup">
                    <span className={`badge badge-${phase.priority.toLowerCase()}`}>{phase.priority}</span>{' '}
                    {phaseLabel(phase)}
                  </th>
                  {quarters.map((q) => (
                    <td key={q} className="num">
                      {byQ?.get(q) ? money(byQ.get(q)!) : ''}
                    </td>
                  ))}
                  <td className="num strong" data-testid={`phase-total-${phase.order}`}>
                    {money(pb.spentCents)}
                  </td>
                  <td className="num">
                    <InlineEdit
                      label={t('capLabel', { phase: phaseLabel(phase) })}
                      display={money(phase.capCents)}
                      valueText={money(phase.capCents)}
                      initial={editNumberText(phase.capCents / 100, lang)}
                      parse={(s) => parseAmount(s, lang)}
                      preview={(c) => formatMoney(c, 'EUR')}
                      errorText={amountError}
                      onSave={saveCap(phase)}
                    />
                  </td>
                  <td className={`num ${pb.breached ? 'text-danger' : ''}`}>
                    {money(pb.remainingCents)}
                    {pb.breached && <span className="sr-only"> ({t('exceeded')})</span>}
                  </td>
                </tr>
                {lines.map((line, index) => (
                  <LineRow
                    key={line.id}
                    line={line}
                    quarters={quarters}
                    chfToEur={plan.chfToEur}
                    planId={planId}
                    index={index}
                    count={allLines.length}
                    phaseName={phase.name}
                    reveal={reveal}
                  />
                ))}
                {lines.length < allLines.length && (
                  <tr>
                    <td colSpan={quarters.length + 4}>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setShownLines((s) => ({ ...s, [phase.id]: lines.length + more }))}
                      >
                        {t('showMore', {
                          more: formatNumber(more),
                          shown: formatNumber(lines.length),
                          n: formatNumber(allLines.length)
                        })}
                      </button>
                    </td>
                  </tr>
                )}
              </tbody>
            )
          })}
          <tfoot>
            <tr>
              <td>{t('grandTotal')}</td>
              {quarters.map((q) => (
                <td key={q} className="num">
                  {money(summary.totals.byQuarter.get(q) ?? 0)}
                </td>
              ))}
              <td className="num" data-testid="budget-grand-total">
                {money(summary.totals.totalCents)}
              </td>
              <td className="num">{money(summary.phases.reduce((s, p) => s + p.capCents, 0))}</td>
              <td className={`num ${summary.planRemainingCents < 0 ? 'text-danger' : ''}`}>
                {money(summary.phases.reduce((s, p) => s + p.remainingCents, 0))}
              </td>
            </tr>
          </tfoot>
        </table>
      </fieldset>
      {hasChf && (
        <p className="muted small" data-testid="chf-note">
          {t('chfNote', { rate: plan.chfToEur })}
          {plan.chfRateEstimate && <EstimateBadge />}
        </p>
      )}

      <PlanVsActual planId={planId} data={data} />

      <BudgetChart data={data} summary={summary} />
    </div>
  )
}
