// Budget per quarter stacked by phase (with the plan total in the title) and each phase's total
// against its cap. Both follow every move; a sentence under them says the same in words.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetTotals } from '@shared/planning/budget'
import type { PlanData } from '@shared/planning/types'
import { EChart, type EChartOption } from '../../components/EChart'
import { formatMoney, formatMoneyShort, formatQuarter } from '../../lib/format'
import { busiestQuarter, PHASE_COLORS, stackedSeries } from './budget-chart'

export function BudgetCharts({ data, totals }: { data: PlanData; totals: BudgetTotals }) {
  const { t, i18n } = useTranslation('budgetBoard')
  const lang = i18n.language
  const money = (c: number) => formatMoney(c, 'EUR', { whole: true })
  const phases = useMemo(() => [...data.phases].sort((a, b) => a.order - b.order), [data.phases])
  const breaches = phases.filter((p) => (totals.byPhase.get(p.id) ?? 0) > p.capCents)

  // The plan total heads the chart as text of the page, not as an ECharts title: one part less
  // for the chart's first drawing to lay out and measure.
  const stacked: EChartOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 70, right: 16, top: 18, bottom: 56 },
      xAxis: { type: 'category', data: data.plan.quarters.map((q) => formatQuarter(q)) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: stackedSeries(data, totals)
    }),
    [data, totals, lang] // eslint-disable-line react-hooks/exhaustive-deps
  )

  const caps: EChartOption = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      // Only the cap in the legend: the planned bars take their phase's colour (red over the cap),
      // which a single legend swatch would misstate.
      legend: { bottom: 0, data: [t('cap')] },
      grid: { left: 70, right: 16, top: 16, bottom: 56 },
      xAxis: {
        type: 'category',
        data: phases.map((p) => p.name),
        axisLabel: { interval: 0, overflow: 'truncate', width: 90 }
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: [
        {
          name: t('spent'),
          type: 'bar',
          barMaxWidth: 40,
          data: phases.map((p) => {
            const spent = totals.byPhase.get(p.id) ?? 0
            return {
              value: spent / 100,
              itemStyle: { color: spent > p.capCents ? '#c62f2f' : (PHASE_COLORS[p.priority] ?? '#2457c5') }
            }
          })
        },
        {
          // The cap as a dark bar-wide marker, visible above or inside the planned bar.
          name: t('cap'),
          type: 'line',
          // Over the cap the bar rises through the marker: its label goes beside it, not onto the red bar.
          data: phases.map((p) =>
            (totals.byPhase.get(p.id) ?? 0) > p.capCents
              ? { value: p.capCents / 100, label: { position: 'right' } }
              : p.capCents / 100
          ),
          symbol: 'rect',
          symbolSize: [56, 4],
          lineStyle: { opacity: 0 },
          itemStyle: { color: '#1c2430' },
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            color: '#5d6b7c',
            formatter: (p: { value: number }) => formatMoneyShort(Math.round(p.value * 100))
          },
          z: 5
        }
      ]
    }),
    [phases, totals, t, lang] // eslint-disable-line react-hooks/exhaustive-deps
  )

  const peak = busiestQuarter(data, totals)
  const summary = t('chartSummary', {
    total: money(totals.totalCents),
    plan: money(data.plan.totalBudgetCents),
    quarter: peak ? formatQuarter(peak.quarter) : '—',
    amount: money(peak?.cents ?? 0),
    caps:
      breaches.length > 0
        ? `${t('capsBreached', { count: breaches.length })}: ${breaches.map((p) => p.name).join(', ')}`
        : t('capsOk')
  })

  return (
    <section className="grid-2 budget-charts">
      <div className="card">
        <div className="card-title">
          <h2>{t('chartTitle')}</h2>
        </div>
        <p className={`chart-total${totals.totalCents > data.plan.totalBudgetCents ? ' over-plan' : ''}`}>
          {t('grandTotal', { total: money(totals.totalCents), plan: money(data.plan.totalBudgetCents) })}
        </p>
        {/* Below the board: made when scrolled to, no part of the board's opening. */}
        <EChart
          option={stacked}
          height={284}
          label={`${t('chartLabel')}. ${summary}`}
          testId="budget-chart"
          lazy
        />
      </div>
      <div className="card">
        <div className="card-title">
          <h2>{t('capsChartTitle')}</h2>
        </div>
        <EChart option={caps} height={300} label={t('capsChartLabel')} testId="caps-chart" lazy />
      </div>
      <p className="muted chart-summary" data-testid="budget-chart-summary">
        {summary}
      </p>
    </section>
  )
}
