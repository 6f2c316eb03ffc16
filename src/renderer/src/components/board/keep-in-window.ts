// Keeps the drag overlay (the chip and its drop preview under it) inside the window: at 960 px a
// preview beside the last quarter ran past the right edge. Only what is drawn moves: a pointer drag
// drops on the cell under the pointer, and a keyboard drag is placed by the chip's own rectangle,
// which dnd-kit measures without the preview and DndContext's (unmodified) transform.
import type { Modifier } from '@dnd-kit/core'
import type { RefObject } from 'react'

type Shift = { x: number; y: number }
type Box = { left: number; top: number; width: number; height: number }

/** Room left between the overlay and the window's edge. */
export const EDGE_MARGIN = 4

/**
 * The shift nearest to `t` that keeps `box` (where it starts, moved by the shift) inside a
 * window of `width` x `height`; a box larger than the window keeps its left or top edge in.
 */
export function keepInside(t: Shift, box: Box, window: { width: number; height: number }): Shift {
  const fit = (start: number, size: number, limit: number, d: number) =>
    Math.max(EDGE_MARGIN - start, Math.min(d, limit - EDGE_MARGIN - size - start))
  return {
    x: fit(box.left, box.width, window.width, t.x),
    y: fit(box.top, box.height, window.height, t.y)
  }
}

/**
 * DragOverlay's modifier: dnd-kit measures the overlay at the chip's size, so the size drawn
 * (chip and preview) is read from the overlay's content, as laid out at the last frame.
 */
export function keepInWindow(content: RefObject<HTMLElement | null>): Modifier {
  return ({ transform, overlayNodeRect, windowRect }) => {
    const el = content.current
    if (!overlayNodeRect || !windowRect || !el) return transform
    const box = {
      left: overlayNodeRect.left - windowRect.left,
      top: overlayNodeRect.top - windowRect.top,
      width: Math.max(el.offsetWidth, overlayNodeRect.width),
      height: Math.max(el.offsetHeight, overlayNodeRect.height)
    }
    return { ...transform, ...keepInside(transform, box, windowRect) }
  }
}
