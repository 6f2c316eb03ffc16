// FTE shares in a cell to basis points (10_000 = 1.0 FTE): "50 %", "0,5", "50", 0.5.
import { MAX_SHARE_BP, type ShareBp } from '../planning/types'
import { digitsToUnits } from '../numbers/digits'

export type ShareScale = 'percent' | 'fte'
export type ShareResult =
  { ok: true; bp: ShareBp } | { ok: false; code: 'bad-share' | 'share-out-of-range'; message: string }

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
