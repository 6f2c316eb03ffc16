// The unit amounts are written in: as they are, thousands ("TEUR") or millions ("Mio. €"). Offered
// where the sheet names one or the user chose one, so a detected unit can be undone.
import { useTranslation } from 'react-i18next'
import type { SheetOverview } from '@shared/import/workbook'
import type { ColumnMapping } from '@shared/import/types'
import type { AmountScale } from '@shared/import/units'

export function AmountScaleField({
  mapping,
  read,
  onChange
}: {
  mapping: ColumnMapping
  read: SheetOverview
  onChange: (m: ColumnMapping) => void
}) {
  const { t } = useTranslation('import')
  const scale = mapping.amountScale ?? 1
  if (scale === 1 && read.suggestion.headerScale === null) return null
  return (
    <label className="import-field">
      <span>{t('amountScale')}</span>
      <select
        className="text"
        aria-label={t('amountScale')}
        value={scale}
        onChange={(e) => {
          const { amountScale: _old, ...rest } = mapping
          const v = Number(e.target.value) as 1 | AmountScale
          onChange(v === 1 ? rest : { ...rest, amountScale: v })
        }}
      >
        {([1, 1000, 1_000_000] as const).map((s) => (
          <option key={s} value={s}>
            {t(`amountScale_${s}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
