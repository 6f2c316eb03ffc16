import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readAmount, readPercent, readShare, type NumberLocale } from './read'
import { parseAmount as importAmount } from '../import/numbers'
import type { NumberStyle } from './digits'

const MARKS: Record<NumberStyle, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  de: { group: '.', decimal: ',' },
  ch: { group: "'", decimal: '.' }
}

/** Cents written the way a person in that style would type them. */
function write(cents: number, style: NumberStyle, grouped: boolean, decimals: boolean): string {
  const { group, decimal } = MARKS[style]
  const int = String(Math.floor(cents / 100))
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int
  const frac = String(cents % 100).padStart(2, '0')
  return decimals || cents % 100 !== 0 ? `${intText}${decimal}${frac}` : intText
}

const styles = fc.constantFrom<NumberStyle>('en', 'de', 'ch')
const locales = fc.constantFrom<NumberLocale>('en', 'de')
const decorate = fc.constantFrom('', '€ ', 'EUR ', ' €', 'CHF ')

describe('readAmount over generated input in all three styles', () => {
  it('never stores a value other than the one written: exact, or asked with it among the options', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        styles,
        fc.boolean(),
        fc.boolean(),
        locales,
        decorate,
        (cents, style, grouped, decimals, locale, deco) => {
          const text = deco.endsWith(' ')
            ? deco + write(cents, style, grouped, decimals)
            : write(cents, style, grouped, decimals) + deco
          const r = readAmount(text, locale)
          if (r.ok) expect(r.value).toBe(cents)
          else {
            expect(r.error).toBe('ambiguous')
            if (r.error === 'ambiguous') expect(r.options).toContain(cents)
          }
        }
      )
    )
  })

  it('offers the UI language reading first when the text is written in that language', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), locales, fc.boolean(), (cents, locale, decimals) => {
        const r = readAmount(write(cents, locale, true, decimals), locale)
        if (!r.ok && r.error === 'ambiguous') expect(r.options[0]).toBe(cents)
        else expect(r).toEqual({ ok: true, value: cents })
      })
    )
  })

  it('reads what the import reads when the style is known', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        styles,
        fc.boolean(),
        fc.boolean(),
        (cents, style, g, d) => {
          const text = write(cents, style, g, d)
          const imported = importAmount(text, style)
          expect(imported.ok && imported.cents).toBe(cents)
        }
      )
    )
  })

  it('asks for "20.000" and "1,500" in either UI language, never 1,000 times off', () => {
    expect(readAmount('€ 20.000', 'en')).toEqual({
      ok: false,
      error: 'ambiguous',
      options: [2_000, 2_000_000]
    })
    expect(readAmount('1,500', 'en')).toEqual({ ok: false, error: 'ambiguous', options: [150_000, 150] })
    expect(readAmount('1,500', 'de')).toEqual({ ok: false, error: 'ambiguous', options: [150, 150_000] })
    expect(readAmount('10.000', 'en')).toEqual({ ok: false, error: 'ambiguous', options: [1_000, 1_000_000] })
    expect(readAmount('1,5', 'en')).toEqual({ ok: true, value: 150 })
    expect(readAmount('20.000,00', 'en')).toEqual({ ok: true, value: 2_000_000 })
    expect(readAmount("20'000", 'en')).toEqual({ ok: true, value: 2_000_000 })
    expect(readAmount('20000.001', 'en')).toEqual({ ok: false, error: 'not-integer-cents' })
    expect(readAmount('-20.000', 'en')).toEqual({ ok: false, error: 'negative' })
  })
})

describe('readShare and readPercent', () => {
  it('read a percent or FTE written in any style exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), locales, fc.boolean(), (bp, locale, asFte) => {
        const mark = locale === 'de' ? ',' : '.'
        const text = asFte
          ? `${Math.floor(bp / 10_000)}${mark}${String(bp % 10_000).padStart(4, '0')} FTE`
          : `${Math.floor(bp / 100)}${mark}${String(bp % 100).padStart(2, '0')} %`
        expect(readShare(text, locale)).toEqual({ ok: true, value: bp })
      })
    )
  })

  it('asks whether a bare decimal is FTE or percent, never 100 times off silently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (tenths) => {
        const text = `${Math.floor(tenths / 100)},${String(tenths % 100).padStart(2, '0')}`
        const r = readShare(text)
        if (tenths % 100 === 0) expect(r).toEqual({ ok: true, value: tenths })
        else
          expect(r).toMatchObject({
            ok: false,
            error: 'ambiguous',
            options: expect.arrayContaining([tenths, tenths * 100])
          })
      })
    )
    expect(readShare('0,5')).toEqual({ ok: false, error: 'ambiguous', options: [5_000, 50] })
    expect(readShare('0.5 FTE')).toEqual({ ok: true, value: 5_000 })
    expect(readShare('50 %')).toEqual({ ok: true, value: 5_000 })
    expect(readShare('50')).toEqual({ ok: true, value: 5_000 })
  })

  it('keeps probabilities within 0..100 and asks about bare fractions', () => {
    expect(readPercent('30 %')).toEqual({ ok: true, value: 30 })
    expect(readPercent('0.3')).toEqual({ ok: false, error: 'ambiguous', options: [0.3, 30] })
    expect(readPercent('150 %')).toEqual({ ok: false, error: 'out-of-range' })
    expect(readPercent('-10')).toEqual({ ok: false, error: 'negative' })
    expect(readPercent('abc')).toEqual({ ok: false, error: 'not-a-number' })
  })
})
