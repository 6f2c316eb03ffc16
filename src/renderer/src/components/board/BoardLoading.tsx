// What a board shows while the index of a big plan is built a slice per task (use-sliced-index.ts):
// its header and how many entries are being sorted, so the window stays responsive meanwhile.
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
