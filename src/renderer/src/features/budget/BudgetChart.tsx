// Planned budget per quarter, stacked by phase (ECharts).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetSummary } from '@shared/planning/budget'
import type { PlanData } from '@shared/planning/types'
import { EChart } from '../../components/EChart'
import { formatMoney, formatMoneyShort, formatQuarter } from '../../lib/format'
import { euros, phaseLabel, sortedPhases } from '../../lib/plan-labels'
import './strings'

const PHASE_COLOURS = ['#c62f2f', '#e07b00', '#2457c5', '#7a4cc2', '#1e8e7e']

export function BudgetChart({ data, summary }: { data: PlanData; summary: BudgetSummary }) {
  const { t, i18n } = useTranslation('budget')
  // The plan row is new after every commit (its updatedAt); the chart follows its quarters only.
  const quartersKey = data.plan.quarters.join(',')
  const chart = useMemo(() => {
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
  }, [summary, data.phases, quartersKey, i18n.language])

  return (
    <section className="card budget-chart">
      <h2 className="card-title">{t('perQuarter')}</h2>
      <EChart option={chart} label={t('chartLabel')} height={240} />
    </section>
  )
}
