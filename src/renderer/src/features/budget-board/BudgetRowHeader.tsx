// The budget board's row headers: a phase with its spending against its cap (expandable), a
// workstream with its total and line count (expandable), or a category.
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { Cents, Phase } from '@shared/planning/types'
import { categoryLabel } from '../../lib/plan-labels'
import './strings'

type HeaderProps = {
  row: BudgetRow
  phase: Phase | undefined
  /** The phase's planned cents (phase rows). */
  spentCents: Cents
  /** The row's total over all quarters (workstream rows). */
  rowTotalCents: Cents
  /** The workstream's title, or undefined for lines without one (workstream rows). */
  workstreamTitle: string | undefined
  money: (c: Cents) => string
  onToggle: (key: string) => void
  /** An open phase whose workstreams and lines are still being counted (a big plan opening). */
  counting?: boolean
}

/**
 * Drawn again only when what it shows changed: the rows are built anew on each commit, and every
 * header on screen rendering (and putting its cap and counts into words) at each drop was a good
 * part of the drop's work on a big plan. A language switch renders it through useTranslation.
 */
function sameHeader(a: HeaderProps, b: HeaderProps): boolean {
  const keys = Object.keys(a) as (keyof HeaderProps)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => (k === 'row' ? sameRow(a.row, b.row) : a[k] === b[k]))
}
function sameRow(a: BudgetRow, b: BudgetRow): boolean {
  if (a === b) return true
  const keys = Object.keys(a) as (keyof BudgetRow)[]
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

export const BudgetRowHeader = memo(function BudgetRowHeader({
  row,
  phase,
  spentCents,
  rowTotalCents,
  workstreamTitle,
  money,
  onToggle,
  counting = false
}: HeaderProps) {
  const { t } = useTranslation('budgetBoard')
  if (row.kind === 'category') {
    return (
      <div className="bhead bhead-cat">
        <span className="bhead-name">{categoryLabel(row.category)}</span>
      </div>
    )
  }
  const name =
    row.kind === 'phase'
      ? (phase?.name ?? row.phaseId)
      : row.workstreamId === null
        ? t('noWorkstream')
        : (workstreamTitle ?? row.workstreamId)
  const toggle = (
    <button
      type="button"
      className="toggle"
      aria-expanded={row.expanded}
      aria-label={t(row.expanded ? 'collapse' : 'expand', { name })}
      onClick={() => onToggle(row.key)}
    >
      {row.expanded ? '▾' : '▸'}
    </button>
  )
  if (row.kind === 'workstream') {
    return (
      <div className="bhead bhead-ws">
        {toggle}
        <div className="bhead-main">
          <span className="bhead-name" title={name}>
            {name}
          </span>
          <span className="muted small">
            {money(rowTotalCents)} · {t('lines', { count: row.lineCount })}
          </span>
        </div>
      </div>
    )
  }
  const cap = phase?.capCents ?? 0
  const breached = spentCents > cap
  const capText = t('capOf', { spent: money(spentCents), cap: money(cap) })
  const breachText = breached ? ` — ${t('capBreached', { amount: money(spentCents - cap) })}` : ''
  return (
    <div className="bhead bhead-phase">
      {toggle}
      <div className="bhead-main">
        <div className="bhead-title">
          {phase && <span className={`badge badge-${phase.priority.toLowerCase()}`}>{phase.priority}</span>}
          <strong title={name}>{name}</strong>
          {counting && (
            <span
              className="muted small phase-counting"
              role="status"
              data-testid={`phase-counting-${phase?.order ?? ''}`}
            >
              {t('phaseCounting')}
            </span>
          )}
        </div>
        <div
          className={`cap-line ${breached ? 'breached' : ''}`}
          data-testid={`phase-total-${phase?.order ?? ''}`}
          title={`${capText}${breachText}`}
          data-breached={breached}
        >
          <span className="cap-bar" aria-hidden="true">
            <span
              style={{
                width: `${cap > 0 ? Math.min(100, (spentCents / cap) * 100) : spentCents > 0 ? 100 : 0}%`
              }}
            />
          </span>
          <span>
            {capText}
            {breachText}
          </span>
        </div>
      </div>
    </div>
  )
}, sameHeader)
