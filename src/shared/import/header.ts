// Finding the header row below titles, notes and blank rows, and telling total rows from data.
import type { CellValue } from './types'
import { isKnownHeader } from './mapping'
import { readPeriodHeader } from './periods'

const isPeriodTitle = (v: string) => {
  const p = readPeriodHeader(v)
  return p !== null && p !== 'total'
}

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 40

function isText(v: CellValue): v is string {
  return typeof v === 'string' && v.trim() !== '' && !/^[-+]?[\d.,'’ %€]+$/.test(v.trim())
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true
  for (const v of row) if (v !== null && v !== '' && !(typeof v === 'string' && !v.trim())) return false
  return true
}

export function nonEmptyCount(row: readonly CellValue[] | undefined): number {
  let n = 0
  if (row) for (const v of row) if (v !== null && v !== '' && !(typeof v === 'string' && !v.trim())) n++
  return n
}

/**
 * The 0-based index of the header row, or -1 when no row looks like one. A header row has at
 * least two text cells; known column names (Betrag, Quartal, Amount...) weigh most, and a row
 * followed by rows of similar width beats a lone title line.
 */
export function detectHeaderRow(rows: readonly (readonly CellValue[] | undefined)[]): number {
  let best = -1
  let bestScore = 0
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS)
  for (let r = 0; r < limit; r++) {
    const row = rows[r]
    if (!row) continue
    const texts = row.filter(isText)
    if (texts.length < 2) continue
    // Month and quarter titles are column names too: a yearly plan's header is mostly them.
    const known = texts.filter((v) => isKnownHeader(v) || isPeriodTitle(v)).length
    const filled = nonEmptyCount(row)
    // Rows of data right below make a header more likely than a two-word note.
    let following = 0
    for (let k = r + 1; k < Math.min(rows.length, r + 4); k++) if (nonEmptyCount(rows[k]) >= 2) following++
    const distinct = new Set(texts.map((t) => t.trim().toLowerCase())).size
    const score = known * 4 + distinct + following + (texts.length === filled ? 1 : 0)
    if (score > bestScore) {
      best = r
      bestScore = score
    }
  }
  return best
}

const TOTAL_RE =
  /^(summe|gesamtsumme|zwischensumme|gesamt|insgesamt|total|totals|subtotal|sub-total|grand total|sum|endsumme|total général)\b/i

/** A row that totals others ("Summe", "Total", "Gesamt"): a short label cell starting with such a word. */
export function isTotalRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false
  for (const v of row) {
    if (typeof v !== 'string') continue
    // Every total word starts with one of these letters; the check spares the regex on data cells.
    const c = v.charCodeAt(0) | 0x20
    if (c !== 0x73 && c !== 0x67 && c !== 0x7a && c !== 0x69 && c !== 0x74 && c !== 0x65 && c !== 0x20)
      continue
    const t = v.trim()
    if (t && t.length <= 40 && TOTAL_RE.test(t)) return true
  }
  return false
}

/** Excel column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}
