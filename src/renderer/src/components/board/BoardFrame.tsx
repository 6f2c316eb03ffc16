// The frame both boards draw their grid in: drop zones, dnd-kit's context with the shared
// controller's handlers and announcements, the drag overlay, the status line and the amount dialog.
// Also the two toolbar controls every board has (filter, ask on every drop).
import { DndContext, DragOverlay } from '@dnd-kit/core'
import { useMemo, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import type { QuarterKey } from '@shared/planning/types'
import { useTranslation } from 'react-i18next'
import { AmountDialogHost } from './AmountDialog'
import { ChoiceDialogHost } from './ChoiceDialog'
import { DropZonesContext } from './DropZone'
import { ChipDragContext, ChipDragSource, type ChipDragSourceHandle } from './chip-drag'
import { BOARD_AUTOSCROLL, boardCollision } from './dnd'
import { VirtualBoard, type BoardRowBase, type VirtualBoardProps } from './VirtualBoard'
import type { BoardController } from './use-board'

type Controller = Pick<BoardController, 'dnd' | 'zonesOn' | 'status' | 'boardRef' | 'activeChip'>

export function BoardFrame<R extends BoardRowBase>({
  board,
  dragged,
  preview,
  grid
}: {
  board: Controller
  /** The chip drawn under the pointer while dragging, or null when no drag is on. */
  dragged: ReactNode
  /** What dropping on the cell under the chip would do, or null. */
  preview: ReactNode
  /** The virtualized grid: rows by quarters, with the board's own cells and headers. */
  grid: Omit<VirtualBoardProps<R, QuarterKey>, 'handleRef'>
}) {
  const { t } = useTranslation('board')
  const { announcements, ...handlers } = board.dnd
  // dnd-kit names its hidden instructions by the context's id; the chips point at them.
  const describedBy = `${grid.testId ?? 'board'}-drag-instructions`
  const chipDrag = useMemo(() => ({ active: board.activeChip, describedBy }), [board.activeChip, describedBy])
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
      <DropZonesContext.Provider value={board.zonesOn}>
        <DndContext
          {...handlers}
          id={describedBy}
          collisionDetection={boardCollision}
          autoScroll={BOARD_AUTOSCROLL}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('instructions') } }}
        >
          <ChipDragSource active={board.activeChip} handleRef={source} />
          <ChipDragContext.Provider value={chipDrag}>
            <VirtualBoard handleRef={board.boardRef} dragEvents={dragEvents} {...grid} />
          </ChipDragContext.Provider>
          <DragOverlay dropAnimation={null}>
            {dragged ? (
              <div className="drag-overlay">
                {dragged}
                {preview && (
                  <div className="drag-preview" data-testid="drop-preview">
                    {preview}
                  </div>
                )}
              </div>
            ) : null}
          </DragOverlay>
        </DndContext>
      </DropZonesContext.Provider>
      <p className="board-status" role="status" aria-live="polite" data-testid="board-status">
        {board.status}
      </p>
      <AmountDialogHost />
      <ChoiceDialogHost />
    </>
  )
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
