// Adding, editing, reordering and removing workstreams and phases by form (Timeline view).
import {
  addPhase,
  addWorkstream,
  editPhase,
  editWorkstream,
  removalImpact,
  removePhase,
  removeWorkstream,
  reorder,
  totalImpact,
  validatePhase,
  validateWorkstream
} from '@shared/planning/edit'
import { newId } from '@shared/planning/ids'
import type { Phase, PlanData, Priority, QuarterKey, Workstream } from '@shared/planning/types'
import { PRIORITIES } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  type Messages,
  text,
  lines,
  amountText,
  moneyField,
  readInt,
  readMoney,
  store,
  storeChecked,
  removeAfterQuestion,
  run,
  quarterOptions,
  phaseOptions,
  workstreamKeyOptions
} from '../../components/plan-form/kit'
import { actualBaseCents } from '@shared/actuals/currency'
import { openForm } from '../../components/FormDialog'
import { readActualsFor } from '../../db/actuals'
import { formatMoney } from '../../lib/format'
import { toast } from '../../components/Toaster'
import { msg } from '../../i18n/text'

export async function openWorkstreamForm(planId: string, data: PlanData, ws?: Workstream): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toast({ title: msg('forms:workstream.add'), description: msg('forms:workstream.needs'), kind: 'error' })
    return false
  }
  const q0 = data.plan.quarters[0]
  const firstMonth = q0
    ? `${q0.slice(0, 4)}-${String((Number(q0.slice(6)) - 1) * 3 + 1).padStart(2, '0')}`
    : ''
  return openForm({
    title: ws ? t('workstream.edit') : t('workstream.add'),
    submitLabel: ws ? t('role.save') : t('workstream.add'),
    testId: 'workstream-form',
    fields: [
      { name: 'title', label: t('workstream.title'), kind: 'text', maxLength: TEXT_MAX.name },
      {
        name: 'key',
        label: t('workstream.key'),
        kind: 'text',
        maxLength: TEXT_MAX.name,
        hint: t('workstream.keyHint')
      },
      { name: 'phaseId', label: t('workstream.phase'), kind: 'select', options: phases },
      { name: 'startMonth', label: t('workstream.start'), kind: 'text', hint: t('workstream.startHint') },
      { name: 'durationWeeks', label: t('workstream.duration'), kind: 'text', inputMode: 'numeric' },
      {
        name: 'dependsOn',
        label: t('workstream.dependsOn'),
        kind: 'checklist',
        options: workstreamKeyOptions(data, ws?.id)
      },
      { name: 'scope', label: t('workstream.scope'), kind: 'textarea', maxLength: TEXT_MAX.long },
      { name: 'businessValue', label: t('workstream.value'), kind: 'textarea', maxLength: TEXT_MAX.long },
      { name: 'criteria', label: t('workstream.criteria'), kind: 'textarea', maxLength: TEXT_MAX.long }
    ],
    initial: {
      title: ws?.title ?? '',
      key: ws?.key ?? '',
      phaseId: ws?.phaseId ?? phases[0].value,
      startMonth: ws?.startMonth ?? firstMonth,
      durationWeeks: String(ws?.durationWeeks ?? 8),
      dependsOn: ws?.dependsOn ?? [],
      scope: ws?.scope ?? '',
      businessValue: ws?.businessValue ?? '',
      criteria: (ws?.criteria ?? []).map((c) => c.text).join('\n')
    },
    submit: async (v) => {
      const errors: Messages = {}
      const weeks = readInt(errors, 'durationWeeks', text(v, 'durationWeeks'), 1, 520)
      if (weeks === undefined) return errors
      const oldCriteria = ws?.criteria ?? []
      const criteria = lines(text(v, 'criteria')).map(
        (line) => oldCriteria.find((c) => c.text === line) ?? { id: newId(), text: line, done: false }
      )
      const f = {
        title: text(v, 'title'),
        key: text(v, 'key'),
        phaseId: text(v, 'phaseId'),
        startMonth: text(v, 'startMonth').trim(),
        durationWeeks: weeks,
        dependsOn: (v.dependsOn as string[]) ?? [],
        scope: text(v, 'scope'),
        businessValue: text(v, 'businessValue'),
        criteria
      }
      const name = f.key.trim()
      return storeChecked(
        planId,
        ws ? 'edit' : 'create',
        { key: ws ? 'history.editWorkstream' : 'history.addWorkstream', values: { name } },
        (d) => validateWorkstream(d, f, ws?.id),
        (d) => (ws ? editWorkstream(d, ws.id, f) : addWorkstream(d, f))
      )
    }
  })
}

export async function removeWorkstreamWithQuestion(
  planId: string,
  data: PlanData,
  ws: Workstream
): Promise<boolean> {
  const t = tf()
  const impact = removalImpact(data, 'workstreams', ws.id)
  return removeAfterQuestion(
    planId,
    {
      title: t('workstream.removeTitle', { name: ws.key }),
      description:
        totalImpact(impact) > 0
          ? t('workstream.removeText', {
              allocations: impact.allocations,
              lines: impact.budgetLines,
              deliverables: impact.deliverables,
              dependents: impact.dependents,
              risks: impact.risks
            })
          : t('workstream.removePlain'),
      submitLabel: t('workstream.remove'),
      testId: 'remove-workstream'
    },
    { key: 'history.removeWorkstream', values: { name: ws.key } },
    (d) => removeWorkstream(d, ws.id)
  )
}

export function moveWorkstream(planId: string, ws: Workstream, by: number): Promise<void> {
  return run(planId, 'edit', { key: 'history.reorderWorkstream', values: { name: ws.key } }, (d) =>
    reorder(d, 'workstreams', ws.id, by)
  )
}

// ---------------------------------------------------------------------------------------
// Phases and their success metrics

export async function openPhaseForm(planId: string, data: PlanData, phase?: Phase): Promise<boolean> {
  const t = tf()
  const qs = quarterOptions(data)
  return openForm({
    title: phase ? t('phase.edit') : t('phase.add'),
    submitLabel: phase ? t('role.save') : t('phase.add'),
    testId: 'phase-form',
    fields: [
      { name: 'name', label: t('phase.name'), kind: 'text', maxLength: TEXT_MAX.name },
      {
        name: 'priority',
        label: t('phase.priority'),
        kind: 'select',
        options: PRIORITIES.map((p) => ({ value: p, label: p }))
      },
      { name: 'priorityLabel', label: t('phase.priorityLabel'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'startQuarter', label: t('phase.start'), kind: 'select', options: qs },
      { name: 'endQuarter', label: t('phase.end'), kind: 'select', options: qs },
      { name: 'cap', label: t('phase.cap'), kind: 'text', inputMode: 'decimal', number: moneyField() },
      { name: 'businessImpact', label: t('phase.impact'), kind: 'textarea', maxLength: TEXT_MAX.long }
    ],
    initial: {
      name: phase?.name ?? '',
      priority: phase?.priority ?? 'P2',
      priorityLabel: phase?.priorityLabel ?? '',
      startQuarter: phase?.startQuarter ?? data.plan.quarters[0],
      endQuarter: phase?.endQuarter ?? data.plan.quarters[0],
      cap: amountText(phase?.capCents ?? 0),
      businessImpact: phase?.businessImpact ?? ''
    },
    submit: async (v) => {
      const errors: Messages = {}
      const cap = readMoney(errors, 'cap', text(v, 'cap') || '0')
      if (cap === undefined) return errors
      const f = {
        name: text(v, 'name'),
        priority: text(v, 'priority') as Priority,
        priorityLabel: text(v, 'priorityLabel'),
        startQuarter: text(v, 'startQuarter') as QuarterKey,
        endQuarter: text(v, 'endQuarter') as QuarterKey,
        capCents: cap,
        businessImpact: text(v, 'businessImpact')
      }
      const name = f.name.trim()
      return storeChecked(
        planId,
        phase ? 'edit' : 'create',
        { key: phase ? 'history.editPhase' : 'history.addPhase', values: { name } },
        (d) => validatePhase(d, f, phase?.id),
        (d) => (phase ? editPhase(d, phase.id, f) : addPhase(d, f)),
        { capCents: 'cap' }
      )
    }
  })
}

export function movePhase(planId: string, phase: Phase, by: number): Promise<void> {
  return run(planId, 'edit', { key: 'history.reorderPhase', values: { name: phase.name } }, (d) =>
    reorder(d, 'phases', phase.id, by)
  )
}

export async function removePhaseWithQuestion(
  planId: string,
  data: PlanData,
  phase: Phase
): Promise<boolean> {
  const t = tf()
  const impact = removalImpact(data, 'phases', phase.id)
  const others = phaseOptions(data).filter((o) => o.value !== phase.id)
  const holds = impact.workstreams + impact.budgetLines > 0
  // Actual costs are never removed with a phase (db/actuals.ts keepActualsAttached): say where they go.
  const spent = (await readActualsFor(data)).filter((a) => a.phaseId === phase.id)
  const spentText = spent.length
    ? t('phase.removeActuals', {
        amount: formatMoney(spent.reduce((sum, a) => sum + actualBaseCents(a, data.plan.chfToEur), 0)),
        count: new Set(spent.map((a) => a.quarter)).size
      })
    : ''
  return openForm({
    title: t('phase.removeTitle', { name: phase.name }),
    description: [
      holds
        ? t('phase.removeText', {
            workstreams: impact.workstreams,
            allocations: impact.allocations,
            lines: impact.budgetLines
          })
        : t('phase.removePlain'),
      spentText
    ]
      .filter(Boolean)
      .join(' '),
    submitLabel: t('phase.remove'),
    testId: 'remove-phase',
    danger: true,
    fields: holds
      ? [
          {
            name: 'fate',
            label: t('phase.fate'),
            kind: 'select',
            options: [
              ...others.map((o) => ({ value: o.value, label: t('phase.moveTo', { name: o.label }) })),
              { value: '', label: t('phase.dropAll') }
            ]
          }
        ]
      : [],
    initial: { fate: others[0]?.value ?? '' },
    submit: async (v) => {
      const to = holds ? text(v, 'fate') : ''
      return store(planId, 'delete', { key: 'history.removePhase', values: { name: phase.name } }, (d) =>
        removePhase(d, phase.id, to ? { moveTo: to } : {})
      )
    }
  })
}
