import { describe, expect, it } from 'vitest'
import { PlanningError } from './errors'
import {
  compareQuarters,
  quarterChoices,
  isQuarterKey,
  quarterLabel,
  monthsOfQuarter,
  nextQuarter,
  parseQuarter,
  prevQuarter,
  quarterIndex,
  quarterOfDate,
  quarterOfMonth,
  quarterParts,
  quarterRange,
  shiftQuarter
} from './quarters'

describe('quarters', () => {
  it('lists a range across a year boundary, both ends included', () => {
    expect(quarterRange('2025-Q4', '2026-Q4')).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4'
    ])
    expect(quarterRange('2026-Q2', '2026-Q2')).toEqual(['2026-Q2'])
    expect(quarterRange('2026-Q2', '2026-Q1')).toEqual([])
  })

  it('steps forwards and backwards across years', () => {
    expect(nextQuarter('2025-Q4')).toBe('2026-Q1')
    expect(prevQuarter('2026-Q1')).toBe('2025-Q4')
    expect(shiftQuarter('2025-Q4', 4)).toBe('2026-Q4')
    expect(shiftQuarter('2025-Q4', -8)).toBe('2023-Q4')
    expect(shiftQuarter('2025-Q4', 0)).toBe('2025-Q4')
  })

  it('orders quarters by time through a linear index', () => {
    expect(quarterIndex('2026-Q1') - quarterIndex('2025-Q4')).toBe(1)
    const sorted = (['2026-Q2', '2025-Q4', '2026-Q1'] as const).slice().sort(compareQuarters)
    expect(sorted).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(compareQuarters('2026-Q1', '2026-Q1')).toBe(0)
  })

  it('maps months and dates to quarters', () => {
    expect(quarterOfMonth('2026-02')).toBe('2026-Q1')
    expect(quarterOfMonth('2025-10')).toBe('2025-Q4')
    expect(quarterOfMonth('2025-12')).toBe('2025-Q4')
    expect(monthsOfQuarter('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(monthsOfQuarter('2025-Q4')).toEqual(['2025-10', '2025-11', '2025-12'])
    expect(quarterOfDate(new Date(Date.UTC(2026, 6, 1)))).toBe('2026-Q3')
    expect(quarterOfDate(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe('2025-Q4')
  })

  it('recognises and parses keys, refusing anything else with a typed error', () => {
    expect(isQuarterKey('2025-Q4')).toBe(true)
    expect(isQuarterKey('2025-Q5')).toBe(false)
    expect(isQuarterKey('Q4 2025')).toBe(false)
    expect(isQuarterKey(2025)).toBe(false)
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, q: 3 })
    expect(quarterParts('2025-Q4')).toEqual({ year: 2025, q: 4 })
    expect(() => parseQuarter('2026-Q0')).toThrow(PlanningError)
    expect(() => quarterOfMonth('2026-13')).toThrowError(expect.objectContaining({ code: 'invalid-month' }))
  })
})

describe('quarterLabel', () => {
  it('writes a quarter key as users read it, and leaves anything else as it is', () => {
    expect(quarterLabel('2026-Q1')).toBe('Q1 2026')
    expect(quarterLabel('2025-Q4')).toBe('Q4 2025')
    expect(quarterLabel('2026-03')).toBe('2026-03')
    expect(quarterLabel('')).toBe('')
  })
})

describe('quarterChoices', () => {
  it('offers the given quarters with some before and after, in order', () => {
    expect(quarterChoices('2026-Q1', '2026-Q2', 2, 1)).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3'
    ])
    expect(quarterChoices('2027-Q1', '2027-Q1', 8, 20)).toHaveLength(29)
  })
})
