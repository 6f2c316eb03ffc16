import { describe, expect, it } from 'vitest'
import { decodeAs, detectEncoding } from './encoding'

const TEXT = 'Bezeichnung;Betrag\r\nLizenzgebühr „Grafana“ – Größe;1.234,56 €\r\n'

/** Windows-1252 bytes of a text (only what it can hold). */
function cp1252(text: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  return Uint8Array.from([...text].map((c) => (high.includes(c) ? 0x80 + high.indexOf(c) : c.charCodeAt(0))))
}
/** ISO-8859-15 bytes of a text whose only non-Latin-1 character is €. */
const latin9 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0xa4 : c.charCodeAt(0))))
function utf16(text: string, bigEndian: boolean, withBom: boolean): Uint8Array {
  const units = [...(withBom ? '\ufeff' : ''), ...text].map((c) => c.charCodeAt(0))
  return Uint8Array.from(units.flatMap((u) => (bigEndian ? [u >> 8, u & 255] : [u & 255, u >> 8])))
}
const utf8 = (text: string, withBom: boolean) =>
  new Uint8Array([...(withBom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)])

describe('text encodings of CSV files', () => {
  it('a CSV saved by German Excel on Windows (Windows-1252, no BOM) reads with € and umlauts', () => {
    const bytes = cp1252(TEXT)
    expect(detectEncoding(bytes)).toBe('windows-1252')
    expect(decodeAs(bytes, 'windows-1252')).toBe(TEXT)
  })

  it('UTF-8 with and without a BOM', () => {
    for (const withBom of [true, false]) {
      const bytes = utf8(TEXT, withBom)
      expect(detectEncoding(bytes)).toBe('utf-8')
      expect(decodeAs(bytes, 'utf-8')).toBe(TEXT)
    }
  })

  it('UTF-16 little and big endian, with a BOM or without one', () => {
    for (const be of [false, true]) {
      for (const withBom of [true, false]) {
        const bytes = utf16(TEXT, be, withBom)
        const enc = be ? 'utf-16be' : 'utf-16le'
        expect(detectEncoding(bytes)).toBe(enc)
        expect(decodeAs(bytes, enc)).toBe(TEXT)
      }
    }
  })

  it('ISO-8859-15: € at 0xA4 and no Windows-1252 punctuation', () => {
    const text = 'Posten;Betrag\nMöbel;1.200,00 €\n'
    const bytes = latin9(text)
    expect(detectEncoding(bytes)).toBe('iso-8859-15')
    expect(decodeAs(bytes, 'iso-8859-15')).toBe(text)
  })

  it('the wrong choice shows as garbled text, and the right one reads it back', () => {
    const bytes = cp1252(TEXT)
    expect(decodeAs(bytes, 'utf-8')).toContain('\ufffd')
    expect(decodeAs(utf8(TEXT, false), 'windows-1252')).toContain('Ã¼')
  })
})
