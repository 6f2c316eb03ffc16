// The kit of the forms that add, edit and remove a plan's parts: each form opens the one form
// dialog, reads the typed text with these parsers, checks it with the planning validators (refusals
// beside the field, nothing stored) and commits the planning action's change set as one history
// entry. The forms themselves live in the feature that shows each part.
import type { TFunction } from 'i18next'
import type { FieldErrors } from '@shared/planning/edit'
import { isPlanningError } from '@shared/planning/errors'
import type { ChangeKind, EntityChange, PlanData } from '@shared/planning/types'
import { parseAmount, parseSharePercent, type Validation } from '@shared/planning/validate'
import { openForm, type FormValues, type NumberField } from '../FormDialog'
import { toastError } from '../Toaster'
import { msg, translate } from '../../i18n/text'
import { errorText } from '../error-text'
import { CommitError, commitChanges, type Summary } from '../../db/commit'
import { currentPlanData } from '../../db/plan-data'
import { keepActualsAttached } from '../../db/actuals'
import { currentLanguage, i18n } from '../../i18n'
import { formatMoney, formatQuarter, formatShare } from '../../lib/format'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import '../strings'
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

/** An amount as typed in the UI language's writing, in cents; a refusal lands in `errors`. */
export const readMoney = (errors: Messages, field: string, raw: string) =>
  read(errors, field, parseAmount(raw, currentLanguage()))

/** A share as typed in percent, in basis points; a refusal lands in `errors`. */
export const readShare = (errors: Messages, field: string, raw: string) =>
  read(errors, field, parseSharePercent(raw, currentLanguage()))

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
  if (!data) throw new CommitError('not-found', { key: 'planGone' })
  let result: Messages | EntityChange[]
  try {
    result = compute(data)
  } catch (err) {
    if (isPlanningError(err)) return { _form: translate(errorText(err)) }
    throw err
  }
  if (!Array.isArray(result)) return Object.keys(result).length ? result : null
  await commitChanges(planId, kind, summary, [...result, ...(await keepActualsAttached(data, result))])
  return null
}

/**
 * `store` for an add or an edit: the planning validator's refusals (its fields renamed to the
 * form's) come back to the form; without any, the change set of `apply` is committed.
 */
export function storeChecked(
  planId: string,
  kind: ChangeKind,
  summary: Summary,
  check: (data: PlanData) => FieldErrors,
  apply: (data: PlanData) => EntityChange[],
  rename: Record<string, string> = {}
): Promise<Messages | null> {
  return store(planId, kind, summary, (d) => {
    const refused = messages(check(d), rename)
    return Object.keys(refused).length ? refused : apply(d)
  })
}

/** The question before a removal that needs no choice: one danger button, then one history entry. */
export function removeAfterQuestion(
  planId: string,
  question: { title: string; description: string; submitLabel: string; testId: string },
  summary: Summary,
  remove: (data: PlanData) => EntityChange[]
): Promise<boolean> {
  return openForm({
    ...question,
    danger: true,
    fields: [],
    initial: {},
    submit: () => store(planId, 'delete', summary, remove)
  })
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
    const changes = compute(data)
    await commitChanges(planId, kind, summary, [...changes, ...(await keepActualsAttached(data, changes))])
  } catch (err) {
    toastError(msg('inline-edit:saveFailed'), err)
  }
}

/** Quarters as select options labelled the way the app shows them (Q1 2027). */
export const quarterOptionsOf = (quarters: readonly string[]) =>
  quarters.map((q) => ({ value: q, label: formatQuarter(q) }))
export const quarterOptions = (data: PlanData) => quarterOptionsOf(data.plan.quarters)
export const roleOptions = (data: PlanData) =>
  [...data.roles].sort((a, b) => a.order - b.order).map((r) => ({ value: r.id, label: r.name }))
export const workstreamOptions = (data: PlanData) =>
  sortedWorkstreams(data).map((w) => ({ value: w.id, label: `${w.key} – ${w.title}` }))
/** Workstreams by their key, in plan order (checklists of dependencies and of a risk's workstreams). */
export const workstreamKeyOptions = (data: PlanData, except?: string) =>
  sortedWorkstreams(data)
    .filter((w) => w.id !== except)
    .map((w) => ({ value: w.id, label: w.key }))
export const phaseOptions = (data: PlanData) =>
  sortedPhases(data).map((p) => ({ value: p.id, label: phaseLabel(p) }))
