import { describe, expect, it } from 'vitest'
import { parseAmount, parseDurationWeeks, parseProbability, parseRate, parseSharePercent } from './validate'

describe('parseAmount', () => {
  it.each([
    ['1.234,56', 'de', 123_456],
    ['1,234.56', 'en', 123_456],
    ['1.234,56 €', 'de', 123_456],
    ['€ 1,234.56', 'en', 123_456],
    ["CHF 1'234.50", 'de', 123_450],
    ["1'234'567.05", 'en', 123_456_705],
    ['1 234,5', 'de', 123_450],
    ['20000', 'de', 2_000_000],
    ['12,5', 'en', 1_250],
    ['1.5', 'de', 150],
    ['0', 'en', 0],
    ['.5', 'en', 50],
    ['1.000.000,00 EUR', 'de', 100_000_000],
    ['12.3400', 'en', 1_234],
    ['10.000.000.000', 'de', 1_000_000_000_000]
  ] as const)('reads %s (%s) as %i cents', (input, locale, cents) => {
    expect(parseAmount(input, locale)).toEqual({ ok: true, value: cents })
  })

  it.each([
    ['-5', 'negative'],
    ['−5,00', 'negative'],
    ['(5)', 'negative'],
    ['abc', 'not-a-number'],
    ['', 'not-a-number'],
    ['€', 'not-a-number'],
    ['1,2,3', 'not-a-number'],
    ['12.34.5', 'not-a-number'],
    ['0.001', 'not-integer-cents'],
    ['10000000000.01', 'too-large'],
    ['99999999999999999999', 'too-large']
  ] as const)('refuses %s with %s (en)', (input, error) => {
    expect(parseAmount(input, 'en')).toEqual({ ok: false, error })
  })

  it('asks instead of guessing when German and English writing read differently', () => {
    expect(parseAmount('20.000', 'en')).toEqual({
      ok: false,
      error: 'ambiguous',
      options: [2_000, 2_000_000]
    })
    expect(parseAmount('20.000', 'de')).toEqual({
      ok: false,
      error: 'ambiguous',
      options: [2_000_000, 2_000]
    })
    expect(parseAmount('20,000', 'en')).toEqual({
      ok: false,
      error: 'ambiguous',
      options: [2_000_000, 2_000]
    })
    // Only the German reading is a whole cent, and an English typist is still asked to confirm it.
    expect(parseAmount('1.234', 'en')).toEqual({ ok: false, error: 'ambiguous', options: [123_400] })
    expect(parseAmount('1.234', 'de')).toEqual({ ok: true, value: 123_400 })
  })

  it('accepts numbers, refusing fractions of a cent', () => {
    expect(parseAmount(12.34)).toEqual({ ok: true, value: 1_234 })
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: 30 })
    expect(parseAmount(1.005 + 0.0001)).toEqual({ ok: false, error: 'not-integer-cents' })
    expect(parseAmount(-1)).toEqual({ ok: false, error: 'negative' })
  })
})

describe('parseSharePercent', () => {
  it.each([
    ['50', 5_000],
    ['50 %', 5_000],
    ['50%', 5_000],
    ['50,5', 5_050],
    ['50.5', 5_050],
    ['33,333', 3_333],
    ['0', 0],
    ['1000', 100_000],
    ['0,5 FTE', 5_000],
    ['1.5fte', 15_000]
  ] as const)('reads %s as %i bp', (input, bp) => {
    expect(parseSharePercent(input)).toEqual({ ok: true, value: bp })
  })

  it('asks whether a bare decimal up to 10 is FTE or percent', () => {
    expect(parseSharePercent('0,5')).toEqual({ ok: false, error: 'ambiguous', options: [5_000, 50] })
    expect(parseSharePercent('1.5')).toEqual({ ok: false, error: 'ambiguous', options: [150, 15_000] })
    expect(parseSharePercent('0,5 %')).toEqual({ ok: true, value: 50 })
  })

  it('refuses more than 10 FTE, negatives and text', () => {
    expect(parseSharePercent('1000,01')).toEqual({ ok: false, error: 'too-large' })
    expect(parseSharePercent('-5')).toEqual({ ok: false, error: 'negative' })
    expect(parseSharePercent('fifty')).toEqual({ ok: false, error: 'not-a-number' })
    expect(parseSharePercent('%')).toEqual({ ok: false, error: 'not-a-number' })
  })
})

describe('parseProbability and parseDurationWeeks', () => {
  it('keeps probabilities within 0..100', () => {
    expect(parseProbability('30 %')).toEqual({ ok: true, value: 30 })
    expect(parseProbability('12,5')).toEqual({ ok: true, value: 12.5 })
    expect(parseProbability('101')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseProbability('-1')).toEqual({ ok: false, error: 'negative' })
    expect(parseProbability('0,3')).toEqual({ ok: false, error: 'ambiguous', options: [0.3, 30] })
    expect(parseProbability('0,3 %')).toEqual({ ok: true, value: 0.3 })
  })

  it('keeps durations to whole weeks within 1..104', () => {
    expect(parseDurationWeeks('6')).toEqual({ ok: true, value: 6 })
    expect(parseDurationWeeks(104)).toEqual({ ok: true, value: 104 })
    expect(parseDurationWeeks('0')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseDurationWeeks('105')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseDurationWeeks('2,5')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseDurationWeeks('x')).toEqual({ ok: false, error: 'not-a-number' })
  })
})

describe('parseRate', () => {
  it('reads an exchange rate with either decimal mark and refuses zero, negatives and text', () => {
    expect(parseRate('1,07')).toEqual({ ok: true, value: 1.07 })
    expect(parseRate(' 1.0612 ')).toEqual({ ok: true, value: 1.0612 })
    expect(parseRate('0')).toEqual({ ok: false, error: 'out-of-range' })
    expect(parseRate('-1')).toEqual({ ok: false, error: 'negative' })
    expect(parseRate('1.07 EUR')).toEqual({ ok: false, error: 'not-a-number' })
  })
})
