// How far past the visible quarters a virtual board renders. At rest, and while the board moves
// sideways, one quarter on each side (room for a keyboard drag to reach the next cell off screen,
// and a column ready before it scrolls in). While the board scrolls only up or down, none: every
// row mounted then would carry cells that stay off screen.

/** Indexes to render for a visible range [startIndex, endIndex] of `count` items. */
export function overscanRange(
  range: { startIndex: number; endIndex: number; count: number },
  margin: number,
  scrollingAcross: boolean
): number[] {
  if (range.count === 0) return []
  const m = scrollingAcross ? 0 : margin
  const start = Math.max(0, range.startIndex - m)
  const end = Math.min(range.count - 1, range.endIndex + m)
  const out: number[] = []
  for (let i = start; i <= end; i++) out.push(i)
  return out
}
