import { describe, expect, it } from 'vitest'
import { EDGE_MARGIN, keepInside } from './keep-in-window'

const WINDOW = { width: 960, height: 600 }

describe('the drag overlay kept inside the window', () => {
  it('follows the pointer while chip and preview fit', () => {
    const box = { left: 300, top: 200, width: 320, height: 90 }
    expect(keepInside({ x: 120, y: 40 }, box, WINDOW)).toEqual({ x: 120, y: 40 })
  })

  it('stops short of the right edge at 960 px: a 320 px preview beside the last quarter stays in', () => {
    // A chip in the last column, 120 px wide, dragged 60 px further right; its preview is 320 px wide.
    const box = { left: 820, top: 200, width: 320, height: 90 }
    const shift = keepInside({ x: 60, y: 0 }, box, WINDOW)
    expect(box.left + shift.x + box.width).toBe(WINDOW.width - EDGE_MARGIN)
    expect(shift.y).toBe(0)
  })

  it('stops short of the bottom and of the left and top edges', () => {
    const box = { left: 100, top: 520, width: 200, height: 90 }
    expect(box.top + keepInside({ x: 0, y: 10 }, box, WINDOW).y + box.height).toBe(
      WINDOW.height - EDGE_MARGIN
    )
    expect(100 + keepInside({ x: -150, y: 0 }, box, WINDOW).x).toBe(EDGE_MARGIN)
    expect(520 + keepInside({ x: 0, y: -600 }, box, WINDOW).y).toBe(EDGE_MARGIN)
  })

  it('keeps the left edge in when the overlay is wider than the window', () => {
    const box = { left: 10, top: 10, width: 1200, height: 50 }
    expect(10 + keepInside({ x: 300, y: 0 }, box, WINDOW).x).toBe(EDGE_MARGIN)
  })
})
