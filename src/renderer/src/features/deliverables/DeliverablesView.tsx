import { useTranslation } from 'react-i18next'
import { msg } from '../../i18n/text'
import type { MetricStatus } from '@shared/planning/types'
import { setMetricStatus, toggleCriterion, toggleDeliverable } from '@shared/planning/moves'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import {
  moveDeliverable,
  openDeliverableForm,
  openMetricForm,
  removeDeliverableNow,
  removeMetricNow
} from './deliverable-forms'
import { commitToggle } from '../../components/InlineEdit'
import { RowActions } from '../../components/plan-form/RowActions'
import { usePlanData } from '../../db/plan-data'
import { formatQuarter, formatShare } from '../../lib/format'
import { workstreamName } from '../../lib/history-summaries'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import './deliverables.css'
import './strings'

const STATUSES: MetricStatus[] = ['open', 'met', 'missed']

export function DeliverablesView({ planId }: ViewProps) {
  const { t } = useTranslation('deliverables')
  const tp = useTranslation('plan').t
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  if (!data) return <ViewHeader view="deliverables" />
  const quarters = [...new Set([...data.plan.quarters, ...data.deliverables.map((d) => d.quarter)])].sort()
  const wsById = new Map(data.workstreams.map((w) => [w.id, w]))
  const fail = msg('deliverables:saveFailed')

  return (
    <div className="deliv-view">
      <ViewHeader
        view="deliverables"
        actions={
          <>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void openDeliverableForm(planId, data)}
            >
              {tf('deliverable.add')}
            </button>
            <button type="button" className="btn" onClick={() => void openMetricForm(planId, data)}>
              {tf('metric.add')}
            </button>
          </>
        }
      />
      <section aria-label={t('deliverables')}>
        <h2 className="deliv-title">{t('deliverables')}</h2>
        <div className="deliv-quarters">
          {quarters.map((q) => {
            const items = data.deliverables.filter((d) => d.quarter === q).sort((a, b) => a.order - b.order)
            const done = items.filter((d) => d.done).length
            const ratio = items.length ? done / items.length : 0
            return (
              <article key={q} className="card deliv-quarter" aria-labelledby={`dq-${q}`}>
                <header>
                  <h3 id={`dq-${q}`}>{formatQuarter(q)}</h3>
                  <span className={`badge ${done === items.length && items.length ? 'badge-ok' : ''}`}>
                    {t('doneOf', { done, total: items.length })}
                  </span>
                </header>
                <div
                  className="progress"
                  role="progressbar"
                  aria-label={t('progress', { quarter: formatQuarter(q) })}
                  aria-valuemin={0}
                  aria-valuemax={items.length}
                  aria-valuenow={done}
                  aria-valuetext={formatShare(Math.round(ratio * 10_000))}
                >
                  <div style={{ width: `${ratio * 100}%`, background: 'var(--ok)' }} />
                </div>
                {items.length === 0 ? (
                  <p className="muted small">{t('none')}</p>
                ) : (
                  <ul className="check-list">
                    {items.map((d, index) => {
                      const ws = d.workstreamId ? wsById.get(d.workstreamId) : undefined
                      return (
                        <li key={d.id} className={d.done ? 'done' : ''}>
                          <label>
                            <input
                              type="checkbox"
                              checked={d.done}
                              onChange={(e) =>
                                commitToggle(
                                  planId,
                                  data,
                                  {
                                    key: e.target.checked
                                      ? 'history.deliverableDone'
                                      : 'history.deliverableOpen',
                                    values: { title: d.title }
                                  },
                                  (pd) => toggleDeliverable(pd, d.id, e.target.checked),
                                  fail
                                )
                              }
                            />
                            <span className="check-text">
                              {d.title}
                              {ws && <span className="ws-tag">{ws.key}</span>}
                            </span>
                          </label>
                          <RowActions
                            as="span"
                            name={d.title}
                            move={{
                              index,
                              count: items.length,
                              onMove: (by) => moveDeliverable(planId, d, by)
                            }}
                            onEdit={() => void openDeliverableForm(planId, data, d)}
                            onRemove={() => void removeDeliverableNow(planId, d)}
                          />
                        </li>
                      )
                    })}
                  </ul>
                )}
              </article>
            )
          })}
        </div>
      </section>

      <section aria-label={t('metrics')}>
        <h2 className="deliv-title">{t('metrics')}</h2>
        <p className="muted small">{t('metricsHint')}</p>
        <div className="metric-grid">
          {sortedPhases(data).map((p) => {
            const count = (s: MetricStatus) => p.metrics.filter((m) => m.status === s).length
            return (
              <article key={p.id} className="card metric-card" aria-labelledby={`mp-${p.id}`}>
                <header>
                  <span className={`badge badge-${p.priority.toLowerCase()}`}>{p.priority}</span>
                  <h3 id={`mp-${p.id}`}>{phaseLabel(p)}</h3>
                  <span className="muted small push">
                    {t('summary', { met: count('met'), missed: count('missed'), open: count('open') })}
                  </span>
                </header>
                <ul className="metric-list">
                  {p.metrics.map((m) => (
                    <li key={m.id} className={`metric-${m.status}`}>
                      <div className="metric-text">
                        <span>{m.text}</span>
                        {m.target && (
                          <span className="muted small">
                            {t('target')}: {m.target}
                          </span>
                        )}
                      </div>
                      <select
                        className={`text status-select status-${m.status}`}
                        aria-label={t('status', { text: m.text })}
                        value={m.status}
                        onChange={(e) => {
                          const status = e.target.value as MetricStatus
                          commitToggle(
                            planId,
                            data,
                            { key: 'history.metricStatus', values: { text: m.text, status } },
                            (pd) => setMetricStatus(pd, p.id, m.id, status),
                            fail
                          )
                        }}
                      >
                        {STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {tp(`status.${s}`)}
                          </option>
                        ))}
                      </select>
                      <RowActions
                        as="span"
                        name={m.text}
                        onEdit={() => void openMetricForm(planId, data, p.id, m)}
                        onRemove={() => void removeMetricNow(planId, p.id, m)}
                      />
                    </li>
                  ))}
                </ul>
              </article>
            )
          })}
        </div>
      </section>

      <section aria-label={t('criteria')}>
        <h2 className="deliv-title">{t('criteria')}</h2>
        <p className="muted small">{t('criteriaHint')}</p>
        <div className="criteria-grid">
          {sortedWorkstreams(data).map((ws) => {
            const done = ws.criteria.filter((c) => c.done).length
            return (
              <article key={ws.id} className="card criteria-card" aria-labelledby={`cw-${ws.id}`}>
                <header>
                  <h3 id={`cw-${ws.id}`} className="ws-key">
                    {ws.key}
                  </h3>
                  <span className={`badge ${done === ws.criteria.length && done > 0 ? 'badge-ok' : ''}`}>
                    {t('doneOf', { done, total: ws.criteria.length })}
                  </span>
                </header>
                <div className="muted small ws-title">{ws.title}</div>
                <ul className="check-list">
                  {ws.criteria.map((c) => (
                    <li key={c.id} className={c.done ? 'done' : ''}>
                      <label>
                        <input
                          type="checkbox"
                          checked={c.done}
                          onChange={(e) =>
                            commitToggle(
                              planId,
                              data,
                              {
                                key: e.target.checked ? 'history.criterionDone' : 'history.criterionOpen',
                                values: { text: c.text, workstream: workstreamName(ws) }
                              },
                              (pd) => toggleCriterion(pd, ws.id, c.id, e.target.checked),
                              fail
                            )
                          }
                        />
                        <span className="check-text">{c.text}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </article>
            )
          })}
        </div>
      </section>
    </div>
  )
}
