// Adding, editing, reordering and removing roles, and adding allocations, by form (Team view).
import { addRole, editRole, removalImpact, removeRole, reorder, validateRole } from '@shared/planning/edit'
import type { PlanData, QuarterKey, Role } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import {
  tf,
  type Messages,
  text,
  amountText,
  pctText,
  moneyField,
  shareField,
  readMoney,
  readShare,
  store,
  storeChecked,
  run,
  quarterOptions,
  roleOptions
} from '../../components/plan-form/kit'
import { openForm, type FieldSpec } from '../../components/FormDialog'

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
      const cap = capText === '' ? undefined : readShare(errors, 'capacity', capText)
      const costText = text(v, 'cost').trim()
      const cost = costText === '' ? null : readMoney(errors, 'cost', costText)
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
      return storeChecked(
        planId,
        role ? 'edit' : 'create',
        { key: role ? 'history.editRole' : 'history.addRole', values: { name } },
        (d) => validateRole(d, fields, role?.id),
        (d) => (role ? editRole(d, role.id, fields) : addRole(d, fields))
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

// Allocations are added by a form both this view and the capacity board open.
export { openAllocationForm } from '../../components/plan-form/allocation-form'
