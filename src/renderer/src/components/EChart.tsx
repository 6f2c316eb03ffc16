// A thin React wrapper around Apache ECharts: one chart instance per element, options replaced on change.
import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  TitleComponent
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  TitleComponent,
  CanvasRenderer
])

export type EChartOption = echarts.EChartsCoreOption

export function EChart({
  option,
  height = 280,
  label,
  testId
}: {
  option: EChartOption
  height?: number
  /** Accessible name: what the chart shows, in words. */
  label: string
  testId?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    if (!ref.current) return
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' })
    chart.current = c
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(ref.current)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // Merged, not rebuilt: notMerge would create the tooltip again, which measures the page
    // (a forced layout of the whole view, 200 ms after a big import). Parts whose count can
    // change are replaced instead.
    chart.current?.setOption(
      { animation: false, ...option },
      { replaceMerge: ['series', 'xAxis', 'yAxis', 'visualMap'], lazyUpdate: true }
    )
  }, [option])

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  )
}
