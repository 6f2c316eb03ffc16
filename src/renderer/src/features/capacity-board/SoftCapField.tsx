// The soft cap in the board toolbar: typed in percent, committed as an undoable plan edit.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '@shared/planning/types'
import { commitChanges } from '../../db/commit'
import { toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { formatNumber } from '../../lib/format'
import { parseProbability } from '@shared/planning/validate'
import { currentLanguage } from '../../i18n'

export function SoftCapField({ planId, plan }: { planId: string; plan: Plan }) {
  const { t } = useTranslation('capacityBoard')
  const [text, setText] = useState(formatNumber(plan.softCapBp / 100, 0))
  const [error, setError] = useState(false)
  useEffect(
    () => setText(formatNumber(plan.softCapBp / 100, plan.softCapBp % 100 === 0 ? 0 : 2)),
    [plan.softCapBp]
  )

  const apply = async () => {
    // A soft cap is a percentage of capacity within 1..100, read like any typed percentage.
    const parsed = parseProbability(text, currentLanguage())
    const bp = parsed.ok ? Math.round(parsed.value * 100) : null
    if (bp === null || bp < 100 || bp > 10_000) {
      setError(true)
      return
    }
    setError(false)
    if (bp === plan.softCapBp) return
    try {
      await commitChanges(
        planId,
        'edit',
        { key: 'history.setSoftCap', values: { from: plan.softCapBp / 100, to: bp / 100 } },
        [{ table: 'plans', id: plan.id, before: plan, after: { ...plan, softCapBp: bp } }]
      )
    } catch (err) {
      toastError(msg('common:storageError'), err)
    }
  }

  return (
    <label title={t('softCapHint')}>
      {t('softCap')}
      <span className="softcap-input">
        <input
          className="text"
          inputMode="decimal"
          size={4}
          value={text}
          aria-invalid={error}
          aria-describedby={error ? 'softcap-error' : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void apply()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void apply()
          }}
        />
        <span aria-hidden="true">%</span>
      </span>
      {error && (
        <span id="softcap-error" className="field-error" role="alert">
          {t('softCapInvalid')}
        </span>
      )}
    </label>
  )
}
