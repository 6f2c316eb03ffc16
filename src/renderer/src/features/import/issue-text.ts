// A row problem as a sentence in the wizard's language: where, which field, the value, and why.
import type { TFunction } from 'i18next'
import type { CellIssue } from '@shared/import/types'

export function issueSentence(t: TFunction<'import'>, i: CellIssue): string {
  const where = i.column
    ? t('where', { sheet: i.sheet, row: i.row, column: i.column })
    : t('whereNoColumn', { sheet: i.sheet, row: i.row })
  const why = t(`issue.${i.code}`, { defaultValue: i.message, limit: i.limit?.toLocaleString() })
  return `${where} (${t(`field_${i.field}`)}): ${i.value ? `"${i.value}" ` : ''}${why}`
}
