import { describe, expect, it } from 'vitest'
import { overscanRange } from './overscan'

const rows = { rest: 3, ahead: 3, behind: 1 }
const cols = { rest: 1, ahead: 1, behind: 0 }

describe('overscanRange', () => {
  it('keeps the same margin on both sides at rest', () => {
    expect(overscanRange({ startIndex: 10, endIndex: 12, count: 100 }, false, 0, rows)).toEqual([
      7, 8, 9, 10, 11, 12, 13, 14, 15
    ])
  })

  it('renders ahead in the direction of travel while scrolling', () => {
    expect(overscanRange({ startIndex: 10, endIndex: 12, count: 100 }, true, 1, rows)).toEqual([
      9, 10, 11, 12, 13, 14, 15
    ])
    expect(overscanRange({ startIndex: 10, endIndex: 12, count: 100 }, true, -1, rows)).toEqual([
      7, 8, 9, 10, 11, 12, 13
    ])
  })

  it('renders only the visible columns while the board scrolls up or down', () => {
    expect(overscanRange({ startIndex: 2, endIndex: 7, count: 12 }, true, 0, cols)).toEqual([
      2, 3, 4, 5, 6, 7
    ])
  })

  it('stays within the items there are', () => {
    expect(overscanRange({ startIndex: 0, endIndex: 2, count: 3 }, false, 0, rows)).toEqual([0, 1, 2])
    expect(overscanRange({ startIndex: 0, endIndex: 0, count: 0 }, false, 0, rows)).toEqual([])
  })
})
