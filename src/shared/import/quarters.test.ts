import { describe, expect, it } from 'vitest'
import { parseQuarter, serialToQuarter } from './quarters'

const q = (v: unknown) => {
  const r = parseQuarter(v)
  return r.ok ? r.quarter : r.code
}

describe('parseQuarter', () => {
  it.each([
    ['Q1 2026', '2026-Q1'],
    ['q1 2026', '2026-Q1'],
    ['2026-Q1', '2026-Q1'],
    ['2026 Q2', '2026-Q2'],
    ['Q1/26', '2026-Q1'],
    ['Q4-25', '2025-Q4'],
    ["Q3 '26", '2026-Q3'],
    ['1. Quartal 2026', '2026-Q1'],
    ['3. Quartal 26', '2026-Q3'],
    ['Quartal 1 2026', '2026-Q1'],
    ['Quarter 4 2025', '2025-Q4'],
    ['1Q26', '2026-Q1'],
    ['2026-02-15', '2026-Q1'],
    ['2026-11', '2026-Q4'],
    ['15.05.2026', '2026-Q2'],
    ['31.12.25', '2025-Q4'],
    ['07.2026', '2026-Q3'],
    ['Januar 2026', '2026-Q1'],
    ['Okt 2025', '2025-Q4'],
    ['25/12/2025', '2025-Q4'],
    ['12/25/2025', '2025-Q4'],
    ['02/03/2026', '2026-Q1'],
    ['01/2026', '2026-Q1'],
    ['001/2026', '2026-Q1'],
    ['007.2026', '2026-Q3'],
    ['2026/012', '2026-Q4'],
    ['013/2025', '2025-Q4']
  ])('reads %s', (text, expected) => expect(q(text)).toBe(expected))

  it('reads Excel date serials', () => {
    expect(q(46068)).toBe('2026-Q1') // 2026-02-15
    expect(q(45931)).toBe('2025-Q4') // 2025-10-01
    expect(serialToQuarter(44609, true)).toEqual({ ok: true, quarter: '2026-Q1' }) // 1904 system
  })

  it('flags a slashed date whose day/month reading changes the quarter', () => {
    expect(q('03/04/2026')).toBe('ambiguous-date')
  })

  it.each(['Q5 2026', '2026', 2026, 'next year', '', 'Q1', '13.13.2026', '017/2026', '000/2026'])(
    'rejects %j',
    (v) => {
      expect(q(v)).toMatch(/bad-quarter/)
    }
  )
})
