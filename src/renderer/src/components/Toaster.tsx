// Short notices after an action ("Moved 50 % of DevOps Lead to Q2 2026", "Import undone"),
// announced to screen readers by Radix Toast.
import { Toast } from 'radix-ui'
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import './toaster.css'

export type ToastKind = 'info' | 'success' | 'error'
export type ToastInput = {
  title: string
  description?: string
  kind?: ToastKind
  action?: { label: string; run: () => void }
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

export function toastError(title: string, err: unknown): void {
  toast({ title, description: err instanceof Error ? err.message : String(err), kind: 'error' })
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
      {list.map((t) => (
        <Toast.Root
          key={t.id}
          className={`toast toast-${t.kind ?? 'info'}`}
          type={t.kind === 'error' ? 'foreground' : 'background'}
          duration={t.kind === 'error' || t.action ? 10_000 : 5000}
          onOpenChange={(open) => {
            if (!open) close(t.id)
          }}
        >
          <Toast.Title className="toast-title" title={t.title}>
            {t.title}
          </Toast.Title>
          {t.description && <Description text={t.description} />}
          {t.action && (
            <Toast.Action className="btn btn-small" altText={t.action.label} onClick={t.action.run}>
              {t.action.label}
            </Toast.Action>
          )}
          <Toast.Close className="toast-close" aria-label="Close">
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
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
