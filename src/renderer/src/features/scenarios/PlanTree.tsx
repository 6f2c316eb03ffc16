// The sidebar's list of plans, each with its scenarios beneath it.
import { useTranslation } from 'react-i18next'
import type { Plan } from '@shared/planning/types'
import { usePlans } from '../../db/plans'
import { useCurrentPlanId, useSelectPlan } from '../../app/current-plan'

export function PlanTree() {
  const { t } = useTranslation('common')
  const plans = usePlans()
  const current = useCurrentPlanId()
  const select = useSelectPlan()
  if (!plans) return null
  const bases = plans.filter((p) => !p.baseId && !p.archived)
  const children = (id: string) => plans.filter((p) => p.baseId === id && !p.archived)
  const item = (p: Plan, depth: number) => (
    <li key={p.id}>
      <button
        className={`plan-item depth-${depth} ${p.id === current ? 'active' : ''}`}
        aria-current={p.id === current ? 'true' : undefined}
        onClick={() => void select(p.id)}
      >
        {p.name}
      </button>
      {children(p.id).length > 0 && <ul>{children(p.id).map((c) => item(c, depth + 1))}</ul>}
    </li>
  )
  return (
    <nav aria-label={t('plans')} className="plan-tree">
      <h2 className="side-heading">{t('plans')}</h2>
      <ul>{bases.map((p) => item(p, 0))}</ul>
    </nav>
  )
}
