// Checking the column mapping: what the sheet is imported as, which column feeds which field, the
// number style, currency and share scale, and how many rows that reading yields.
import { useTranslation } from 'react-i18next'
import type { SheetOverview } from '@shared/import/workbook'
import type { ColumnMapping, ImportField, ImportKind } from '@shared/import/types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS, DERIVABLE_FIELDS, REQUIRED_FIELDS } from '@shared/import/types'
import { columnLetter } from '@shared/import/header'
import { columnsForKind } from '@shared/import/mapping'
import type { TextEncoding } from '@shared/import/workbook'
import { LayoutNote } from './LayoutNote'
import { AmountScaleField } from './AmountScaleField'
import { FromPlanNote } from './FromPlanNote'
import { rowCountsText } from './count-text'

export function MappingStep({
  mapping,
  read,
  remembered,
  busy,
  workstreams,
  target,
  recalledEncoding,
  onChange,
  onChooseScale,
  onPreviewAnyway
}: {
  mapping: ColumnMapping
  read: SheetOverview
  remembered: boolean
  busy: boolean
  workstreams: readonly { key: string; title: string }[]
  target: 'current' | 'new'
  recalledEncoding: TextEncoding | null
  onChange: (m: ColumnMapping) => void
  onChooseScale: (m: ColumnMapping) => void
  onPreviewAnyway: () => void
}) {
  const { t } = useTranslation('import')
  const fields: readonly ImportField[] = mapping.kind === 'budget' ? BUDGET_FIELDS : ALLOCATION_FIELDS
  const required = REQUIRED_FIELDS[mapping.kind] as ImportField[]
  const derivable: ImportField = DERIVABLE_FIELDS[mapping.kind]
  // As a fresh read with that kind: periods across the columns stay periods (unless read one row per record).
  const setKind = (kind: ImportKind) =>
    onChange({
      ...mapping,
      kind,
      columns: columnsForKind(read.suggestion, read.headers, kind, mapping.layout)
    })
  const setColumn = (field: ImportField, value: string) => {
    const columns = { ...mapping.columns }
    if (value === '') delete columns[field]
    else {
      // One column feeds one field: taking it here frees it elsewhere.
      const col = Number(value)
      for (const [f, c] of Object.entries(columns)) if (c === col) delete columns[f as ImportField]
      columns[field] = col
    }
    onChange({ ...mapping, columns })
  }
  const c = read.result.counts
  return (
    <div className="import-mapping" aria-busy={busy}>
      {remembered && <p className="badge badge-ok">{t('remembered')}</p>}
      <fieldset className="import-kind">
        <legend>{t('importAs')}</legend>
        {(['budget', 'allocations'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" checked={mapping.kind === k} onChange={() => setKind(k)} />{' '}
            {t(`kind_${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="import-fields">
        {fields.map((f) => (
          <label key={f} className="import-field">
            <span>
              {t(`field_${f}`)}
              {required.includes(f) && (
                <span className="muted small">
                  {' '}
                  ({t(f === derivable && mapping.columns[f] === undefined ? 'fromPlan' : 'required')})
                </span>
              )}
            </span>
            <select
              className="text"
              aria-label={t(`field_${f}`)}
              value={mapping.columns[f] === undefined ? '' : String(mapping.columns[f])}
              onChange={(e) => setColumn(f, e.target.value)}
            >
              <option value="">{t('notMapped')}</option>
              {read.headers.map((h, i) => (
                <option key={i} value={i}>
                  {t('columnOption', { letter: columnLetter(i), header: h || '…' })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="import-options">
        {mapping.kind === 'budget' ? (
          <>
            <label className="import-field">
              <span>{t('numberStyle')}</span>
              <select
                className="text"
                aria-label={t('numberStyle')}
                value={mapping.numberStyle}
                onChange={(e) =>
                  onChange({ ...mapping, numberStyle: e.target.value as ColumnMapping['numberStyle'] })
                }
              >
                {(['auto', 'de', 'en', 'ch'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`style_${s}`)}
                  </option>
                ))}
              </select>
              {mapping.numberStyle === 'auto' && read.result.numberStyle && (
                <span className="muted small">
                  {t('styleDetected', { style: t(`style_${read.result.numberStyle}`) })}
                </span>
              )}
            </label>
            <label className="import-field">
              <span>{t('defaultCurrency')}</span>
              <select
                className="text"
                aria-label={t('defaultCurrency')}
                value={mapping.defaultCurrency}
                onChange={(e) => onChange({ ...mapping, defaultCurrency: e.target.value as 'EUR' | 'CHF' })}
              >
                <option value="EUR">EUR</option>
                <option value="CHF">CHF</option>
              </select>
            </label>
            <AmountScaleField
              value={mapping.amountScale ?? 1}
              onChange={(v) => {
                const { amountScale: _old, ...rest } = mapping
                onChooseScale(v === 1 ? rest : { ...rest, amountScale: v })
              }}
            />
          </>
        ) : (
          <label className="import-field">
            <span>{t('shareScale')}</span>
            <select
              className="text"
              aria-label={t('shareScale')}
              value={mapping.shareScale}
              onChange={(e) =>
                onChange({ ...mapping, shareScale: e.target.value as ColumnMapping['shareScale'] })
              }
            >
              {(['auto', 'percent', 'fte'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`scale_${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {c.ambiguous > 0 && mapping.kind === 'allocations' && (
        <div className="import-ambiguous" role="alert">
          <strong>{t('ambiguousSharesTitle', { count: c.ambiguous })}</strong>
          <p>{t('ambiguousSharesText')}</p>
          {(['percent', 'fte'] as const).map((s) => (
            <button key={s} className="btn btn-small" onClick={() => onChange({ ...mapping, shareScale: s })}>
              {t(`scale_${s}`)}
            </button>
          ))}
        </div>
      )}
      {c.ambiguous > 0 && mapping.kind === 'budget' && (
        <div className="import-ambiguous" role="alert">
          <strong>{t('ambiguousTitle', { count: c.ambiguous })}</strong>
          <p>{t('ambiguousText')}</p>
          {(['de', 'en', 'ch'] as const).map((s) => (
            <button
              key={s}
              className="btn btn-small"
              onClick={() => onChange({ ...mapping, numberStyle: s })}
            >
              {t(`style_${s}`)}
            </button>
          ))}
        </div>
      )}
      <FromPlanNote
        mapping={mapping}
        workstreams={workstreams}
        target={target}
        recalledEncoding={recalledEncoding}
        onChange={onChange}
      />
      <LayoutNote mapping={mapping} read={read} onChange={onChange} onPreviewAnyway={onPreviewAnyway} />
      <p className="import-counts" data-testid="mapping-counts">
        {rowCountsText(t, c.good, c.bad, c.totals)}
      </p>
    </div>
  )
}
