// Turns a history entry's summary into a sentence in the UI language.
import type { HistoryEntry } from '@shared/planning/types'
import { i18n } from '../i18n'
import { formatMonth } from '../lib/format'
import { categoryLabel } from '../lib/plan-labels'
import './history-strings'

// Entries store a month as its key ("2026-03"); sentences show it in the UI language ("{{month, month}}").
i18n.services.formatter?.add('month', (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? formatMonth(value) : String(value)
)
// A budget category as its key ("tools"); sentences name it in the UI language ("{{category, category}}").
i18n.services.formatter?.add('category', (value: unknown) => categoryLabel(String(value)))

/** Summaries use keys in the 'history' namespace; unknown keys fall back to the change kind. */
export function describeEntry(entry: Pick<HistoryEntry, 'summary' | 'kind'>): string {
  const t = i18n.getFixedT(null, 'history')
  const values = { ...entry.summary.values }
  if (entry.kind === 'revert' && typeof values['key'] === 'string') {
    values['what'] = t(String(values['key']), { defaultValue: String(values['key']) })
  }
  // Line moves written before moveLineToRow stored the row as "workstream / category key".
  const row = values['toRow']
  if (entry.summary.key === 'history.moveLineRow' && typeof row === 'string' && row.includes(' / ')) {
    const cut = row.lastIndexOf(' / ') + 3
    values['toRow'] = row.slice(0, cut) + categoryLabel(row.slice(cut))
  }
  const amount = values['amount']
  const currency = values['currency']
  const formatParams =
    typeof amount === 'number' && typeof currency === 'string'
      ? {
          amount: {
            currency,
            minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
            maximumFractionDigits: 2
          }
        }
      : undefined
  return t(entry.summary.key, {
    ...values,
    ...(formatParams ? { formatParams } : {}),
    defaultValue: t(`kind.${entry.kind}`, { defaultValue: entry.kind })
  })
}
