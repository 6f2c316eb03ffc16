// ECharts options for the comparison: a roles × quarters heatmap of share changes and the
// budget (with risk contingency stacked on it) per quarter for both plans side by side.
import type { EChartOption } from '../../components/EChart'
import type { ComparisonReport } from '@shared/scenarios/compare-report'
import type { QuarterKey } from '@shared/planning/types'
import { formatMoneyShort, formatMoney, formatQuarter } from '../../lib/format'

const signedPct = (bp: number) => `${bp > 0 ? '+' : bp < 0 ? '−' : ''}${Math.abs(Math.round(bp / 100))}%`

export function heatmapOption(report: ComparisonReport, quarters: QuarterKey[]): EChartOption {
  const roles = [...new Set(report.shareDeltas.map((d) => d.role))]
  const qs = [...new Set([...quarters, ...report.shareDeltas.map((d) => d.quarter)])].sort()
  const data = report.shareDeltas.map((d) => [qs.indexOf(d.quarter), roles.indexOf(d.role), d.deltaBp / 100])
  const max = Math.max(10, ...report.shareDeltas.map((d) => Math.abs(d.deltaBp / 100)))
  return {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${roles[p.value[1]]}<br/>${formatQuarter(qs[p.value[0]])}: <b>${signedPct(p.value[2] * 100)}</b>`
    },
    grid: { left: 150, right: 20, top: 10, bottom: 60 },
    xAxis: {
      type: 'category',
      data: qs.map(formatQuarter),
      splitArea: { show: true },
      axisLabel: { interval: 0 }
    },
    yAxis: { type: 'category', data: roles, splitArea: { show: true }, inverse: true },
    visualMap: {
      min: -max,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [`+${max}%`, `−${max}%`],
      inRange: { color: ['#c2410c', '#fde7d9', '#ffffff', '#dbe6fb', '#2457c5'] }
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          formatter: (p: { value: [number, number, number] }) => signedPct(p.value[2] * 100)
        },
        itemStyle: { borderColor: '#fff', borderWidth: 2 }
      }
    ]
  }
}

export function heatmapLabel(report: ComparisonReport): string {
  return report.shareDeltas
    .map((d) => `${d.role} ${formatQuarter(d.quarter)} ${signedPct(d.deltaBp)}`)
    .join('; ')
}

export function budgetChartOption(
  report: ComparisonReport,
  names: { budgetA: string; contA: string; budgetB: string; contB: string }
): EChartOption {
  const qs = report.quarters.map((q) => formatQuarter(q.quarter))
  const euros = (c: number) => c / 100
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 70, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: qs },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
    },
    series: [
      {
        name: names.budgetA,
        type: 'bar',
        stack: 'a',
        data: report.quarters.map((q) => euros(q.aBudgetCents)),
        itemStyle: { color: '#8a97a8' }
      },
      {
        name: names.contA,
        type: 'bar',
        stack: 'a',
        data: report.quarters.map((q) => euros(q.aContingencyCents)),
        itemStyle: { color: '#cfd6df' }
      },
      {
        name: names.budgetB,
        type: 'bar',
        stack: 'b',
        data: report.quarters.map((q) => euros(q.bBudgetCents)),
        itemStyle: { color: '#2457c5' }
      },
      {
        name: names.contB,
        type: 'bar',
        stack: 'b',
        data: report.quarters.map((q) => euros(q.bContingencyCents)),
        itemStyle: { color: '#a9c1f0' }
      }
    ]
  }
}

export function budgetChartLabel(report: ComparisonReport, a: string, b: string): string {
  return report.quarters
    .map(
      (q) =>
        `${formatQuarter(q.quarter)}: ${a} ${formatMoneyShort(q.aBudgetCents)} + ${formatMoneyShort(q.aContingencyCents)}, ${b} ${formatMoneyShort(q.bBudgetCents)} + ${formatMoneyShort(q.bContingencyCents)}`
    )
    .join('; ')
}
