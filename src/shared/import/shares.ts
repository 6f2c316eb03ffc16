// FTE shares in a cell to basis points (10_000 = 1.0 FTE): "50 %", "0,5", "50", 0.5.
import { MAX_SHARE_BP, type ShareBp } from '../planning/types'
import { digitsToUnits } from '../numbers/digits'

export type ShareScale = 'percent' | 'fte'
export type ShareResult =
  /** scale: how a plain cell was read, when read by its own writing (readShareCell). */
  | { ok: true; bp: ShareBp; scale?: ShareScale }
  | { ok: false; code: 'bad-share' | 'share-out-of-range' | 'ambiguous-share'; message: string }

/** Basis points from a decimal digit string scaled by 10^shift, half-up past the last digit. */
function decimalToBp(int: string, frac: string, shift: number): number {
  return digitsToUnits({ int, frac }, shift).value
}

function parts(n: number): [string, string] {
  let text = Math.abs(n).toString()
  if (/e/i.test(text)) text = Math.abs(n).toFixed(8)
  const [i, f = ''] = text.split('.')
  return [i, f]
}

/**
 * Reads a share. A "%" sign always means percent; a plain number follows the column's scale
 * (percent: 50 → 50 %, fte: 0.5 → 50 %). Shares never need thousands, so "," and "." are decimals.
 */
export function parseShare(value: unknown, scale: ShareScale): ShareResult {
  let intDigits: string
  let frac: string
  let percent = scale === 'percent'
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return { ok: false, code: 'bad-share', message: 'is not a share' }
    ;[intDigits, frac] = parts(value)
  } else if (typeof value === 'string') {
    let t = value.replace(/[\u00a0\u202f\u2009]/g, ' ').trim()
    if (/%$/.test(t)) {
      percent = true
      t = t.slice(0, -1).trim()
    } else if (/\s*FTE$/i.test(t)) {
      percent = false
      t = t.replace(/\s*FTE$/i, '')
    }
    const m = /^(\d*)(?:[.,](\d+))?$/.exec(t)
    if (!m || (!m[1] && !m[2]))
      return { ok: false, code: 'bad-share', message: 'is not a share (50 %, 0,5 or 0.5)' }
    intDigits = m[1]
    frac = m[2] ?? ''
  } else return { ok: false, code: 'bad-share', message: 'is not a share' }
  const bp = decimalToBp(intDigits, frac, percent ? 2 : 4)
  if (bp <= 0) return { ok: false, code: 'share-out-of-range', message: 'share is zero' }
  if (bp > MAX_SHARE_BP)
    return { ok: false, code: 'share-out-of-range', message: 'share is above 10 FTE (1000 %)' }
  return { ok: true, bp }
}

/**
 * The scale of a share column: a "%" in the header or any plain value above 10 means percent
 * (nobody staffs 50 FTE on one workstream in a quarter); otherwise plain values are FTE.
 */
export function detectShareScale(header: string, values: Iterable<unknown>): ShareScale {
  if (/%|prozent|percent/i.test(header)) return 'percent'
  if (/\bfte\b|\bvze\b/i.test(header)) return 'fte'
  let n = 0
  for (const v of values) {
    if (++n > 5000) break
    const t =
      typeof v === 'number'
        ? v
        : typeof v === 'string' && !/%/.test(v)
          ? Number(v.trim().replace(',', '.'))
          : NaN
    if (Number.isFinite(t) && t > 10) return 'percent'
  }
  return 'fte'
}

/** A share cell taken apart: its digits, a unit written in it, and whether it has a decimal part. */
type ShareParts = {
  intDigits: string
  frac: string
  /** Written with a decimal separator ("1,0"), even when the decimals are zero. */
  separator: boolean
  unit: ShareScale | null
  value: number
}

function shareParts(value: unknown): ShareParts | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null
    const [intDigits, frac] = parts(value)
    return { intDigits, frac: frac.replace(/0+$/, ''), separator: false, unit: null, value }
  }
  if (typeof value !== 'string') return null
  let t = value.replace(/[\u00a0\u202f\u2009]/g, ' ').trim()
  let unit: ShareScale | null = null
  if (/%$/.test(t)) {
    unit = 'percent'
    t = t.slice(0, -1).trim()
  } else if (/\s*(FTE|VZE)$/i.test(t)) {
    unit = 'fte'
    t = t.replace(/\s*(FTE|VZE)$/i, '')
  }
  const m = /^(\d*)(?:[.,](\d+))?$/.exec(t)
  if (!m || (!m[1] && !m[2])) return null
  const frac = (m[2] ?? '').replace(/0+$/, '')
  return {
    intDigits: m[1],
    frac,
    separator: m[2] !== undefined,
    unit,
    value: Number(`${m[1] || '0'}.${m[2] ?? '0'}`)
  }
}

/** The unit a share column's header names: "Anteil %" percent, "FTE" or "VZE" fractions of an FTE. */
export function shareHeaderHint(header: string): ShareScale | null {
  if (/%|prozent|percent/i.test(header)) return 'percent'
  if (/\bfte\b|\bvze\b/i.test(header)) return 'fte'
  return null
}

/** What the other cells of a share column say, for cells the rule alone cannot settle. */
export type ShareColumn = {
  /** The unit named in the header, if any. */
  hint: ShareScale | null
  /** Some plain cell is a fraction of an FTE (0,5) or says FTE: plain 1..10 may then be FTE too. */
  fractions: boolean
  /** Some cell is percent by its own writing ("50 %", a plain 25): plain 1..10 may then be percent. */
  percents: boolean
}

export function shareColumn(header: string, values: Iterable<unknown>): ShareColumn {
  let fractions = false
  let percents = false
  let n = 0
  for (const v of values) {
    if (++n > 5000 || (fractions && percents)) break
    const p = shareParts(v)
    if (!p) continue
    if (p.unit === 'fte' || (p.unit === null && (p.frac !== '' || p.separator) && p.value <= 1))
      fractions = true
    else if (p.unit === 'percent' || (p.unit === null && p.value > 10)) percents = true
  }
  return { hint: shareHeaderHint(header), fractions, percents }
}

/**
 * Reads a share cell by its own writing, as finance sheets mix styles in one column: an explicit
 * % is percent ("45 %"), FTE or VZE fractions of an FTE; a plain value with a decimal part of at
 * most 1 is a fraction of an FTE ("0,375" → 37.5 %); a plain whole number is percent ("25").
 * Two readings remain possible for a decimal above 1 ("1,5": 1.5 FTE or 1.5 %) and for a whole
 * number up to 10 in a column that also holds fractions ("1" beside "0,5": 1 FTE or 1 %): those are
 * settled by the user's choice (`chosen`) or a unit in the header; else, in a column whose other
 * cells are all fractions of an FTE, they are FTE too (a matrix of 1, 0,5 and 0,25); else reported
 * as ambiguous.
 * Neither overrides what the writing settles: 25 FTE or 0.5 % staffing exists on no sheet.
 */
export function readShareCell(value: unknown, column: ShareColumn, chosen?: ShareScale): ShareResult {
  const p = shareParts(value)
  if (!p) return { ok: false, code: 'bad-share', message: 'is not a share (50 %, 0,5 or 0.5)' }
  let scale: ShareScale | null = p.unit
  if (!scale) {
    const whole = p.frac === '' && !p.separator
    if (!whole && p.value <= 1) scale = 'fte'
    else if (p.value > 10) scale = 'percent'
    else
      scale =
        chosen ??
        column.hint ??
        // Only fractions beside it ("0,5", "0,25", "1"): a matrix in FTE, where 1 is one FTE.
        (column.fractions && !column.percents ? 'fte' : whole && !column.fractions ? 'percent' : null)
  }
  if (!scale)
    return {
      ok: false,
      code: 'ambiguous-share',
      message: 'could be FTE or percent; choose how the share column reads'
    }
  const r = parseShare(value, scale)
  return r.ok ? { ...r, scale } : r
}

/** What a share cell stores under each reading, for showing a choice: null where it does not read. */
export function shareReadings(value: unknown): { percent: number | null; fte: number | null } {
  const read = (scale: ShareScale) => {
    const r = parseShare(value, scale)
    return r.ok ? r.bp : null
  }
  return { percent: read('percent'), fte: read('fte') }
}
