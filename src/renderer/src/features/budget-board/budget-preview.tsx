// What a drop on the budget board would do, in words: the phase's spending against its cap, the
// quarter's total, and a quarter outside the phase; and the short badge of the hovered cell.
import { useCallback, useMemo, useRef, type RefObject } from 'react'
import type { TFunction } from 'i18next'
import { labelTemplate } from '../../lib/label-template'
import {
  capPercent,
  previewBudgetDrop,
  type BudgetCellTarget,
  type BudgetPreview
} from '@shared/planning/budget-board'
import type { BudgetIndex } from '@shared/planning/budget-index'
import type { BudgetLine, Cents, Phase, PlanData } from '@shared/planning/types'
import { formatQuarter } from '../../lib/format'
import type { BudgetCellPreview } from './BudgetCells'

export type PreviewLine = { text: string; bad: boolean }

/**
 * The preview's sentences put through i18next once per language: a drag words a preview at each
 * cell it enters, and t() is a key lookup and interpolation regexes per call.
 */
export function previewTemplates(t: TFunction) {
  const tv = (key: string, values: Record<string, string>) => t(key, values)
  return {
    phase: labelTemplate(tv, 'preview.phase', ['phase', 'spent', 'cap']),
    quarter: labelTemplate(tv, 'preview.quarter', ['quarter', 'amount']),
    outside: labelTemplate(tv, 'preview.outside', ['quarter', 'phase', 'range']),
    capBreached: t('preview.capBreached'),
    cap: t('cap')
  }
}
export type PreviewTemplates = ReturnType<typeof previewTemplates>

export function describeBudgetPreview(
  p: BudgetPreview,
  phase: Phase | undefined,
  say: PreviewTemplates,
  money: (c: Cents) => string
): PreviewLine[] {
  const phaseText = say.phase({
    phase: phase?.name ?? '',
    spent: money(p.phaseAfterCents),
    cap: money(p.capCents)
  })
  const parts: PreviewLine[] = [
    { text: p.capBreached ? `${phaseText} — ${say.capBreached}` : phaseText, bad: p.capBreached },
    {
      text: say.quarter({ quarter: formatQuarter(p.quarter), amount: money(p.quarterAfterCents) }),
      bad: false
    }
  ]
  if (p.outsidePhase && phase) {
    const range =
      phase.startQuarter === phase.endQuarter
        ? formatQuarter(phase.startQuarter)
        : `${formatQuarter(phase.startQuarter)}–${formatQuarter(phase.endQuarter)}`
    parts.push({
      text: say.outside({ quarter: formatQuarter(p.quarter), phase: phase.name, range }),
      bad: true
    })
  }
  return parts
}

export function budgetCellPreviewOf(p: BudgetPreview, say: PreviewTemplates): BudgetCellPreview {
  return {
    bad: p.capBreached || p.outsidePhase,
    badge: `→ ${capPercent(p)} % ${say.cap}${p.capBreached ? ' ⚠' : ''}`
  }
}

type PreviewResult = { p: BudgetPreview; lines: PreviewLine[] } | null

/**
 * The preview of the cell under the chip, worked out once for what is announced, the overlay's
 * lines and the cell's badge (each asks when the chip enters a cell). Compared field by field: it
 * is asked on every pointer move over a cell, and allocates nothing then.
 */
export function useBudgetPreview(
  dataRef: RefObject<PlanData>,
  indexRef: RefObject<BudgetIndex>,
  phases: ReadonlyMap<string, Phase>,
  money: (c: Cents) => string,
  t: TFunction,
  lang: string
) {
  const say = useMemo(() => previewTemplates(t), [t, lang]) // eslint-disable-line react-hooks/exhaustive-deps
  const describe = useCallback(
    (p: BudgetPreview) => describeBudgetPreview(p, phases.get(p.phaseId), say, money),
    [phases, money, say]
  )
  const last = useRef<{
    d: unknown
    ix: unknown
    describe: unknown
    l: BudgetLine
    cell: BudgetCellTarget
    result: PreviewResult
  }>(null)
  const previewOf = (l: BudgetLine, cell: BudgetCellTarget): PreviewResult => {
    const d = dataRef.current
    const ix = indexRef.current
    const m = last.current
    if (m && m.d === d && m.ix === ix && m.describe === describe && m.l === l && m.cell === cell)
      return m.result
    const p = previewBudgetDrop(d, ix.budget, l, cell)
    const result = p ? { p, lines: describe(p) } : null
    last.current = { d, ix, describe, l, cell, result }
    return result
  }
  return { say, previewOf }
}

/** The preview lines as the drag overlay shows them. */
export function PreviewLines({ lines }: { lines: PreviewLine[] }) {
  return (
    <>
      {lines.map((p) => (
        <div key={p.text} className={p.bad ? 'bad' : ''}>
          {p.bad ? '⚠ ' : ''}
          {p.text}
        </div>
      ))}
    </>
  )
}
