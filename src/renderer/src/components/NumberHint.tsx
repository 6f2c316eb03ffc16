// What a typed number will store, shown beside its field before anything is saved: the value as it
// will be kept ("Stores €20,000.00"), or, when German and English writing read the text
// differently, the question with one button per reading ("€20,000.00 or €20.00?").
import { useTranslation } from 'react-i18next'
import type { Validation } from '@shared/planning/validate'
import './NumberHint.css'
import './strings'

export type NumberHintProps<T> = {
  result: Validation<T>
  /** The stored value as the UI shows it, with its unit ("€20,000.00", "50%"). */
  format: (value: T) => string
  /** A reading picked from the question. */
  onChoose: (value: T) => void
  /** Shows nothing for a valid value (the text is the value already shown). */
  quiet?: boolean
  id?: string
  className?: string
}

export function NumberHint<T>({ result, format, onChoose, quiet, id, className = '' }: NumberHintProps<T>) {
  const { t } = useTranslation('number-hint')
  if (result.ok) {
    if (quiet) return null
    return (
      <span id={id} className={`number-hint muted ${className}`} aria-live="polite">
        {t('stores', { value: format(result.value) })}
      </span>
    )
  }
  if (result.error !== 'ambiguous') return null
  return (
    <span
      id={id}
      className={`number-hint number-ask ${className}`}
      role="group"
      aria-label={t(result.options.length > 1 ? 'ask' : 'confirm')}
    >
      <span>{t(result.options.length > 1 ? 'ask' : 'confirm')}</span>
      {result.options.map((v) => (
        <button
          key={String(v)}
          type="button"
          className="btn btn-small"
          aria-label={t('choose', { value: format(v) })}
          // Keeps focus (and an open in-place field) where it is until the choice is made.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChoose(v)}
        >
          {format(v)}
        </button>
      ))}
    </span>
  )
}
