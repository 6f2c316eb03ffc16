// One dnd-kit draggable per board instead of one per chip. Every useDraggable reads dnd-kit's
// context, so each chip on screen rendered again whenever a drag started, moved over another cell
// or ended; here the chips are plain elements, and the board's single draggable is pointed at the
// chip a pointer or key goes down on, just before dnd-kit's sensor sees the event.
import { useDraggable, type Active } from '@dnd-kit/core'
import {
  createContext,
  useContext,
  useImperativeHandle,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref
} from 'react'

/** What a drag on the board is doing; only the components that show it read it. */
export type BoardDrag = {
  /** The dragged chip's id. */
  activeId: string | null
  /** The cell under the chip (its drop zone's id and dnd-kit data). */
  over: { id: string; target: unknown; label: string } | null
  /** Whether the cells on screen carry their drop zones (from drag start until shortly after the drop). */
  zonesOn: boolean
}

/**
 * The drag's state outside React state: held in the board view it re-rendered the whole board
 * (every row and cell on screen) at each drag start, each cell the chip entered and each drop.
 */
export type BoardDragStore = {
  get: () => BoardDrag
  set: (patch: Partial<BoardDrag>) => void
  subscribe: (listener: () => void) => () => void
}

export function createBoardDragStore(): BoardDragStore {
  let state: BoardDrag = { activeId: null, over: null, zonesOn: false }
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set: (patch) => {
      if ((Object.keys(patch) as (keyof BoardDrag)[]).every((k) => patch[k] === state[k])) return
      state = { ...state, ...patch }
      for (const l of listeners) l()
    },
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    }
  }
}

/** What a chip and a drop zone need from their board. */
export type ChipDragInfo = {
  drag: BoardDragStore
  /** The id of dnd-kit's hidden drag instructions, which every chip points at. */
  describedBy: string
  /** The hovered zone's look and badge, as the board words what a drop there would do. */
  zonePreview: (activeId: string, over: NonNullable<BoardDrag['over']>) => ZonePreview | null
}
export type ZonePreview = { className: string; badge: ReactNode }

export const ChipDragContext = createContext<ChipDragInfo>({
  drag: createBoardDragStore(),
  describedBy: '',
  zonePreview: () => null
})

/** A slice of the board's drag state; the component renders again only when the slice changes. */
export function useBoardDrag<T>(select: (d: BoardDrag) => T): T {
  const { drag } = useContext(ChipDragContext)
  return useSyncExternalStore(drag.subscribe, () => select(drag.get()))
}

/** Whether this chip is the one being dragged; only the chips whose answer changes render again. */
export function useIsDragging(id: string): boolean {
  return useBoardDrag((d) => d.activeId === id)
}

export type ChipDragSourceHandle = {
  /** Hands a pointerdown or keydown inside the board to dnd-kit's sensors when it is on a chip. */
  start: (event: PointerEvent | KeyboardEvent, name: 'onPointerDown' | 'onKeyDown') => void
}

/** The board's one draggable's id; the chip it carries is in its data (chipIdOf). */
const BOARD_DRAGGABLE = 'board-chip'
type ChipOfDrag = { chipId: string }

/** The id of the chip a dnd-kit drag event is about. */
export function chipIdOf(active: Pick<Active, 'id' | 'data'>): string {
  return (active.data.current as ChipOfDrag | undefined)?.chipId ?? String(active.id)
}

/** The keys that pick a chip up (dnd-kit's keyboard sensor's default start keys). */
const START_KEYS = new Set(['Space', 'Enter'])

/**
 * The board's one draggable; renders nothing. Must sit inside the board's DndContext.
 *
 * Through dnd-kit's public API only: its id stays, and the chip it carries is written into the
 * data object it was given (dnd-kit keeps that object and hands it back as `active.data.current`);
 * `setNodeRef` is the ref callback pointed at the chip, so dnd-kit measures the chip and the
 * overlay starts from it; and the sensors' activators are the `listeners` it returns, called with
 * the chip's event. A sensor cannot do this part: the draggable whose listener runs names the
 * drag (`active.id`), whatever the sensor's activator finds under the event.
 */
export function ChipDragSource({
  drag,
  handleRef
}: {
  drag: BoardDragStore
  handleRef: Ref<ChipDragSourceHandle>
}) {
  const [carried] = useState<ChipOfDrag>(() => ({ chipId: '' }))
  const { listeners, setNodeRef } = useDraggable({ id: BOARD_DRAGGABLE, data: carried })
  useImperativeHandle(
    handleRef,
    () => ({
      start(event, name) {
        if (event.defaultPrevented) return
        if (name === 'onKeyDown' && !START_KEYS.has((event as KeyboardEvent).code)) return
        const chip = (event.target as HTMLElement).closest<HTMLElement>('[data-chip-id]')
        const id = chip?.dataset.chipId
        // A drag already on keeps its chip (dnd-kit ignores the event then too).
        if (!chip || !id || chip.getAttribute('aria-disabled') === 'true' || drag.get().activeId !== null)
          return
        carried.chipId = id
        setNodeRef(chip)
        listeners?.[name]?.(event)
        if (name === 'onKeyDown' && drag.get().activeId !== null) holdKeysUntilSensorListens()
      }
    }),
    [drag, setNodeRef, listeners, carried]
  )
  return null
}

/**
 * dnd-kit's keyboard sensor listens for the arrows, Space and Escape from a timer it sets when it
 * picks the chip up (so the Space that picked it up does not drop it at once). A key pressed
 * before that timer runs, by a fast typist or while the drag's start keeps the window busy (input
 * goes before timers then), was lost: the chip stayed where it was. Such keys are held here and
 * sent again once a timer set after the sensor's has run (timers of equal delay run in order).
 */
function holdKeysUntilSensorListens() {
  const held: { target: EventTarget; init: KeyboardEventInit }[] = []
  const hold = (e: globalThis.KeyboardEvent) => {
    if (!e.isTrusted) return
    e.preventDefault()
    e.stopImmediatePropagation()
    held.push({
      target: e.target ?? document,
      init: {
        key: e.key,
        code: e.code,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        repeat: e.repeat,
        bubbles: true,
        cancelable: true
      }
    })
  }
  window.addEventListener('keydown', hold, true)
  setTimeout(() => {
    window.removeEventListener('keydown', hold, true)
    for (const { target, init } of held) {
      const to = target instanceof Node && !target.isConnected ? document : target
      to.dispatchEvent(new KeyboardEvent('keydown', init))
    }
  })
}
