// The kit of the forms that add, edit and remove a plan's parts: each form opens the one form
// dialog, reads the typed text with these parsers, checks it with the planning validators (refusals
// beside the field, nothing stored) and commits the planning action's change set as one history
// entry. The forms themselves live in the feature that shows each part.
import type { TFunction } from 'i18next'
import type { FieldErrors } from '@shared/planning/edit'
import { isPlanningError } from '@shared/planning/errors'
import type { ChangeKind, EntityChange, PlanData } from '@shared/planning/types'
import { parseAmount, parseSharePercent, type Validation } from '@shared/planning/validate'
import type { FormValues, NumberField } from '../FormDialog'
import { toastError } from '../Toaster'
import { commitChanges, type Summary } from '../../db/commit'
import { currentPlanData } from '../../db/plan-data'
import { currentLanguage, i18n } from '../../i18n'
import { formatMoney, formatQuarter, formatShare } from '../../lib/format'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import './strings'

export const tf = (): TFunction => i18n.getFixedT(null, 'forms')

export type Messages = Record<string, string>

/** Field errors of the planning validators as sentences, keyed by form field. */
export function messages(errors: FieldErrors, rename: Record<string, string> = {}): Messages {
  const t = tf()
  const out: Messages = {}
  for (const [field, code] of Object.entries(errors)) {
    if (!code) continue
    const name = rename[field] ?? field
    out[name] = code === 'duplicate' && field === 'key' ? t('error.duplicateKey') : t(`error.${code}`)
  }
  return out
}

/** Reads one typed number; a refusal lands in `errors` under the field's name. */
export function read<T>(errors: Messages, field: string, result: Validation<T>): T | undefined {
  if (result.ok) return result.value
  errors[field] = tf()(`error.${result.error}`)
  return undefined
}

export const text = (v: FormValues, k: string) => String(v[k] ?? '')
export const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)
export const amountText = (cents: number) => {
  const n = cents / 100
  return currentLanguage() === 'de' ? String(n).replace('.', ',') : String(n)
}
export const pctText = (bp: number) => amountText(bp)

export const lang = () => currentLanguage()
export const moneyField = (): NumberField => ({
  read: (s) => parseAmount(s, lang()),
  format: (c) => formatMoney(c),
  toText: (c) => (lang() === 'de' ? (c / 100).toFixed(2).replace('.', ',') : (c / 100).toFixed(2))
})
export const shareField = (): NumberField => ({
  read: (s) => parseSharePercent(s, lang()),
  format: (bp) => formatShare(bp),
  toText: pctText
})

export function readInt(
  errors: Messages,
  field: string,
  raw: string,
  min: number,
  max: number
): number | undefined {
  const n = Number(raw.trim())
  if (raw.trim() === '' || !Number.isInteger(n)) errors[field] = tf()('error.not-a-number')
  else if (n < min || n > max) errors[field] = tf()('error.out-of-range')
  else return n
  return undefined
}

/**
 * Loads the plan, runs `compute` (which returns refusals or changes) and commits the changes as
 * one entry. Refusals come back to the form; nothing is stored then.
 */
export async function store(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  compute: (data: PlanData) => Messages | EntityChange[]
): Promise<Messages | null> {
  const data = await currentPlanData(planId)
  if (!data) throw new Error('The plan no longer exists.')
  let result: Messages | EntityChange[]
  try {
    result = compute(data)
  } catch (err) {
    if (isPlanningError(err)) return { _form: err.message }
    throw err
  }
  if (!Array.isArray(result)) return Object.keys(result).length ? result : null
  await commitChanges(planId, kind, summary, result)
  return null
}

/** Commits a change set with no form (reorder, remove without a question); errors as a toast. */
export async function run(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  compute: (d: PlanData) => EntityChange[]
) {
  try {
    const data = await currentPlanData(planId)
    if (!data) return
    await commitChanges(planId, kind, summary, compute(data))
  } catch (err) {
    toastError(i18n.t('common:saveFailed', { defaultValue: 'Could not save' }), err)
  }
}

export const quarterOptions = (data: PlanData) =>
  data.plan.quarters.map((q) => ({ value: q, label: formatQuarter(q) }))
export const roleOptions = (data: PlanData) =>
  [...data.roles].sort((a, b) => a.order - b.order).map((r) => ({ value: r.id, label: r.name }))
export const workstreamOptions = (data: PlanData) =>
  sortedWorkstreams(data).map((w) => ({ value: w.id, label: `${w.key} – ${w.title}` }))
export const phaseOptions = (data: PlanData) =>
  sortedPhases(data).map((p) => ({ value: p.id, label: phaseLabel(p) }))
