// The mark on a figure the plan had to assume (a 50/50 split, a risk cost, an exchange rate):
// shown wherever the figure is, so nobody reads it as a roadmap figure.
import { useTranslation } from 'react-i18next'
import './strings'

export function EstimateBadge({ testId }: { testId?: string }) {
  const { t } = useTranslation('estimate')
  return (
    <span className="estimate-badge" title={t('title')} data-testid={testId}>
      {t('label')}
    </span>
  )
}
