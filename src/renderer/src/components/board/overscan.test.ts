import { describe, expect, it } from 'vitest'
import { overscanRange } from './overscan'

describe('overscanRange', () => {
  it('renders a margin on both sides of the visible quarters', () => {
    expect(overscanRange({ startIndex: 2, endIndex: 7, count: 12 }, 1, false)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8
    ])
  })

  it('renders only the visible quarters while the board scrolls up or down', () => {
    expect(overscanRange({ startIndex: 2, endIndex: 7, count: 12 }, 1, true)).toEqual([2, 3, 4, 5, 6, 7])
  })

  it('stays within the items there are', () => {
    expect(overscanRange({ startIndex: 0, endIndex: 2, count: 3 }, 1, false)).toEqual([0, 1, 2])
    expect(overscanRange({ startIndex: 0, endIndex: 0, count: 0 }, 1, false)).toEqual([])
  })
})
