// The controller both boards share: drag state and drop targets, the drop flow (whole, or an amount
// asked for with Shift or "ask on every drop"), Alt+arrow moves of the focused chip, focus that
// follows a moved chip, and the screen-reader announcements. Each board supplies its model through
// BoardModel and keeps only its cells, chips and commit.
import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent
} from '@dnd-kit/core'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode
} from 'react'
import { i18n } from '../../i18n'
import type { Text } from '../../i18n/text'
import { labelTemplate } from '../../lib/label-template'
import { cellKeyboardCoordinates, isShiftHeld, startShiftTracking } from './dnd'
import { chipIdOf, createBoardDragStore, type ZonePreview } from './chip-drag'
import type { VirtualBoardHandle } from './VirtualBoard'
import './strings'

export type StepDirection = 'left' | 'right' | 'up' | 'down'
/** Where a move puts keyboard focus: the chip that arrived, the one left behind, or nowhere (a drop). */
export type MoveFocus = 'dest' | 'source' | null

export type BoardModel<Item, Cell> = {
  itemById: (id: string) => Item | undefined
  /** Whether dropping the item on the cell would change nothing. */
  isNoop: (item: Item, cell: Cell) => boolean
  fullAmount: (item: Item) => number
  halfAmount: (item: Item) => number
  /** The amount dialog of a partial drop; null when the user cancels. */
  askAmount: (item: Item, cell: Cell) => Promise<number | null>
  /** Commits the move (the board's own changes and history entry). */
  move: (item: Item, cell: Cell, amount: number, focus: MoveFocus) => void
  /** The neighbouring cell for Alt+arrow, or the sentence saying there is none. */
  stepTarget: (item: Item, direction: StepDirection) => Cell | { none: Text }
  /** Index of the row that shows the item, to scroll it into view before focusing it. */
  rowOf: (id: string) => number
  itemLabel: (item: Item) => string
  previewText: (item: Item, cell: Cell) => string
  /** The chip drawn under the pointer while dragging. */
  dragged: (item: Item) => ReactNode
  /** What dropping the item on the cell would do: the overlay's lines and the hovered zone's look; null for nothing. */
  preview: (item: Item, cell: Cell) => { overlay: ReactNode; zone: ZonePreview } | null
}

type DropData<Cell> = { target?: Cell | null; label?: string } | undefined

/** The board sets `model.current` on every render, once its rows and lookups exist. */
const NO_MODEL: BoardModel<unknown, unknown> = {
  itemById: () => undefined,
  isNoop: () => true,
  fullAmount: () => 0,
  halfAmount: () => 0,
  askAmount: async () => null,
  move: () => undefined,
  stepTarget: () => ({ none: () => '' }),
  rowOf: () => -1,
  itemLabel: () => '',
  previewText: () => '',
  dragged: () => null,
  preview: () => null
}

export function useBoard<Item, Cell>() {
  const model = useRef<BoardModel<Item, Cell>>(NO_MODEL as BoardModel<Item, Cell>)
  const [filterText, setFilterText] = useState('')
  const filter = useDeferredValue(filterText)
  const [askAlways, setAskAlways] = useState(false)
  // The dragged chip, the cell under it and the drop zones: read by the chips, zones and overlay
  // that show them, so the board view itself does not render again during a drag.
  const [drag] = useState(createBoardDragStore)
  // The status line's text, kept as a key and values so it follows a language switch.
  const [status, setStatusState] = useState<Text | null>(null)
  // A Text may be a function, which useState would take for an updater.
  const setStatus = useCallback((text: Text) => setStatusState(() => text), [])
  const zonesTimer = useRef<number | undefined>(undefined)
  const boardRef = useRef<VirtualBoardHandle>(null)
  const pendingFocus = useRef<{ id: string; tries: number } | null>(null)
  const keepFocus = useRef<{ id: string; until: number } | null>(null)
  const askRef = useRef(askAlways)
  askRef.current = askAlways

  useEffect(() => startShiftTracking(), [])
  // Drop zones go away a moment after a drop, so unregistering them does not delay the drop's frame.
  const zonesOff = useCallback(() => {
    window.clearTimeout(zonesTimer.current)
    zonesTimer.current = window.setTimeout(() => drag.set({ zonesOn: false }), 250)
  }, [drag])
  useEffect(() => () => window.clearTimeout(zonesTimer.current), [])

  /** Moves keyboard focus to a chip once it is on screen (see the layout effect below). */
  const focusChip = useCallback((id: string) => {
    pendingFocus.current = { id, tries: 0 }
  }, [])

  // Keeps keyboard focus on the chip that moved, scrolling its row into view first if needed.
  // The stored write comes back through the live queries a moment later and may remount the chip:
  // for a short while, focus that lands on nothing goes back to the chip.
  useLayoutEffect(() => {
    const root = boardRef.current?.element()
    const find = (id: string) => root?.querySelector<HTMLElement>(`[data-chip-id="${CSS.escape(id)}"]`)
    const p = pendingFocus.current
    if (!p) {
      const k = keepFocus.current
      if (!k) return
      if (performance.now() > k.until) {
        keepFocus.current = null
        return
      }
      const active = document.activeElement
      if (!active || active === document.body) find(k.id)?.focus()
      return
    }
    const focus = (el: HTMLElement) => {
      el.focus()
      pendingFocus.current = null
      keepFocus.current = { id: p.id, until: performance.now() + 2000 }
    }
    const el = find(p.id)
    if (el) return focus(el)
    if (p.tries++ > 3) {
      pendingFocus.current = null
      return
    }
    const rowIndex = model.current.rowOf(p.id)
    if (rowIndex >= 0) boardRef.current?.scrollToRow(rowIndex)
    requestAnimationFrame(() => {
      const again = boardRef.current
        ?.element()
        ?.querySelector<HTMLElement>(`[data-chip-id="${CSS.escape(p.id)}"]`)
      if (again) focus(again)
    })
  })

  // ------------------------------------------------------------------ Alt+arrow (registered as actions by shell/board-actions.ts)
  const focusedItem = useCallback(() => {
    const el = document.activeElement as HTMLElement | null
    const id = el?.dataset?.chipId
    if (!id || !boardRef.current?.element()?.contains(el)) return undefined
    return model.current.itemById(id)
  }, [])
  /** Moves the focused chip (or half of it) to the neighbouring cell; false when no chip has focus. */
  const step = useCallback(
    (direction: StepDirection, half: boolean): boolean => {
      const m = model.current
      const item = focusedItem()
      if (item === undefined) return false
      const cell = m.stepTarget(item, direction)
      if (typeof cell === 'object' && cell !== null && 'none' in cell) {
        setStatus(cell.none)
        return true
      }
      const full = m.fullAmount(item)
      const amount = half ? m.halfAmount(item) || full : full
      m.move(item, cell as Cell, amount, amount === full ? 'dest' : 'source')
      return true
    },
    [focusedItem, setStatus]
  )
  const canStep = useCallback(() => focusedItem() !== undefined, [focusedItem])

  // ------------------------------------------------------------------ drag and drop
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: cellKeyboardCoordinates })
  )
  const onDragStart = useCallback(
    (e: DragStartEvent) => {
      window.clearTimeout(zonesTimer.current)
      drag.set({ zonesOn: true, activeId: chipIdOf(e.active), over: null })
    },
    [drag]
  )
  const onDragOver = useCallback(
    (e: DragOverEvent) => {
      const d = e.over?.data.current as DropData<Cell>
      drag.set({
        over: e.over && d?.target ? { id: String(e.over.id), target: d.target, label: d.label ?? '' } : null
      })
    },
    [drag]
  )
  const onDragCancel = useCallback(() => {
    drag.set({ activeId: null, over: null })
    zonesOff()
  }, [zonesOff, drag])
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      drag.set({ activeId: null, over: null })
      zonesOff()
      const m = model.current
      const item = m.itemById(chipIdOf(e.active))
      const cell = (e.over?.data.current as DropData<Cell>)?.target
      if (item === undefined || !cell || m.isNoop(item, cell)) return
      if (askRef.current || isShiftHeld()) {
        void m.askAmount(item, cell).then((amount) => {
          if (amount !== null) model.current.move(item, cell, amount, null)
        })
        return
      }
      m.move(item, cell, m.fullAmount(item), null)
    },
    [zonesOff, drag]
  )

  const announcements: Announcements = useMemo(() => {
    // Each sentence put through i18next once per language (labelTemplate): a drag announces at
    // every cell it enters, and t() is a key lookup and interpolation regexes per call.
    let compiled: { lang: string; say: ReturnType<typeof announcementTemplates> } | undefined
    const say = () => {
      if (compiled?.lang !== i18n.language)
        compiled = { lang: i18n.language, say: announcementTemplates((key, v) => i18n.t(`board:${key}`, v)) }
      return compiled.say
    }
    const item = (active: Active) => {
      const id = chipIdOf(active)
      const it = model.current.itemById(id)
      return it === undefined ? id : model.current.itemLabel(it)
    }
    const previewText = (active: Active, d: DropData<Cell>) => {
      const it = model.current.itemById(chipIdOf(active))
      return it === undefined || !d?.target ? '' : model.current.previewText(it, d.target)
    }
    return {
      onDragStart: ({ active }) => say().pickedUp({ item: item(active) }),
      onDragOver: ({ active, over }) =>
        over
          ? say().over({
              item: item(active),
              target: (over.data.current as DropData<Cell>)?.label ?? String(over.id),
              preview: previewText(active, over.data.current as DropData<Cell>)
            })
          : say().notOver({ item: item(active) }),
      onDragEnd: ({ active, over }) =>
        over
          ? say().dropped({
              item: item(active),
              target: (over.data.current as DropData<Cell>)?.label ?? ''
            })
          : say().droppedNowhere({ item: item(active) }),
      onDragCancel: ({ active }) => say().cancelled({ item: item(active) })
    }
  }, [])

  return {
    model,
    boardRef,
    filterText,
    setFilterText,
    filter,
    askAlways,
    setAskAlways,
    drag,
    status,
    setStatus,
    focusChip,
    step,
    canStep,
    dnd: { sensors, onDragStart, onDragOver, onDragEnd, onDragCancel, announcements }
  }
}

export type BoardController = ReturnType<typeof useBoard<unknown, unknown>>

/** The drag announcements of the board strings, compiled for the language `t` speaks. */
function announcementTemplates(t: (key: string, values: Record<string, string>) => string) {
  return {
    pickedUp: labelTemplate(t, 'pickedUp', ['item']),
    over: labelTemplate(t, 'over', ['item', 'target', 'preview']),
    notOver: labelTemplate(t, 'notOver', ['item']),
    dropped: labelTemplate(t, 'dropped', ['item', 'target']),
    droppedNowhere: labelTemplate(t, 'droppedNowhere', ['item']),
    cancelled: labelTemplate(t, 'cancelled', ['item'])
  }
}
