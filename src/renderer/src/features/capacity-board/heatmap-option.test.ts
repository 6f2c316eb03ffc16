import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { topByMax } from './heatmap-option'

describe('heatmap roles', () => {
  it('takes what a stable sort by max would take first, ties to the earlier role', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        (maxes, k) => {
          const items = maxes.map((max, i) => ({ id: i, max }))
          const sorted = [...items].sort((a, b) => b.max - a.max).slice(0, k)
          expect(topByMax(items, k)).toEqual(sorted)
        }
      )
    )
  })
})
