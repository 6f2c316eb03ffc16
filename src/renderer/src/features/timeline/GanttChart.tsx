// The Gantt chart of phases and workstreams over the plan's quarters (or months), with the
// dependencies drawn as arrows and violated ones in red.
import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import { workstreamEndMonth } from '@shared/planning/schedule'
import { monthsOfQuarter, parseQuarter } from '@shared/planning/quarters'
import { formatMonth, formatQuarter, locale } from '../../lib/format'
import { phaseLabel } from '../../lib/plan-labels'
import { ganttArrows, ganttRows, PRIORITY_COLOURS, ROW_H } from './gantt-rows'
import './strings'

export type Scale = 'quarters' | 'months'

export function GanttChart({
  data,
  scale,
  violated,
  violatingWs
}: {
  data: PlanData
  scale: Scale
  /** `workstreamId|dependsOnId` of each violated schedule dependency. */
  violated: ReadonlySet<string>
  violatingWs: ReadonlySet<string>
}) {
  const { t } = useTranslation('timeline')
  const chartRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const el = chartRef.current
    if (!el) return
    setWidth(el.clientWidth)
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const quarters = data.plan.quarters
  const first = parseQuarter(quarters[0])
  const last = parseQuarter(quarters[quarters.length - 1])
  const rangeStart = Date.UTC(first.year, (first.q - 1) * 3, 1)
  const rangeEnd = Date.UTC(last.year, last.q * 3, 1)
  const span = rangeEnd - rangeStart
  const pos = (ms: number) => Math.min(1, Math.max(0, (ms - rangeStart) / span))
  const months = quarters.flatMap((q) => monthsOfQuarter(q))
  const monthShort = new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' })

  const rows = ganttRows(data, (p) =>
    t('phaseBar', {
      name: phaseLabel(p),
      start: formatQuarter(p.startQuarter),
      end: formatQuarter(p.endQuarter)
    })
  )
  const arrows = ganttArrows(rows, width, pos, violated)
  const chartHeight = rows.length * ROW_H

  return (
    <section className="card gantt" aria-label={t('scale')}>
      <div className="gantt-head">
        <div className="gantt-label-col" />
        <div className="gantt-scale">
          <div className="gantt-quarters">
            {quarters.map((q) => (
              <div key={q} className="gantt-q">
                {formatQuarter(q)}
              </div>
            ))}
          </div>
          {scale === 'months' && (
            <div className="gantt-months">
              {months.map((m) => {
                const [y, mo] = m.split('-').map(Number)
                return (
                  <div key={m} className="gantt-m">
                    {monthShort.format(new Date(Date.UTC(y, mo - 1, 1))).replace('.', '')}
                  </div>
                )
              })}
            </div>
          )}
        </div>
      </div>
      <div className="gantt-body">
        <div className="gantt-label-col">
          {rows.map((r) =>
            r.kind === 'phase' ? (
              <div key={r.id} className="gantt-row-label phase-label" style={{ height: ROW_H }}>
                <span className={`badge badge-${r.priority.toLowerCase()}`}>{r.priority}</span>
                <span className="ellipsis">{r.label}</span>
              </div>
            ) : (
              <div
                key={r.id}
                className="gantt-row-label ws-label"
                style={{ height: ROW_H }}
                title={r.ws.title}
              >
                <span className="ws-key">{r.ws.key}</span>
                <span className="ws-title ellipsis">{r.ws.title}</span>
              </div>
            )
          )}
        </div>
        <div className="gantt-chart" ref={chartRef} style={{ height: chartHeight }}>
          <div className="gantt-grid" aria-hidden="true">
            {(scale === 'months' ? months : quarters).map((k, i) => (
              <div
                key={k}
                className={`gantt-gridcell ${scale === 'months' && i % 3 === 2 ? 'q-end' : ''} ${scale === 'quarters' ? 'q-end' : ''}`}
              />
            ))}
          </div>
          {rows.map((r, i) => {
            const left = pos(r.start) * 100
            const w = Math.max(0.6, (pos(r.end) - pos(r.start)) * 100)
            if (r.kind === 'phase') {
              return (
                <div
                  key={r.id}
                  role="img"
                  aria-label={r.aria}
                  className="gantt-bar phase-bar"
                  style={{
                    top: i * ROW_H + 7,
                    left: `${left}%`,
                    width: `${w}%`,
                    borderColor: PRIORITY_COLOURS[r.priority],
                    color: PRIORITY_COLOURS[r.priority]
                  }}
                >
                  <span className="ellipsis">{r.label}</span>
                </div>
              )
            }
            const bad = violatingWs.has(r.id)
            const endMonth = workstreamEndMonth(r.ws)
            return (
              <div
                key={r.id}
                role="img"
                aria-label={t('barLabel', {
                  name: r.ws.key,
                  start: formatMonth(r.ws.startMonth),
                  end: formatMonth(endMonth),
                  weeks: r.ws.durationWeeks
                })}
                className={`gantt-bar ws-bar ${bad ? 'violation' : ''}`}
                style={{ top: i * ROW_H + 6, left: `${left}%`, width: `${w}%`, background: r.colour }}
                data-testid={`bar-${r.ws.key}`}
              >
                {bad && (
                  <span className="violation-marker" aria-hidden="true">
                    !
                  </span>
                )}
                <span className="ellipsis">{t('weeksShort', { n: r.ws.durationWeeks })}</span>
              </div>
            )
          })}
          <svg className="gantt-arrows" width={width} height={chartHeight} aria-hidden="true">
            <defs>
              <ArrowMarker id="arrow-ok" fill="#5d6b7c" />
              <ArrowMarker id="arrow-bad" fill="#c62f2f" />
            </defs>
            {arrows.map((a) => (
              <path
                key={a.key}
                d={a.d}
                className={a.bad ? 'arrow bad' : 'arrow'}
                markerEnd={a.bad ? 'url(#arrow-bad)' : 'url(#arrow-ok)'}
              />
            ))}
          </svg>
        </div>
      </div>
      <div className="gantt-legend" aria-hidden="true">
        <span>
          <svg width="26" height="10">
            <path d="M 1 5 H 20" className="arrow" markerEnd="url(#arrow-ok)" />
          </svg>
          {t('legendDep')}
        </span>
        <span>
          <svg width="26" height="10">
            <path d="M 1 5 H 20" className="arrow bad" markerEnd="url(#arrow-bad)" />
          </svg>
          {t('legendViolation')}
        </span>
      </div>
    </section>
  )
}

function ArrowMarker({ id, fill }: { id: string; fill: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
      <path d="M 0 0 L 10 5 L 0 10 z" fill={fill} />
    </marker>
  )
}
