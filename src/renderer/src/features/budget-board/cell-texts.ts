// What a budget board cell says (its accessible label, amount and drop label), kept per cell while
// its row's name and amount stay: the board renders every visible cell again on each drop, and
// only the cells the drop changed need new words.
import type { TFunction } from 'i18next'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { Cents, QuarterKey } from '@shared/planning/types'
import { formatQuarter } from '../../lib/format'
import { useCellMemo } from '../../components/board/cell-memo'

export type CellTexts = { label: string; text: string; dropLabel: string }

type Known = CellTexts & { name: string; amount: Cents }

/** A function giving a cell's texts; made again for another language or other names. */
export function useCellTexts(
  t: TFunction,
  money: (c: Cents) => string,
  lang: string
): (row: BudgetRow, q: QuarterKey, name: string, amount: Cents) => CellTexts {
  // A total cell changes with the lines below it, not with the cells the index touched: each
  // cell is checked against its row's name and amount instead.
  const known = useCellMemo<Known>([t, money, lang])
  return (row, q, name, amount) => {
    const id = `${row.key}|${q}`
    const had = known.get(id)
    if (had && had.name === name && had.amount === amount) return had
    const values = { quarter: formatQuarter(q), amount: money(amount) }
    const label =
      row.kind === 'phase'
        ? t('phaseCellLabel', { phase: name, ...values })
        : t('rowCellLabel', { row: name, ...values })
    return known.set(id, {
      name,
      amount,
      label,
      text: amount ? values.amount : '',
      dropLabel: `${name}, ${values.quarter}`
    })
  }
}
