// The ↑/↓ buttons of a reorderable row (roles, workstreams, phases, deliverables, ...): they move the
// row, register it for the keyboard's Move up/down (Alt+↑/↓, shell/reorder-actions.ts), and keep focus
// on the moved row wherever it lands.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { BUTTONS_ATTR, ROW_SELECTOR, registerReorderButtons } from '../../lib/reorder-rows'
import './strings'

type Props = {
  /** The row's name as a user reads it ("Move {{name}} up"). */
  name: string
  /** Position in the list as shown, and the list's length. */
  index: number
  count: number
  onMove: (by: -1 | 1) => Promise<void> | void
}

type Pending = { keep: Element | null; by: -1 | 1 }

export function MoveButtons({ name, index, count, onMove }: Props) {
  const { t } = useTranslation('forms')
  const ref = useRef<HTMLSpanElement>(null)
  const up = useRef<HTMLButtonElement>(null)
  const down = useRef<HTMLButtonElement>(null)
  const pending = useRef<Pending | null>(null)
  const latest = useRef({ index, count, onMove })
  useEffect(() => {
    latest.current = { index, count, onMove }
  })

  // React re-inserts a moved row's element, which takes focus away from it; once the move is rendered
  // (the row's index changed) focus goes back to the element that had it, or to a move button of the
  // row when that one is gone or disabled at the list's end.
  useLayoutEffect(() => {
    const p = pending.current
    pending.current = null
    if (!p) return
    const row = ref.current?.closest(ROW_SELECTOR)
    const usable = (el: Element | null): el is HTMLElement =>
      el instanceof HTMLElement &&
      el.isConnected &&
      !(el as HTMLButtonElement).disabled &&
      !!row?.contains(el)
    const preferred = p.by < 0 ? [up.current, down.current] : [down.current, up.current]
    const target = [p.keep, ...preferred].find(usable)
    if (target && document.activeElement !== target) target.focus()
  }, [index])

  const handle = useRef({
    canMove: (by: -1 | 1) => {
      const next = latest.current.index + by
      return next >= 0 && next < latest.current.count
    },
    move: async (by: -1 | 1, keep: Element | null) => {
      const p = { keep, by }
      pending.current = p
      await latest.current.onMove(by)
      // A move that was refused renders no new index; forget it so a later re-order does not pull focus.
      setTimeout(() => {
        if (pending.current === p) pending.current = null
      }, 1000)
    }
  }).current

  useEffect(() => {
    const el = ref.current
    return el ? registerReorderButtons(el, handle) : undefined
  }, [handle])

  const click = (by: -1 | 1) => void handle.move(by, document.activeElement)

  return (
    <span ref={ref} className="move-buttons" {...{ [BUTTONS_ATTR]: '' }}>
      <button
        ref={up}
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={t('moveUp', { name })}
        aria-keyshortcuts="Alt+ArrowUp"
        disabled={index === 0}
        onClick={() => click(-1)}
      >
        ↑
      </button>
      <button
        ref={down}
        type="button"
        className="btn btn-small btn-ghost"
        aria-label={t('moveDown', { name })}
        aria-keyshortcuts="Alt+ArrowDown"
        disabled={index >= count - 1}
        onClick={() => click(1)}
      >
        ↓
      </button>
    </span>
  )
}
