import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { overAllocations } from '@shared/planning/utilization'
import { contingency } from '@shared/planning/risk'
import type { ViewProps } from '../../shell/view-props'
import { navigate } from '../../shell/router'
import { ViewHeader } from '../../components/ViewHeader'
import { EChart } from '../../components/EChart'
import { usePlanData } from '../../db/plan-data'
import { useActuals } from '../../db/actuals'
import { usePlanVsActual } from '../../lib/use-plan-vs-actual'
import { useBudgetSummary } from '../../lib/use-budget-summary'
import { formatMoney, formatMoneyShort, formatNumber, formatQuarter, formatShare } from '../../lib/format'
import { euros, phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import { AssumptionsCard } from './AssumptionsCard'
import './overview.css'
import './strings'

const PRIORITY_COLOURS: Record<string, string> = {
  P0: '#c62f2f',
  P1: '#e07b00',
  P2: '#2457c5',
  P3: '#7a4cc2',
  P4: '#1e8e7e'
}

const CAP_COLOUR = '#c3ccd7'

export function OverviewView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('overview')
  const tc = useTranslation('common').t
  const data = usePlanData(planId)
  // Budget totals of a big plan (an import of 100,000 lines) are added up a slice per task.
  const budget = useBudgetSummary(data)
  // Actual costs (a scenario: its base plan's): spent, remaining and the forecast, once there are any.
  const { pva, actuals } = usePlanVsActual(data, useActuals(planId))
  const derived = useMemo(() => {
    if (!data || !budget) return null
    return {
      budget,
      over: overAllocations(data),
      risk: contingency(data)
    }
  }, [data, budget])

  const chart = useMemo(() => {
    if (!data || !derived) return null
    const phases = sortedPhases(data)
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      // The legend is HTML under the chart: each bar has its phase's colour, which one ECharts
      // legend swatch per series cannot show.
      grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        // The priority only: names overprinted each other below 1280 px; the legend names them.
        data: phases.map((p) => p.priority),
        axisLabel: { fontSize: 11, interval: 0 }
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: [
        {
          type: 'bar',
          name: t('seriesPlanned'),
          data: phases.map((p) => ({
            value: euros(derived.budget.totals.byPhase.get(p.id) ?? 0),
            itemStyle: { color: PRIORITY_COLOURS[p.priority] }
          })),
          barGap: '10%'
        },
        {
          type: 'bar',
          name: t('seriesCap'),
          itemStyle: { color: CAP_COLOUR },
          data: phases.map((p) => euros(p.capCents))
        }
      ]
    }
    // i18n.language: series names and number formats follow the UI language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, derived, i18n.language])

  if (!data || !derived) return <ViewHeader view="overview" />
  const { plan } = data
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  const roleQuarterBp = data.allocations.reduce((s, a) => s + a.shareBp, 0)
  const done = data.deliverables.filter((d) => d.done).length
  const workstreams = sortedWorkstreams(data)

  return (
    <div className="overview-view">
      <ViewHeader view="overview" />

      <section className="ov-figures" aria-label={t('figures')}>
        <Figure label={t('totalBudget')} value={money(plan.totalBudgetCents)} testId="ov-total-budget">
          {t('plannedOf', { planned: money(derived.budget.totals.totalCents) })}
        </Figure>
        <Figure label={t('people')} value={formatNumber(data.roles.length)} testId="ov-people">
          {t('roles')}
        </Figure>
        <Figure label={t('fteQuarters')} value={formatNumber(roleQuarterBp / 10_000, 2)} testId="ov-fte">
          {t('allocated', { n: plan.quarters.length })}
        </Figure>
        <Figure
          label={t('over')}
          value={formatNumber(derived.over.length)}
          tone={derived.over.length ? 'danger' : 'ok'}
          testId="ov-over"
        >
          {derived.over.length ? t('overSome') : t('overNone')}
        </Figure>
        {pva && actuals && actuals.length > 0 && (
          <>
            <Figure
              label={t('spent')}
              value={money(pva.total.actualCents)}
              tone={pva.total.over ? 'danger' : undefined}
              testId="ov-spent"
            >
              {t('spentDetail', { remaining: money(pva.total.remainingCents) })}
            </Figure>
            <Figure
              label={t('forecast')}
              value={money(pva.total.forecast.atCompletionCents)}
              testId="ov-forecast"
            >
              {t('forecastDetail', { amount: money(pva.total.forecast.runRateCents) })}
            </Figure>
          </>
        )}
        <Figure label={t('risks')} value={formatNumber(data.risks.length)} testId="ov-risks">
          {t('expected', { amount: money(derived.risk.totalCents) })}
        </Figure>
        <Figure label={t('deliverables')} value={formatNumber(done)} testId="ov-deliverables">
          {t('deliverablesOf', { total: data.deliverables.length })}
        </Figure>
      </section>

      <div className="ov-top">
        <section className="card ov-mission">
          <h2>{t('mission')}</h2>
          {plan.mission ? <blockquote>{plan.mission}</blockquote> : <p className="muted">{t('noMission')}</p>}
          {plan.drivers.length > 0 && (
            <>
              <h2 className="ov-drivers-title">{t('drivers')}</h2>
              <ul className="ov-drivers">
                {plan.drivers.map((d, i) => (
                  <li key={i}>
                    <strong>{d.title}</strong>
                    <span>{d.text}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section className="card ov-chart">
          <h2>{t('budgetChart')}</h2>
          {chart && <EChart option={chart} label={t('chartLabel')} height={220} testId="ov-budget-chart" />}
          <ul className="ov-legend" data-testid="ov-chart-legend">
            {sortedPhases(data).map((p) => (
              <li key={p.id}>
                <span
                  className="ov-swatch"
                  style={{ background: PRIORITY_COLOURS[p.priority] }}
                  aria-hidden
                />
                {p.priority} {p.name}
              </li>
            ))}
            <li>
              <span className="ov-swatch" style={{ background: CAP_COLOUR }} aria-hidden />
              {t('seriesCap')}
            </li>
          </ul>
        </section>
      </div>

      <AssumptionsCard planId={planId} data={data} />

      <h2 className="ov-section-title">{t('phases')}</h2>
      <section className="ov-phases">
        {sortedPhases(data).map((p) => {
          const pb = derived.budget.phases.find((x) => x.phaseId === p.id)!
          const ratio = p.capCents > 0 ? Math.min(1, pb.spentCents / p.capCents) : pb.spentCents > 0 ? 1 : 0
          const ws = workstreams.filter((w) => w.phaseId === p.id)
          return (
            <article
              key={p.id}
              className={`card ov-phase ov-${p.priority.toLowerCase()}`}
              aria-labelledby={`ph-${p.id}`}
            >
              <header className="ov-phase-head">
                <span className={`badge badge-${p.priority.toLowerCase()}`}>
                  {p.priority} {p.priorityLabel}
                </span>
                <span className="muted small">
                  {p.startQuarter === p.endQuarter
                    ? formatQuarter(p.startQuarter)
                    : `${formatQuarter(p.startQuarter)} – ${formatQuarter(p.endQuarter)}`}
                </span>
              </header>
              <h3 id={`ph-${p.id}`}>{phaseLabel(p)}</h3>
              <dl className="ov-facts">
                <dt>{t('timeline')}</dt>
                <dd>{p.timeline}</dd>
                <dt>{t('impact')}</dt>
                <dd>{p.businessImpact}</dd>
                <dt>{t('cap')}</dt>
                <dd className="num-left">{money(p.capCents)}</dd>
                <dt>{t('planned')}</dt>
                <dd className={pb.breached ? 'text-danger' : ''}>
                  {t('spentOf', { spent: money(pb.spentCents), cap: money(p.capCents) })}
                  {pb.breached && ` (${t('overCap')})`}
                </dd>
              </dl>
              <div
                className={`progress ${pb.breached ? 'progress-over' : ''}`}
                role="progressbar"
                aria-label={`${phaseLabel(p)}, ${t('planned')}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(ratio * 100)}
                aria-valuetext={formatShare(Math.round(ratio * 10_000))}
              >
                <div style={{ width: `${ratio * 100}%` }} />
              </div>
              <div className="ov-ws">
                {ws.map((w) => (
                  <span key={w.id} className="ov-ws-chip" title={w.title}>
                    {w.key}
                  </span>
                ))}
              </div>
            </article>
          )
        })}
      </section>
      <div className="ov-links">
        {(['timeline', 'team', 'budget', 'risks'] as const).map((v) => (
          <button key={v} className="btn btn-small" onClick={() => navigate(v)}>
            {t('open', { view: tc(`nav.${v}`) })} →
          </button>
        ))}
      </div>
    </div>
  )
}

function Figure({
  label,
  value,
  children,
  tone,
  testId
}: {
  label: string
  value: string
  children?: React.ReactNode
  tone?: 'ok' | 'danger'
  testId?: string
}) {
  return (
    <div className="card ov-figure">
      <div className="figure-label">{label}</div>
      <div className={`figure ${tone ? `text-${tone}` : ''}`} data-testid={testId}>
        {value}
      </div>
      <div className="figure-label">{children}</div>
    </div>
  )
}
