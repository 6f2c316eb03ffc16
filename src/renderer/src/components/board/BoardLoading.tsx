// What a board shows while the index of a big plan is built a slice per task (use-sliced-index.ts):
// its header and how many entries are being sorted, so the window stays responsive meanwhile; or,
// once its first rows are drawn, a line saying that the rest is still being counted; or, while a
// big commit is taken in, that the board shows its last figures until it is updated.
import { useTranslation } from 'react-i18next'
import { ViewHeader } from '../ViewHeader'
import { formatNumber } from '../../lib/format'
import './strings'

export function BoardLoading({ view, count }: { view: string; count: number }) {
  const { t } = useTranslation('board')
  return (
    <div className="board-loading">
      <ViewHeader view={view} />
      <p className="muted" role="status" aria-busy="true" data-testid="board-loading">
        {t('loading', { n: formatNumber(count) })}
      </p>
    </div>
  )
}

/**
 * Above a board that draws its first rows while the rest of its entries are still being counted;
 * or, with `problemsOnly`, whose figures are all counted while its problems are still being found.
 * `text` says what is shown already where the general sentence does not fit the board.
 */
export function CountingHint({
  count,
  problemsOnly = false,
  text
}: {
  count: number
  problemsOnly?: boolean
  text?: string
}) {
  const { t } = useTranslation('board')
  return (
    <p
      className="muted board-counting"
      role="status"
      aria-busy="true"
      data-testid="board-counting"
      data-stage={problemsOnly ? 'problems' : 'rows'}
    >
      {text ?? t(problemsOnly ? 'countingProblems' : 'counting', { n: formatNumber(count) })}
    </p>
  )
}

/** Above a board that shows its last figures while a big commit's changes are taken in (use-sliced-index.ts). */
export function UpdatingHint() {
  const { t } = useTranslation('board')
  return (
    <p className="muted board-counting" role="status" aria-busy="true" data-testid="board-updating">
      {t('updating')}
    </p>
  )
}
