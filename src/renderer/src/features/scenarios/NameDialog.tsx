// Asks for a plan or scenario name (branch, rename, duplicate). Usage: `const name = await askName({...})`.
import { Dialog } from 'radix-ui'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createDialogRequest } from '../../components/dialog-request'

export type NameRequest = { title: string; text?: string; initial: string; confirmLabel: string }
const request = createDialogRequest<NameRequest, string>()
const settle = request.settle

/** Resolves to the trimmed name, or null when the user cancels. */
export function askName(req: NameRequest): Promise<string | null> {
  return request.ask(req)
}

export function NameDialogHost() {
  const { t } = useTranslation('scenarios')
  const p = request.usePending()
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setValue(p?.initial ?? '')
    setError(null)
  }, [p])

  const submit = () => {
    const name = value.trim()
    if (!name) {
      setError(t('name.required'))
      return
    }
    settle(name)
  }

  return (
    <Dialog.Root open={p !== null} onOpenChange={(open) => !open && settle(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content dialog-narrow">
          <Dialog.Title className="dialog-title">{p?.title}</Dialog.Title>
          <Dialog.Description className="dialog-text">{p?.text ?? ''}</Dialog.Description>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <label className="name-field">
              <span>{t('name.label')}</span>
              <input
                className="text"
                value={value}
                maxLength={120}
                autoFocus
                aria-invalid={error ? 'true' : undefined}
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => {
                  setValue(e.target.value)
                  setError(null)
                }}
              />
              {error && (
                <span className="field-error" role="alert">
                  {error}
                </span>
              )}
            </label>
            <div className="dialog-actions">
              <Dialog.Close className="btn" type="button">
                {t('common:cancel')}
              </Dialog.Close>
              <button className="btn btn-primary" type="submit">
                {p?.confirmLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
