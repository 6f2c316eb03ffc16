// Adding, editing, reordering and removing risks by form (Risks view).
import { addRisk, editRisk, removeRisk, reorder, validateRisk } from '@shared/planning/edit'
import type { ImpactLevel, PlanData, Risk } from '@shared/planning/types'
import { IMPACT_LEVELS } from '@shared/planning/types'
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
  storeChecked,
  removeAfterQuestion,
  phaseOptions,
  workstreamKeyOptions,
  run
} from '../../components/plan-form/kit'
import { openForm } from '../../components/FormDialog'

export async function openRiskForm(planId: string, data: PlanData, risk?: Risk): Promise<boolean> {
  const t = tf()
  return openForm({
    title: risk ? t('risk.edit') : t('risk.add'),
    submitLabel: risk ? t('role.save') : t('risk.add'),
    testId: 'risk-form',
    fields: [
      { name: 'title', label: t('risk.title'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'probability', label: t('risk.probability'), kind: 'text', inputMode: 'numeric' },
      {
        name: 'impactLevel',
        label: t('risk.level'),
        kind: 'select',
        options: IMPACT_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))
      },
      { name: 'impactText', label: t('risk.impactText'), kind: 'text', maxLength: TEXT_MAX.long },
      { name: 'cost', label: t('risk.cost'), kind: 'text', inputMode: 'decimal', number: moneyField() },
      { name: 'estimate', label: t('risk.estimate'), kind: 'checkbox' },
      { name: 'mitigations', label: t('risk.mitigations'), kind: 'textarea', maxLength: TEXT_MAX.long },
      { name: 'phaseIds', label: t('risk.phases'), kind: 'checklist', options: phaseOptions(data) },
      {
        name: 'workstreamIds',
        label: t('risk.workstreams'),
        kind: 'checklist',
        options: workstreamKeyOptions(data)
      }
    ],
    initial: {
      title: risk?.title ?? '',
      probability: String(risk?.probabilityPct ?? 50),
      impactLevel: risk?.impactLevel ?? 'medium',
      impactText: risk?.impactText ?? '',
      cost: amountText(risk?.impactCents ?? 0),
      estimate: risk ? risk.impactEstimate === true : true,
      mitigations: (risk?.mitigations ?? []).join('\n'),
      phaseIds: risk?.phaseIds ?? [],
      workstreamIds: risk?.workstreamIds ?? []
    },
    submit: async (v) => {
      const errors: Messages = {}
      const p = readInt(errors, 'probability', text(v, 'probability'), 0, 100)
      const cost = readMoney(errors, 'cost', text(v, 'cost') || '0')
      if (p === undefined || cost === undefined) return errors
      const f = {
        title: text(v, 'title'),
        probabilityPct: p,
        impactLevel: text(v, 'impactLevel') as ImpactLevel,
        impactText: text(v, 'impactText'),
        impactCents: cost,
        impactEstimate: v.estimate === true,
        mitigations: lines(text(v, 'mitigations')),
        phaseIds: (v.phaseIds as string[]) ?? [],
        workstreamIds: (v.workstreamIds as string[]) ?? []
      }
      const name = f.title.trim()
      return storeChecked(
        planId,
        risk ? 'edit' : 'create',
        { key: risk ? 'history.editRisk' : 'history.addRisk', values: { name } },
        (d) => validateRisk(d, f),
        (d) => (risk ? editRisk(d, risk.id, f) : addRisk(d, f)),
        { probabilityPct: 'probability', impactCents: 'cost' }
      )
    }
  })
}

export async function removeRiskWithQuestion(planId: string, risk: Risk): Promise<boolean> {
  const t = tf()
  return removeAfterQuestion(
    planId,
    {
      title: t('risk.removeTitle', { name: risk.title }),
      description: t('risk.removeText'),
      submitLabel: t('risk.remove'),
      testId: 'remove-risk'
    },
    { key: 'history.removeRisk', values: { name: risk.title } },
    (d) => removeRisk(d, risk.id)
  )
}

/** Moves a risk `by` places in the plan's list; `place` of `count` is where it lands (1-based). */
export function moveRisk(
  planId: string,
  risk: Risk,
  by: number,
  place: number,
  count: number
): Promise<void> {
  return run(
    planId,
    'edit',
    { key: 'history.reorderRisk', values: { name: risk.title, place, count } },
    (d) => reorder(d, 'risks', risk.id, by)
  )
}
