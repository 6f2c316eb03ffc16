// Adding, editing, reordering and removing budget lines by form (Budget view).
import {
  addBudgetLine,
  editBudgetLine,
  removeBudgetLine,
  reorder,
  validateBudgetLine
} from '@shared/planning/edit'
import type { BudgetLine, Currency, PlanData, QuarterKey } from '@shared/planning/types'
import { CURRENCIES } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  type Messages,
  text,
  amountText,
  moneyField,
  readMoney,
  storeChecked,
  removeAfterQuestion,
  run,
  quarterOptions,
  phaseOptions,
  workstreamOptions
} from '../../components/plan-form/kit'
import { openForm } from '../../components/FormDialog'
import { toast } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { formatMoney, formatQuarter } from '../../lib/format'

export async function openBudgetLineForm(
  planId: string,
  data: PlanData,
  line?: BudgetLine,
  preset: { phaseId?: string; quarter?: QuarterKey } = {}
): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toast({ title: msg('forms:line.add'), description: msg('forms:line.needs'), kind: 'error' })
    return false
  }
  return openForm({
    title: line ? t('line.edit') : t('line.add'),
    submitLabel: line ? t('role.save') : t('line.add'),
    testId: 'line-form',
    fields: [
      { name: 'title', label: t('line.title'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'category', label: t('line.category'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'phaseId', label: t('line.phase'), kind: 'select', options: phases },
      {
        name: 'workstreamId',
        label: t('line.workstream'),
        kind: 'select',
        options: [{ value: '', label: t('line.none') }, ...workstreamOptions(data)]
      },
      { name: 'quarter', label: t('line.quarter'), kind: 'select', options: quarterOptions(data) },
      { name: 'amount', label: t('line.amount'), kind: 'text', inputMode: 'decimal', number: moneyField() },
      {
        name: 'currency',
        label: t('line.currency'),
        kind: 'select',
        options: CURRENCIES.map((c) => ({ value: c, label: c }))
      }
    ],
    initial: {
      title: line?.title ?? '',
      category: line?.category ?? '',
      phaseId: line?.phaseId ?? preset.phaseId ?? phases[0].value,
      workstreamId: line?.workstreamId ?? '',
      quarter: line?.quarter ?? preset.quarter ?? data.plan.quarters[0],
      amount: line ? amountText(line.amountCents) : '',
      currency: line?.currency ?? 'EUR'
    },
    submit: async (v) => {
      const errors: Messages = {}
      const amount = readMoney(errors, 'amount', text(v, 'amount'))
      if (amount === undefined) return errors
      const f = {
        title: text(v, 'title'),
        category: text(v, 'category'),
        phaseId: text(v, 'phaseId'),
        workstreamId: text(v, 'workstreamId') || null,
        quarter: text(v, 'quarter') as QuarterKey,
        amountCents: amount,
        currency: text(v, 'currency') as Currency
      }
      const name = f.title.trim()
      return storeChecked(
        planId,
        line ? 'edit' : 'create',
        { key: line ? 'history.editLine' : 'history.addLine', values: { name } },
        (d) => validateBudgetLine(d, f),
        (d) => (line ? editBudgetLine(d, line.id, f) : addBudgetLine(d, f)),
        { amountCents: 'amount' }
      )
    }
  })
}

export async function removeBudgetLineWithQuestion(planId: string, line: BudgetLine): Promise<boolean> {
  const t = tf()
  return removeAfterQuestion(
    planId,
    {
      title: t('line.removeTitle', { name: line.title }),
      description: t('line.removeText', {
        amount: formatMoney(line.amountCents, line.currency),
        quarter: formatQuarter(line.quarter)
      }),
      submitLabel: t('line.remove'),
      testId: 'remove-line'
    },
    { key: 'history.removeLine', values: { name: line.title } },
    (d) => removeBudgetLine(d, line.id)
  )
}

/**
 * Moves a budget line `by` places among the lines of its phase; `place` of `count` is where it
 * lands (1-based) and `phase` the phase's name, for the history.
 */
export function moveBudgetLine(
  planId: string,
  line: BudgetLine,
  by: number,
  where: { place: number; count: number; phase: string }
): Promise<void> {
  return run(planId, 'edit', { key: 'history.reorderLine', values: { name: line.title, ...where } }, (d) =>
    reorder(d, 'budgetLines', line.id, by)
  )
}
