// The schedule table: each workstream's start month and duration, edited in place, its
// dependencies (violated ones marked) and its row actions.
import { useTranslation } from 'react-i18next'
import type { PlanData, Workstream } from '@shared/planning/types'
import { workstreamEndMonth } from '@shared/planning/schedule'
import { setWorkstreamSchedule } from '@shared/planning/moves'
import { parseDurationWeeks } from '@shared/planning/validate'
import { WorkstreamRowHeader } from '../../components/WorkstreamRowHeader'
import { InlineEdit, commitEdit } from '../../components/InlineEdit'
import { RowActions } from '../../components/plan-form/RowActions'
import { formatMonth } from '../../lib/format'
import { workstreamName } from '../../lib/history-summaries'
import { phaseLabel, sortedWorkstreams } from '../../lib/plan-labels'
import { parseMonthInput } from './parse-month'
import { moveWorkstream, openWorkstreamForm, removeWorkstreamWithQuestion } from './timeline-forms'
import './strings'

export function ScheduleTable({
  planId,
  data,
  violated,
  name
}: {
  planId: string
  data: PlanData
  /** `workstreamId|dependsOnId` of each violated schedule dependency. */
  violated: ReadonlySet<string>
  name: (id: string) => string
}) {
  const { t } = useTranslation('timeline')
  const { t: tf } = useTranslation('forms')
  const saveSchedule = (ws: Workstream, startMonth: string, weeks: number) =>
    commitEdit(
      planId,
      { key: 'history.schedule', values: { workstream: workstreamName(ws), month: startMonth, weeks } },
      (d) => setWorkstreamSchedule(d, ws.id, startMonth, weeks)
    )
  return (
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
                <WorkstreamRowHeader ws={ws} />
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
                          <span key={d} className={`dep-chip ${violated.has(`${ws.id}|${d}`) ? 'bad' : ''}`}>
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
                <RowActions
                  name={ws.key}
                  move={{ index, count: all.length, onMove: (by) => moveWorkstream(planId, ws, by) }}
                  onEdit={() => void openWorkstreamForm(planId, data, ws)}
                  onRemove={() => void removeWorkstreamWithQuestion(planId, data, ws)}
                />
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}
