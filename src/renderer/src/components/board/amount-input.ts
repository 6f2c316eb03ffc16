// The amount a position of the amount dialog's slider stands for.

/** The amount at a slider position in 5 % steps of `max`, rounded to whole units (never 0, never above max). */
export function amountAtPercent(max: number, percent: number): number {
  const v = Math.round((max * percent) / 100)
  return Math.min(max, Math.max(1, v))
}
