// The review of edits found in a re-imported allocation sheet: one row per edit with what it
// was and what the file says, each accepted or rejected on its own; conflicts flagged.
import { Dialog } from 'radix-ui'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportChange } from '@shared/export/diff'
import type { ReimportResult } from '@shared/ipc/channels/export'
import type { Currency, QuarterKey } from '@shared/planning/types'
import { formatMoney, formatNumber, formatQuarter, formatShare } from '../../lib/format'

type Props = {
  result: ReimportResult
  fileName: string
  busy: boolean
  onApply: (accepted: ExportChange[]) => void
  onImportAsNew: () => void
  onClose: () => void
}

function formatValue(
  field: ExportChange['fields'][number]['field'],
  value: number | string | null,
  currency: Currency | undefined,
  words: { removed: string; onTeam: string }
): string {
  if (value === null) return field === 'openPosition' ? words.onTeam : words.removed
  switch (field) {
    case 'amount':
    case 'cap':
    case 'totalBudget':
      return formatMoney(Number(value), currency ?? 'EUR')
    case 'share':
    case 'capacity':
    case 'softCap':
      return formatShare(Number(value))
    case 'rate':
      return formatNumber(Number(value), 4)
    case 'openPosition':
    case 'quarter':
      return formatQuarter(String(value) as QuarterKey)
    default:
      return `“${String(value)}”`
  }
}

export function ReimportDialog({ result, fileName, busy, onApply, onImportAsNew, onClose }: Props) {
  const { t } = useTranslation('transfer')
  const changes = result.diff.changes
  const words = { removed: t('removed'), onTeam: t('onTeam') }
  const [accepted, setAccepted] = useState<Set<string>>(() => new Set(changes.map((c) => c.key)))
  const chosen = useMemo(() => changes.filter((c) => accepted.has(c.key)), [changes, accepted])
  const toggle = (key: string) =>
    setAccepted((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" aria-describedby="reimport-lead">
          <Dialog.Title className="dialog-title">{t('reimportTitle')}</Dialog.Title>
          <p id="reimport-lead" className="dialog-text">
            {changes.length
              ? t('reimportLead', { count: changes.length, file: fileName })
              : t('reimportNone')}
          </p>
          {!result.samePlan && (
            <p className="transfer-note" role="note">
              {t('reimportOtherPlan', { name: result.source.planName })}
            </p>
          )}
          {result.samePlan && changes.length > 0 && (
            <>
              <div className="transfer-bulk">
                <button
                  className="btn btn-small"
                  onClick={() => setAccepted(new Set(changes.map((c) => c.key)))}
                >
                  {t('acceptAll')}
                </button>
                <button className="btn btn-small" onClick={() => setAccepted(new Set())}>
                  {t('rejectAll')}
                </button>
              </div>
              <ul className="transfer-changes" aria-label={t('reimportTitle')}>
                {changes.map((c) => (
                  <li key={c.key} className={`transfer-change ${accepted.has(c.key) ? '' : 'rejected'}`}>
                    <label className="transfer-accept">
                      <input
                        type="checkbox"
                        checked={accepted.has(c.key)}
                        onChange={() => toggle(c.key)}
                        aria-label={`${t('accept')}: ${t(`kind.${c.kind}`)} — ${c.label}`}
                      />
                    </label>
                    <div className="transfer-change-body">
                      <div className="transfer-change-head">
                        <strong>{t(`kind.${c.kind}`)}</strong>
                        <span className="transfer-label">{c.label}</span>
                        {c.cell && (
                          <span className="muted mono" title={t('cell')}>
                            {c.cell}
                          </span>
                        )}
                      </div>
                      <div className="transfer-fields">
                        {c.fields.map((f, i) => (
                          <span key={i} className="transfer-field">
                            {t(`field.${f.field}`)}
                            {f.quarter ? ` ${formatQuarter(f.quarter)}` : ''}:{' '}
                            <span className="transfer-from">
                              {formatValue(f.field, f.from, c.currency, words)}
                            </span>
                            {' → '}
                            <span className="transfer-to">
                              {formatValue(f.field, f.to, c.currency, words)}
                            </span>
                          </span>
                        ))}
                      </div>
                      {c.conflict && (
                        <div className="transfer-conflict" role="note">
                          ⚠ {t('conflict')}
                        </div>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.diff.warnings.filter((w) => w.code !== 'other-plan').length > 0 && (
            <details className="transfer-warnings" open>
              <summary>{t('warnings')}</summary>
              <ul>
                {result.diff.warnings
                  .filter((w) => w.code !== 'other-plan')
                  .map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
              </ul>
            </details>
          )}
          <div className="dialog-actions">
            <button className="btn" onClick={onClose} disabled={busy}>
              {t('cancel', { ns: 'common' })}
            </button>
            <button className="btn" onClick={onImportAsNew} disabled={busy}>
              {t('importAsNew')}
            </button>
            {result.samePlan && (
              <button
                className="btn btn-primary"
                onClick={() => onApply(chosen)}
                disabled={busy || chosen.length === 0}
              >
                {t('applyAccepted', { count: chosen.length })}
              </button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
