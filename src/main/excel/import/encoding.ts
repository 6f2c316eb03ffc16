// Which encoding a CSV or TSV file is written in, and its text. Excel on Windows saves "CSV" in the
// ANSI code page (Windows-1252 in Germany and Switzerland, without a BOM), "Unicode text" as UTF-16
// LE with a BOM, and "CSV UTF-8" with one; older Unix tools write ISO-8859-15.
import { createRequire } from 'node:module'
import type { TextEncoding } from '../../../shared/import/workbook'

type Detect = (sample: Uint8Array) => string | null
let detector: Detect | null = null

/**
 * chardet, loaded when a file first needs it: most files are zip packages or UTF-8 text, and a
 * fresh parse worker should not spend its start loading a detector it will not ask.
 */
function detect(sample: Uint8Array): string | null {
  detector ??= (createRequire(import.meta.url)('chardet') as { detect: Detect }).detect
  return detector(sample)
}

/** Bytes sampled for detection: the first lines decide, as they do for the separator. */
const SAMPLE = 256 * 1024

/**
 * Windows-1252's characters at 0x80..0x9F (€, „, “, –, …). Node's TextDecoder decodes
 * "windows-1252" as ISO-8859-1 and leaves these as C1 control characters, so they are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function bom(data: Uint8Array): TextEncoding | null {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8'
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le'
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be'
  return null
}

/** UTF-16 without a BOM: text of Latin letters has a zero byte in every other place. */
function utf16ByZeros(data: Uint8Array): TextEncoding | null {
  const n = Math.min(data.length, 4096) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) even++
    if (data[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le'
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be'
  return null
}

function isUtf8(data: Uint8Array): boolean {
  try {
    // A multi-byte character cut at the sample's end is not an error of the file.
    new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, SAMPLE), { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * The encoding of a text file: a BOM decides; else UTF-16 by its zero bytes; else UTF-8 when the
 * bytes are valid UTF-8; else a single-byte code page. Among those, chardet's guess is only taken
 * as far as we can honour it: ISO-8859-15 when the file uses none of Windows-1252's 0x80..0x9F
 * characters but does hold 0xA4 (€ in ISO-8859-15, the never-written ¤ in Windows-1252).
 */
export function detectEncoding(data: Uint8Array): TextEncoding {
  const marked = bom(data) ?? utf16ByZeros(data)
  if (marked) return marked
  if (isUtf8(data)) return 'utf-8'
  const sample = data.subarray(0, SAMPLE)
  let c1 = false
  let a4 = false
  for (const b of sample) {
    if (b >= 0x80 && b <= 0x9f) c1 = true
    else if (b === 0xa4) a4 = true
  }
  const guess = (detect(sample) ?? '').toLowerCase()
  if (!c1 && (a4 || guess === 'iso-8859-15')) return 'iso-8859-15'
  return 'windows-1252'
}

/** The file's text in the given encoding, a leading BOM dropped; bytes that do not fit become U+FFFD. */
export function decodeAs(data: Uint8Array, encoding: TextEncoding): string {
  let text = new TextDecoder(encoding === 'windows-1252' ? 'latin1' : encoding).decode(data)
  if (encoding === 'windows-1252')
    text = text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
