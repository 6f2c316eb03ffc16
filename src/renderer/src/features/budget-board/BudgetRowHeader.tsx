// The budget board's row headers: a phase with its spending against its cap (expandable), a
// workstream with its total and line count (expandable), or a category.
import { useTranslation } from 'react-i18next'
import type { BudgetRow } from '@shared/planning/budget-board'
import type { Cents, Phase } from '@shared/planning/types'
import { categoryLabel } from '../../lib/plan-labels'
import './strings'

export function BudgetRowHeader({
  row,
  phase,
  spentCents,
  rowTotalCents,
  workstreamTitle,
  money,
  onToggle,
  counting = false
}: {
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
}) {
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
}
