// The preview: counts, every row with what it becomes or why not, and where the rows go.
import { useTranslation } from 'react-i18next'
import type { SheetOverview } from '@shared/import/workbook'
import type { SessionPlanSummary } from '@shared/import/plan-import'
import type { ImportSession } from './use-import-session'
import { PreviewTable } from './PreviewTable'
import { formatNumber } from '../../lib/format'
import { rowCountsText } from './count-text'

export function PreviewStep({
  session: s,
  read,
  planned
}: {
  session: ImportSession
  read: SheetOverview
  planned: SessionPlanSummary
}) {
  const { t } = useTranslation('import')
  const { importCount, badCount, target, preview } = s
  return (
    <div className="import-preview" aria-busy={s.planning}>
      <p className="import-counts" data-testid="import-counts">
        <span className="badge badge-ok">
          {formatNumber(importCount)} {t('good')}
        </span>{' '}
        <span className={`badge ${badCount ? 'badge-danger' : ''}`}>
          {formatNumber(badCount)} {t('bad')}
        </span>{' '}
        <span className="muted small">{rowCountsText(t, importCount, badCount, planned.totals)}</span>
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={s.onlyProblems}
          onChange={(e) => s.setOnlyProblems(e.target.checked)}
        />{' '}
        {t('onlyProblems')}
      </label>
      {preview && (
        <PreviewTable
          key={preview.seq}
          first={preview.page}
          load={s.loadPreview}
          kind={read.mapping.kind}
          columns={read.mapping.columns}
        />
      )}
      <fieldset className="import-target" disabled={s.busy}>
        <legend>{t('target')}</legend>
        <label className="check">
          <input
            type="radio"
            name="target"
            checked={target === 'current'}
            onChange={() => s.setTarget('current')}
          />{' '}
          {t('targetCurrent', { name: s.plan?.plan.name ?? '' })}
        </label>
        <label className="check">
          <input type="radio" name="target" checked={target === 'new'} onChange={() => s.setTarget('new')} />{' '}
          {t('targetNew')}
        </label>
        {read.mapping.kind === 'allocations' && target === 'current' && (
          <label className="check">
            <input
              type="checkbox"
              checked={s.createRoles}
              onChange={(e) => s.setCreateRoles(e.target.checked)}
            />{' '}
            {t('createRoles')}
          </label>
        )}
        {badCount > 0 && (
          <label className="check">
            <input type="checkbox" checked={s.skipBad} onChange={(e) => s.setSkipBad(e.target.checked)} />{' '}
            {t('skipBad', { count: badCount })}
          </label>
        )}
      </fieldset>
    </div>
  )
}
