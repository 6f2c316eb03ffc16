// Move up / Move down (Alt+↑/↓) for the focused row of any reorderable list: one action pair for
// every list whose rows carry MoveButtons. The boards' Alt+↑/↓ are enabled only while a chip has
// focus and these only while a row with move buttons has it, so the keys never mean both at once.
import { reorderHandleFor } from '../lib/reorder-rows'
import { useAction } from './actions'
import '../components/plan-form/strings'

function focusedHandle(by: -1 | 1) {
  const handle = reorderHandleFor(document.activeElement)
  return handle?.canMove(by) ? handle : undefined
}

function moveFocused(by: -1 | 1): void {
  void focusedHandle(by)?.move(by, document.activeElement)
}

/** Mounted once by the frame. */
export function useReorderActions(): void {
  useAction({
    id: 'move-up',
    label: 'forms:moveRowUp',
    group: 'edit',
    shortcuts: ['Alt+ArrowUp'],
    enabled: () => !!focusedHandle(-1),
    perform: () => moveFocused(-1)
  })
  useAction({
    id: 'move-down',
    label: 'forms:moveRowDown',
    group: 'edit',
    shortcuts: ['Alt+ArrowDown'],
    enabled: () => !!focusedHandle(1),
    perform: () => moveFocused(1)
  })
}
