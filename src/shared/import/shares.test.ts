import { describe, expect, it } from 'vitest'
import { detectShareScale, parseShare } from './shares'

const bp = (v: unknown, scale: 'percent' | 'fte') => {
  const r = parseShare(v, scale)
  return r.ok ? r.bp : r.code
}

describe('parseShare', () => {
  it('reads percent text whatever the column scale', () => {
    expect(bp('50 %', 'fte')).toBe(5000)
    expect(bp('50%', 'percent')).toBe(5000)
    expect(bp('12,5 %', 'fte')).toBe(1250)
    expect(bp('100\u00a0%', 'fte')).toBe(10000)
  })
  it('reads plain numbers by the column scale', () => {
    expect(bp('0,5', 'fte')).toBe(5000)
    expect(bp('0.5', 'fte')).toBe(5000)
    expect(bp(0.5, 'fte')).toBe(5000)
    expect(bp('50', 'percent')).toBe(5000)
    expect(bp(50, 'percent')).toBe(5000)
    expect(bp(1, 'fte')).toBe(10000)
    expect(bp('1,5 FTE', 'percent')).toBe(15000)
  })
  it('is exact on thirds and float noise', () => {
    expect(bp(1 / 3, 'fte')).toBe(3333)
    expect(bp(0.1 + 0.2, 'fte')).toBe(3000)
  })
  it('rejects zero, negative, too large and non-shares', () => {
    expect(bp('0 %', 'fte')).toBe('share-out-of-range')
    expect(bp(-0.5, 'fte')).toBe('bad-share')
    expect(bp('1200 %', 'fte')).toBe('share-out-of-range')
    expect(bp('half', 'fte')).toBe('bad-share')
  })
})

describe('detectShareScale', () => {
  it('follows the header first, then the values', () => {
    expect(detectShareScale('Anteil %', [0.5])).toBe('percent')
    expect(detectShareScale('FTE', [50])).toBe('fte')
    expect(detectShareScale('Anteil', [50, 25, 100])).toBe('percent')
    expect(detectShareScale('Share', [0.5, 1, '0,25'])).toBe('fte')
  })
})
