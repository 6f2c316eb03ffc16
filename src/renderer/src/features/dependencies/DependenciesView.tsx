import { useTranslation } from 'react-i18next'
import type { Dependency } from '@shared/planning/types'
import { MODULES } from '@shared/planning/types'
import type { ViewProps } from '../../shell/view-props'
import { WorkstreamRowHeader } from '../../components/WorkstreamRowHeader'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { phaseLabel, sortedWorkstreams } from '../../lib/plan-labels'
import './dependencies.css'
import './strings'

export function DependenciesView({ planId }: ViewProps) {
  const { t } = useTranslation('dependencies')
  const data = usePlanData(planId)
  if (!data) return <ViewHeader view="dependencies" />
  const workstreams = sortedWorkstreams(data)
  const infra = data.dependencies.filter((d) => d.direction === 'infra-to-module')
  const fromModules = data.dependencies.filter((d) => d.direction === 'module-to-infra')
  const infraRows = workstreams
    .map((ws) => ({ ws, deps: infra.filter((d) => d.workstreamId === ws.id) }))
    .filter((r) => r.deps.length > 0)
  const perModule = MODULES.map(
    (m) => infraRows.filter((r) => r.deps.some((d) => d.modules.includes(m))).length
  )

  const target = (d: Dependency) => {
    if (d.workstreamId) {
      const ws = data.workstreams.find((w) => w.id === d.workstreamId)
      return ws ? <span className="ws-chip">{ws.key}</span> : d.workstreamId
    }
    if (d.phaseId) {
      const p = data.phases.find((x) => x.id === d.phaseId)
      return p ? (
        <span className={`badge badge-${p.priority.toLowerCase()}`}>{phaseLabel(p)}</span>
      ) : (
        d.phaseId
      )
    }
    return null
  }

  return (
    <div className="deps-view">
      <ViewHeader view="dependencies" />
      <section className="card">
        <h2>{t('infraTitle')}</h2>
        <p className="muted small">{t('infraHint')}</p>
        <table className="data dep-matrix">
          <thead>
            <tr>
              <th scope="col">{t('workstream')}</th>
              {MODULES.map((m) => (
                <th key={m} scope="col" className="mod-col" title={t('module', { n: m })}>
                  <abbr title={t('module', { n: m })}>{t('moduleShort', { n: m })}</abbr>
                </th>
              ))}
              <th scope="col">{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {infraRows.map(({ ws, deps }) => {
              const mods = new Set(deps.flatMap((d) => d.modules))
              return (
                <tr key={ws.id}>
                  <WorkstreamRowHeader ws={ws} />
                  {MODULES.map((m) => (
                    <td
                      key={m}
                      className={`mod-cell ${mods.has(m) ? 'on' : ''}`}
                      aria-label={t(mods.has(m) ? 'serves' : 'notServes', { ws: ws.key, n: m })}
                    >
                      {mods.has(m) ? <span className="dot" aria-hidden="true" /> : null}
                    </td>
                  ))}
                  <td>
                    {deps.map((d) => (
                      <div key={d.id}>{d.text}</div>
                    ))}
                    <div className="muted ws-sub">
                      {mods.size === MODULES.length ? t('all') : t('count', { n: mods.size })}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('perModule')}</td>
              {perModule.map((n, i) => (
                <td
                  key={MODULES[i]}
                  className="mod-col num-center"
                  aria-label={`${t('module', { n: MODULES[i] })}: ${t('needsCount', { n })}`}
                >
                  {n}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </section>

      <section className="card">
        <h2>{t('moduleTitle')}</h2>
        <p className="muted small">{t('moduleHint')}</p>
        <table className="data module-list">
          <thead>
            <tr>
              <th scope="col">{t('modules')}</th>
              <th scope="col">{t('feeds')}</th>
              <th scope="col">{t('what')}</th>
            </tr>
          </thead>
          <tbody>
            {fromModules.map((d) => (
              <tr key={d.id}>
                <td>
                  <div className="mod-chips">
                    {d.modules.length === MODULES.length ? (
                      <span className="mod-chip all">{t('all')}</span>
                    ) : (
                      d.modules.map((m) => (
                        <span key={m} className="mod-chip">
                          {t('module', { n: m })}
                        </span>
                      ))
                    )}
                  </div>
                </td>
                <td>{target(d)}</td>
                <td>{d.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
