// Turns a history entry's summary into a sentence in the UI language.
import type { HistoryEntry } from '@shared/planning/types'
import { i18n } from '../i18n'
import './history-strings'

/** Summaries use keys in the 'history' namespace; unknown keys fall back to the change kind. */
export function describeEntry(entry: Pick<HistoryEntry, 'summary' | 'kind'>): string {
  const t = i18n.getFixedT(null, 'history')
  const values = { ...entry.summary.values }
  if (entry.kind === 'revert' && typeof values['key'] === 'string') {
    values['what'] = t(String(values['key']), { defaultValue: String(values['key']) })
  }
  return t(entry.summary.key, {
    ...values,
    defaultValue: t(`kind.${entry.kind}`, { defaultValue: entry.kind })
  })
}
