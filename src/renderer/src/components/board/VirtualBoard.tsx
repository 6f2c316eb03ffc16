// A board grid that renders only what is on screen: rows and quarter columns are both
// virtualized (@tanstack/react-virtual), with a sticky header row, a sticky first column and an
// optional sticky footer row. Cells are rendered by the caller; the board only places them.
import { useVirtualizer, type Range, type VirtualItem } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref
} from 'react'
import { overscanRange } from './overscan'
import './board.css'

export type BoardRowBase = { key: string; height: number }
export type VirtualBoardHandle = {
  scrollToRow: (index: number) => void
  element: () => HTMLDivElement | null
}

export type VirtualBoardProps<R extends BoardRowBase, C> = {
  rows: R[]
  columns: C[]
  /** Smallest column width; columns grow to fill the board when few quarters fit on screen. */
  columnWidth: number
  headerWidth: number
  headerHeight: number
  footerHeight?: number
  /** Height of the scroll area (CSS length). */
  height: string
  label: string
  corner: ReactNode
  renderColumnHeader: (col: C, index: number) => ReactNode
  renderRowHeader: (row: R, index: number) => ReactNode
  renderCell: (row: R, col: C, colIndex: number, rowIndex: number) => ReactNode
  footerCorner?: ReactNode
  renderFooterCell?: (col: C, index: number) => ReactNode
  rowClassName?: (row: R) => string
  empty?: ReactNode
  handleRef?: Ref<VirtualBoardHandle>
  testId?: string
  /** Pointer and key handlers of the whole grid (the board's one draggable takes chips up through them). */
  dragEvents?: {
    onPointerDown: (e: PointerEvent<HTMLDivElement>) => void
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void
  }
}

export function VirtualBoard<R extends BoardRowBase, C>(props: VirtualBoardProps<R, C>) {
  const { rows, columns, headerWidth, headerHeight, footerHeight = 0 } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const [viewWidth, setViewWidth] = useState(0)
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    setViewWidth(el.clientWidth)
    const ro = new ResizeObserver(() => setViewWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  const columnWidth = Math.max(
    props.columnWidth,
    columns.length > 0 ? Math.floor((viewWidth - headerWidth - 2) / columns.length) : props.columnWidth
  )
  // A new key function whenever the rows change makes the virtualizer re-read every height.
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows])
  const estimateSize = useCallback((i: number) => rows[i]?.height ?? 40, [rows])
  // Whether the last scroll moved the board sideways, read by the column range below.
  const movedSideways = useRef(false)
  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    let left = el.scrollLeft
    const onScroll = () => {
      movedSideways.current = el.scrollLeft !== left
      left = el.scrollLeft
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])
  const rowV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 3,
    paddingStart: headerHeight,
    paddingEnd: footerHeight
  })
  // A new extractor when scrolling starts or stops makes the virtualizer recompute its range.
  const scrolling = rowV.isScrolling
  const columnRange = useCallback(
    (range: Range) => overscanRange(range, 1, scrolling && !movedSideways.current),
    [scrolling]
  )
  const colV = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(() => columnWidth, [columnWidth]),
    // Width in the key: a resize makes the virtualizer re-read every column's width.
    getItemKey: useCallback((i: number) => `${i}:${columnWidth}`, [columnWidth]),
    rangeExtractor: columnRange,
    paddingStart: headerWidth
  })
  useImperativeHandle(
    props.handleRef,
    () => ({
      scrollToRow: (index: number) => rowV.scrollToIndex(index, { align: 'auto' }),
      element: () => scrollRef.current
    }),
    [rowV]
  )
  const totalW = colV.getTotalSize()
  const totalH = rowV.getTotalSize()
  // Both lists keep their identity while their range stands (the virtualizer memoizes them), so
  // the memoized rows and header below skip re-rendering on scroll frames that mount nothing new.
  const vcols = colV.getVirtualItems()
  const vrows = rowV.getVirtualItems()
  return (
    <div
      ref={scrollRef}
      className="vboard"
      style={{ height: props.height }}
      role="region"
      aria-label={props.label}
      data-testid={props.testId}
      tabIndex={-1}
      onPointerDown={props.dragEvents?.onPointerDown}
      onKeyDown={props.dragEvents?.onKeyDown}
    >
      <div className="vboard-canvas" style={{ width: totalW, height: totalH }}>
        <BoardBand
          className="vboard-head"
          height={headerHeight}
          width={totalW}
          headerWidth={headerWidth}
          corner={props.corner}
          vcols={vcols}
          columns={columns}
          renderColumn={props.renderColumnHeader}
        />
        {/* Spacer so the footer's natural place is the canvas end; sticky keeps it in view. */}
        <div style={{ height: Math.max(0, totalH - headerHeight - footerHeight) }} />
        {vrows.map((r) => {
          const row = rows[r.index]
          return (
            <BoardRowView
              key={r.key}
              row={row}
              index={r.index}
              start={r.start}
              size={r.size}
              width={totalW}
              headerWidth={headerWidth}
              className={props.rowClassName?.(row) ?? ''}
              vcols={vcols}
              columns={columns}
              renderRowHeader={props.renderRowHeader}
              renderCell={props.renderCell}
            />
          )
        })}
        {footerHeight > 0 && props.renderFooterCell && (
          <BoardBand
            className="vboard-foot"
            height={footerHeight}
            width={totalW}
            headerWidth={headerWidth}
            corner={props.footerCorner}
            vcols={vcols}
            columns={columns}
            renderColumn={props.renderFooterCell}
          />
        )}
      </div>
      {rows.length === 0 && props.empty && <div className="vboard-empty">{props.empty}</div>}
    </div>
  )
}

type BoardRowViewProps<R, C> = {
  row: R
  index: number
  start: number
  size: number
  width: number
  headerWidth: number
  className: string
  vcols: VirtualItem[]
  columns: C[]
  renderRowHeader: (row: R, index: number) => ReactNode
  renderCell: (row: R, col: C, colIndex: number, rowIndex: number) => ReactNode
}

/** One row; re-rendered only when its data, place or the visible columns change, not on every scroll frame. */
const BoardRowView = memo(function BoardRowView<R, C>(props: BoardRowViewProps<R, C>) {
  const { row, index, size, vcols, columns } = props
  return (
    <div
      className={`vboard-row ${props.className}`}
      style={{ top: props.start, height: size, width: props.width }}
      data-row-index={index}
    >
      <div className="vboard-rowhead" style={{ width: props.headerWidth, height: size }}>
        {props.renderRowHeader(row, index)}
      </div>
      <div className="vboard-cells">
        {vcols.map((c) => (
          <div key={c.key} className="vboard-cell" style={{ left: c.start, width: c.size, height: size }}>
            {props.renderCell(row, columns[c.index], c.index, index)}
          </div>
        ))}
      </div>
    </div>
  )
}) as <R, C>(props: BoardRowViewProps<R, C>) => ReactNode

type BoardBandProps<C> = {
  className: string
  height: number
  width: number
  headerWidth: number
  corner: ReactNode
  vcols: VirtualItem[]
  columns: C[]
  renderColumn: (col: C, index: number) => ReactNode
}

/** The sticky header or footer row: the corner and one cell per visible column. */
const BoardBand = memo(function BoardBand<C>(props: BoardBandProps<C>) {
  const { height, vcols, columns } = props
  return (
    <div className={props.className} style={{ height, width: props.width }}>
      <div className="vboard-corner" style={{ width: props.headerWidth, height }}>
        {props.corner}
      </div>
      {vcols.map((c) => (
        <div key={c.key} className="vboard-colhead" style={{ left: c.start, width: c.size, height }}>
          {props.renderColumn(columns[c.index], c.index)}
        </div>
      ))}
    </div>
  )
}) as <C>(props: BoardBandProps<C>) => ReactNode
