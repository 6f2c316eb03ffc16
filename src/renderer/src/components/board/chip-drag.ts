// One dnd-kit draggable per board instead of one per chip. Every useDraggable reads dnd-kit's
// context, so each chip on screen rendered again whenever a drag started, moved over another cell
// or ended; here the chips are plain elements and the board's single draggable takes the id of
// the chip a pointer or key goes down on, just before dnd-kit's sensor sees the event.
import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core'
import {
  createContext,
  useContext,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
  type Ref
} from 'react'
import { flushSync } from 'react-dom'

/** Which chip is being dragged, for the chips to read without rendering on every drag event. */
export type ActiveChipStore = {
  get: () => string | null
  set: (id: string | null) => void
  subscribe: (listener: () => void) => () => void
}

export function createActiveChipStore(): ActiveChipStore {
  let active: string | null = null
  const listeners = new Set<() => void>()
  return {
    get: () => active,
    set: (id) => {
      if (id === active) return
      active = id
      for (const l of listeners) l()
    },
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }
  }
}

/** What a chip needs from its board: the dragged chip and the id of the drag instructions. */
export type ChipDragInfo = { active: ActiveChipStore; describedBy: string }

const NO_DRAG: ChipDragInfo = {
  active: createActiveChipStore(),
  describedBy: ''
}

export const ChipDragContext = createContext<ChipDragInfo>(NO_DRAG)

/** Whether this chip is the one being dragged; only the chips whose answer changes render again. */
export function useIsDragging(id: string): boolean {
  const { active } = useContext(ChipDragContext)
  return useSyncExternalStore(active.subscribe, () => active.get() === id)
}

export type ChipDragSourceHandle = {
  /** Hands a pointerdown or keydown inside the board to dnd-kit's sensors when it is on a chip. */
  start: (event: PointerEvent | KeyboardEvent, name: 'onPointerDown' | 'onKeyDown') => void
}

/** The keys that pick a chip up (dnd-kit's keyboard sensor's default start keys). */
const START_KEYS = new Set(['Space', 'Enter'])

/** The board's one draggable; renders nothing. Must sit inside the board's DndContext. */
export function ChipDragSource({
  active,
  handleRef
}: {
  active: ActiveChipStore
  handleRef: Ref<ChipDragSourceHandle>
}) {
  const [picked, setPicked] = useState<string | null>(null)
  const { listeners, setNodeRef } = useDraggable({ id: picked ?? '', disabled: picked === null })
  // The listeners of the last render: after the flushSync below they are bound to the new id.
  const latest = useRef<{ picked: string | null; listeners: DraggableSyntheticListeners }>({
    picked: null,
    listeners: undefined
  })
  useLayoutEffect(() => {
    latest.current = { picked, listeners }
  })
  useImperativeHandle(
    handleRef,
    () => ({
      start(event, name) {
        if (event.defaultPrevented) return
        if (name === 'onKeyDown' && !START_KEYS.has((event as KeyboardEvent).code)) return
        const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-chip-id]')
        const id = chip?.dataset.chipId
        // A drag already on keeps its chip (dnd-kit ignores the event then too).
        if (!chip || !id || chip.getAttribute('aria-disabled') === 'true' || active.get() !== null) return
        if (latest.current.picked !== id) flushSync(() => setPicked(id))
        setNodeRef(chip)
        latest.current.listeners?.[name]?.(event)
      }
    }),
    [active, setNodeRef]
  )
  return null
}
