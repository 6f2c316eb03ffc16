// Asks how much of a chip moves or splits off: a slider in 5 % steps plus a typed value.
// Usage: `const amount = await askAmount({...})` (null = cancelled). Mount <AmountDialogHost /> once per board.
import { Dialog } from 'radix-ui'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '@shared/planning/types'
import { formatMoney, formatNumber, formatShare } from '../../lib/format'
import { amountAtPercent } from './amount-input'
import { parseAmount, parseSharePercent, type Validation } from '@shared/planning/validate'
import type { TFunction } from 'i18next'
import { currentLanguage } from '../../i18n'
import { NumberHint } from '../NumberHint'
import { createDialogRequest } from '../dialog-request'
import './strings'

export type AmountRequest = {
  title?: string
  description?: string
  /** share: basis points of an FTE; money: cents in `currency`. */
  unit: 'share' | 'money'
  currency?: Currency
  /** Largest amount allowed (the whole chip for a move; one unit less for a split). */
  max: number
  /** The whole chip, for "… stays"; default max. */
  total?: number
  /** Smallest allowed amount; default 1 unit. */
  min?: number
  initial: number
  confirmLabel?: string
}

const request = createDialogRequest<AmountRequest, number>()
const settle = request.settle

export function askAmount(req: AmountRequest): Promise<number | null> {
  return request.ask(req)
}

// Shares carry their "%" so the text reads the same in every language and never asks FTE or percent.
function toText(req: AmountRequest, value: number): string {
  return req.unit === 'share' ? `${formatNumber(value / 100, 2)} %` : formatNumber(value / 100, 2)
}

function format(req: AmountRequest, value: number): string {
  return req.unit === 'share' ? formatShare(value) : formatMoney(value, req.currency ?? 'EUR')
}

/** Why the typed text cannot be confirmed, or null when it can. */
function refusal(req: AmountRequest, parsed: Validation<number>, t: TFunction<'board'>): string | null {
  const min = req.min ?? 1
  if (!parsed.ok) {
    if (parsed.error === 'ambiguous') return t('amountAmbiguous')
    if (parsed.error === 'negative') return t('amountNegative')
    if (parsed.error === 'not-a-number') return t('amountNotNumber')
    if (parsed.error === 'not-integer-cents') return t('amountCents')
    return t('amountTooLarge', { max: format(req, req.max) })
  }
  if (parsed.value < min) return t('amountInvalid', { max: format(req, req.max) })
  if (parsed.value > req.max) return t('amountTooLarge', { max: format(req, req.max) })
  return null
}

export function AmountDialogHost() {
  const p = request.usePending()
  return (
    <Dialog.Root open={p !== null} onOpenChange={(open) => !open && settle(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {p && <AmountForm key={`${p.unit}:${p.max}:${p.initial}:${p.title}`} req={p} />}
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function AmountForm({ req }: { req: AmountRequest }) {
  const { t } = useTranslation('board')
  const lang = currentLanguage()
  const [text, setText] = useState(toText(req, req.initial))
  const parsed = req.unit === 'share' ? parseSharePercent(text, lang) : parseAmount(text, lang)
  const reason = refusal(req, parsed, t)
  const valid = parsed.ok && reason === null
  const whole = req.total ?? req.max
  // The slider follows the text while it reads.
  const value = parsed.ok ? Math.min(parsed.value, whole) : req.initial
  const percent = Math.round((value / whole) * 100)
  const submit = () => {
    if (valid) settle(parsed.value)
  }
  return (
    <Dialog.Content className="dialog-content dialog-narrow amount-dialog" aria-describedby="amount-desc">
      <Dialog.Title className="dialog-title">{req.title ?? t('amountTitle')}</Dialog.Title>
      <p id="amount-desc" className="dialog-text">
        {req.description}
      </p>
      <form
        className="amount-form"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <input
          type="range"
          aria-label={t('amountSlider')}
          min={5}
          max={100}
          step={5}
          value={Math.min(100, Math.max(5, Math.round(percent / 5) * 5))}
          onChange={(e) => {
            const v = Math.min(req.max, amountAtPercent(whole, Number(e.target.value)))
            setText(toText(req, v))
          }}
        />
        <label className="amount-field">
          <span>
            {req.unit === 'share'
              ? t('amountPercent')
              : t('amountMoney', { currency: req.currency ?? 'EUR' })}
          </span>
          <input
            className="text"
            autoFocus
            inputMode="decimal"
            value={text}
            aria-invalid={reason !== null}
            aria-describedby="amount-feedback"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div id="amount-feedback" className="amount-feedback">
          {valid ? (
            <p className="muted amount-rest" aria-live="polite">
              {format(req, parsed.value)} → {t('amountRest', { rest: format(req, whole - parsed.value) })}
            </p>
          ) : (
            <p className="field-error" role="alert">
              {reason}
            </p>
          )}
          <NumberHint
            result={parsed}
            format={(v) => format(req, v)}
            onChoose={(v) => setText(toText(req, v))}
            quiet
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => settle(null)}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!valid} title={reason ?? undefined}>
            {req.confirmLabel ?? t('amountOk')}
          </button>
        </div>
      </form>
    </Dialog.Content>
  )
}
