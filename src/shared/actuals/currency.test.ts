import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { actualBaseCents, chfToEurCents } from './currency'

describe('chfToEurCents', () => {
  it('rounds each booking half away from zero, exactly', () => {
    expect(chfToEurCents(50, 1.07)).toBe(54) // 53.5
    expect(chfToEurCents(-50, 1.07)).toBe(-54)
    expect(chfToEurCents(800_010, 1.07)).toBe(856_011) // 856,010.7
    expect(chfToEurCents(123_456, 1.07)).toBe(132_098) // 132,097.92
    // 1.15 × 10 is 11.499999999999998 in floating point; exactly it is 11.5.
    expect(chfToEurCents(10, 1.15)).toBe(12)
    expect(chfToEurCents(1, 0.5)).toBe(1)
    expect(chfToEurCents(-1, 0.5)).toBe(-1)
    expect(chfToEurCents(0, 1.07)).toBe(0)
    expect(chfToEurCents(1_000_000, 0.0001)).toBe(100)
    expect(chfToEurCents(3, 10_000)).toBe(30_000)
  })

  it('is symmetric for credits and never off by more than half a cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: 1, max: 99_999 }), (c, r) => {
        const rate = r / 10_000
        const eur = chfToEurCents(c, rate)
        expect(chfToEurCents(-c, rate)).toBe(-eur || 0)
        expect(Math.abs(eur - c * rate)).toBeLessThanOrEqual(0.5 + Math.abs(c * rate) * 1e-15)
      })
    )
  })
})

describe('actualBaseCents', () => {
  const a = { eurCents: 100, chfCents: 100, chfBaseCents: 108, chfToEur: 1.07 }
  it('takes the bookings as converted one by one at the plan rate', () => {
    expect(actualBaseCents(a, 1.07)).toBe(208)
  })
  it('converts the CHF sum at once when the rate changed since the import, or for older rows', () => {
    expect(actualBaseCents(a, 1.1)).toBe(210)
    expect(actualBaseCents({ eurCents: 0, chfCents: 50 }, 1.07)).toBe(54)
  })
})
