// What a budget board cell draws: a leaf cell with its line chips (category rows) or a total cell
// (phase and workstream rows) with its amount, words for screen readers and, where the plan has
// them, its actuals.
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { BudgetIndex } from '@shared/planning/budget-index'
import type { BudgetLine, Cents, Phase, QuarterKey } from '@shared/planning/types'
import { categoryLabel } from '../../lib/plan-labels'
import { LeafCell, TotalCell } from './BudgetCells'
import type { CellActual } from './board-actuals'
import { useCellTexts } from './cell-texts'

const NO_LINES: BudgetLine[] = []

export function useCellRenderer({
  index,
  lookups,
  money,
  renderLine,
  cellActual
}: {
  index: BudgetIndex
  lookups: { phase: ReadonlyMap<string, Phase>; wsTitle: ReadonlyMap<string, string> }
  money: (c: Cents) => string
  renderLine: (l: BudgetLine) => ReactNode
  cellActual: (row: BudgetRow, q: QuarterKey) => CellActual | undefined
}): (row: BudgetRow, q: QuarterKey) => ReactNode {
  const { t, i18n } = useTranslation('budgetBoard')
  const lang = i18n.language
  const rowName = (row: BudgetRow): string => {
    const phase = lookups.phase.get(row.phaseId)?.name ?? row.phaseId
    if (row.kind === 'phase') return phase
    const ws =
      row.workstreamId === null
        ? t('noWorkstream')
        : (lookups.wsTitle.get(row.workstreamId) ?? row.workstreamId)
    return row.kind === 'workstream'
      ? `${phase} / ${ws}`
      : `${phase} / ${ws} / ${categoryLabel(row.category)}`
  }

  const cellTexts = useCellTexts(t, money, lang)
  return (row: BudgetRow, q: QuarterKey) => {
    const id = `${row.key}|${q}`
    const amount = index.totals.get(row.key)?.get(q) ?? 0
    const texts = cellTexts(row, q, rowName(row), amount)
    if (row.kind === 'category') {
      return (
        <LeafCell
          id={id}
          quarter={q}
          phaseId={row.phaseId}
          workstreamId={row.workstreamId}
          category={row.category}
          label={texts.label}
          dropLabel={texts.dropLabel}
          lines={index.lines.get(row.key)?.get(q) ?? NO_LINES}
          renderLine={renderLine}
        />
      )
    }
    return (
      <TotalCell
        id={id}
        quarter={q}
        phaseId={row.phaseId}
        workstreamId={row.kind === 'workstream' ? row.workstreamId : undefined}
        label={texts.label}
        dropLabel={texts.dropLabel}
        text={texts.text}
        strong={row.kind === 'phase'}
        {...cellActual(row, q)}
      />
    )
  }
}
