// How far past the visible rows and columns a virtual board renders. At rest it keeps a margin
// on both sides (room for a keyboard drag to reach the next cell off screen); while scrolling it
// renders ahead only in the direction of travel, since every item mounted behind the scroll is
// work spent on a frame for something that is leaving the screen.

/** -1 scrolling back (up or left), 1 forward, 0 not moving on this axis. */
export type Motion = -1 | 0 | 1

export type Overscan = {
  /** Items past each end of the visible range at rest. */
  rest: number
  /** While scrolling: items past the end the board is scrolling towards. */
  ahead: number
  /** While scrolling: items past the end it is scrolling away from. */
  behind: number
}

/** Indexes to render for a visible range [startIndex, endIndex] of `count` items. */
export function overscanRange(
  range: { startIndex: number; endIndex: number; count: number },
  scrolling: boolean,
  motion: Motion,
  overscan: Overscan
): number[] {
  if (range.count === 0) return []
  let before = overscan.rest
  let after = overscan.rest
  if (scrolling) {
    before = motion < 0 ? overscan.ahead : overscan.behind
    after = motion > 0 ? overscan.ahead : overscan.behind
  }
  const start = Math.max(0, range.startIndex - before)
  const end = Math.min(range.count - 1, range.endIndex + after)
  const out: number[] = []
  for (let i = start; i <= end; i++) out.push(i)
  return out
}
