// What a budget board cell says (its accessible label, amount and drop label), kept per cell while
// its row's name and amount stay: the board renders every visible cell again on each drop, and
// only the cells the drop changed need new words.
import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { Cents, QuarterKey } from '@shared/planning/types'
import { formatQuarter } from '../../lib/format'

export type CellTexts = { label: string; text: string; dropLabel: string }

type Known = CellTexts & { name: string; amount: Cents }

/** Cells remembered at most: several screens of a scrolled board, not every cell ever passed. */
const KEPT = 5_000

/** A function giving a cell's texts; made again for another language or other names. */
export function useCellTexts(
  t: TFunction,
  money: (c: Cents) => string,
  ...keys: unknown[]
): (row: BudgetRow, q: QuarterKey, name: string, amount: Cents) => CellTexts {
  return useMemo(() => {
    const known = new Map<string, Known>()
    return (row, q, name, amount) => {
      const id = `${row.key}|${q}`
      const had = known.get(id)
      if (had && had.name === name && had.amount === amount) return had
      const values = { quarter: formatQuarter(q), amount: money(amount) }
      const label =
        row.kind === 'phase'
          ? t('phaseCellLabel', { phase: name, ...values })
          : t('rowCellLabel', { row: name, ...values })
      const texts: Known = {
        name,
        amount,
        label,
        text: amount ? values.amount : '',
        dropLabel: `${name}, ${values.quarter}`
      }
      // Emptied when full: the cells on screen are put in words again once, the rest not kept.
      if (known.size >= KEPT) known.clear()
      known.set(id, texts)
      return texts
    }
  }, [t, money, ...keys]) // eslint-disable-line react-hooks/exhaustive-deps
}
