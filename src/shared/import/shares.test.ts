import { describe, expect, it } from 'vitest'
import { detectShareScale, parseShare, readShareCell, shareColumn, shareReadings } from './shares'

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

describe('readShareCell: each cell by its own writing', () => {
  const read = (values: unknown[], header = 'Anteil') => {
    const column = shareColumn(header, values)
    return values.map((v) => {
      const r = readShareCell(v, column)
      return r.ok ? r.bp : r.code
    })
  }
  it('a column mixing styles reads every cell as written', () => {
    expect(read(['45 %', '0,3', '60%', '25', '100 %', '0,375'])).toEqual([
      4500, 3000, 6000, 2500, 10000, 3750
    ])
    expect(read([0.45, 25, '0.5', '1 FTE'])).toEqual([4500, 2500, 5000, 10000])
  })
  it('whole numbers alone are percent', () => {
    expect(read(['5', 50, '100'])).toEqual([500, 5000, 10000])
  })
  it('a value that allows two differing readings is ambiguous until a unit settles it', () => {
    expect(read(['1,5', '50 %'])).toEqual(['ambiguous-share', 5000])
    expect(read(['0,5', '1', '50'])).toEqual([5000, 'ambiguous-share', 5000])
    expect(read(['0,5', '1', '25 %'])).toEqual([5000, 'ambiguous-share', 2500])
    expect(read(['0,5', '1'], 'FTE')).toEqual([5000, 10000])
    expect(read(['1,5'], 'Auslastung %')).toEqual([150])
    expect(read(['12,5'])).toEqual([1250])
  })
  it('beside fractions of an FTE only, a whole or larger value is FTE too: a matrix in FTE', () => {
    expect(read(['0,5', '1'])).toEqual([5000, 10000])
    expect(read([0.5, 1, 0.25, '1,5', 2])).toEqual([5000, 10000, 2500, 15000, 20000])
    expect(read(['1', '2'])).toEqual([100, 200])
  })
  it("the user's choice settles the ambiguous cells, never what the writing settles", () => {
    const column = shareColumn('Anteil', ['1,5', '25', '0,3', '2'])
    const as = (scale: 'percent' | 'fte') =>
      ['1,5', '25', '0,3', '2'].map((v) => {
        const r = readShareCell(v, column, scale)
        return r.ok ? r.bp : r.code
      })
    expect(as('fte')).toEqual([15000, 2500, 3000, 20000])
    expect(as('percent')).toEqual([150, 2500, 3000, 200])
  })
  it('shows what a cell stores under each reading', () => {
    expect(shareReadings('1,5')).toEqual({ percent: 150, fte: 15000 })
  })
})
