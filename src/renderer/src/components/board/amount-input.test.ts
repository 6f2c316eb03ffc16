import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { amountAtPercent } from './amount-input'

describe('amount dialog slider', () => {
  it('a slider position never gives 0 or more than the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 0, max: 100 }), (max, pct) => {
        const v = amountAtPercent(max, pct)
        expect(Number.isInteger(v)).toBe(true)
        expect(v).toBeGreaterThanOrEqual(1)
        expect(v).toBeLessThanOrEqual(max)
      })
    )
  })
})
