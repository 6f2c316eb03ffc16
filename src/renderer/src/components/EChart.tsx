// A thin React wrapper around Apache ECharts: one chart instance per element, options replaced on change.
import { useEffect, useLayoutEffect, useRef } from 'react'
import './echart.css'
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
  testId,
  still = false,
  lazy = false,
  onFinished
}: {
  option: EChartOption
  height?: number
  /** Accessible name: what the chart shows, in words. */
  label: string
  testId?: string
  /**
   * Between pointer visits, show a picture of the rendered chart and hide its canvases. Chromium
   * hands every canvas in the page to the compositor again on each frame the page commits (three
   * per chart, wherever the chart is), so a chart beside a board that scrolls costs every scroll
   * frame; a picture costs nothing. The live canvases come back
   * while the pointer is over the chart (tooltips, hover) and while a new rendering has no picture yet.
   */
  still?: boolean
  /**
   * Made and drawn only once the chart comes on screen (or within LAZY_MARGIN of it): a chart
   * below a board is then no part of the board's opening.
   */
  lazy?: boolean
  /** Called after each drawing has finished (then the element also carries data-drawn). */
  onFinished?: () => void
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const optionRef = useRef(option)
  optionRef.current = option
  const onFinishedRef = useRef(onFinished)
  onFinishedRef.current = onFinished

  useEffect(() => {
    const el = ref.current
    if (!el) return
    let c: echarts.ECharts | undefined
    let ro: ResizeObserver | undefined
    let stopStill: (() => void) | undefined
    let cancelInit = () => undefined as void
    let cancelDraw = () => undefined as void
    const finished = () => {
      el.dataset['drawn'] = 'true'
      onFinishedRef.current?.()
    }
    // The chart is made in a task of its own and first drawn in the next (see inTurn).
    const start = () => {
      cancelInit = inTurn(() => {
        c = echarts.init(el, undefined, { renderer: 'canvas' })
        ro = new ResizeObserver(() => c?.resize())
        ro.observe(el)
        stopStill = still ? keepStill(el, c) : undefined
        c.on('finished', finished)
      })
      cancelDraw = inTurn(() => {
        if (!c) return
        chart.current = c
        c.setOption({ animation: false, ...optionRef.current }, { replaceMerge: REPLACED, lazyUpdate: true })
      })
    }
    let io: IntersectionObserver | undefined
    if (lazy && typeof IntersectionObserver !== 'undefined') {
      io = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return
          io?.disconnect()
          io = undefined
          start()
        },
        { rootMargin: `0px 0px ${LAZY_MARGIN}px 0px` }
      )
      io.observe(el)
    } else start()
    return () => {
      io?.disconnect()
      cancelInit()
      cancelDraw()
      ro?.disconnect()
      stopStill?.()
      c?.off('finished', finished)
      c?.dispose()
      chart.current = null
      delete el.dataset['drawn']
    }
  }, [still, lazy])

  // A new option is not drawn yet: said in the same commit that brings it.
  useLayoutEffect(() => {
    if (ref.current) delete ref.current.dataset['drawn']
  }, [option])

  useEffect(() => {
    // Merged, not rebuilt: notMerge would create the tooltip again, which measures the page
    // (a forced layout of the whole view, long after a big import). Parts whose count can
    // change are replaced instead. Before the first drawing, that drawing takes the newest option.
    chart.current?.setOption({ animation: false, ...option }, { replaceMerge: REPLACED, lazyUpdate: true })
  }, [option])

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />
  )
}

const REPLACED = ['series', 'xAxis', 'yAxis', 'visualMap']

/** How far below the window a lazy chart is made already (px). */
const LAZY_MARGIN = 100

/**
 * Charts' first steps, one per task in the order asked, each after a frame: making a chart, and
 * giving it its first option (ECharts draws that in the next frame), run ECharts' code cold. A
 * board's charts made and drawn together were renderer tasks of 80 to 270 ms while the 1,000-role
 * plan opened (bench:board, machine under load). Returns a cancel for a chart that goes before its turn.
 */
const turns: (() => void)[] = []
const afterFrame = () => requestAnimationFrame(() => setTimeout(nextTurn, 0))
function inTurn(job: () => void): () => void {
  turns.push(job)
  if (turns.length === 1) afterFrame()
  return () => {
    const at = turns.indexOf(job)
    if (at > 0) turns.splice(at, 1)
    // The one running or due next stays in place (nextTurn takes it off); it only does nothing.
    else if (at === 0) turns[0] = () => undefined
  }
}
function nextTurn() {
  turns.shift()?.()
  if (turns.length) afterFrame()
}

/**
 * Shows a picture of the chart instead of its canvases whenever the picture is current and the
 * pointer is elsewhere. Every finished rendering (new options, resize, hover leaving) shows the live
 * canvases; once the chart has been quiet for QUIET_MS (a run of drops renders it many times) a new
 * picture is taken (encoded by toBlob, off the frame) and replaces them once it has decoded, unless
 * something newer came first.
 */
const QUIET_MS = 300

function keepStill(el: HTMLDivElement, c: echarts.ECharts): () => void {
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative'
  const img = document.createElement('img')
  img.className = 'echart-snapshot'
  img.alt = ''
  img.setAttribute('aria-hidden', 'true')
  el.appendChild(img)
  let take = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let url: string | null = null
  let inside = false
  let current = false
  const live = () => {
    current = false
    take++
    el.classList.remove('echart-still')
  }
  const snapshot = () => {
    live()
    clearTimeout(timer)
    if (!inside) timer = setTimeout(picture, QUIET_MS)
  }
  const picture = () => {
    if (inside) return
    const mine = take
    c.renderToCanvas({ pixelRatio: c.getDevicePixelRatio() }).toBlob((blob) => {
      if (!blob || mine !== take) return
      const next = URL.createObjectURL(blob)
      img.src = next
      img
        .decode()
        .then(() => {
          if (mine !== take) return URL.revokeObjectURL(next)
          if (url) URL.revokeObjectURL(url)
          url = next
          current = true
          if (!inside) el.classList.add('echart-still')
        })
        .catch(() => URL.revokeObjectURL(next))
    })
  }
  const enter = () => {
    inside = true
    el.classList.remove('echart-still')
  }
  const leave = () => {
    inside = false
    if (current) el.classList.add('echart-still')
    else snapshot()
  }
  c.on('finished', snapshot)
  el.addEventListener('pointerenter', enter)
  el.addEventListener('pointerleave', leave)
  return () => {
    take++
    clearTimeout(timer)
    c.off('finished', snapshot)
    el.removeEventListener('pointerenter', enter)
    el.removeEventListener('pointerleave', leave)
    img.remove()
    el.classList.remove('echart-still')
    if (url) URL.revokeObjectURL(url)
  }
}
