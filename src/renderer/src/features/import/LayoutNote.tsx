// The mapping step's word on the sheet's layout: periods found across the columns (and the user's
// choices for them), year totals that do not add up, and why a sheet yields no row at all.
import { useTranslation } from 'react-i18next'
import type { SheetOverview } from '@shared/import/workbook'
import type { ColumnMapping } from '@shared/import/types'
import { scaleFoundFor } from '@shared/import/mapping'
import { formatMoney } from '../../lib/format'
import { issueSentence } from './issue-text'
import { ScaleNote } from './AmountScaleField'

export function LayoutNote({
  mapping,
  read,
  onChange,
  onPreviewAnyway
}: {
  mapping: ColumnMapping
  read: SheetOverview
  onChange: (m: ColumnMapping) => void
  onPreviewAnyway: () => void
}) {
  const { t } = useTranslation('import')
  const wide = read.result.wide
  const c = read.result.counts
  const problems = read.result.sample.flatMap((r) => r.issues).slice(0, 5)
  const scale = mapping.kind === 'budget' ? (mapping.amountScale ?? 1) : 1
  // How one cell was read: the first sample amount (its source is kept when amounts are scaled).
  const first = read.result.sample.find((r) => r.ok && r.kind === 'budget' && r.source !== undefined)
  const example =
    first?.ok && first.kind === 'budget'
      ? `${first.source} → ${formatMoney(first.values.amountCents, first.values.currency)}`
      : undefined
  return (
    <div className="import-layout" data-testid="import-layout">
      {mapping.kind === 'budget' && (read.result.amountScale ?? 1) === scale && (
        <ScaleNote
          applied={scale}
          found={scaleFoundFor(read.suggestion, read.headers, read.mapping)}
          example={example}
          currency={mapping.defaultCurrency}
        />
      )}
      {wide && (
        <p>
          {t(wide.periods === 'month' ? 'wideMonths' : 'wideQuarters', {
            count: wide.columns.length,
            from: wide.columns[0],
            to: wide.columns.at(-1)
          })}
          {wide.totalColumn && ` ${t('wideTotal', { column: wide.totalColumn })}`}
        </p>
      )}
      {(wide || mapping.layout === 'long') && (
        <label className="check">
          <input
            type="checkbox"
            checked={mapping.layout !== 'long'}
            onChange={(e) => onChange({ ...mapping, layout: e.target.checked ? 'wide' : 'long' })}
          />{' '}
          {t('wideUse')}
        </label>
      )}
      {wide?.periods === 'month' && mapping.kind === 'budget' && (
        <label className="check">
          <input
            type="checkbox"
            checked={Boolean(mapping.monthLines)}
            onChange={(e) => onChange({ ...mapping, monthLines: e.target.checked })}
          />{' '}
          {t('monthLines')}
        </label>
      )}
      {wide && (wide.missingYear || mapping.year !== undefined) && (
        <label className="import-field">
          <span>{t('wideYear')}</span>
          <input
            className="text"
            type="number"
            aria-label={t('wideYear')}
            min={1990}
            max={2100}
            value={mapping.year ?? ''}
            onChange={(e) => {
              const year = Number(e.target.value)
              if (year >= 1990 && year <= 2100) onChange({ ...mapping, year })
            }}
          />
        </label>
      )}
      {wide?.mismatches.slice(0, 5).map((m) => (
        <p key={m.row} className="field-error">
          {t('totalMismatch', {
            row: m.row,
            total: formatMoney(m.totalCents, mapping.defaultCurrency),
            sum: formatMoney(m.sumCents, mapping.defaultCurrency)
          })}
        </p>
      ))}
      {c.good === 0 && (
        <div className="import-ambiguous" role="alert" data-testid="import-nothing">
          <strong>{t('nothingTitle')}</strong>
          <p>
            {mapping.columns.quarter === undefined && !wide ? t('nothingNoQuarter') : t('nothingRows')}{' '}
            {wide ? '' : t('nothingNoWide')}
          </p>
          <ul>
            {problems.map((i, k) => (
              <li key={k} className="small">
                {issueSentence(t, i)}
              </li>
            ))}
          </ul>
          <button className="btn btn-small" onClick={onPreviewAnyway}>
            {t('previewAnyway')}
          </button>
        </div>
      )}
    </div>
  )
}
