// The mapping step's word on a required field the sheet has no column for: a budget line's phase
// comes from its quarter, an allocation's workstream from where the role works (or the user's pick).
import { useTranslation } from 'react-i18next'
import type { ColumnMapping } from '@shared/import/types'
import type { TextEncoding } from '@shared/import/workbook'

export function FromPlanNote({
  mapping,
  workstreams,
  target,
  recalledEncoding,
  onChange
}: {
  mapping: ColumnMapping
  /** The current plan's workstreams, in order. */
  workstreams: readonly { key: string; title: string }[]
  target: 'current' | 'new'
  recalledEncoding: TextEncoding | null
  onChange: (m: ColumnMapping) => void
}) {
  const { t } = useTranslation('import')
  const noPhase = mapping.kind === 'budget' && mapping.columns.phase === undefined
  const noWorkstream = mapping.kind === 'allocations' && mapping.columns.workstream === undefined
  if (!noPhase && !noWorkstream && !recalledEncoding) return null
  return (
    <div className="import-from-plan" data-testid="import-from-plan">
      {recalledEncoding && <p>{t('encodingRecalled', { name: t(`enc_${recalledEncoding}`) })}</p>}
      {noPhase && <p>{t(target === 'new' ? 'phaseFromPlanNew' : 'phaseFromPlan')}</p>}
      {noWorkstream && target === 'new' && <p>{t('workstreamFromPlanNew')}</p>}
      {noWorkstream && target === 'current' && (
        <label className="import-field">
          <span>{t('workstreamFromPlan')}</span>
          <select
            className="text"
            aria-label={t('workstreamFromPlan')}
            value={mapping.defaultWorkstream ?? ''}
            onChange={(e) => {
              const { defaultWorkstream: _old, ...rest } = mapping
              onChange(e.target.value ? { ...rest, defaultWorkstream: e.target.value } : rest)
            }}
          >
            <option value="">{t('workstreamAuto')}</option>
            {workstreams.map((w) => (
              <option key={w.key} value={w.key}>
                {w.key === w.title ? w.key : `${w.key}: ${w.title}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}
