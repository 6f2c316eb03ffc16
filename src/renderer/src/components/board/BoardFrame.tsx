// The frame both boards draw their grid in: drop zones, dnd-kit's context with the shared
// controller's handlers and announcements, the drag overlay, the status line and the amount dialog.
// Also the two toolbar controls every board has (filter, ask on every drop).
import { DndContext, DragOverlay } from '@dnd-kit/core'
import {
  useCallback,
  useMemo,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject
} from 'react'
import type { QuarterKey } from '@shared/planning/types'
import { useTranslation } from 'react-i18next'
import { translate } from '../../i18n/text'
import { AmountDialogHost } from './AmountDialog'
import { ChoiceDialogHost } from './ChoiceDialog'
import {
  ChipDragContext,
  ChipDragSource,
  useBoardDrag,
  type BoardDrag,
  type ChipDragInfo,
  type ChipDragSourceHandle
} from './chip-drag'
import { BOARD_AUTOSCROLL, BOARD_MEASURING, boardCollision } from './dnd'
import { keepInWindow } from './keep-in-window'
import { VirtualBoard, type BoardRowBase, type VirtualBoardProps } from './VirtualBoard'
import type { BoardController, BoardModel } from './use-board'

type Controller<Item, Cell> = Pick<BoardController, 'dnd' | 'drag' | 'status' | 'boardRef'> & {
  model: RefObject<BoardModel<Item, Cell>>
}
type Over = NonNullable<BoardDrag['over']>

export function BoardFrame<R extends BoardRowBase, Item, Cell>({
  board,
  grid
}: {
  board: Controller<Item, Cell>
  /** The virtualized grid: rows by quarters, with the board's own cells and headers. */
  grid: Omit<VirtualBoardProps<R, QuarterKey>, 'handleRef'>
}) {
  const { t } = useTranslation('board')
  const { announcements, ...handlers } = board.dnd
  const model = board.model
  // dnd-kit names its hidden instructions by the context's id; the chips point at them.
  const describedBy = `${grid.testId ?? 'board'}-drag-instructions`
  const previewOf = useCallback(
    (activeId: string, over: Over) => {
      const item = model.current.itemById(activeId)
      return item === undefined ? null : model.current.preview(item, over.target as Cell)
    },
    [model]
  )
  const chipDrag: ChipDragInfo = useMemo(
    () => ({
      drag: board.drag,
      describedBy,
      zonePreview: (activeId, over) => previewOf(activeId, over)?.zone ?? null
    }),
    [board.drag, describedBy, previewOf]
  )
  const overlay = useRef<HTMLDivElement>(null)
  const overlayModifiers = useMemo(() => [keepInWindow(overlay)], [])
  const draw = useCallback(
    (activeId: string, over: Over | null) => {
      const item = model.current.itemById(activeId)
      if (item === undefined) return null
      const preview = over ? previewOf(activeId, over) : null
      return (
        <div className="drag-overlay" ref={overlay}>
          {model.current.dragged(item)}
          {preview?.overlay && (
            <div className="drag-preview" data-testid="drop-preview">
              {preview.overlay}
            </div>
          )}
        </div>
      )
    },
    [model, previewOf]
  )
  const source = useRef<ChipDragSourceHandle>(null)
  const dragEvents = useMemo(
    () => ({
      onPointerDown: (e: PointerEvent) => source.current?.start(e, 'onPointerDown'),
      onKeyDown: (e: KeyboardEvent) => source.current?.start(e, 'onKeyDown')
    }),
    []
  )
  return (
    <>
      <ChipDragContext.Provider value={chipDrag}>
        <DndContext
          {...handlers}
          id={describedBy}
          collisionDetection={boardCollision}
          autoScroll={BOARD_AUTOSCROLL}
          measuring={BOARD_MEASURING}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('instructions') } }}
        >
          <ChipDragSource drag={board.drag} handleRef={source} />
          <VirtualBoard handleRef={board.boardRef} dragEvents={dragEvents} {...grid} />
          <DragOverlay dropAnimation={null} modifiers={overlayModifiers}>
            <Dragged draw={draw} />
          </DragOverlay>
        </DndContext>
      </ChipDragContext.Provider>
      <p className="board-status" role="status" aria-live="polite" data-testid="board-status">
        {board.status && translate(board.status)}
      </p>
      <AmountDialogHost />
      <ChoiceDialogHost />
    </>
  )
}

const activeOf = (d: BoardDrag) => d.activeId
const overOf = (d: BoardDrag) => d.over

/** The chip under the pointer and what a drop on the cell under it would do; nothing when no drag is on. */
function Dragged({ draw }: { draw: (activeId: string, over: Over | null) => ReactNode }) {
  const activeId = useBoardDrag(activeOf)
  const over = useBoardDrag(overOf)
  return activeId === null ? null : draw(activeId, over)
}

export type ToolbarController = Pick<
  BoardController,
  'filterText' | 'setFilterText' | 'askAlways' | 'setAskAlways'
>

export function BoardFilter({
  board,
  label,
  placeholder
}: {
  board: ToolbarController
  label: string
  placeholder: string
}) {
  return (
    <label>
      {label}
      <input
        className="text"
        type="search"
        value={board.filterText}
        placeholder={placeholder}
        onChange={(e) => board.setFilterText(e.target.value)}
      />
    </label>
  )
}

export function AskAmountToggle({ board }: { board: ToolbarController }) {
  const { t } = useTranslation('board')
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={board.askAlways}
        onChange={(e) => board.setAskAlways(e.target.checked)}
      />
      {t('askAmount')}
    </label>
  )
}
