// The wizard's row counts as one sentence: each count a plural of its own ("1 total row skipped").
import type { TFunction } from 'i18next'

export function rowCountsText(t: TFunction<'import'>, good: number, bad: number, totals: number): string {
  return t('counts', {
    ready: t('countReady', { count: good }),
    bad: t('countBad', { count: bad }),
    totals: t('countTotals', { count: totals })
  })
}
