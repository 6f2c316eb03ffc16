// The unit amounts are written in: as written, thousands ("TEUR") or millions ("Mio. €"), for plan
// sheets and bookings alike. Always offered, so a user who knows a sheet is in thousands can say so;
// the note beside it says what the sheet names and where, or that the choice is the user's.
import { useTranslation } from 'react-i18next'
import type { AmountScale, ScaleFound } from '@shared/import/units'
import { formatMoney, formatNumber } from '../../lib/format'

export function AmountScaleField({
  value,
  onChange
}: {
  value: 1 | AmountScale
  onChange: (scale: 1 | AmountScale) => void
}) {
  const { t } = useTranslation('import')
  return (
    <label className="import-field">
      <span>{t('amountScale')}</span>
      <select
        className="text"
        aria-label={t('amountScale')}
        value={value}
        onChange={(e) => onChange(Number(e.target.value) as 1 | AmountScale)}
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

/** Long lines above a table are cut for the note; the user sees which line it was. */
const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text)

/**
 * What the applied unit means and where it came from: "Amounts in thousands (from the line above
 * the table, row 2: “Beträge in TEUR”): 12,5 → €12,500.00." Also says when the sheet names a unit
 * the user set back to "as written". `example` is one cell as read; omitted, 12.5 or 1.5 is shown.
 */
export function ScaleNote({
  applied,
  found,
  example,
  currency = 'EUR'
}: {
  applied: 1 | AmountScale
  found: ScaleFound | null
  example?: string
  currency?: 'EUR' | 'CHF'
}) {
  const { t } = useTranslation('import')
  const from = found ? t(`scaleFrom_${found.where}`, { text: clip(found.text), row: found.row ?? 0 }) : ''
  if (applied === 1) {
    if (!found) return null
    return <p data-testid="import-scale">{t(`scaleIgnored_${found.scale}`, { from })}</p>
  }
  const shown =
    example ??
    (applied === 1000
      ? `${formatNumber(12.5, 1)} → ${formatMoney(1_250_000, currency)}`
      : `${formatNumber(1.5, 1)} → ${formatMoney(150_000_000, currency)}`)
  return (
    <p data-testid="import-scale">
      {found?.scale === applied
        ? t(`scale_${applied}`, { example: shown, from })
        : t(`scaleChosen_${applied}`, { example: shown })}
    </p>
  )
}
