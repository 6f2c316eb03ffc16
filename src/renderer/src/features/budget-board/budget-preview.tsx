// What a drop on the budget board would do, in words: the phase's spending against its cap, the
// quarter's total, and a quarter outside the phase; and the short badge of the hovered cell.
import type { TFunction } from 'i18next'
import { capPercent, type BudgetPreview } from '@shared/planning/budget-board'
import type { Cents, Phase } from '@shared/planning/types'
import { formatQuarter } from '../../lib/format'
import type { BudgetCellPreview } from './BudgetCells'

export type PreviewLine = { text: string; bad: boolean }

export function describeBudgetPreview(
  p: BudgetPreview,
  phase: Phase | undefined,
  t: TFunction,
  money: (c: Cents) => string
): PreviewLine[] {
  const phaseText = t('preview.phase', {
    phase: phase?.name ?? '',
    spent: money(p.phaseAfterCents),
    cap: money(p.capCents)
  })
  const parts: PreviewLine[] = [
    { text: p.capBreached ? `${phaseText} — ${t('preview.capBreached')}` : phaseText, bad: p.capBreached },
    {
      text: t('preview.quarter', { quarter: formatQuarter(p.quarter), amount: money(p.quarterAfterCents) }),
      bad: false
    }
  ]
  if (p.outsidePhase && phase) {
    const range =
      phase.startQuarter === phase.endQuarter
        ? formatQuarter(phase.startQuarter)
        : `${formatQuarter(phase.startQuarter)}–${formatQuarter(phase.endQuarter)}`
    parts.push({
      text: t('preview.outside', { quarter: formatQuarter(p.quarter), phase: phase.name, range }),
      bad: true
    })
  }
  return parts
}

export function budgetCellPreviewOf(p: BudgetPreview, t: TFunction): BudgetCellPreview {
  return {
    bad: p.capBreached || p.outsidePhase,
    badge: `→ ${capPercent(p)} % ${t('cap')}${p.capBreached ? ' ⚠' : ''}`
  }
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
