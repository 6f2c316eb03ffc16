// Asks how much of a chip moves or splits off: a slider in 5 % steps plus a typed value.
// Usage: `const amount = await askAmount({...})` (null = cancelled). Mount <AmountDialogHost /> once per board.
import { Dialog } from 'radix-ui'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Currency } from '@shared/planning/types'
import { formatMoney, formatNumber, formatShare } from '../../lib/format'
import { amountAtPercent, parseMoneyToCents, parsePercentToBp } from './amount-input'
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

function toText(req: AmountRequest, value: number): string {
  return req.unit === 'share' ? formatNumber(value / 100, 2) : formatNumber(value / 100, 2)
}

function format(req: AmountRequest, value: number): string {
  return req.unit === 'share' ? formatShare(value) : formatMoney(value, req.currency ?? 'EUR')
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
  const min = req.min ?? 1
  const [value, setValue] = useState(req.initial)
  const [text, setText] = useState(toText(req, req.initial))
  const [touched, setTouched] = useState(false)
  const parsed = req.unit === 'share' ? parsePercentToBp(text) : parseMoneyToCents(text)
  const valid = parsed !== null && parsed >= min && parsed <= req.max
  useEffect(() => {
    if (parsed !== null) setValue(parsed)
  }, [parsed])
  const whole = req.total ?? req.max
  const percent = Math.round((value / whole) * 100)
  const submit = () => {
    setTouched(true)
    if (valid) settle(parsed)
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
            setValue(v)
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
            aria-invalid={touched && !valid}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => setTouched(true)}
          />
        </label>
        {touched && !valid ? (
          <p className="field-error" role="alert">
            {t('amountInvalid', { max: format(req, req.max) })}
          </p>
        ) : (
          <p className="muted amount-rest" aria-live="polite">
            {format(req, valid ? parsed : value)} →{' '}
            {t('amountRest', { rest: format(req, (req.total ?? req.max) - (valid ? parsed : value)) })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => settle(null)}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {req.confirmLabel ?? t('amountOk')}
          </button>
        </div>
      </form>
    </Dialog.Content>
  )
}
