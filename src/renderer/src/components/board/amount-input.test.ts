import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { amountAtPercent, parseDecimal, parseMoneyToCents, parsePercentToBp } from './amount-input'

describe('amount input parsing', () => {
  it('reads English and German decimals', () => {
    expect(parseDecimal('50')).toBe(50)
    expect(parseDecimal('12,5')).toBe(12.5)
    expect(parseDecimal('12.5')).toBe(12.5)
    expect(parseDecimal('1.234,56')).toBe(1234.56)
    expect(parseDecimal('1,234.56')).toBe(1234.56)
    expect(parseDecimal('1,234,567')).toBe(1234567)
    expect(parseDecimal('€ 2 500')).toBe(2500)
    expect(parseDecimal('CHF 10.000,00')).toBe(10000)
    expect(parseDecimal('50 %')).toBe(50)
  })

  it('refuses text that is not a number', () => {
    for (const bad of ['', 'abc', '1..2', '12a', '--1', '.']) expect(parseDecimal(bad)).toBeNull()
  })

  it('turns percent into whole basis points and money into whole cents', () => {
    expect(parsePercentToBp('50')).toBe(5000)
    expect(parsePercentToBp('12,25')).toBe(1225)
    expect(parsePercentToBp('12.255')).toBeNull()
    expect(parseMoneyToCents('1.234,56')).toBe(123456)
    expect(parseMoneyToCents('0.005')).toBeNull()
  })

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
