// FTE per quarter stacked by phase (ECharts).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import { EChart } from '../../components/EChart'
import { formatNumber, formatQuarter } from '../../lib/format'
import { phaseLabel, sortedPhases } from '../../lib/plan-labels'
import './strings'

export function FteChart({ data }: { data: PlanData }) {
  const { t, i18n } = useTranslation('team')
  const chart = useMemo(() => {
    const phaseOf = new Map(data.workstreams.map((w) => [w.id, w.phaseId]))
    const fte = (bp: number) => bp / 10_000
    const sums = new Map<string, number>()
    for (const a of data.allocations) {
      const k = `${phaseOf.get(a.workstreamId)}|${a.quarter}`
      sums.set(k, (sums.get(k) ?? 0) + a.shareBp)
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, 2)} FTE` },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 4, right: 12, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: data.plan.quarters.map(formatQuarter) },
      yAxis: { type: 'value', name: 'FTE', axisLabel: { formatter: (v: number) => formatNumber(v, 1) } },
      series: sortedPhases(data).map((p, i) => ({
        type: 'bar',
        stack: 'fte',
        name: phaseLabel(p),
        itemStyle: { color: ['#c62f2f', '#e07b00', '#2457c5', '#7a4cc2', '#1e8e7e'][i % 5] },
        data: data.plan.quarters.map((q) => fte(sums.get(`${p.id}|${q}`) ?? 0))
      }))
    }
    // i18n.language: labels and number formats follow the UI language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, i18n.language])
  return (
    <section className="card">
      <h2>{t('chartTitle')}</h2>
      <EChart option={chart} label={t('chartLabel')} height={220} />
    </section>
  )
}
