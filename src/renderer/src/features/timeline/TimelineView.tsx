import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dependencyViolations } from '@shared/planning/schedule'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { openPhaseForm, openWorkstreamForm } from './timeline-forms'
import { GanttChart, type Scale } from './GanttChart'
import { ViolationList } from './ViolationList'
import { ScheduleTable } from './ScheduleTable'
import { PhaseTable } from './PhaseTable'
import './strings'
import './timeline.css'

export function TimelineView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('timeline')
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  const [scale, setScale] = useState<Scale>('quarters')
  const violations = useMemo(() => (data ? dependencyViolations(data) : []), [data])

  if (!data) return <ViewHeader view="timeline" />
  if (data.plan.quarters.length === 0) {
    return (
      <div className="timeline-view">
        <ViewHeader view="timeline" />
        <p className="muted">{t('noQuarters')}</p>
      </div>
    )
  }
  const wsById = new Map(data.workstreams.map((w) => [w.id, w]))
  const name = (id: string) => wsById.get(id)?.key ?? id
  const violated = new Set(
    violations.filter((v) => v.kind === 'schedule').map((v) => `${v.workstreamId}|${v.dependsOnId}`)
  )
  const violatingWs = new Set(violations.map((v) => v.workstreamId))

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
      <GanttChart data={data} scale={scale} violated={violated} violatingWs={violatingWs} />
      <ViolationList violations={violations} name={name} />
      <ScheduleTable planId={planId} data={data} violated={violated} name={name} />
      <PhaseTable planId={planId} data={data} />
    </div>
  )
}
