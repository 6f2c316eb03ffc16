// The plan's settings and starting a new plan, by form (the Plans sidebar and File > New plan).
import {
  blankPlan,
  droppedWork,
  editPlanSettings,
  setQuarterRange,
  validatePlanSettings,
  validateQuarterRange
} from '@shared/planning/edit'
import { newId } from '@shared/planning/ids'
import { clonePlanData } from '@shared/planning/clone'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import type { EntityChange, Plan, PlanData, QuarterKey } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  type Messages,
  messages,
  text,
  amountText,
  pctText,
  moneyField,
  shareField,
  readMoney,
  readShare,
  store,
  quarterOptionsOf
} from '../../components/plan-form/kit'
import { openForm } from '../../components/FormDialog'
import { loadPlanData } from '../../db/plan-data'
import { createPlanFromData, setCurrentPlanId } from '../../db/plans'
import { currentLanguage } from '../../i18n'
import { formatQuarter } from '../../lib/format'
import { quarterChoices } from '@shared/planning/quarters'

export async function openPlanSettings(planId: string, data: PlanData): Promise<boolean> {
  const t = tf()
  const plan = data.plan
  const first = plan.quarters[0] ?? nextQuarterFromToday()
  // Three years either side of the plan: enough to move, extend or shorten it.
  const settingsChoices = quarterOptionsOf(quarterChoices(first, plan.quarters.at(-1) ?? first, 12, 12))
  return openForm({
    title: t('settings.title'),
    submitLabel: t('settings.save'),
    testId: 'plan-settings',
    fields: [
      { name: 'name', label: t('settings.name'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'from', label: t('settings.from'), kind: 'select', options: settingsChoices },
      { name: 'to', label: t('settings.to'), kind: 'select', options: settingsChoices },
      {
        name: 'budget',
        label: t('settings.budget'),
        kind: 'text',
        inputMode: 'decimal',
        number: moneyField()
      },
      { name: 'rate', label: t('settings.rate'), kind: 'text', inputMode: 'decimal' },
      { name: 'rateEstimate', label: t('settings.rateEstimate'), kind: 'checkbox' },
      {
        name: 'softCap',
        label: t('settings.softCap'),
        kind: 'text',
        inputMode: 'decimal',
        number: shareField()
      },
      { name: 'notes', label: t('settings.notes'), kind: 'textarea', rows: 5, maxLength: TEXT_MAX.long },
      {
        name: 'dropped',
        label: t('settings.dropHow'),
        kind: 'select',
        options: [
          { value: 'move', label: t('settings.dropMove') },
          { value: 'remove', label: t('settings.dropRemove') }
        ],
        hint: (v) => {
          const from = text(v, 'from').trim().toUpperCase() as QuarterKey
          const to = text(v, 'to').trim().toUpperCase() as QuarterKey
          return Object.keys(validateQuarterRange(from, to)).length ? '' : describeDropped(data, from, to)
        },
        showIf: (v) => {
          const from = text(v, 'from').trim().toUpperCase()
          const to = text(v, 'to').trim().toUpperCase()
          return plan.quarters.some((q) => q < from || q > to)
        }
      }
    ],
    initial: {
      name: plan.name,
      from: first,
      to: plan.quarters.at(-1) ?? first,
      budget: amountText(plan.totalBudgetCents),
      rate: currentLanguage() === 'de' ? String(plan.chfToEur).replace('.', ',') : String(plan.chfToEur),
      rateEstimate: plan.chfRateEstimate === true,
      softCap: pctText(plan.softCapBp),
      notes: plan.notes,
      dropped: 'move'
    },
    submit: async (v) => {
      const errors: Messages = {}
      const budget = readMoney(errors, 'budget', text(v, 'budget'))
      const soft = readShare(errors, 'softCap', text(v, 'softCap'))
      const rate = Number(text(v, 'rate').trim().replace(',', '.'))
      if (!Number.isFinite(rate) || rate <= 0) errors.rate = t('error.rate')
      const from = text(v, 'from').trim().toUpperCase() as QuarterKey
      const to = text(v, 'to').trim().toUpperCase() as QuarterKey
      Object.assign(errors, messages(validateQuarterRange(from, to)))
      if (budget === undefined || soft === undefined || Object.keys(errors).length) return errors
      const patch = {
        name: text(v, 'name'),
        totalBudgetCents: budget,
        chfToEur: rate,
        chfRateEstimate: v.rateEstimate === true,
        softCapBp: soft,
        notes: text(v, 'notes')
      }
      const refused = messages(validatePlanSettings(patch), {
        totalBudgetCents: 'budget',
        chfToEur: 'rate',
        softCapBp: 'softCap'
      })
      if (Object.keys(refused).length) return refused
      const rangeChanged = from !== plan.quarters[0] || to !== plan.quarters.at(-1)
      return store(planId, 'edit', { key: 'history.planSettings', values: {} }, (d) => {
        const first = editPlanSettings(d, { ...patch, name: patch.name.trim() })
        if (!rangeChanged) return first
        // The range change is computed on the plan with the new settings, as one entry.
        const next = { ...d, plan: first.length ? (first[0].after as PlanData['plan']) : d.plan }
        const range = setQuarterRange(next, from, to, text(v, 'dropped') === 'remove' ? 'remove' : 'move')
        const planChange = range.find((c) => c.table === 'plans')
        const rest = range.filter((c) => c.table !== 'plans')
        const merged = planChange ? [{ ...planChange, before: d.plan }] : first
        return [...merged, ...rest] as EntityChange[]
      })
    }
  })
}

/** What shortening the plan to from..to would touch, for the settings form's hint. */
export function describeDropped(data: PlanData, from: QuarterKey, to: QuarterKey): string {
  const w = droppedWork(data, from, to)
  return tf()('settings.dropText', {
    quarters: w.quarters.map(formatQuarter).join(', '),
    allocations: w.allocations,
    lines: w.budgetLines,
    deliverables: w.deliverables
  })
}

// ---------------------------------------------------------------------------------------
// New plans

/** The quarter a new blank plan starts with: the next one after today. */
function nextQuarterFromToday(): QuarterKey {
  const now = new Date()
  const q = Math.floor(now.getUTCMonth() / 3) + 1
  return q === 4
    ? (`${now.getUTCFullYear() + 1}-Q1` as QuarterKey)
    : (`${now.getUTCFullYear()}-Q${q + 1}` as QuarterKey)
}

/**
 * Asks how to start a new plan (blank over chosen quarters, the FreshFoodz template, or a copy of
 * another plan), writes it in one transaction and opens it. Resolves to its id, or null.
 */
export async function openNewPlanForm(
  plans: readonly Pick<Plan, 'id' | 'name' | 'archived'>[]
): Promise<string | null> {
  const t = tf()
  const start = nextQuarterFromToday()
  const end =
    `${Number(start.slice(0, 4)) + (start.endsWith('Q1') ? 0 : 1)}-Q${start.endsWith('Q1') ? 4 : Number(start.slice(6)) - 1}` as QuarterKey
  // From two years back (planning what already runs) to five years ahead.
  const choices = quarterOptionsOf(quarterChoices(start, start, 8, 20))
  let created: string | null = null
  const ok = await openForm({
    title: t('newPlan.title'),
    submitLabel: t('newPlan.create'),
    testId: 'new-plan',
    fields: [
      { name: 'name', label: t('newPlan.name'), kind: 'text', maxLength: TEXT_MAX.name },
      {
        name: 'start',
        label: t('newPlan.start'),
        kind: 'select',
        options: [
          { value: 'blank', label: t('newPlan.blank') },
          { value: 'template', label: t('newPlan.template') },
          ...plans
            .filter((p) => !p.archived)
            .map((p) => ({ value: `copy:${p.id}`, label: t('newPlan.copy', { name: p.name }) }))
        ]
      },
      {
        name: 'from',
        label: t('newPlan.from'),
        kind: 'select',
        options: choices,
        showIf: (v) => v.start === 'blank'
      },
      {
        name: 'to',
        label: t('newPlan.to'),
        kind: 'select',
        options: choices,
        showIf: (v) => v.start === 'blank'
      }
    ],
    initial: { name: t('newPlan.defaultName'), start: 'blank', from: start, to: end },
    submit: async (v) => {
      const name = text(v, 'name').trim()
      const errors: Messages = messages(validatePlanSettings({ name }))
      const how = text(v, 'start')
      const planId = newId()
      let data: PlanData | undefined
      if (how === 'blank') {
        const from = text(v, 'from').trim().toUpperCase() as QuarterKey
        const to = text(v, 'to').trim().toUpperCase() as QuarterKey
        Object.assign(errors, messages(validateQuarterRange(from, to)))
        if (Object.keys(errors).length) return errors
        data = blankPlan({ planId, name, from, to })
      } else if (Object.keys(errors).length) {
        return errors
      } else if (how === 'template') {
        const fresh = buildFreshFoodzPlan({ planId })
        data = { ...fresh, plan: { ...fresh.plan, name, builtin: false } }
      } else {
        const source = await loadPlanData(how.slice('copy:'.length))
        if (!source) return { start: t('error.unknown') }
        data = clonePlanData(source, { newPlanId: planId, name, baseId: null })
      }
      created = await createPlanFromData(data)
      await setCurrentPlanId(created)
      return null
    }
  })
  return ok ? created : null
}
