// Short notices after an action ("Moved 50 % of DevOps Lead to Q2 2026", "Import undone"),
// announced to screen readers by Radix Toast. Their texts are translated as they render, so a
// notice made before a language switch reads in the language shown after it.
import { Toast } from 'radix-ui'
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { translate, type Text } from '../i18n/text'
import { errorText, errorTitle } from './error-text'
import './toaster.css'

export type ToastKind = 'info' | 'success' | 'error'
export type ToastInput = {
  title: Text
  description?: Text
  kind?: ToastKind
  action?: { label: Text; run: () => void }
}
type Item = ToastInput & { id: number; open: boolean; at: number }

let items: Item[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

/** Shows a toast from anywhere (no hook needed). */
export function toast(input: ToastInput): void {
  items = [...items.slice(-3), { ...input, id: nextId++, open: true, at: performance.now() }]
  emit()
}

export function toastError(title: Text, err: unknown): void {
  toast({ title: errorTitle(err, title), description: errorText(err), kind: 'error' })
}

function close(id: number) {
  items = items.filter((i) => i.id !== id)
  emit()
}

const DIALOG = "[role='dialog'], [role='alertdialog']"
const seenDialogs = new WeakSet<Element>()

/**
 * A dialog that opens (focus enters it the first time) closes the notices shown before it: they
 * are about what came before and would sit on top of it with their buttons. Errors stay, and so
 * do notices the dialog itself shows. A popover is no dialog here.
 */
function onFocusIn(e: FocusEvent) {
  const dialog = e.target instanceof Element ? e.target.closest(DIALOG) : null
  if (!dialog || seenDialogs.has(dialog) || dialog.closest('[data-radix-popper-content-wrapper]')) return
  seenDialogs.add(dialog)
  const now = performance.now()
  const kept = items.filter((i) => i.kind === 'error' || i.at >= now)
  if (kept.length === items.length) return
  items = kept
  emit()
}

export function Toaster() {
  // Renders again on a language switch, which translates every notice shown.
  const { t } = useTranslation('common')
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => items
  )
  useEffect(() => {
    document.addEventListener('focusin', onFocusIn)
    return () => document.removeEventListener('focusin', onFocusIn)
  }, [])
  return (
    <Toast.Provider swipeDirection="right" duration={5000}>
      {list.map((item) => {
        const title = translate(item.title)
        const label = item.action && translate(item.action.label)
        return (
          <Toast.Root
            key={item.id}
            className={`toast toast-${item.kind ?? 'info'}`}
            type={item.kind === 'error' ? 'foreground' : 'background'}
            duration={item.kind === 'error' || item.action ? 10_000 : 5000}
            onOpenChange={(open) => {
              if (!open) close(item.id)
            }}
          >
            <Toast.Title className="toast-title" title={title}>
              {title}
            </Toast.Title>
            {item.description ? <Description text={translate(item.description)} /> : null}
            {item.action && label !== undefined && (
              <Toast.Action className="btn btn-small" altText={label} onClick={item.action.run}>
                {label}
              </Toast.Action>
            )}
            <Toast.Close className="toast-close" aria-label={t('close')}>
              ×
            </Toast.Close>
          </Toast.Root>
        )
      })}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  )
}

/**
 * The whole description, wrapped (a refusal's reason is read to its end, never cut off). One
 * longer than the toast’s height scrolls, and can then be focused so the keyboard scrolls it too.
 */
function Description({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(false)
  useLayoutEffect(() => {
    const el = ref.current
    if (el) setScrolls(el.scrollHeight > el.clientHeight)
  }, [text])
  return (
    <Toast.Description ref={ref} className="toast-desc" {...(scrolls ? { tabIndex: 0 } : {})}>
      {text}
    </Toast.Description>
  )
}
