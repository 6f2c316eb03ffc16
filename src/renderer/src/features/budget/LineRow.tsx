import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetLine, PlanData, QuarterKey } from '@shared/planning/types'
import { toBaseCents } from '@shared/planning/budget'
import { parseAmount } from '@shared/planning/validate'
import { setBudgetAmount } from '@shared/planning/moves'
import { InlineEdit, commitEdit, editNumberText } from '../../components/InlineEdit'
import { currentPlanData } from '../../db/plan-data'
import { currentLanguage } from '../../i18n'
import { formatMoney } from '../../lib/format'
import { categoryLabel, euros } from '../../lib/plan-labels'
import { RowActions } from '../../components/plan-form/RowActions'
import { moveBudgetLine, openBudgetLineForm, removeBudgetLineWithQuestion } from './budget-line-forms'
import './strings'

/**
 * One line item. Memoized on the line object: a commit replaces only the rows it changes, so
 * the rest of a long table is not rendered again (the plan keeps unchanged rows' identity).
 */
export const LineRow = memo(function LineRow({
  line,
  quarters,
  chfToEur,
  planId,
  index,
  count,
  phaseName,
  reveal
}: {
  line: BudgetLine
  quarters: readonly QuarterKey[]
  chfToEur: number
  planId: string
  /** Position among the lines of its phase as shown, and how many the phase holds. */
  index: number
  count: number
  phaseName: string
  /** Shows at least the first `count` lines of the phase (stable across renders). */
  reveal: (phaseId: string, count: number) => void
}) {
  const { t } = useTranslation('budget')
  const { t: tf } = useTranslation('forms')
  const lang = currentLanguage()
  const amountError = (e: string) => (e === 'too-large' ? t('tooLarge') : undefined)
  const money = (c: number) => formatMoney(c, 'EUR', { whole: c % 100 === 0 })
  const shown = formatMoney(line.amountCents, line.currency, { whole: line.amountCents % 100 === 0 })
  const base = toBaseCents(line, { chfToEur })
  const save = (cents: number) =>
    commitEdit(
      planId,
      {
        key: 'history.budgetAmount',
        values: { title: line.title, amount: euros(cents), currency: line.currency }
      },
      (d) => setBudgetAmount(d, line.id, cents)
    )
  return (
    <tr className="line-row">
      <td>
        <div className="line-title">
          <span>{line.title}</span>
          <span className="line-category">{categoryLabel(line.category)}</span>
        </div>
      </td>
      {quarters.map((q) => (
        <td key={q} className="num">
          {q === line.quarter && (
            <>
              <InlineEdit
                label={t('amountLabel', { title: line.title })}
                display={shown}
                valueText={shown}
                initial={editNumberText(line.amountCents / 100, lang)}
                parse={(s) => parseAmount(s, lang)}
                preview={(c) => formatMoney(c, line.currency)}
                errorText={amountError}
                onSave={save}
              />
              {line.currency === 'CHF' && (
                <div className="chf-eur">{t('inEur', { amount: money(base) })}</div>
              )}
            </>
          )}
        </td>
      ))}
      <td className="num muted">{money(base)}</td>
      <RowActions
        name={line.title}
        colSpan={2}
        move={{
          index,
          count,
          onMove: (by) => {
            // Shown before the move renders, so the row stays mounted and keeps its focus.
            reveal(line.phaseId, index + by + 1)
            return moveBudgetLine(planId, line, by, { place: index + by + 1, count, phase: phaseName })
          }
        }}
        onEdit={() => void withData(planId, (d) => openBudgetLineForm(planId, d, line))}
        onRemove={() => void removeBudgetLineWithQuestion(planId, line)}
        editTitle={tf('line.edit')}
        removeTitle={tf('line.remove')}
      />
    </tr>
  )
})

/** Opens a form on the plan as stored now (rows memoized on one line do not hold the whole plan). */
async function withData(planId: string, open: (d: PlanData) => Promise<unknown>) {
  const d = await currentPlanData(planId)
  if (d) await open(d)
}
