// Utilization heatmap (roles × quarters) with the plan's thresholds as colour bands; updates
// with every move. A text summary under it says the same in words (and lets tests read it).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import type { UtilizationTable } from '@shared/planning/utilization'
import type { RoleStat } from '@shared/planning/plan-index'
import { EChart, type EChartOption } from '../../components/EChart'
import { formatQuarter, formatShare } from '../../lib/format'
import {
  heatmapData,
  heatmapPieces,
  percentOf,
  percentText,
  sameChart,
  type HeatmapData
} from './heatmap-option'

type HeatmapProps = {
  data: PlanData
  util: UtilizationTable
  roleStats?: ReadonlyMap<string, RoleStat>
  /** Role names by id (the board's look-ups): the summary names the peak role. */
  roleNames: ReadonlyMap<string, string>
  roleFilter: string
}

/** The heatmap, or while a big plan is still being counted (no utilization yet) a line saying so. */
export function UtilizationHeatmap(
  props: Omit<HeatmapProps, 'util'> & { util: UtilizationTable | undefined }
) {
  const { t } = useTranslation('capacityBoard')
  if (props.util) return <Heatmap {...props} util={props.util} />
  return (
    <section className="card heatmap-card" aria-labelledby="heatmap-title">
      <div className="card-title">
        <h2 id="heatmap-title">{t('heatmapTitle')}</h2>
      </div>
      <p className="muted heatmap-summary" aria-busy="true">
        {t('board:countingShort')}
      </p>
    </section>
  )
}

function Heatmap({ data, util, roleStats, roleNames, roleFilter }: HeatmapProps) {
  const { t, i18n } = useTranslation('capacityBoard')
  const hm = useMemo(
    () => heatmapData(data, util, roleFilter, roleStats),
    [data, util, roleFilter, roleStats]
  )
  // The chart's data stays the very same object while what it draws does not change.
  const drawnRef = useRef<HeatmapData>(hm)
  if (drawnRef.current !== hm && !sameChart(drawnRef.current, hm)) drawnRef.current = hm
  const drawn = drawnRef.current
  const softCapBp = data.plan.softCapBp
  // The cells' figures come in a second drawing, in an idle moment after the first: drawn together
  // (360 labels measured and painted) they made the chart's first frame a task of about 90 ms on
  // the 1,000-role plan; without them the first drawing costs about half.
  const [labelled, setLabelled] = useState(false)
  const idle = useRef<number | null>(null)
  const onFinished = useCallback(() => {
    if (idle.current === null) idle.current = requestIdleCallback(() => setLabelled(true), { timeout: 1000 })
  }, [])
  useEffect(
    () => () => {
      if (idle.current !== null) cancelIdleCallback(idle.current)
    },
    []
  )
  const option: EChartOption = useMemo(
    () => ({
      tooltip: {
        position: 'top',
        formatter: (p: { value: [number, number, number] }) =>
          `${drawn.roles[p.value[1]]?.name ?? ''}<br/>${formatQuarter(drawn.quarters[p.value[0]])}: ${percentText(p.value[2])}`
      },
      grid: { left: 170, right: 20, top: 10, bottom: 80 },
      xAxis: {
        type: 'category',
        data: drawn.quarters.map((q) => formatQuarter(q)),
        splitArea: { show: true }
      },
      yAxis: {
        type: 'category',
        data: drawn.roles.map((r) => r.name),
        inverse: true,
        axisLabel: { width: 160, overflow: 'truncate' }
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        dimension: 2,
        pieces: heatmapPieces(softCapBp)
      },
      series: [
        {
          type: 'heatmap',
          data: drawn.points,
          label: {
            show: labelled && drawn.roles.length <= 30,
            fontSize: 10,
            formatter: (p: { value: number[] }) => (p.value[2] ? `${p.value[2]}` : '')
          },
          emphasis: { itemStyle: { borderColor: '#1c2430', borderWidth: 1 } }
        }
      ]
    }),
    [drawn, softCapBp, labelled, i18n.language] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const summary = hm.peak
    ? t('heatmapSummary', {
        redCells: t('redCells', { count: hm.red }),
        amber: hm.amber,
        softCap: formatShare(data.plan.softCapBp),
        role: roleNames.get(hm.peak.roleId) ?? '',
        quarter: formatQuarter(hm.peak.quarter),
        pct: percentText(percentOf(hm.peak))
      })
    : t('heatmapSummaryEmpty')
  const height = Math.max(220, Math.min(hm.roles.length, 30) * 22 + 100)
  return (
    <section className="card heatmap-card" aria-labelledby="heatmap-title" data-labelled={labelled}>
      <div className="card-title">
        <h2 id="heatmap-title">{t('heatmapTitle')}</h2>
        {hm.totalRoles > hm.roles.length && (
          <span className="muted">{t('heatmapTop', { shown: hm.roles.length, total: hm.totalRoles })}</span>
        )}
      </div>
      <EChart
        option={option}
        height={height}
        label={`${t('heatmapLabel')}. ${summary}`}
        testId="utilization-heatmap"
        still
        lazy
        onFinished={onFinished}
      />
      <p className="muted heatmap-summary" data-testid="heatmap-summary">
        {summary}
      </p>
    </section>
  )
}
