// Adding an allocation by form: from the Team view's button and from an empty capacity-board
// cell (role and quarter filled in), so it sits below both features.
import { addAllocationChecked, validateAllocation } from '@shared/planning/edit'
import type { PlanData, QuarterKey } from '@shared/planning/types'
import { TEXT_MAX } from '@shared/limits'
import { openForm } from '../FormDialog'
import { toast } from '../Toaster'
import { msg } from '../../i18n/text'
import { formatQuarter } from '../../lib/format'
import { workstreamName } from '../../lib/history-summaries'
import {
  quarterOptions,
  readShare,
  roleOptions,
  shareField,
  storeChecked,
  text,
  tf,
  workstreamOptions,
  type Messages
} from './kit'

export async function openAllocationForm(
  planId: string,
  data: PlanData,
  preset: { roleId?: string; workstreamId?: string; quarter?: QuarterKey } = {}
): Promise<boolean> {
  const t = tf()
  const roles = roleOptions(data)
  const ws = workstreamOptions(data)
  if (roles.length === 0 || ws.length === 0) {
    toast({ title: msg('forms:allocation.add'), description: msg('forms:allocation.needs'), kind: 'error' })
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
      const share = readShare(errors, 'share', text(v, 'share'))
      if (share === undefined) return errors
      const f = {
        roleId: text(v, 'roleId'),
        workstreamId: text(v, 'workstreamId'),
        quarter: text(v, 'quarter') as QuarterKey,
        shareBp: share,
        note: text(v, 'note')
      }
      const role = data.roles.find((r) => r.id === f.roleId)?.name ?? ''
      const ws = data.workstreams.find((w) => w.id === f.workstreamId)
      return storeChecked(
        planId,
        'create',
        {
          key: 'history.addAllocation',
          values: {
            role,
            workstream: ws ? workstreamName(ws) : '',
            quarter: formatQuarter(f.quarter),
            pct: share / 100
          }
        },
        (d) => validateAllocation(d, f),
        (d) => addAllocationChecked(d, f),
        { shareBp: 'share' }
      )
    }
  })
}
