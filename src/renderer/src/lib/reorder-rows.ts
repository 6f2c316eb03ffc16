// Which list row the keyboard's "Move up/down" acts on: each row's move buttons (components/plan-form/
// MoveButtons.tsx) register here, and the shortcut finds the row holding the focused element.
// A row is the nearest table row, list item or element marked data-reorder-row around the focus.

export type ReorderHandle = {
  canMove: (by: -1 | 1) => boolean
  /** Moves the row; focus then stays on `keep` (the element that had it) when it still can. */
  move: (by: -1 | 1, keep: Element | null) => Promise<void>
}

const handles = new WeakMap<Element, ReorderHandle>()

export const ROW_SELECTOR = '[data-reorder-row], tr, li'
export const BUTTONS_ATTR = 'data-move-buttons'

/** Registers a row's move buttons (their container element); the returned function removes them. */
export function registerReorderButtons(el: Element, handle: ReorderHandle): () => void {
  handles.set(el, handle)
  return () => {
    if (handles.get(el) === handle) handles.delete(el)
  }
}

/** The handle of the row holding `focused`, if that row has move buttons. */
export function reorderHandleFor(focused: Element | null): ReorderHandle | undefined {
  const row = focused?.closest(ROW_SELECTOR)
  if (!row) return undefined
  const buttons = row.querySelector(`[${BUTTONS_ATTR}]`)
  // Only the row's own buttons: a row inside another row's cell must not move the outer one.
  if (!buttons || buttons.closest(ROW_SELECTOR) !== row) return undefined
  return handles.get(buttons)
}
