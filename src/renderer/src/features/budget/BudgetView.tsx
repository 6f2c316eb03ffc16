import { memo, useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetLine, Phase, PlanData, QuarterKey } from '@shared/planning/types'
import { toBaseCents } from '@shared/planning/budget'
import { parseAmount } from '@shared/planning/validate'
import { setBudgetAmount, setPhaseCap } from '@shared/planning/moves'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { EChart } from '../../components/EChart'
import { InlineEdit, commitEdit, editNumberText } from '../../components/InlineEdit'
import { usePlanData } from '../../db/plan-data'
import { currentPlanData } from '../../db/plan-data'
import { openBudgetLineForm, removeBudgetLineWithQuestion } from './budget-line-forms'
import { useStepwise } from '../../lib/use-stepwise'
import { SUMMARY_STEP, useBudgetSummary } from '../../lib/use-budget-summary'
import { currentLanguage, registerStrings } from '../../i18n'
import { formatMoney, formatMoneyShort, formatNumber, formatQuarter } from '../../lib/format'
import { categoryLabel, euros, phaseLabel, sortedPhases } from '../../lib/plan-labels'
import { PlanVsActual } from './PlanVsActual'
import './budget.css'

registerStrings('budget', {
  en: {
    planned: 'Planned in total',
    planBudget: 'Plan budget',
    remaining: 'Remaining',
    overBudget: 'Over the plan budget by {{amount}}',
    breaches: 'Caps exceeded',
    noBreaches: 'All phases within their caps',
    item: 'Phase / line item',
    total: 'Total',
    cap: 'Cap',
    capLabel: '{{phase}}, budget cap',
    amountLabel: '{{title}}, amount',
    grandTotal: 'All phases',
    inEur: '≈ {{amount}}',
    perQuarter: 'Planned budget per quarter and phase',
    chartLabel: 'Bar chart of the planned budget per quarter, stacked by phase',
    tooLarge: 'Too large: at most 10,000,000,000 per value.',
    exceeded: 'cap exceeded',
    chfNote: 'CHF lines are shown in CHF and counted at {{rate}} EUR per CHF.',
    showMore: 'Show {{more}} more ({{shown}} of {{n}} lines)'
  },
  de: {
    planned: 'Geplant insgesamt',
    planBudget: 'Planbudget',
    remaining: 'Verbleibend',
    overBudget: 'Über dem Planbudget um {{amount}}',
    breaches: 'Obergrenzen überschritten',
    noBreaches: 'Alle Phasen innerhalb ihrer Obergrenze',
    item: 'Phase / Budgetposten',
    total: 'Summe',
    cap: 'Obergrenze',
    capLabel: '{{phase}}, Budgetobergrenze',
    amountLabel: '{{title}}, Betrag',
    grandTotal: 'Alle Phasen',
    inEur: '≈ {{amount}}',
    perQuarter: 'Geplantes Budget je Quartal und Phase',
    chartLabel: 'Balkendiagramm des geplanten Budgets je Quartal, gestapelt nach Phase',
    tooLarge: 'Zu groß: höchstens 10.000.000.000 je Wert.',
    exceeded: 'Obergrenze überschritten',
    chfNote: 'CHF-Posten stehen in CHF und zählen mit {{rate}} EUR je CHF.',
    showMore: '{{more}} weitere zeigen ({{shown}} von {{n}} Posten)'
  }
})

// Big imported plans hold thousands of lines: a phase shows its first LINE_LIMIT, and LINE_MORE
// more per request. Rows are laid out when they appear; a page of 100 costs a frame or two, where
// 100,000 at once would freeze the window (and 40 per phase were 200 rows to lay out right after
// an import, a long task of their own).
const LINE_LIMIT = 10
const LINE_MORE = 100

const PHASE_COLOURS = ['#c62f2f', '#e07b00', '#2457c5', '#7a4cc2', '#1e8e7e']

export function BudgetView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('budget')
  const { t: tf } = useTranslation('forms')
  // Deferred: after a big change (an import of thousands of lines) React renders this view in
  // slices between frames instead of one long task; edits still show within a frame or two.
  const data = useDeferredValue(usePlanData(planId))
  const summary = useBudgetSummary(data)
  // Lines shown per phase beyond the first LINE_LIMIT.
  const [shownLines, setShownLines] = useState<Record<string, number>>({})
  // Lines per phase in quarter order. Bucketed by quarter (a plan has a handful), not sorted:
  // linear, which matters once an import has brought 100,000 lines.
  const linesByPhase = useStepwise(
    function* () {
      const byPhase = new Map<string, Map<string, BudgetLine[]>>()
      let n = 0
      for (const l of data?.budgetLines ?? []) {
        if (++n > SUMMARY_STEP) {
          n = 1
          yield
        }
        let byQuarter = byPhase.get(l.phaseId)
        if (!byQuarter) byPhase.set(l.phaseId, (byQuarter = new Map()))
        const list = byQuarter.get(l.quarter)
        if (list) list.push(l)
        else byQuarter.set(l.quarter, [l])
      }
      const m = new Map<string, BudgetLine[]>()
      for (const [phaseId, byQuarter] of byPhase) {
        const quarters = [...byQuarter.keys()].sort()
        m.set(
          phaseId,
          quarters.flatMap((q) => byQuarter.get(q)!)
        )
      }
      return m
    },
    [data?.budgetLines]
  )
  const lang = currentLanguage()
  // The plan row is new after every commit (its updatedAt); its quarters rarely change. One
  // array per list of quarters keeps the memoized line rows from rendering again for nothing.
  const quartersKey = data?.plan.quarters.join(',') ?? ''
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableQuarters = useMemo(() => data?.plan.quarters ?? [], [quartersKey])

  const chart = useMemo(() => {
    if (!data || !summary) return null
    const phases = sortedPhases(data)
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 12, top: 34, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: data.plan.quarters.map(formatQuarter) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: phases.map((p, i) => ({
        type: 'bar',
        stack: 'budget',
        name: phaseLabel(p),
        itemStyle: { color: PHASE_COLOURS[i % PHASE_COLOURS.length] },
        data: data.plan.quarters.map((q) => euros(summary.totals.byPhaseQuarter.get(p.id)?.get(q) ?? 0))
      }))
    }
    // i18n.language: labels and number formats follow the UI language; not the plan row's updatedAt
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary, data?.phases, quartersKey, i18n.language])

  if (!data || !summary) return <ViewHeader view="budget" />
  const { plan } = data
  const quarters = stableQuarters
  const phases = sortedPhases(data)
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  const amountError = (e: string) => (e === 'too-large' ? t('tooLarge') : undefined)
  const hasChf = data.budgetLines.some((l) => l.currency === 'CHF')

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
      <section className="figures-row" aria-label={t('planned')}>
        <div className="card">
          <div className="figure-label">{t('planned')}</div>
          <div className="figure" data-testid="budget-total">
            {money(summary.totals.totalCents)}
          </div>
        </div>
        <div className="card">
          <div className="figure-label">{t('planBudget')}</div>
          <div className="figure" data-testid="budget-plan">
            {money(summary.planBudgetCents)}
          </div>
        </div>
        <div className="card">
          <div className="figure-label">{t('remaining')}</div>
          <div
            className={`figure ${summary.planRemainingCents < 0 ? 'text-danger' : ''}`}
            data-testid="budget-remaining"
          >
            {money(summary.planRemainingCents)}
          </div>
          {summary.overPlanBudget && (
            <div className="field-error">
              {t('overBudget', { amount: money(-summary.planRemainingCents) })}
            </div>
          )}
        </div>
        <div className="card">
          <div className="figure-label">{t('breaches')}</div>
          <div className={`figure ${summary.capBreaches.length ? 'text-danger' : 'text-ok'}`}>
            {summary.capBreaches.length}
          </div>
          {summary.capBreaches.length === 0 && <div className="figure-label">{t('noBreaches')}</div>}
        </div>
      </section>

      <div className="budget-table-wrap">
        <table className="data budget-table">
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              {quarters.map((q) => (
                <th key={q} scope="col" className="num">
                  {formatQuarter(q)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('total')}
              </th>
              <th scope="col" className="num">
                {t('cap')}
              </th>
              <th scope="col" className="num">
                {t('remaining')}
              </th>
            </tr>
          </thead>
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
                {lines.map((line) => (
                  <LineRow
                    key={line.id}
                    line={line}
                    quarters={quarters}
                    chfToEur={plan.chfToEur}
                    planId={planId}
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
      </div>
      {hasChf && <p className="muted small">{t('chfNote', { rate: plan.chfToEur })}</p>}

      <PlanVsActual planId={planId} data={data} />

      <section className="card budget-chart">
        <h2 className="card-title">{t('perQuarter')}</h2>
        {chart && <EChart option={chart} label={t('chartLabel')} height={240} />}
      </section>
    </div>
  )
}

/**
 * One line item. Memoized on the line object: a commit replaces only the rows it changes, so
 * the rest of a long table is not rendered again (the plan keeps unchanged rows' identity).
 */
const LineRow = memo(function LineRow({
  line,
  quarters,
  chfToEur,
  planId
}: {
  line: BudgetLine
  quarters: readonly QuarterKey[]
  chfToEur: number
  planId: string
}) {
  const { t } = useTranslation('budget')
  const { t: tf } = useTranslation('forms')
  const lang = currentLanguage()
  const amountError = (e: string) => (e === 'too-large' ? t('tooLarge') : undefined)
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  const shown = formatMoney(line.amountCents, line.currency, { whole: line.amountCents % 100 === 0 })
  const base = toBaseCents(line, { chfToEur })
  const save = (cents: number) =>
    commitEdit(
      planId,
      {
        key: 'history.budgetAmount',
        values: { title: line.title, amount: euros(cents), currency: line.currency }
      },
      (d) => setBudgetAmount(d, line.id, cents)
    )
  return (
    <tr className="line-row">
      <td>
        <div className="line-title">
          <span>{line.title}</span>
          <span className="line-category">{categoryLabel(line.category)}</span>
        </div>
      </td>
      {quarters.map((q) => (
        <td key={q} className="num">
          {q === line.quarter && (
            <>
              <InlineEdit
                label={t('amountLabel', { title: line.title })}
                display={shown}
                valueText={shown}
                initial={editNumberText(line.amountCents / 100, lang)}
                parse={(s) => parseAmount(s, lang)}
                preview={(c) => formatMoney(c, line.currency)}
                errorText={amountError}
                onSave={save}
              />
              {line.currency === 'CHF' && (
                <div className="chf-eur">{t('inEur', { amount: money(base) })}</div>
              )}
            </>
          )}
        </td>
      ))}
      <td className="num muted">{money(base)}</td>
      <td colSpan={2} className="row-actions">
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={tf('editNamed', { name: line.title })}
          title={tf('line.edit')}
          onClick={() => void withData(planId, (d) => openBudgetLineForm(planId, d, line))}
        >
          ✎
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          aria-label={tf('removeNamed', { name: line.title })}
          title={tf('line.remove')}
          onClick={() => void removeBudgetLineWithQuestion(planId, line)}
        >
          ✕
        </button>
      </td>
    </tr>
  )
})

/** Opens a form on the plan as stored now (rows memoized on one line do not hold the whole plan). */
async function withData(planId: string, open: (d: PlanData) => Promise<unknown>) {
  const d = await currentPlanData(planId)
  if (d) await open(d)
}
