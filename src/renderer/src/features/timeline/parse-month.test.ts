import { describe, expect, it } from 'vitest'
import { parseMonthInput } from './parse-month'

describe('parseMonthInput', () => {
  it('reads ISO and day-less European forms', () => {
    expect(parseMonthInput('2026-05')).toEqual({ ok: true, value: '2026-05' })
    expect(parseMonthInput(' 5/2026 ')).toEqual({ ok: true, value: '2026-05' })
    expect(parseMonthInput('05.2026')).toEqual({ ok: true, value: '2026-05' })
    expect(parseMonthInput('2026/11')).toEqual({ ok: true, value: '2026-11' })
  })
  it('refuses month names, impossible months and empty text', () => {
    expect(parseMonthInput('May 2026').ok).toBe(false)
    expect(parseMonthInput('2026-13')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseMonthInput('00/2026')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseMonthInput('').ok).toBe(false)
  })
})
