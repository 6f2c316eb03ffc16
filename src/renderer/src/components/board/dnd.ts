// dnd-kit pieces both boards share: collision detection that works for mouse and keyboard,
// a keyboard coordinate getter that jumps one cell per arrow key, and Shift tracking at drop time.
import {
  AutoScrollActivator,
  getClientRect,
  KeyboardCode,
  pointerWithin,
  rectIntersection,
  type ClientRect,
  type CollisionDetection,
  type KeyboardCoordinateGetter
} from '@dnd-kit/core'

/** Scroll the board only when the pointer is close to its edge: a drop on the last visible row must not scroll away. */
export const BOARD_AUTOSCROLL = {
  threshold: { x: 0.08, y: 0.08 },
  acceleration: 8,
  activator: AutoScrollActivator.Pointer
}

/**
 * Drop zones are measured by their bounding rectangle alone: dnd-kit's default also reads each
 * zone's computed style to undo a transform of its own, which a zone never has.
 */
export const BOARD_MEASURING = { droppable: { measure: (el: HTMLElement) => getClientRect(el) } }

/** Pointer drags hit the cell under the pointer; keyboard drags (no pointer) the cell the chip overlaps most. */
export const boardCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args)
    if (hits.length > 0) return hits
    return []
  }
  return rectIntersection(args)
}

const center = (r: ClientRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })

/**
 * Arrow keys move a picked-up chip to the nearest cell in that direction: the droppable whose
 * centre lies beyond the current one on the arrow's axis, nearest first, ties broken by the
 * other axis, so Right goes to the next quarter of the same row and Down to the next row.
 */
export const cellKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers, over } = context
  const code = event.code
  if (
    code !== KeyboardCode.Left &&
    code !== KeyboardCode.Right &&
    code !== KeyboardCode.Up &&
    code !== KeyboardCode.Down
  ) {
    return undefined
  }
  event.preventDefault()
  if (!collisionRect) return undefined
  const fromRect = (over && droppableRects.get(over.id)) || collisionRect
  const from = center(fromRect)
  let best: { rect: ClientRect; score: number } | null = null
  for (const container of droppableContainers.getEnabled()) {
    if (over && container.id === over.id) continue
    const rect = droppableRects.get(container.id)
    if (!rect) continue
    const c = center(rect)
    const dx = c.x - from.x
    const dy = c.y - from.y
    let primary: number
    let secondary: number
    switch (code) {
      case KeyboardCode.Right:
        primary = dx
        secondary = Math.abs(dy)
        break
      case KeyboardCode.Left:
        primary = -dx
        secondary = Math.abs(dy)
        break
      case KeyboardCode.Down:
        primary = dy
        secondary = Math.abs(dx)
        break
      default:
        primary = -dy
        secondary = Math.abs(dx)
    }
    if (primary <= 1) continue
    // Stay in the same row/column when one exists: the off-axis distance weighs much more.
    const score = primary + secondary * 10
    if (!best || score < best.score) best = { rect, score }
  }
  if (!best) return undefined
  const target = center(best.rect)
  return { x: target.x - collisionRect.width / 2, y: target.y - collisionRect.height / 2 }
}

/** Whether Shift was held at the last pointer or key event (read at drop time). */
let shiftHeld = false
let tracking = 0
const onEvent = (e: KeyboardEvent | PointerEvent | MouseEvent) => {
  shiftHeld = e.shiftKey
}

export function startShiftTracking(): () => void {
  if (tracking++ === 0) {
    for (const type of ['keydown', 'keyup', 'pointermove', 'pointerup', 'pointerdown'] as const) {
      window.addEventListener(type, onEvent as EventListener, true)
    }
  }
  return () => {
    if (--tracking === 0) {
      for (const type of ['keydown', 'keyup', 'pointermove', 'pointerup', 'pointerdown'] as const) {
        window.removeEventListener(type, onEvent as EventListener, true)
      }
    }
  }
}

export function isShiftHeld(): boolean {
  return shiftHeld
}
