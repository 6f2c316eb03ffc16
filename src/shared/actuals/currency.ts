// CHF bookings in EUR cents: each booking is converted on its own at the plan's rate and rounded
// half away from zero, then the bookings are added up; so a quarter's actual is the sum of what
// finance would get converting its bookings one by one, and it does not move when bookings are
// grouped differently. Exact: the rate is taken as the decimal it is written as, in integers.
import type { Cents } from '../planning/types'
import type { Actual } from './types'

/** The rate as an exact fraction of integers: 1.07 → 107 / 100. */
function rateFraction(rate: number): [bigint, bigint] {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(rate))
  if (!m) throw new RangeError(`not a currency rate: ${rate}`)
  const frac = m[2] ?? ''
  const exp = Number(m[3] ?? 0) - frac.length
  const digits = BigInt(m[1] + frac)
  return exp >= 0 ? [digits * 10n ** BigInt(exp), 1n] : [digits, 10n ** BigInt(-exp)]
}

const fractions = new Map<number, [bigint, bigint]>()

/** CHF cents × rate in EUR cents, rounded half away from zero (CHF 0.05 × 1.07 = 0.0535 → 0.05). */
export function chfToEurCents(chfCents: Cents, rate: number): Cents {
  if (chfCents === 0) return 0
  let f = fractions.get(rate)
  if (!f) {
    f = rateFraction(rate)
    if (fractions.size < 64) fractions.set(rate, f)
  }
  const [num, den] = f
  const n = BigInt(Math.abs(chfCents)) * num
  const q = Number((n * 2n + den) / (den * 2n))
  return chfCents < 0 && q !== 0 ? -q : q
}

/**
 * An actual in base-currency (EUR) cents at the plan's rate: its EUR bookings plus its CHF
 * bookings as converted one by one when imported, when they were converted at this rate. An
 * actual imported at another rate (the plan's rate changed since) converts its CHF sum at once.
 */
export function actualBaseCents(
  a: Pick<Actual, 'eurCents' | 'chfCents' | 'chfBaseCents' | 'chfToEur'>,
  rate: number
): Cents {
  if (a.chfCents === 0 && !a.chfBaseCents) return a.eurCents
  if (a.chfBaseCents !== undefined && a.chfToEur === rate) return a.eurCents + a.chfBaseCents
  return a.eurCents + chfToEurCents(a.chfCents, rate)
}

/** Whether an actual's CHF is converted booking by booking at this rate (see actualBaseCents). */
export function convertedPerBooking(a: Pick<Actual, 'chfCents' | 'chfBaseCents' | 'chfToEur'>, rate: number) {
  return a.chfCents === 0 || (a.chfBaseCents !== undefined && a.chfToEur === rate)
}
