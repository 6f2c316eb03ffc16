import { describe, expect, it } from 'vitest'
import { detectNumberStyle, parseAmount, parseCurrency } from './numbers'

const cents = (v: unknown, style: 'de' | 'en' | 'ch' | null = null) => {
  const r = parseAmount(v, style)
  return r.ok ? r.cents : r.code
}

describe('parseAmount', () => {
  it.each([
    ['1.234,56 €', 123456],
    ['1.234,56', 123456],
    ['12.500,00 EUR', 1250000],
    ['1.234.567,89', 123456789],
    ['0,5', 50],
    ['12,5', 1250],
    ['1.200,-', 120000],
    ['-1.234,56', -123456],
    ['(1.234,56)', -123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456]
  ])('reads German text %s', (text, expected) => expect(cents(text)).toBe(expected))

  it.each([
    ["CHF 1'234.50", 123450],
    ['CHF 1’234.50', 123450],
    ["1'234'567.05 Fr.", 123456705],
    ["SFr. 8'400.50", 840050]
  ])('reads Swiss text %s', (text, expected) => expect(cents(text)).toBe(expected))

  it.each([
    ['1,234.56', 123456],
    ['€1,234.56', 123456],
    ['1,234,567.00', 123456700],
    ['12.5', 1250],
    ['0.123', 12]
  ])('reads English text %s', (text, expected) => expect(cents(text)).toBe(expected))

  it.each([
    ['1.234,56-', -123456],
    ['(1,234.56)', -123456],
    ['-1,234.56', -123456],
    ['- 1.234,56 €', -123456],
    ["CHF -1'234.50", -123450],
    ['EUR 1.000,00', 100000],
    ['1.000,00 EUR', 100000],
    ['1,000.00 EUR', 100000],
    ['2.500,50€', 250050],
    ["2'500.– CHF", 250000]
  ])('reads negatives and currencies before or after: %s', (text, expected) =>
    expect(cents(text)).toBe(expected)
  )

  it.each(['-', '–', '- €', '€ -', 'EUR -', ' - '])(
    'reads a dash "%s" (accounting formats show zero so) as zero',
    (text) => expect(cents(text)).toBe(0)
  )

  it('keeps every cent of numbers stored as numbers, without float drift', () => {
    expect(cents(1234.56)).toBe(123456)
    expect(cents(0.1 + 0.2)).toBe(30)
    expect(cents(1234.5600000000002)).toBe(123456)
    expect(cents(4.35)).toBe(435)
    expect(cents(1.005)).toBe(101)
    expect(cents(415000)).toBe(41500000)
    expect(cents(-19.99)).toBe(-1999)
  })

  it('parses long digit strings exactly as text', () => {
    expect(cents('9.007.199.254.740,99')).toBe(900719925474099)
    expect(cents('12.345.678.901.234,56')).toBe('too-large')
  })

  it('flags "1.234" and "1,234" as ambiguous instead of guessing', () => {
    for (const t of ['1.234', '1,234', '123.456', '€ 1.234']) {
      const r = parseAmount(t)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.code).toBe('ambiguous-number')
        expect(r.message).toMatch(/number style/)
      }
    }
  })

  it('resolves ambiguous values with the chosen number style', () => {
    expect(cents('1.234', 'de')).toBe(123400)
    expect(cents('1,234', 'de')).toBe(123)
    expect(cents('1,234', 'en')).toBe(123400)
    expect(cents('1.234', 'en')).toBe(123)
    expect(cents('1,234', 'ch')).toBe(123400)
  })

  it('reads shapes that only one style allows without a style', () => {
    expect(cents('1234,567')).toBe(123457)
    expect(cents('0,250')).toBe(25)
    expect(cents("1'234")).toBe(123400)
  })

  it('gives the currency written in the cell', () => {
    const eur = parseAmount('1.234,56 €')
    const chf = parseAmount("CHF 1'234.50")
    expect(eur.ok && eur.currency).toBe('EUR')
    expect(chf.ok && chf.currency).toBe('CHF')
    expect(parseAmount('$1,234.56')).toMatchObject({ ok: false, code: 'unsupported-currency' })
  })

  it.each(['abc', '1.23.4', '1,2,3', '12-34', '', '1.234,56,78', '€'])('rejects %j', (text) => {
    const r = parseAmount(text)
    expect(r.ok).toBe(false)
  })
})

describe('parseCurrency', () => {
  it('reads currency column values', () => {
    expect(parseCurrency('EUR')).toBe('EUR')
    expect(parseCurrency('€')).toBe('EUR')
    expect(parseCurrency('chf')).toBe('CHF')
    expect(parseCurrency('Fr.')).toBe('CHF')
    expect(parseCurrency('USD')).toBe('other')
    expect(parseCurrency('')).toBeNull()
  })
})

describe('detectNumberStyle', () => {
  it('detects a column style from its unambiguous cells', () => {
    expect(detectNumberStyle(['1.234', '12,50', '3.000,00'])).toBe('de')
    expect(detectNumberStyle(['1,234', '12.50'])).toBe('en')
    expect(detectNumberStyle(["1'234.50", '1.234'])).toBe('ch')
  })
  it('gives no style when the evidence conflicts or is missing', () => {
    expect(detectNumberStyle(['12,50', '12.50'])).toBeNull()
    expect(detectNumberStyle(['1.234', 1234, null])).toBeNull()
  })
})
