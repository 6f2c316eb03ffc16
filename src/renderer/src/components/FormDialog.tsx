// One dialog for adding and editing a plan's parts: fields described as data, checked by the
// caller on submit, refused input explained beside its field and nothing stored until it passes.
// Usage: `await openForm({ title, fields, initial, submit })`; resolves true once submit stored it.
import { Dialog } from 'radix-ui'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Validation } from '@shared/planning/validate'
import { createDialogRequest } from './dialog-request'
import { NumberHint } from './NumberHint'
import { errorText } from './error-text'
import { translate } from '../i18n/text'
import './form-dialog.css'

export type FormValue = string | boolean | string[]
export type FormValues = Record<string, FormValue>

type Base = {
  name: string
  label: string
  /** Shown under the field; a function follows what has been typed so far. */
  hint?: string | ((v: FormValues) => string)
  showIf?: (v: FormValues) => boolean
}
export type FieldSpec = Base &
  (
    | {
        kind: 'text'
        maxLength?: number
        inputMode?: 'decimal' | 'numeric' | 'text'
        placeholder?: string
        /** A typed number: what it stores is shown under the field, and an ambiguous text asks. */
        number?: NumberField
      }
    | { kind: 'textarea'; maxLength?: number; rows?: number }
    | { kind: 'select'; options: { value: string; label: string }[] }
    | { kind: 'checkbox' }
    | { kind: 'checklist'; options: { value: string; label: string }[] }
  )

export type NumberField = {
  read: (text: string) => Validation<number>
  format: (value: number) => string
  /** The text a chosen reading is written back as (unambiguous in the UI language). */
  toText: (value: number) => string
}

export type FormRequest = {
  title: string
  description?: string
  submitLabel: string
  fields: FieldSpec[]
  initial: FormValues
  /** Checks and stores; resolves to messages per field when refused (nothing stored), else null. */
  submit: (values: FormValues) => Promise<Record<string, string> | null>
  testId?: string
  /** The submit button removes something: drawn as a danger button. */
  danger?: boolean
}

const request = createDialogRequest<FormRequest, true>()

/** Resolves true when the form was stored, false when cancelled. */
export async function openForm(req: FormRequest): Promise<boolean> {
  return (await request.ask(req)) === true
}

export function FormDialogHost() {
  const { t } = useTranslation('common')
  const p = request.usePending()
  const [values, setValues] = useState<FormValues>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    setValues(p?.initial ?? {})
    setErrors({})
    setBusy(false)
  }, [p])

  const set = (name: string, value: FormValue) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => {
      if (!(name in e)) return e
      const next = { ...e }
      delete next[name]
      return next
    })
  }

  const submit = async () => {
    if (!p || busy) return
    setBusy(true)
    try {
      const refused = await p.submit(values)
      if (refused && Object.keys(refused).length > 0) {
        setErrors(refused)
        // Focus the first refused field so keyboard users land where the explanation is.
        const first = p.fields.find((f) => refused[f.name])
        if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first.name}"]`)?.focus()
        return
      }
      request.settle(true)
    } catch (err) {
      setErrors({ _form: translate(errorText(err)) })
    } finally {
      setBusy(false)
    }
  }

  const shown = p?.fields.filter((f) => !f.showIf || f.showIf(values)) ?? []

  return (
    <Dialog.Root open={p !== null} onOpenChange={(open) => !open && request.settle(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content form-dialog" data-testid={p?.testId}>
          <Dialog.Title className="dialog-title">{p?.title}</Dialog.Title>
          <Dialog.Description className={p?.description ? 'dialog-text' : 'sr-only'}>
            {p?.description ?? p?.title}
          </Dialog.Description>
          <form
            ref={formRef}
            className="form-grid"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              void submit()
            }}
          >
            {shown.map((f) => {
              const id = `form-${f.name}`
              const err = errors[f.name]
              const hint = typeof f.hint === 'function' ? f.hint(values) : f.hint
              const described = [err ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ')
              const common = {
                id,
                name: f.name,
                'aria-invalid': err ? ('true' as const) : undefined,
                'aria-describedby': described || undefined
              }
              let control: React.ReactNode
              switch (f.kind) {
                case 'text':
                  control = (
                    <input
                      {...common}
                      className="text"
                      value={String(values[f.name] ?? '')}
                      maxLength={f.maxLength}
                      inputMode={f.inputMode}
                      placeholder={f.placeholder}
                      onChange={(e) => set(f.name, e.target.value)}
                    />
                  )
                  if (f.number && String(values[f.name] ?? '').trim() !== '') {
                    const num = f.number
                    control = (
                      <>
                        {control}
                        <NumberHint
                          result={num.read(String(values[f.name]))}
                          format={num.format}
                          onChoose={(v) => set(f.name, num.toText(v))}
                        />
                      </>
                    )
                  }
                  break
                case 'textarea':
                  control = (
                    <textarea
                      {...common}
                      className="text"
                      rows={f.rows ?? 3}
                      value={String(values[f.name] ?? '')}
                      maxLength={f.maxLength}
                      onChange={(e) => set(f.name, e.target.value)}
                    />
                  )
                  break
                case 'select':
                  control = (
                    <select
                      {...common}
                      value={String(values[f.name] ?? '')}
                      onChange={(e) => set(f.name, e.target.value)}
                    >
                      {f.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  )
                  break
                case 'checkbox':
                  control = (
                    <input
                      {...common}
                      type="checkbox"
                      checked={values[f.name] === true}
                      onChange={(e) => set(f.name, e.target.checked)}
                    />
                  )
                  break
                case 'checklist': {
                  const picked = new Set((values[f.name] as string[] | undefined) ?? [])
                  control = (
                    <fieldset
                      className="form-checklist"
                      id={id}
                      aria-invalid={common['aria-invalid']}
                      aria-describedby={common['aria-describedby']}
                    >
                      <legend className="sr-only">{f.label}</legend>
                      {f.options.map((o) => (
                        <label key={o.value} className="form-check">
                          <input
                            type="checkbox"
                            name={f.name}
                            checked={picked.has(o.value)}
                            onChange={(e) => {
                              const next = new Set(picked)
                              if (e.target.checked) next.add(o.value)
                              else next.delete(o.value)
                              set(
                                f.name,
                                f.options.map((x) => x.value).filter((v) => next.has(v))
                              )
                            }}
                          />
                          {o.label}
                        </label>
                      ))}
                    </fieldset>
                  )
                  break
                }
              }
              return (
                <div key={f.name} className={`form-row form-${f.kind}`}>
                  {f.kind === 'checklist' ? (
                    <span className="form-label" id={`${id}-label`}>
                      {f.label}
                    </span>
                  ) : (
                    <label className="form-label" htmlFor={id}>
                      {f.label}
                    </label>
                  )}
                  <div className="form-control">
                    {control}
                    {hint && (
                      <span className="form-hint muted small" id={`${id}-hint`}>
                        {hint}
                      </span>
                    )}
                    {err && (
                      <span className="field-error" id={`${id}-error`} role="alert">
                        {err}
                      </span>
                    )}
                  </div>
                </div>
              )
            })}
            {errors._form && (
              <p className="field-error" role="alert">
                {errors._form}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close className="btn" type="button">
                {t('cancel')}
              </Dialog.Close>
              <button
                className={`btn ${p?.danger ? 'btn-danger' : 'btn-primary'}`}
                type="submit"
                disabled={busy}
              >
                {p?.submitLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
