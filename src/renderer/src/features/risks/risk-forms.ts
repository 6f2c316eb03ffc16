// Adding, editing and removing risks by form (Risks view).
import { addRisk, editRisk, removeRisk, validateRisk } from '@shared/planning/edit'
import type { ImpactLevel, PlanData, Risk } from '@shared/planning/types'
import { IMPACT_LEVELS } from '@shared/planning/types'
import { parseAmount } from '@shared/planning/validate'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  type Messages,
  messages,
  read,
  text,
  lines,
  amountText,
  moneyField,
  readInt,
  store,
  phaseOptions
} from '../../components/plan-form/kit'
import { openForm } from '../../components/FormDialog'
import { currentLanguage } from '../../i18n'
import { sortedWorkstreams } from '../../lib/plan-labels'

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
        options: sortedWorkstreams(data).map((w) => ({ value: w.id, label: w.key }))
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
      const cost = read(errors, 'cost', parseAmount(text(v, 'cost') || '0', currentLanguage()))
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
      return store(
        planId,
        risk ? 'edit' : 'create',
        { key: risk ? 'history.editRisk' : 'history.addRisk', values: { name } },
        (d) => {
          const refused = messages(validateRisk(d, f), { probabilityPct: 'probability', impactCents: 'cost' })
          if (Object.keys(refused).length) return refused
          return risk ? editRisk(d, risk.id, f) : addRisk(d, f)
        }
      )
    }
  })
}

export async function removeRiskWithQuestion(planId: string, risk: Risk): Promise<boolean> {
  const t = tf()
  return openForm({
    title: t('risk.removeTitle', { name: risk.title }),
    description: t('risk.removeText'),
    submitLabel: t('risk.remove'),
    testId: 'remove-risk',
    danger: true,
    fields: [],
    initial: {},
    submit: () =>
      store(planId, 'delete', { key: 'history.removeRisk', values: { name: risk.title } }, (d) =>
        removeRisk(d, risk.id)
      )
  })
}
