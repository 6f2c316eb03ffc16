// The wizard's first step: choose a file, then watch it being read (cancel any time).
import { useTranslation } from 'react-i18next'
import type { Progress } from './wizard-model'

export function FileStep({ again, onChoose }: { again: boolean; onChoose: () => void }) {
  const { t } = useTranslation('import')
  return (
    <div className="import-choose">
      <p className="dialog-text">{t('chooseIntro')}</p>
      <button className="btn btn-primary" onClick={onChoose}>
        {again ? t('tryAnother') : t('chooseFile')}
      </button>
    </div>
  )
}

function progressPercent(p: Progress | null): number {
  if (!p) return 5
  if (p.stage === 'done') return 100
  const frac = p.total > 0 ? p.done / p.total : 0
  return p.stage === 'checking' ? 5 : p.stage === 'reading' ? 10 + 50 * frac : 60 + 40 * frac
}

export function ReadingStep({
  file,
  progress,
  onCancel
}: {
  file: string
  progress: Progress | null
  onCancel: () => void
}) {
  const { t } = useTranslation('import')
  return (
    <div className="import-reading" aria-live="polite">
      <p>{t('reading', { file: file || '…' })}</p>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progressPercent(progress)}
      >
        <div style={{ width: `${progressPercent(progress)}%` }} />
      </div>
      <p className="muted small">
        {progress ? t(`stage_${progress.stage}`, { defaultValue: progress.stage }) : t('stage_checking')}
      </p>
      <div className="dialog-actions">
        <button className="btn" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  )
}
