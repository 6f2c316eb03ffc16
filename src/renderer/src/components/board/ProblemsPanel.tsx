// The problems of a board after every move, listed under its toolbar (both boards): where, what
// and why, each a button that brings the chip into view and focuses it.
import { useTranslation } from 'react-i18next'
import type { BoardProblems } from '../../lib/problem-text'
import { showChip } from './show-chip'

export function ProblemsPanel({ problems }: { problems: BoardProblems }) {
  const { t } = useTranslation('problems')
  const { items, total } = problems
  if (items.length === 0) return null
  return (
    <details className="problems-panel" data-testid="board-problems" open>
      <summary>
        <span className="problems-mark" aria-hidden>
          ⚠
        </span>{' '}
        <strong>{t('title')}</strong> · {t('count', { count: total })}
      </summary>
      <ul>
        {items.map((p) => (
          <li key={p.key}>
            <button type="button" className="linklike" title={p.text} onClick={() => showChip(p.chipId)}>
              {p.text}
            </button>
          </li>
        ))}
      </ul>
      {total > items.length && <p className="muted">{t('more', { shown: items.length })}</p>}
    </details>
  )
}
