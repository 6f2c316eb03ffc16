// Adding, editing and removing a plan's parts by form: each opens the one form dialog, reads the
// typed text with the shared parsers, checks it with the planning validators (refusals beside the
// field, nothing stored) and commits the planning action's change set as one history entry.
// Shared by the views that show each part (a role is added from the Team view and the board).
import type { TFunction } from 'i18next'
import {
  addAllocationChecked,
  addBudgetLine,
  addDeliverable,
  addMetric,
  addPhase,
  addRisk,
  addRole,
  addWorkstream,
  blankPlan,
  droppedWork,
  editBudgetLine,
  editDeliverable,
  editMetric,
  editPhase,
  editPlanSettings,
  editRisk,
  editRole,
  editWorkstream,
  removalImpact,
  removeBudgetLine,
  removeDeliverable,
  removeMetric,
  removePhase,
  removeRisk,
  removeRole,
  removeWorkstream,
  reorder,
  setQuarterRange,
  totalImpact,
  validateAllocation,
  validateBudgetLine,
  validateDeliverable,
  validateMetric,
  validatePhase,
  validatePlanSettings,
  validateQuarterRange,
  validateRisk,
  validateRole,
  validateWorkstream,
  type FieldErrors
} from '@shared/planning/edit'
import { newId } from '@shared/planning/ids'
import { clonePlanData } from '@shared/planning/clone'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import { isPlanningError } from '@shared/planning/errors'
import type {
  BudgetLine,
  ChangeKind,
  Currency,
  Deliverable,
  EntityChange,
  ImpactLevel,
  Phase,
  Plan,
  PlanData,
  Priority,
  QuarterKey,
  Risk,
  Role,
  SuccessMetric,
  Workstream
} from '@shared/planning/types'
import { CURRENCIES, IMPACT_LEVELS, PRIORITIES } from '@shared/planning/types'
import { parseAmount, parseSharePercent, type Validation } from '@shared/planning/validate'
import { TEXT_MAX } from '@shared/limits'
import { openForm, type FieldSpec, type FormValues, type NumberField } from '../components/FormDialog'
import { toastError } from '../components/Toaster'
import { commitChanges, type Summary } from '../db/commit'
import { loadPlanData, watchPlanData } from '../db/plan-data'
import { createPlanFromData, setCurrentPlanId } from '../db/plans'
import { currentLanguage, i18n } from '../i18n'
import { formatMoney, formatQuarter, formatShare } from '../lib/format'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../lib/plan-labels'
import './plan-forms-strings'

const tf = (): TFunction => i18n.getFixedT(null, 'forms')

type Messages = Record<string, string>

/** Field errors of the planning validators as sentences, keyed by form field. */
function messages(errors: FieldErrors, rename: Record<string, string> = {}): Messages {
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
function read<T>(errors: Messages, field: string, result: Validation<T>): T | undefined {
  if (result.ok) return result.value
  errors[field] = tf()(`error.${result.error}`)
  return undefined
}

const text = (v: FormValues, k: string) => String(v[k] ?? '')
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)
const amountText = (cents: number) => {
  const n = cents / 100
  return currentLanguage() === 'de' ? String(n).replace('.', ',') : String(n)
}
const pctText = (bp: number) => amountText(bp)

const lang = () => currentLanguage()
const moneyField = (): NumberField => ({
  read: (s) => parseAmount(s, lang()),
  format: (c) => formatMoney(c),
  toText: (c) => (lang() === 'de' ? (c / 100).toFixed(2).replace('.', ',') : (c / 100).toFixed(2))
})
const shareField = (): NumberField => ({
  read: (s) => parseSharePercent(s, lang()),
  format: (bp) => formatShare(bp),
  toText: pctText
})

function readInt(errors: Messages, field: string, raw: string, min: number, max: number): number | undefined {
  const n = Number(raw.trim())
  if (raw.trim() === '' || !Number.isInteger(n)) errors[field] = tf()('error.not-a-number')
  else if (n < min || n > max) errors[field] = tf()('error.out-of-range')
  else return n
  return undefined
}

/**
 * The plan as the window holds it, kept in step with every commit (as the boards' drops use it);
 * read from the database only when no view holds it. Reading a large plan from disk took about a
 * second (bench:board, 30,000 rows) before each add or remove.
 */
export async function currentPlanData(planId: string): Promise<PlanData | undefined> {
  const watch = watchPlanData(planId, () => undefined)
  try {
    return watch.current() ?? (await loadPlanData(planId))
  } finally {
    watch.stop()
  }
}

/**
 * Loads the plan, runs `compute` (which returns refusals or changes) and commits the changes as
 * one entry. Refusals come back to the form; nothing is stored then.
 */
async function store(
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
async function run(
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

const quarterOptions = (data: PlanData) =>
  data.plan.quarters.map((q) => ({ value: q, label: formatQuarter(q) }))
const roleOptions = (data: PlanData) =>
  [...data.roles].sort((a, b) => a.order - b.order).map((r) => ({ value: r.id, label: r.name }))
const workstreamOptions = (data: PlanData) =>
  sortedWorkstreams(data).map((w) => ({ value: w.id, label: `${w.key} – ${w.title}` }))
const phaseOptions = (data: PlanData) =>
  sortedPhases(data).map((p) => ({ value: p.id, label: phaseLabel(p) }))

// ---------------------------------------------------------------------------------------
// Roles

export async function openRoleForm(planId: string, data: PlanData, role?: Role): Promise<boolean> {
  const t = tf()
  const caps = role ? data.plan.quarters.map((q) => role.capacityBp[q] ?? 10_000) : [10_000]
  const uniform = caps.every((c) => c === caps[0])
  const fields: FieldSpec[] = [
    { name: 'name', label: t('role.name'), kind: 'text', maxLength: TEXT_MAX.name },
    { name: 'personName', label: t('role.personName'), kind: 'text', maxLength: TEXT_MAX.name },
    {
      name: 'capacity',
      label: t('role.capacity'),
      kind: 'text',
      inputMode: 'decimal',
      number: shareField(),
      hint: uniform ? t('role.capacityHint') : t('role.capacityMixed')
    },
    { name: 'cost', label: t('role.cost'), kind: 'text', inputMode: 'decimal', number: moneyField() },
    { name: 'open', label: t('role.open'), kind: 'checkbox' },
    {
      name: 'hireQuarter',
      label: t('role.hireQuarter'),
      kind: 'select',
      options: quarterOptions(data),
      showIf: (v) => v.open === true
    }
  ]
  return openForm({
    title: role ? t('role.edit') : t('role.add'),
    submitLabel: role ? t('role.save') : t('role.add'),
    testId: 'role-form',
    fields,
    initial: {
      name: role?.name ?? '',
      personName: role?.personName ?? '',
      capacity: uniform ? pctText(caps[0]) : '',
      cost: role?.costPerFteQuarterCents == null ? '' : amountText(role.costPerFteQuarterCents),
      open: role?.openPosition ?? false,
      hireQuarter: role?.hireQuarter ?? data.plan.quarters[0] ?? ''
    },
    submit: async (v) => {
      const errors: Messages = {}
      const capText = text(v, 'capacity').trim()
      const cap = capText === '' ? undefined : read(errors, 'capacity', parseSharePercent(capText, lang()))
      const costText = text(v, 'cost').trim()
      const cost = costText === '' ? null : read(errors, 'cost', parseAmount(costText, currentLanguage()))
      if (Object.keys(errors).length) return errors
      const fields = {
        name: text(v, 'name'),
        personName: text(v, 'personName'),
        costPerFteQuarterCents: cost ?? null,
        openPosition: v.open === true,
        hireQuarter: v.open === true ? (text(v, 'hireQuarter') as QuarterKey) : null,
        ...(cap === undefined
          ? {}
          : {
              capacityBp:
                cap === 10_000
                  ? {}
                  : (Object.fromEntries(data.plan.quarters.map((q) => [q, cap])) as Role['capacityBp'])
            })
      }
      const name = fields.name.trim()
      return store(
        planId,
        role ? 'edit' : 'create',
        { key: role ? 'history.editRole' : 'history.addRole', values: { name } },
        (d) => {
          const refused = messages(validateRole(d, fields, role?.id))
          if (Object.keys(refused).length) return refused
          return role ? editRole(d, role.id, fields) : addRole(d, fields)
        }
      )
    }
  })
}

/** Asks before removing a role; with allocations the user moves them to another role or drops them. */
export async function removeRoleWithQuestion(planId: string, data: PlanData, role: Role): Promise<boolean> {
  const t = tf()
  const count = removalImpact(data, 'roles', role.id).allocations
  const others = roleOptions(data).filter((o) => o.value !== role.id)
  const fields: FieldSpec[] =
    count > 0
      ? [
          {
            name: 'fate',
            label: t('role.fate'),
            kind: 'select',
            options: [
              ...others.map((o) => ({ value: o.value, label: t('role.moveTo', { name: o.label }) })),
              { value: '', label: t('role.dropAll') }
            ]
          }
        ]
      : []
  return openForm({
    title: t('role.removeTitle', { name: role.name }),
    description:
      count > 0
        ? t('role.removeText', { name: role.name, count })
        : t('role.removePlain', { name: role.name }),
    submitLabel: t('role.remove'),
    testId: 'remove-role',
    danger: true,
    fields,
    initial: { fate: others[0]?.value ?? '' },
    submit: async (v) => {
      const to = count > 0 ? text(v, 'fate') : ''
      const toName = others.find((o) => o.value === to)?.label
      return store(
        planId,
        'delete',
        to
          ? { key: 'history.removeRoleMoved', values: { name: role.name, to: toName ?? '' } }
          : { key: 'history.removeRole', values: { name: role.name } },
        (d) => removeRole(d, role.id, to ? { reassignTo: to } : {})
      )
    }
  })
}

export function moveRole(planId: string, role: Role, by: number): Promise<void> {
  return run(planId, 'edit', { key: 'history.reorderRole', values: { name: role.name } }, (d) =>
    reorder(d, 'roles', role.id, by)
  )
}

// ---------------------------------------------------------------------------------------
// Allocations

export async function openAllocationForm(
  planId: string,
  data: PlanData,
  preset: { roleId?: string; workstreamId?: string; quarter?: QuarterKey } = {}
): Promise<boolean> {
  const t = tf()
  const roles = roleOptions(data)
  const ws = workstreamOptions(data)
  if (roles.length === 0 || ws.length === 0) {
    toastError(t('allocation.add'), new Error(t('allocation.needs')))
    return false
  }
  return openForm({
    title: t('allocation.add'),
    submitLabel: t('allocation.add'),
    testId: 'allocation-form',
    fields: [
      { name: 'roleId', label: t('allocation.role'), kind: 'select', options: roles },
      { name: 'workstreamId', label: t('allocation.workstream'), kind: 'select', options: ws },
      { name: 'quarter', label: t('allocation.quarter'), kind: 'select', options: quarterOptions(data) },
      {
        name: 'share',
        label: t('allocation.share'),
        kind: 'text',
        inputMode: 'decimal',
        number: shareField()
      },
      { name: 'note', label: t('allocation.note'), kind: 'text', maxLength: TEXT_MAX.name }
    ],
    initial: {
      roleId: preset.roleId ?? roles[0].value,
      workstreamId: preset.workstreamId ?? ws[0].value,
      quarter: preset.quarter ?? data.plan.quarters[0],
      share: '50',
      note: ''
    },
    submit: async (v) => {
      const errors: Messages = {}
      const share = read(errors, 'share', parseSharePercent(text(v, 'share'), lang()))
      if (share === undefined) return errors
      const f = {
        roleId: text(v, 'roleId'),
        workstreamId: text(v, 'workstreamId'),
        quarter: text(v, 'quarter') as QuarterKey,
        shareBp: share,
        note: text(v, 'note')
      }
      const role = data.roles.find((r) => r.id === f.roleId)?.name ?? ''
      const wsKey = data.workstreams.find((w) => w.id === f.workstreamId)?.key ?? ''
      return store(
        planId,
        'create',
        {
          key: 'history.addAllocation',
          values: { role, workstream: wsKey, quarter: formatQuarter(f.quarter), pct: share / 100 }
        },
        (d) => {
          const refused = messages(validateAllocation(d, f), { shareBp: 'share' })
          return Object.keys(refused).length ? refused : addAllocationChecked(d, f)
        }
      )
    }
  })
}

// ---------------------------------------------------------------------------------------
// Budget lines

export async function openBudgetLineForm(
  planId: string,
  data: PlanData,
  line?: BudgetLine,
  preset: { phaseId?: string; quarter?: QuarterKey } = {}
): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toastError(t('line.add'), new Error(t('line.needs')))
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
      const amount = read(errors, 'amount', parseAmount(text(v, 'amount'), currentLanguage()))
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
      return store(
        planId,
        line ? 'edit' : 'create',
        { key: line ? 'history.editLine' : 'history.addLine', values: { name } },
        (d) => {
          const refused = messages(validateBudgetLine(d, f), { amountCents: 'amount' })
          if (Object.keys(refused).length) return refused
          return line ? editBudgetLine(d, line.id, f) : addBudgetLine(d, f)
        }
      )
    }
  })
}

export async function removeBudgetLineWithQuestion(planId: string, line: BudgetLine): Promise<boolean> {
  const t = tf()
  return openForm({
    title: t('line.removeTitle', { name: line.title }),
    description: t('line.removeText', {
      amount: formatMoney(line.amountCents, line.currency),
      quarter: formatQuarter(line.quarter)
    }),
    submitLabel: t('line.remove'),
    testId: 'remove-line',
    danger: true,
    fields: [],
    initial: {},
    submit: () =>
      store(planId, 'delete', { key: 'history.removeLine', values: { name: line.title } }, (d) =>
        removeBudgetLine(d, line.id)
      )
  })
}

// ---------------------------------------------------------------------------------------
// Workstreams

export async function openWorkstreamForm(planId: string, data: PlanData, ws?: Workstream): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toastError(t('workstream.add'), new Error(t('workstream.needs')))
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
        options: sortedWorkstreams(data)
          .filter((w) => w.id !== ws?.id)
          .map((w) => ({ value: w.id, label: w.key }))
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
      return store(
        planId,
        ws ? 'edit' : 'create',
        { key: ws ? 'history.editWorkstream' : 'history.addWorkstream', values: { name } },
        (d) => {
          const refused = messages(validateWorkstream(d, f, ws?.id))
          if (Object.keys(refused).length) return refused
          return ws ? editWorkstream(d, ws.id, f) : addWorkstream(d, f)
        }
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
  return openForm({
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
    testId: 'remove-workstream',
    danger: true,
    fields: [],
    initial: {},
    submit: () =>
      store(planId, 'delete', { key: 'history.removeWorkstream', values: { name: ws.key } }, (d) =>
        removeWorkstream(d, ws.id)
      )
  })
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
      const cap = read(errors, 'cap', parseAmount(text(v, 'cap') || '0', currentLanguage()))
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
      return store(
        planId,
        phase ? 'edit' : 'create',
        { key: phase ? 'history.editPhase' : 'history.addPhase', values: { name } },
        (d) => {
          const refused = messages(validatePhase(d, f, phase?.id), { capCents: 'cap' })
          if (Object.keys(refused).length) return refused
          return phase ? editPhase(d, phase.id, f) : addPhase(d, f)
        }
      )
    }
  })
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
  return openForm({
    title: t('phase.removeTitle', { name: phase.name }),
    description: holds
      ? t('phase.removeText', {
          workstreams: impact.workstreams,
          allocations: impact.allocations,
          lines: impact.budgetLines
        })
      : t('phase.removePlain'),
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

export async function openMetricForm(
  planId: string,
  data: PlanData,
  phaseId?: string,
  metric?: SuccessMetric
): Promise<boolean> {
  const t = tf()
  const phases = phaseOptions(data)
  if (phases.length === 0) {
    toastError(t('metric.add'), new Error(t('line.needs')))
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

// ---------------------------------------------------------------------------------------
// Risks

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

// ---------------------------------------------------------------------------------------
// Deliverables

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
      return store(
        planId,
        deliverable ? 'edit' : 'create',
        {
          key: deliverable ? 'history.editDeliverable' : 'history.addDeliverable',
          values: { name: f.title.trim() }
        },
        (d) => {
          const refused = messages(validateDeliverable(d, f))
          if (Object.keys(refused).length) return refused
          return deliverable ? editDeliverable(d, deliverable.id, f) : addDeliverable(d, f)
        }
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

// ---------------------------------------------------------------------------------------
// Plan settings

export async function openPlanSettings(planId: string, data: PlanData): Promise<boolean> {
  const t = tf()
  const plan = data.plan
  return openForm({
    title: t('settings.title'),
    submitLabel: t('settings.save'),
    testId: 'plan-settings',
    fields: [
      { name: 'name', label: t('settings.name'), kind: 'text', maxLength: TEXT_MAX.name },
      { name: 'from', label: t('settings.from'), kind: 'text', hint: t('settings.quarterHint') },
      { name: 'to', label: t('settings.to'), kind: 'text', hint: t('settings.quarterHint') },
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
      from: plan.quarters[0] ?? '',
      to: plan.quarters.at(-1) ?? '',
      budget: amountText(plan.totalBudgetCents),
      rate: currentLanguage() === 'de' ? String(plan.chfToEur).replace('.', ',') : String(plan.chfToEur),
      rateEstimate: plan.chfRateEstimate === true,
      softCap: pctText(plan.softCapBp),
      notes: plan.notes,
      dropped: 'move'
    },
    submit: async (v) => {
      const errors: Messages = {}
      const budget = read(errors, 'budget', parseAmount(text(v, 'budget'), currentLanguage()))
      const soft = read(errors, 'softCap', parseSharePercent(text(v, 'softCap'), lang()))
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
  plans: Pick<Plan, 'id' | 'name' | 'archived'>[]
): Promise<string | null> {
  const t = tf()
  const start = nextQuarterFromToday()
  const end =
    `${Number(start.slice(0, 4)) + (start.endsWith('Q1') ? 0 : 1)}-Q${start.endsWith('Q1') ? 4 : Number(start.slice(6)) - 1}` as QuarterKey
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
        kind: 'text',
        hint: t('newPlan.quarterHint'),
        showIf: (v) => v.start === 'blank'
      },
      {
        name: 'to',
        label: t('newPlan.to'),
        kind: 'text',
        hint: t('newPlan.quarterHint'),
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
