// The sidebar's list of plans, each with its scenarios beneath it (with dependency warnings),
// a menu per plan (rename, duplicate, branch, compare, promote, delete) and an Archived section.
import { DropdownMenu } from 'radix-ui'
import { useTranslation } from 'react-i18next'
import { usePlanList, type PlanListItem } from '../../db/plans'
import { useDeletedPlans } from '../../db/scenarios'
import { formatDateTime, formatNumber } from '../../lib/format'
import { useDependencyViolations } from '../../db/scenarios'
import { useCurrentPlanId, useSelectPlan } from '../../shell/current-plan'
import { runAction, useAction } from '../../shell/actions'
import { openNewPlanForm, openPlanSettings } from './plan-forms'
import { loadPlanData } from '../../db/plan-data'
import { NameDialogHost } from './NameDialog'
import {
  branchFlow,
  compareFlow,
  deleteFlow,
  duplicateFlow,
  promoteFlow,
  renameFlow,
  restoreDeletedFlow,
  unarchiveFlow
} from './actions'
import './strings'
import './scenarios.css'

function DependencyBadge({ planId }: { planId: string }) {
  const { t } = useTranslation('scenarios')
  const violations = useDependencyViolations(planId)
  if (!violations || violations.length === 0) return null
  const label = t('tree.depWarnings', { count: violations.length })
  return (
    <span className="tree-badge" role="img" aria-label={label} title={label}>
      ⚠ {formatNumber(violations.length)}
    </span>
  )
}

function PlanMenu({ plan, currentId }: { plan: PlanListItem; currentId: string | null }) {
  const { t } = useTranslation('scenarios')
  const { t: tc } = useTranslation('common')
  const isScenario = plan.baseId !== null
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="tree-menu-button"
        aria-label={t('tree.actionsFor', { name: plan.name })}
      >
        ⋯
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu-content" align="start" sideOffset={4}>
          <DropdownMenu.Item className="menu-item" onSelect={() => void renameFlow(plan)}>
            {t('tree.rename')}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className="menu-item"
            onSelect={() =>
              void loadPlanData(plan.id).then((d) => (d ? openPlanSettings(plan.id, d) : false))
            }
          >
            {t('tree.settings')}
          </DropdownMenu.Item>
          {!plan.archived && (
            <DropdownMenu.Item className="menu-item" onSelect={() => void branchFlow(plan)}>
              {t('tree.branch')}
            </DropdownMenu.Item>
          )}
          {isScenario && (
            <DropdownMenu.Item className="menu-item" onSelect={() => void duplicateFlow(plan)}>
              {t('tree.duplicate')}
            </DropdownMenu.Item>
          )}
          {isScenario && (
            <DropdownMenu.Item className="menu-item" onSelect={() => void compareFlow(plan)}>
              {t('tree.compare')}
            </DropdownMenu.Item>
          )}
          {isScenario && !plan.archived && (
            <DropdownMenu.Item className="menu-item" onSelect={() => void promoteFlow(plan)}>
              {t('tree.promote')}
            </DropdownMenu.Item>
          )}
          {plan.archived && (
            <DropdownMenu.Item className="menu-item" onSelect={() => void unarchiveFlow(plan)}>
              {t('tree.unarchive')}
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Separator className="menu-separator" />
          {plan.builtin && !plan.baseId && (
            <DropdownMenu.Item className="menu-item menu-danger" onSelect={() => runAction('reset-plan')}>
              {tc('resetPlan')}…
            </DropdownMenu.Item>
          )}
          <DropdownMenu.Item
            className="menu-item menu-danger"
            onSelect={() => void deleteFlow(plan, currentId)}
          >
            {t('tree.delete')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/** Deleted plans kept in the database, each with a button that brings it back. */
function RecentlyDeleted() {
  const { t } = useTranslation('scenarios')
  const deleted = useDeletedPlans()
  if (!deleted || deleted.length === 0) return null
  return (
    <details className="tree-archived tree-deleted">
      <summary>{t('tree.deletedCount', { count: deleted.length })}</summary>
      <ul aria-label={t('tree.deleted')}>
        {deleted.map((d) => (
          <li key={d.key} className="deleted-row">
            <span className="deleted-name" title={d.name}>
              {d.name}
              <span className="deleted-when">
                {formatDateTime(d.deletedAt)}
                {d.planCount > 1 ? ` · ${t('tree.withScenarios', { count: d.planCount - 1 })}` : ''}
              </span>
            </span>
            <button
              className="tree-restore"
              aria-label={t('tree.restoreNamed', { name: d.name })}
              onClick={() => void restoreDeletedFlow(d.key)}
            >
              {t('tree.restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

export function PlanTree() {
  const { t } = useTranslation('common')
  const ts = useTranslation('scenarios').t
  // Not the plan rows themselves: each commit rewrites the current one (updatedAt).
  const plans = usePlanList()
  const current = useCurrentPlanId()
  const select = useSelectPlan()
  useAction({
    id: 'new-plan',
    label: 'scenarios:tree.newPlan',
    group: 'file',
    shortcuts: ['Mod+N'],
    perform: () => void openNewPlanForm(plans ?? [])
  })
  if (!plans) return null
  const byName = (a: PlanListItem, b: PlanListItem) =>
    a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name)
  const live = plans.filter((p) => !p.archived)
  const liveIds = new Set(live.map((p) => p.id))
  // A scenario whose base is archived or gone still shows, at the top level.
  const bases = live.filter((p) => !p.baseId || !liveIds.has(p.baseId)).sort(byName)
  const children = (id: string) => live.filter((p) => p.baseId === id).sort(byName)
  const archived = plans.filter((p) => p.archived).sort(byName)
  const currentPlan = plans.find((p) => p.id === current)

  const item = (p: PlanListItem, depth: number) => {
    const kids = p.archived ? [] : children(p.id)
    return (
      <li key={p.id}>
        <div className={`plan-row ${p.id === current ? 'active' : ''}`}>
          <button
            className={`plan-item depth-${Math.min(depth, 2)} ${p.id === current ? 'active' : ''}`}
            aria-current={p.id === current ? 'true' : undefined}
            onClick={() => void select(p.id)}
            title={p.name}
          >
            {depth > 0 && (
              <span className="tree-branch" aria-hidden="true">
                ↳
              </span>
            )}
            <span className="plan-item-name">{p.name}</span>
          </button>
          {p.baseId && <DependencyBadge planId={p.id} />}
          <PlanMenu plan={p} currentId={current} />
        </div>
        {kids.length > 0 && <ul>{kids.map((c) => item(c, depth + 1))}</ul>}
      </li>
    )
  }

  return (
    <nav aria-label={t('plans')} className="plan-tree">
      <div className="tree-heading">
        <h2 className="side-heading">{t('plans')}</h2>
        <span className="tree-buttons">
          {currentPlan && !currentPlan.archived && (
            <button
              className="tree-add"
              aria-label={ts('tree.newScenarioOf', { name: currentPlan.name })}
              title={ts('tree.newScenarioOf', { name: currentPlan.name })}
              onClick={() => void branchFlow(currentPlan)}
            >
              ↳
            </button>
          )}
          <button
            className="tree-add"
            aria-label={ts('tree.newPlan')}
            title={ts('tree.newPlan')}
            onClick={() => void openNewPlanForm(plans)}
          >
            +
          </button>
        </span>
      </div>
      <ul>{bases.map((p) => item(p, 0))}</ul>
      {archived.length > 0 && (
        <details className="tree-archived" open={archived.some((p) => p.id === current) || undefined}>
          <summary>{ts('tree.archivedCount', { count: archived.length })}</summary>
          <ul aria-label={ts('tree.archived')}>{archived.map((p) => item(p, 0))}</ul>
        </details>
      )}
      <RecentlyDeleted />
      <NameDialogHost />
    </nav>
  )
}
