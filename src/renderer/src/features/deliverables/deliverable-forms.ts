// Adding, editing, reordering and removing deliverables and phases' success metrics by form (Deliverables view).
import {
  addDeliverable,
  addMetric,
  editDeliverable,
  editMetric,
  removeDeliverable,
  removeMetric,
  reorder,
  validateDeliverable,
  validateMetric
} from '@shared/planning/edit'
import type { Deliverable, PlanData, QuarterKey, SuccessMetric } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  messages,
  text,
  store,
  storeChecked,
  run,
  quarterOptions,
  phaseOptions,
  workstreamOptions
} from '../../components/plan-form/kit'
import { openForm } from '../../components/FormDialog'
import { toast } from '../../components/Toaster'
import { msg } from '../../i18n/text'

export async function openMetricForm(
  planId: string,
  data: PlanData,
  phaseId?: string,
  metric?: SuccessMetric
): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toast({ title: msg('forms:metric.add'), description: msg('forms:line.needs'), kind: 'error' })
    return false
  }
  return openForm({
    title: metric ? t('metric.edit') : t('metric.add'),
    submitLabel: metric ? t('role.save') : t('metric.add'),
    testId: 'metric-form',
    fields: [
      ...(metric
        ? []
        : [{ name: 'phaseId', label: t('metric.phase'), kind: 'select' as const, options: phases }]),
      { name: 'text', label: t('metric.text'), kind: 'text', maxLength: TEXT_MAX.long },
      { name: 'target', label: t('metric.target'), kind: 'text', maxLength: TEXT_MAX.name }
    ],
    initial: { phaseId: phaseId ?? phases[0].value, text: metric?.text ?? '', target: metric?.target ?? '' },
    submit: async (v) => {
      const f = { text: text(v, 'text'), target: text(v, 'target') }
      const refused = messages(validateMetric(f))
      if (Object.keys(refused).length) return refused
      const pid = metric ? phaseId! : text(v, 'phaseId')
      return store(
        planId,
        metric ? 'edit' : 'create',
        { key: metric ? 'history.editMetric' : 'history.addMetric', values: { name: f.text.trim() } },
        (d) => (metric ? editMetric(d, pid, metric.id, f) : addMetric(d, pid, f))
      )
    }
  })
}

export function removeMetricNow(planId: string, phaseId: string, metric: SuccessMetric): Promise<void> {
  return run(planId, 'delete', { key: 'history.removeMetric', values: { name: metric.text } }, (d) =>
    removeMetric(d, phaseId, metric.id)
  )
}

export async function openDeliverableForm(
  planId: string,
  data: PlanData,
  deliverable?: Deliverable,
  quarter?: QuarterKey
): Promise<boolean> {
  const t = tf()
  return openForm({
    title: deliverable ? t('deliverable.edit') : t('deliverable.add'),
    submitLabel: deliverable ? t('role.save') : t('deliverable.add'),
    testId: 'deliverable-form',
    fields: [
      { name: 'title', label: t('deliverable.title'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'quarter', label: t('deliverable.quarter'), kind: 'select', options: quarterOptions(data) },
      {
        name: 'workstreamId',
        label: t('deliverable.workstream'),
        kind: 'select',
        options: [{ value: '', label: t('deliverable.none') }, ...workstreamOptions(data)]
      }
    ],
    initial: {
      title: deliverable?.title ?? '',
      quarter: deliverable?.quarter ?? quarter ?? data.plan.quarters[0],
      workstreamId: deliverable?.workstreamId ?? ''
    },
    submit: async (v) => {
      const f = {
        title: text(v, 'title'),
        quarter: text(v, 'quarter') as QuarterKey,
        workstreamId: text(v, 'workstreamId') || null
      }
      return storeChecked(
        planId,
        deliverable ? 'edit' : 'create',
        {
          key: deliverable ? 'history.editDeliverable' : 'history.addDeliverable',
          values: { name: f.title.trim() }
        },
        (d) => validateDeliverable(d, f),
        (d) => (deliverable ? editDeliverable(d, deliverable.id, f) : addDeliverable(d, f))
      )
    }
  })
}

export function removeDeliverableNow(planId: string, deliverable: Deliverable): Promise<void> {
  return run(
    planId,
    'delete',
    { key: 'history.removeDeliverable', values: { name: deliverable.title } },
    (d) => removeDeliverable(d, deliverable.id)
  )
}

/** Moves a deliverable up or down among the deliverables of its quarter. */
export function moveDeliverable(planId: string, deliverable: Deliverable, by: number): Promise<void> {
  return run(
    planId,
    'edit',
    { key: 'history.reorderDeliverable', values: { name: deliverable.title } },
    (d) => reorder(d, 'deliverables', deliverable.id, by)
  )
}
