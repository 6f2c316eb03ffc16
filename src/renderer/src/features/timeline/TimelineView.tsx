import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Workstream } from '@shared/planning/types'
import {
  dependencyViolations,
  workstreamEndDate,
  workstreamEndMonth,
  workstreamStartDate,
  type DependencyViolation
} from '@shared/planning/schedule'
import { monthsOfQuarter, parseQuarter } from '@shared/planning/quarters'
import { parseDurationWeeks } from '@shared/planning/validate'
import { parseMonthInput } from './parse-month'
import { setWorkstreamSchedule } from '@shared/planning/moves'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { InlineEdit, commitEdit } from '../../components/InlineEdit'
import { usePlanData } from '../../db/plan-data'
import { registerStrings } from '../../i18n'
import { formatMoney, formatMonth, formatQuarter, locale } from '../../lib/format'
import {
  moveWorkstream,
  openPhaseForm,
  openWorkstreamForm,
  removePhaseWithQuestion,
  removeWorkstreamWithQuestion
} from './timeline-forms'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import './timeline.css'

registerStrings('timeline', {
  en: {
    scale: 'Time scale',
    quarters: 'Quarters',
    months: 'Months',
    weeksShort: '{{n}} wk',
    barLabel: '{{name}}: {{start}} to {{end}}, {{weeks}} weeks',
    phaseBar: '{{name}}: {{start}} to {{end}}',
    violations: 'Dependency problems',
    noViolations: 'Every workstream starts after the workstreams it depends on have finished.',
    startsBefore: '{{ws}} starts before {{dep}} has finished',
    startsBeforeDetail: 'starts {{start}}, {{dep}} runs until {{end}}',
    missing: '{{ws}} depends on a workstream that is not in the plan',
    workBefore: '{{ws}} has work in {{quarter}} before {{dep}} has finished',
    workBeforeDetail: '{{dep}} has work until {{end}}',
    phases: 'Phases',
    schedule: 'Schedules',
    scheduleHint: 'Start month and duration of each workstream; edit them in place.',
    workstream: 'Workstream',
    phase: 'Phase',
    start: 'Start month',
    duration: 'Duration (weeks)',
    end: 'Last month',
    dependsOn: 'Depends on',
    external: 'External dependencies',
    startLabel: '{{ws}}, start month',
    durationLabel: '{{ws}}, duration in weeks',
    monthFormat: 'Enter a month as 2026-05 or 05/2026.',
    durationRange: 'Enter whole weeks from 1 to 104.',
    weeks: '{{n}} weeks',
    none: '—',
    legendDep: 'Dependency',
    legendViolation: 'Dependency violated',
    noQuarters: 'This plan has no quarters yet, so there is no time axis to draw.'
  },
  de: {
    scale: 'Zeitachse',
    quarters: 'Quartale',
    months: 'Monate',
    weeksShort: '{{n}} Wo.',
    barLabel: '{{name}}: {{start}} bis {{end}}, {{weeks}} Wochen',
    phaseBar: '{{name}}: {{start}} bis {{end}}',
    violations: 'Abhängigkeitsprobleme',
    noViolations:
      'Jedes Arbeitspaket beginnt erst, wenn die Pakete, von denen es abhängt, abgeschlossen sind.',
    startsBefore: '{{ws}} beginnt, bevor {{dep}} abgeschlossen ist',
    startsBeforeDetail: 'Beginn {{start}}, {{dep}} läuft bis {{end}}',
    missing: '{{ws}} hängt von einem Arbeitspaket ab, das nicht im Plan ist',
    workBefore: '{{ws}} hat Arbeit in {{quarter}}, bevor {{dep}} abgeschlossen ist',
    workBeforeDetail: '{{dep}} hat Arbeit bis {{end}}',
    phases: 'Phasen',
    schedule: 'Zeitpläne',
    scheduleHint: 'Startmonat und Dauer jedes Arbeitspakets; direkt bearbeitbar.',
    workstream: 'Arbeitspaket',
    phase: 'Phase',
    start: 'Startmonat',
    duration: 'Dauer (Wochen)',
    end: 'Letzter Monat',
    dependsOn: 'Hängt ab von',
    external: 'Externe Abhängigkeiten',
    startLabel: '{{ws}}, Startmonat',
    durationLabel: '{{ws}}, Dauer in Wochen',
    monthFormat: 'Monat als 2026-05 oder 05/2026 eingeben.',
    durationRange: 'Ganze Wochen von 1 bis 104 eingeben.',
    weeks: '{{n}} Wochen',
    none: '—',
    legendDep: 'Abhängigkeit',
    legendViolation: 'Abhängigkeit verletzt',
    noQuarters: 'Dieser Plan hat noch keine Quartale, daher gibt es keine Zeitachse.'
  }
})

const ROW_H = 34
const PRIORITY_COLOURS: Record<string, string> = {
  P0: '#c62f2f',
  P1: '#a85800',
  P2: '#2457c5',
  P3: '#7a4cc2',
  P4: '#17756a'
}

type Row =
  | { kind: 'phase'; id: string; label: string; priority: string; start: number; end: number; aria: string }
  | { kind: 'ws'; id: string; ws: Workstream; start: number; end: number; colour: string }

export function TimelineView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('timeline')
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  const [scale, setScale] = useState<'quarters' | 'months'>('quarters')
  const chartRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)

  const hasData = data !== undefined
  useLayoutEffect(() => {
    const el = chartRef.current
    if (!el) return
    setWidth(el.clientWidth)
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [hasData])

  const violations = useMemo(() => (data ? dependencyViolations(data) : []), [data])

  if (!data) return <ViewHeader view="timeline" />
  const quarters = data.plan.quarters
  if (quarters.length === 0) {
    return (
      <div className="timeline-view">
        <ViewHeader view="timeline" />
        <p className="muted">{t('noQuarters')}</p>
      </div>
    )
  }
  const first = parseQuarter(quarters[0])
  const last = parseQuarter(quarters[quarters.length - 1])
  const rangeStart = Date.UTC(first.year, (first.q - 1) * 3, 1)
  const rangeEnd = Date.UTC(last.year, last.q * 3, 1)
  const span = rangeEnd - rangeStart
  const pos = (ms: number) => Math.min(1, Math.max(0, (ms - rangeStart) / span))
  const months = quarters.flatMap((q) => monthsOfQuarter(q))
  const monthShort = new Intl.DateTimeFormat(locale(), { month: 'short', timeZone: 'UTC' })
  const wsById = new Map(data.workstreams.map((w) => [w.id, w]))
  const name = (id: string) => wsById.get(id)?.key ?? id

  const rows: Row[] = []
  for (const p of sortedPhases(data)) {
    const ps = parseQuarter(p.startQuarter)
    const pe = parseQuarter(p.endQuarter)
    const start = Date.UTC(ps.year, (ps.q - 1) * 3, 1)
    const end = Date.UTC(pe.year, pe.q * 3, 1)
    rows.push({
      kind: 'phase',
      id: p.id,
      label: phaseLabel(p),
      priority: p.priority,
      start,
      end,
      aria: t('phaseBar', {
        name: phaseLabel(p),
        start: formatQuarter(p.startQuarter),
        end: formatQuarter(p.endQuarter)
      })
    })
    for (const ws of sortedWorkstreams(data).filter((w) => w.phaseId === p.id)) {
      rows.push({
        kind: 'ws',
        id: ws.id,
        ws,
        start: workstreamStartDate(ws).getTime(),
        end: workstreamEndDate(ws).getTime(),
        colour: PRIORITY_COLOURS[p.priority] ?? '#2457c5'
      })
    }
  }
  // Workstreams of a phase that no longer exists still belong on the chart.
  for (const ws of sortedWorkstreams(data).filter((w) => !data.phases.some((p) => p.id === w.phaseId))) {
    rows.push({
      kind: 'ws',
      id: ws.id,
      ws,
      start: workstreamStartDate(ws).getTime(),
      end: workstreamEndDate(ws).getTime(),
      colour: '#5d6b7c'
    })
  }
  const rowIndex = new Map(rows.map((r, i) => [r.id, i]))
  const violated = new Set(
    violations.filter((v) => v.kind === 'schedule').map((v) => `${v.workstreamId}|${v.dependsOnId}`)
  )
  const violatingWs = new Set(violations.map((v) => v.workstreamId))

  const arrows: { d: string; bad: boolean; key: string }[] = []
  if (width > 0) {
    for (const r of rows) {
      if (r.kind !== 'ws') continue
      for (const depId of r.ws.dependsOn) {
        const di = rowIndex.get(depId)
        const dep = di !== undefined ? rows[di] : undefined
        if (!dep || dep.kind !== 'ws') continue
        const x1 = pos(dep.end) * width
        const y1 = di! * ROW_H + ROW_H / 2
        const x2 = pos(r.start) * width
        const y2 = rowIndex.get(r.id)! * ROW_H + ROW_H / 2
        const bend = Math.max(24, Math.abs(x2 - x1) / 2)
        arrows.push({
          key: `${r.id}|${depId}`,
          bad: violated.has(`${r.id}|${depId}`),
          d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2 - 1} ${y2}`
        })
      }
    }
  }

  const describe = (v: DependencyViolation) => {
    if (v.kind === 'schedule') {
      if (v.reason === 'missing-dependency')
        return { text: t('missing', { ws: name(v.workstreamId) }), detail: '' }
      return {
        text: t('startsBefore', { ws: name(v.workstreamId), dep: name(v.dependsOnId) }),
        detail: t('startsBeforeDetail', {
          start: formatMonth(v.startMonth),
          dep: name(v.dependsOnId),
          end: v.dependencyEndMonth ? formatMonth(v.dependencyEndMonth) : ''
        })
      }
    }
    return {
      text: t('workBefore', {
        ws: name(v.workstreamId),
        dep: name(v.dependsOnId),
        quarter: formatQuarter(v.quarter)
      }),
      detail: t('workBeforeDetail', { dep: name(v.dependsOnId), end: formatQuarter(v.dependencyEndQuarter) })
    }
  }
  // One line per problem: allocation problems of the same pair and quarter collapse.
  const problems = [...new Map(violations.map((v) => [JSON.stringify(describe(v)), describe(v)])).values()]

  const saveSchedule = (ws: Workstream, startMonth: string, weeks: number) =>
    commitEdit(
      planId,
      { key: 'history.schedule', values: { workstream: ws.key, month: startMonth, weeks } },
      (d) => setWorkstreamSchedule(d, ws.id, startMonth, weeks)
    )

  const chartHeight = rows.length * ROW_H
  const toggle = (
    <div className="segmented" role="group" aria-label={t('scale')}>
      {(['quarters', 'months'] as const).map((s) => (
        <button
          key={s}
          type="button"
          className={`btn btn-small ${scale === s ? 'active' : ''}`}
          aria-pressed={scale === s}
          onClick={() => setScale(s)}
        >
          {t(s)}
        </button>
      ))}
    </div>
  )

  return (
    <div className="timeline-view" data-lang={i18n.language}>
      <ViewHeader
        view="timeline"
        actions={
          <>
            {toggle}
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void openWorkstreamForm(planId, data)}
            >
              {tf('workstream.add')}
            </button>
            <button type="button" className="btn" onClick={() => void openPhaseForm(planId, data)}>
              {tf('phase.add')}
            </button>
          </>
        }
      />
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
                <marker
                  id="arrow-ok"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto"
                >
                  <path d="M 0 0 L 10 5 L 0 10 z" fill="#5d6b7c" />
                </marker>
                <marker
                  id="arrow-bad"
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto"
                >
                  <path d="M 0 0 L 10 5 L 0 10 z" fill="#c62f2f" />
                </marker>
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

      <section
        className={`card violations ${problems.length ? 'has-problems' : ''}`}
        aria-label={t('violations')}
        data-testid="violations"
      >
        <h2>{t('violations')}</h2>
        {problems.length === 0 ? (
          <p className="ok-text">{t('noViolations')}</p>
        ) : (
          <ul>
            {problems.map((p) => (
              <li key={p.text + p.detail}>
                <span className="violation-dot" aria-hidden="true" />
                <strong>{p.text}</strong>
                {p.detail && <span className="muted"> ({p.detail})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>{t('schedule')}</h2>
        <p className="muted small">{t('scheduleHint')}</p>
        <table className="data schedule-table">
          <thead>
            <tr>
              <th scope="col">{t('workstream')}</th>
              <th scope="col">{t('phase')}</th>
              <th scope="col">{t('start')}</th>
              <th scope="col" className="num">
                {t('duration')}
              </th>
              <th scope="col">{t('end')}</th>
              <th scope="col">{t('dependsOn')}</th>
              <th scope="col">
                <span className="sr-only">{tf('editNamed', { name: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortedWorkstreams(data).map((ws, index, all) => {
              const phase = data.phases.find((p) => p.id === ws.phaseId)
              return (
                <tr key={ws.id}>
                  <th scope="row">
                    <div className="ws-key">{ws.key}</div>
                    <div className="muted ws-sub">{ws.title}</div>
                  </th>
                  <td>{phase ? phaseLabel(phase) : t('none')}</td>
                  <td>
                    <InlineEdit
                      label={t('startLabel', { ws: ws.key })}
                      display={formatMonth(ws.startMonth)}
                      valueText={formatMonth(ws.startMonth)}
                      initial={ws.startMonth}
                      parse={parseMonthInput}
                      errorText={() => t('monthFormat')}
                      onSave={(month) => saveSchedule(ws, month, ws.durationWeeks)}
                      align="left"
                      size={8}
                    />
                  </td>
                  <td className="num">
                    <InlineEdit
                      label={t('durationLabel', { ws: ws.key })}
                      display={t('weeks', { n: ws.durationWeeks })}
                      valueText={t('weeks', { n: ws.durationWeeks })}
                      initial={String(ws.durationWeeks)}
                      parse={parseDurationWeeks}
                      errorText={() => t('durationRange')}
                      onSave={(weeks) => saveSchedule(ws, ws.startMonth, weeks)}
                      size={4}
                    />
                  </td>
                  <td>{formatMonth(workstreamEndMonth(ws))}</td>
                  <td className="deps-cell">
                    {ws.dependsOn.length === 0 ? (
                      <span className="muted">{ws.externalDependencies || t('none')}</span>
                    ) : (
                      <>
                        <div>
                          {ws.dependsOn.map((d) => (
                            <span
                              key={d}
                              className={`dep-chip ${violated.has(`${ws.id}|${d}`) ? 'bad' : ''}`}
                            >
                              {name(d)}
                            </span>
                          ))}
                        </div>
                        {ws.externalDependencies && (
                          <div className="muted ws-sub">{ws.externalDependencies}</div>
                        )}
                      </>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('moveUp', { name: ws.key })}
                      disabled={index === 0}
                      onClick={() => void moveWorkstream(planId, ws, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('moveDown', { name: ws.key })}
                      disabled={index === all.length - 1}
                      onClick={() => void moveWorkstream(planId, ws, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('editNamed', { name: ws.key })}
                      onClick={() => void openWorkstreamForm(planId, data, ws)}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('removeNamed', { name: ws.key })}
                      onClick={() => void removeWorkstreamWithQuestion(planId, data, ws)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-label={tf('phase.add')}>
        <h2>{t('phases')}</h2>
        <table className="data schedule-table">
          <tbody>
            {sortedPhases(data).map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <span className={`badge badge-${p.priority.toLowerCase()}`}>{p.priority}</span>{' '}
                  {phaseLabel(p)}
                </th>
                <td>
                  {formatQuarter(p.startQuarter)} – {formatQuarter(p.endQuarter)}
                </td>
                <td className="num">{formatMoney(p.capCents, 'EUR', { whole: true })}</td>
                <td className="muted small">{p.businessImpact}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={tf('editNamed', { name: phaseLabel(p) })}
                    onClick={() => void openPhaseForm(planId, data, p)}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={tf('removeNamed', { name: phaseLabel(p) })}
                    onClick={() => void removePhaseWithQuestion(planId, data, p)}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
