// Asks which of a few options a move should take, e.g. the workstream a budget line joins in the
// phase it moves to. Usage: `const v = await askChoice({...})` (null = cancelled). Each option is a
// button (Tab or arrows between them, Enter picks); mounted once per board by BoardFrame. A
// non-modal question leaves the board usable: a click elsewhere or Escape answers null.
import { Dialog } from 'radix-ui'
import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { createDialogRequest } from '../dialog-request'

export type ChoiceRequest = {
  title: string
  description: string
  options: { value: string; label: string; hint?: string }[]
  /** false: no overlay and the page stays usable; a click elsewhere or Escape answers null. */
  modal?: boolean
  testId?: string
}

const request = createDialogRequest<ChoiceRequest, string>()

export function askChoice(req: ChoiceRequest): Promise<string | null> {
  return request.ask(req)
}

export function ChoiceDialogHost() {
  const req = request.usePending()
  const { t } = useTranslation('common')
  const list = useRef<HTMLUListElement>(null)
  // Up and down move between the options, as in a menu.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = buttons[(at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]
    next?.focus()
    e.preventDefault()
  }
  return (
    <Dialog.Root
      open={req !== null}
      modal={req?.modal ?? true}
      onOpenChange={(open) => !open && request.settle(null)}
    >
      <Dialog.Portal>
        {req?.modal !== false && <Dialog.Overlay className="dialog-overlay" />}
        {req && (
          <Dialog.Content
            className={`dialog-content dialog-narrow choice-dialog ${req.modal === false ? 'choice-floating' : ''}`}
            aria-describedby="choice-desc"
            data-testid={req.testId}
          >
            <Dialog.Title className="dialog-title">{req.title}</Dialog.Title>
            <p id="choice-desc" className="dialog-text">
              {req.description}
            </p>
            <ul className="choice-list" ref={list} onKeyDown={onKeyDown}>
              {req.options.map((o) => (
                <li key={o.value}>
                  <button
                    type="button"
                    className="btn choice-option"
                    title={o.label}
                    onClick={() => request.settle(o.value)}
                  >
                    <span className="choice-label">{o.label}</span>
                    {o.hint && <span className="muted small">{o.hint}</span>}
                  </button>
                </li>
              ))}
            </ul>
            <div className="dialog-actions">
              <Dialog.Close className="btn">{t('cancel')}</Dialog.Close>
            </div>
          </Dialog.Content>
        )}
      </Dialog.Portal>
    </Dialog.Root>
  )
}
