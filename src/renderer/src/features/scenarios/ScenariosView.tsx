// What-if scenarios: pick two plans (a scenario and its base by default), see what differs side
// by side, export it to Excel, make quick edits in the scenario and promote it onto its base.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '@shared/planning/types'
import { buildComparisonReport } from '@shared/scenarios/compare-report'
import { actualsForPlan } from '@shared/actuals/variance'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { toast, toastError } from '../../components/Toaster'
import { asIs, msg } from '../../i18n/text'
import { usePlanData } from '../../db/plan-data'
import { usePlans } from '../../db/plans'
import { usePlanHistory } from '../../db/scenarios'
import { useActuals } from '../../db/actuals'
import { navigate, useRoute } from '../../shell/router'
import { invoke } from '../../lib/ipc'
import { currentLanguage } from '../../i18n'
import { formatDateTime } from '../../lib/format'
import { ComparisonPanel } from './ComparisonPanel'
import { PromotePanel } from './PromotePanel'
import { QuickEdit } from './QuickEdit'
import { branchFlow } from './actions'
import './strings'
import './scenarios.css'

/** The pair to compare: from the address (#/scenarios?a=..&b=..) when valid, else a default. */
function choosePair(
  plans: Plan[],
  planId: string,
  params: URLSearchParams
): { a: string | null; b: string | null } {
  const exists = (id: string | null) => id !== null && plans.some((p) => p.id === id)
  const qa = params.get('a')
  const qb = params.get('b')
  if (exists(qa) && exists(qb)) return { a: qa, b: qb }
  const current = plans.find((p) => p.id === planId)
  if (!current) return { a: null, b: null }
  if (current.baseId && exists(current.baseId)) return { a: current.baseId, b: current.id }
  const mine = plans
    .filter((p) => p.baseId === current.id)
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt))
  const newest = mine.find((p) => !p.archived)
  if (newest) return { a: current.id, b: newest.id }
  // After a promotion: the archived old baseline (A) against what the plan is now (B).
  const archived = mine.find((p) => p.archived)
  return archived ? { a: archived.id, b: current.id } : { a: current.id, b: null }
}

function PlanSelect({
  label,
  value,
  plans,
  onChange
}: {
  label: string
  value: string
  plans: Plan[]
  onChange: (id: string) => void
}) {
  const { t } = useTranslation('scenarios')
  const nameOf = (id: string | null) => plans.find((p) => p.id === id)?.name ?? ''
  const live = plans.filter((p) => !p.archived)
  const archived = plans.filter((p) => p.archived)
  const option = (p: Plan) => (
    <option key={p.id} value={p.id}>
      {p.baseId ? `${p.name} — ${t('tree.scenarioOf', { name: nameOf(p.baseId) })}` : p.name}
    </option>
  )
  return (
    <select className="text" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {live.map(option)}
      {archived.length > 0 && <optgroup label={t('tree.archived')}>{archived.map(option)}</optgroup>}
    </select>
  )
}

export function ScenariosView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('scenarios')
  const plans = usePlans()
  const { params } = useRoute()
  const pair = useMemo(
    () => (plans ? choosePair(plans, planId, params) : { a: null, b: null }),
    [plans, planId, params]
  )
  const a = usePlanData(pair.a)
  const b = usePlanData(pair.b)
  const baseHistory = usePlanHistory(b?.plan.baseId && b.plan.baseId === pair.a ? pair.a : null)
  const [exporting, setExporting] = useState(false)
  // Actuals belong to a plan's root; each side sees them on its own phases (actualsForPlan).
  const actualsA = useActuals(pair.a)
  const actualsB = useActuals(pair.b)
  const report = useMemo(
    () =>
      a && b
        ? buildComparisonReport(a, b, {
            a: actualsForPlan(a, actualsA ?? []),
            b: actualsForPlan(b, actualsB ?? [])
          })
        : null,
    [a, b, actualsA, actualsB]
  )
  const current = plans?.find((p) => p.id === planId)

  const setPair = (na: string | null, nb: string | null) => {
    const next: Record<string, string> = {}
    if (na) next['a'] = na
    if (nb) next['b'] = nb
    navigate('scenarios', next)
  }

  const exportXlsx = async () => {
    if (!report) return
    setExporting(true)
    try {
      const saved = await invoke('scenarios:export-comparison', {
        report,
        language: currentLanguage(),
        fileName: `${report.a.name} vs ${report.b.name}`,
        title: t('sheet.saveTitle')
      })
      if (saved)
        toast({ title: msg('scenarios:toast.exported'), description: asIs(saved.path), kind: 'success' })
    } catch (err) {
      toastError(msg('scenarios:toast.failed'), err)
    } finally {
      setExporting(false)
    }
  }

  const actions = (
    <>
      {current && !current.archived && (
        <button className="btn" onClick={() => void branchFlow(current)}>
          {t('view.branchCurrent')}
        </button>
      )}
      <button
        className="btn"
        disabled={!report || exporting || pair.a === pair.b}
        onClick={() => void exportXlsx()}
      >
        {t('view.export')}
      </button>
    </>
  )

  if (!plans) return <ViewHeader view="scenarios" />

  if (!pair.b) {
    return (
      <>
        <ViewHeader view="scenarios" actions={actions} />
        <div className="empty-state">
          <h2>{t('view.noScenarios')}</h2>
          <p>{t('view.noScenariosText', { name: current?.name ?? '' })}</p>
          {current && (
            <button className="btn btn-primary" onClick={() => void branchFlow(current)}>
              {t('view.branchCurrent')}
            </button>
          )}
        </div>
      </>
    )
  }

  const baseChanges =
    b && baseHistory ? baseHistory.filter((h) => !h.undone && h.seq! > b.plan.branchedAtSeq).length : 0
  const isScenarioOfA = !!b?.plan.baseId && b.plan.baseId === pair.a && !b.plan.archived

  return (
    <>
      <ViewHeader view="scenarios" actions={actions} />
      <div className="compare-bar" lang={i18n.language}>
        <span>{t('view.compareA')}</span>
        <span className="side-tag side-a" style={{ color: '#fff', borderRadius: 4, padding: '1px 6px' }}>
          A
        </span>
        <PlanSelect
          label={`${t('view.compareA')} (A)`}
          value={pair.a ?? ''}
          plans={plans}
          onChange={(id) => setPair(id, pair.b)}
        />
        <span>{t('view.compareB')}</span>
        <span className="side-tag side-b" style={{ color: '#fff', borderRadius: 4, padding: '1px 6px' }}>
          B
        </span>
        <PlanSelect
          label={`${t('view.compareB')} (B)`}
          value={pair.b ?? ''}
          plans={plans}
          onChange={(id) => setPair(pair.a, id)}
        />
        <button
          className="btn btn-ghost"
          onClick={() => setPair(pair.b, pair.a)}
          aria-label={t('view.swap')}
          title={t('view.swap')}
        >
          ⇄
        </button>
      </div>
      {isScenarioOfA && b && (
        <p className="muted-small branch-info">
          {t('view.branchedAt', { base: a?.plan.name ?? '', date: formatDateTime(b.plan.createdAt) })}
        </p>
      )}
      {isScenarioOfA && baseChanges > 0 && (
        <p className="compare-note" role="status">
          {t('view.baseChanged', { count: baseChanges })}
        </p>
      )}
      {pair.a === pair.b ? (
        <p className="muted">{t('view.samePlan')}</p>
      ) : !report || !a || !b ? (
        <p className="muted">{t('common:loading')}</p>
      ) : (
        <>
          <ComparisonPanel report={report} quarters={b.plan.quarters} />
          {b.plan.baseId && !b.plan.archived && <QuickEdit data={b} />}
          {isScenarioOfA && !b.plan.archived && <PromotePanel scenario={b} base={a} />}
        </>
      )}
    </>
  )
}
