import { describe, expect, it } from 'vitest'
import { detectWideLayout } from './wide'

describe('detectWideLayout', () => {
  it('finds months across the header, with a year total after them', () => {
    const l = detectWideLayout(['Position', 'Jan', 'Feb', 'Mär', 'Summe'])
    expect(l?.columns.map((c) => c.col)).toEqual([1, 2, 3])
    expect(l?.totalColumn).toBe(4)
  })

  it('a period named twice is no plan across the columns (a sheet of date formats)', () => {
    expect(detectWideLayout(['', 'Jan-00', 'Jan-00', 'May-00', 'May-03'])).toBeNull()
  })
})
