// Asks before a destructive step ("Reset to the built-in plan?"). Usage: `if (await confirm({...}))`.
import { AlertDialog } from 'radix-ui'
import { useTranslation } from 'react-i18next'
import { createDialogRequest } from './dialog-request'

export type ConfirmOptions = {
  title: string
  message: string
  confirmLabel?: string
  cancelLabel?: string
  danger?: boolean
  /** Extra choices beside confirm, e.g. restore: "Replace" / "Merge". Resolves to the chosen value. */
  choices?: { label: string; value: string; danger?: boolean }[]
}

const request = createDialogRequest<ConfirmOptions, string>()

export async function confirm(options: ConfirmOptions): Promise<boolean> {
  return (await choose(options)) === 'confirm'
}

/** Resolves to the value of the chosen button ('confirm' for the main one) or null for cancel. */
export function choose(options: ConfirmOptions): Promise<string | null> {
  return request.ask(options)
}

const settle = request.settle

export function ConfirmHost() {
  const { t } = useTranslation('common')
  const p = request.usePending()
  return (
    <AlertDialog.Root open={p !== null} onOpenChange={(open) => !open && settle(null)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog-content dialog-narrow">
          <AlertDialog.Title className="dialog-title">{p?.title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-text">{p?.message}</AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel className="btn">{p?.cancelLabel ?? t('cancel')}</AlertDialog.Cancel>
            {p?.choices?.map((c) => (
              <button
                key={c.value}
                className={`btn ${c.danger ? 'btn-danger' : 'btn-primary'}`}
                onClick={() => settle(c.value)}
              >
                {c.label}
              </button>
            ))}
            {!p?.choices && (
              <AlertDialog.Action
                className={`btn ${p?.danger ? 'btn-danger' : 'btn-primary'}`}
                onClick={() => settle('confirm')}
              >
                {p?.confirmLabel ?? t('ok')}
              </AlertDialog.Action>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
