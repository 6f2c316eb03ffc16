import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Allocation, QuarterKey, Role } from '@shared/planning/types'
import { utilization, overAllocations, type UtilizationCell } from '@shared/planning/utilization'
import { parseCapacityPercent, parseSharePercent, type ValidationError } from '@shared/planning/validate'
import { setAllocationShare, setCapacity } from '@shared/planning/moves'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { EChart } from '../../components/EChart'
import { InlineEdit, commitEdit, editNumberText } from '../../components/InlineEdit'
import { usePlanData } from '../../db/plan-data'
import { currentLanguage, registerStrings } from '../../i18n'
import { formatFte, formatMoney, formatNumber, formatQuarter, formatShare } from '../../lib/format'
import { hiringPlan } from '@shared/planning/edit'
import { moveRole, openAllocationForm, openRoleForm, removeRoleWithQuestion } from './role-forms'
import { phaseLabel, sortedPhases, sortedWorkstreams } from '../../lib/plan-labels'
import './team.css'

registerStrings('team', {
  en: {
    utilTitle: 'Utilization per role and quarter',
    utilHint: 'Allocated share of an FTE; the capacity below each share can be edited.',
    role: 'Role',
    total: 'FTE-quarters',
    capacity: 'of {{cap}}',
    capacityLabel: '{{role}}, {{quarter}}, capacity',
    shareLabel: '{{role}}, {{workstream}}, {{quarter}}, share',
    cellTitle: '{{share}} allocated of {{cap}} capacity: {{ratio}} utilization',
    legendOk: 'Within plan',
    legendAmber: 'Above {{soft}} of capacity',
    legendRed: 'Above {{full}} of capacity',
    overTitle: 'Over-allocated',
    overNone: 'Nobody is allocated above capacity.',
    overItem: '{{role}} in {{quarter}}: {{share}} of {{cap}}',
    chartTitle: 'FTE per quarter, by phase',
    chartLabel: 'Stacked bar chart of the allocated FTE per quarter, by phase',
    breakdownTitle: 'Per workstream',
    breakdownHint:
      'Who works on each workstream in each quarter. Shares can be edited; 0 removes the assignment.',
    workstream: 'Workstream',
    nobody: '—',
    tooLarge: 'At most 1,000% (10 FTE).',
    showAll: 'Show all {{n}} roles',
    more: '+ {{n}} more',
    actions: 'Actions',
    openPosition: 'Open position',
    openFrom: 'Open position from {{quarter}}',
    hiringTitle: 'Hiring plan',
    hiringNone: 'No open positions. Mark a role as an open position to plan a hire.',
    hiringItem: '{{role}}: from {{quarter}}, {{fte}} planned',
    hiringCost: 'cost {{cost}}',
    noRoles: 'No roles yet. Add the first role of the team.'
  },
  de: {
    utilTitle: 'Auslastung je Rolle und Quartal',
    utilHint: 'Zugewiesener Anteil eines FTE; die Kapazität unter jedem Anteil ist bearbeitbar.',
    role: 'Rolle',
    total: 'FTE-Quartale',
    capacity: 'von {{cap}}',
    capacityLabel: '{{role}}, {{quarter}}, Kapazität',
    shareLabel: '{{role}}, {{workstream}}, {{quarter}}, Anteil',
    cellTitle: '{{share}} zugewiesen bei {{cap}} Kapazität: {{ratio}} Auslastung',
    legendOk: 'Im Plan',
    legendAmber: 'Über {{soft}} der Kapazität',
    legendRed: 'Über {{full}} der Kapazität',
    overTitle: 'Überbucht',
    overNone: 'Niemand ist über seiner Kapazität eingeplant.',
    overItem: '{{role}} in {{quarter}}: {{share}} von {{cap}}',
    chartTitle: 'FTE je Quartal, nach Phase',
    chartLabel: 'Gestapeltes Balkendiagramm der zugewiesenen FTE je Quartal, nach Phase',
    breakdownTitle: 'Je Arbeitspaket',
    breakdownHint:
      'Wer in welchem Quartal an welchem Arbeitspaket arbeitet. Anteile sind bearbeitbar; 0 entfernt die Zuweisung.',
    workstream: 'Arbeitspaket',
    nobody: '—',
    tooLarge: 'Höchstens 1.000 % (10 FTE).',
    showAll: 'Alle {{n}} Rollen zeigen',
    more: '+ {{n}} weitere',
    actions: 'Aktionen',
    openPosition: 'Offene Stelle',
    openFrom: 'Offene Stelle ab {{quarter}}',
    hiringTitle: 'Einstellungsplan',
    hiringNone:
      'Keine offenen Stellen. Eine Rolle als offene Stelle markieren, um eine Einstellung zu planen.',
    hiringItem: '{{role}}: ab {{quarter}}, {{fte}} eingeplant',
    hiringCost: 'Kosten {{cost}}',
    noRoles: 'Noch keine Rollen. Die erste Rolle des Teams anlegen.'
  }
})

// More rows than a person reads at once; the rest on request keeps big imported plans responsive.
const ROLE_LIMIT = 60
const CELL_LIMIT = 6

export function TeamView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('team')
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  const [showAll, setShowAll] = useState(false)
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  // Allocations grouped once per workstream and quarter (a large plan holds 20,000 of them).
  const byCell = useMemo(() => {
    const m = new Map<string, Allocation[]>()
    for (const a of data?.allocations ?? []) {
      const k = `${a.workstreamId}|${a.quarter}`
      const list = m.get(k)
      if (list) list.push(a)
      else m.set(k, [a])
    }
    return m
  }, [data])
  const table = useMemo(() => (data ? utilization(data) : null), [data])
  const over = useMemo(() => (data ? overAllocations(data) : []), [data])
  const hiring = useMemo(() => (data ? hiringPlan(data) : []), [data])
  const chart = useMemo(() => {
    if (!data) return null
    const phaseOf = new Map(data.workstreams.map((w) => [w.id, w.phaseId]))
    const fte = (bp: number) => bp / 10_000
    const sums = new Map<string, number>()
    for (const a of data.allocations) {
      const k = `${phaseOf.get(a.workstreamId)}|${a.quarter}`
      sums.set(k, (sums.get(k) ?? 0) + a.shareBp)
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, 2)} FTE` },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 4, right: 12, top: 30, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: data.plan.quarters.map(formatQuarter) },
      yAxis: { type: 'value', name: 'FTE', axisLabel: { formatter: (v: number) => formatNumber(v, 1) } },
      series: sortedPhases(data).map((p, i) => ({
        type: 'bar',
        stack: 'fte',
        name: phaseLabel(p),
        itemStyle: { color: ['#c62f2f', '#e07b00', '#2457c5', '#7a4cc2', '#1e8e7e'][i % 5] },
        data: data.plan.quarters.map((q) => fte(sums.get(`${p.id}|${q}`) ?? 0))
      }))
    }
    // i18n.language: labels and number formats follow the UI language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, i18n.language])
  if (!data || !table) return <ViewHeader view="team" />
  const lang = currentLanguage()
  const quarters = data.plan.quarters
  const roles = [...data.roles].sort((a, b) => a.order - b.order)
  const roleById = new Map(roles.map((r) => [r.id, r]))
  const shownRoles = showAll ? roles : roles.slice(0, ROLE_LIMIT)
  const errorText = (e: ValidationError) => (e === 'too-large' ? t('tooLarge') : undefined)
  const pct = (bp: number) => editNumberText(bp / 100, lang)
  const shareText = (bp: number) => (bp >= 100 ? `${formatShare(bp)} (${formatFte(bp)})` : formatShare(bp))

  const saveCapacity = (role: Role, q: QuarterKey) => (bp: number) =>
    commitEdit(
      planId,
      { key: 'history.capacity', values: { role: role.name, quarter: formatQuarter(q), share: bp / 100 } },
      (d) => setCapacity(d, role.id, q, bp)
    )
  const saveShare = (a: Allocation, roleName: string, wsName: string) => (bp: number) =>
    commitEdit(
      planId,
      {
        key: 'history.allocationShare',
        values: { role: roleName, workstream: wsName, quarter: formatQuarter(a.quarter), share: bp / 100 }
      },
      (d) => setAllocationShare(d, a.id, bp)
    )

  const cellClass = (c: UtilizationCell | undefined) =>
    !c || c.allocatedBp === 0 ? 'util-empty' : `util-${c.level}`

  return (
    <div className="team-view">
      <ViewHeader
        view="team"
        actions={
          <>
            <button type="button" className="btn btn-primary" onClick={() => void openRoleForm(planId, data)}>
              {tf('role.add')}
            </button>
            <button type="button" className="btn" onClick={() => void openAllocationForm(planId, data)}>
              {tf('allocation.add')}
            </button>
          </>
        }
      />
      <section className="card team-card">
        <div className="card-title">
          <div>
            <h2>{t('utilTitle')}</h2>
            <p className="muted small">{t('utilHint')}</p>
          </div>
          <ul className="util-legend" aria-label={t('utilTitle')}>
            <li>
              <span className="swatch util-ok" aria-hidden="true" />
              {t('legendOk')}
            </li>
            <li>
              <span className="swatch util-amber" aria-hidden="true" />
              {t('legendAmber', { soft: formatShare(data.plan.softCapBp) })}
            </li>
            <li>
              <span className="swatch util-red" aria-hidden="true" />
              {t('legendRed', { full: formatShare(10_000) })}
            </li>
          </ul>
        </div>
        <table className="data util-table">
          <thead>
            <tr>
              <th scope="col">{t('role')}</th>
              {quarters.map((q) => (
                <th key={q} scope="col" className="num">
                  {formatQuarter(q)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('total')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.length === 0 && (
              <tr>
                <td colSpan={quarters.length + 3} className="muted">
                  {t('noRoles')}
                </td>
              </tr>
            )}
            {shownRoles.map((role, index) => {
              const cells = table.get(role.id)
              let totalBp = 0
              return (
                <tr key={role.id} className={role.openPosition ? 'open-position' : undefined}>
                  <th scope="row" className="role-name">
                    {role.name}
                    {role.personName && <div className="person-name muted small">{role.personName}</div>}
                    {role.openPosition && (
                      <span className="open-position-badge">
                        {role.hireQuarter
                          ? t('openFrom', { quarter: formatQuarter(role.hireQuarter) })
                          : t('openPosition')}
                      </span>
                    )}
                  </th>
                  {quarters.map((q) => {
                    const c = cells?.get(q)
                    const alloc = c?.allocatedBp ?? 0
                    const cap = c?.capacityBp ?? 10_000
                    totalBp += alloc
                    return (
                      <td
                        key={q}
                        className={`util-cell ${cellClass(c)}`}
                        aria-label={`${role.name}, ${formatQuarter(q)}, ${formatShare(alloc)}`}
                        title={t('cellTitle', {
                          share: formatShare(alloc),
                          cap: formatShare(cap),
                          ratio: Number.isFinite(c?.ratio ?? 0)
                            ? formatShare(Math.round((c?.ratio ?? 0) * 10_000))
                            : '∞'
                        })}
                      >
                        <div className="util-share">{alloc ? formatShare(alloc) : '·'}</div>
                        <div className="util-cap">
                          {t('capacity', { cap: '' }).trim()}{' '}
                          <InlineEdit
                            label={t('capacityLabel', { role: role.name, quarter: formatQuarter(q) })}
                            display={formatShare(cap)}
                            valueText={formatShare(cap)}
                            initial={pct(cap)}
                            parse={(s) => parseCapacityPercent(s, lang)}
                            preview={shareText}
                            errorText={errorText}
                            onSave={saveCapacity(role, q)}
                            size={5}
                          />
                        </div>
                      </td>
                    )
                  })}
                  <td className="num fte-total">{formatFte(totalBp)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('moveUp', { name: role.name })}
                      disabled={index === 0}
                      onClick={() => void moveRole(planId, role, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('moveDown', { name: role.name })}
                      disabled={index === roles.length - 1}
                      onClick={() => void moveRole(planId, role, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('editNamed', { name: role.name })}
                      title={tf('role.edit')}
                      onClick={() => void openRoleForm(planId, data, role)}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={tf('removeNamed', { name: role.name })}
                      title={tf('role.remove')}
                      onClick={() => void removeRoleWithQuestion(planId, data, role)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {roles.length > shownRoles.length && (
          <button type="button" className="btn btn-small show-all" onClick={() => setShowAll(true)}>
            {t('showAll', { n: roles.length })}
          </button>
        )}
        <div className={`over-list ${over.length ? 'has-over' : ''}`} role="status">
          <strong>{t('overTitle')}:</strong>{' '}
          {over.length === 0
            ? t('overNone')
            : over
                .map((c) =>
                  t('overItem', {
                    role: roleById.get(c.roleId)?.name ?? c.roleId,
                    quarter: formatQuarter(c.quarter),
                    share: formatShare(c.allocatedBp),
                    cap: formatShare(c.capacityBp)
                  })
                )
                .join(' · ')}
        </div>
      </section>

      <section className="card hiring-plan" aria-label={t('hiringTitle')}>
        <h2>{t('hiringTitle')}</h2>
        {hiring.length === 0 ? (
          <p className="muted small">{t('hiringNone')}</p>
        ) : (
          <ul data-testid="hiring-plan">
            {hiring.map((h) => (
              <li key={h.role.id}>
                {t('hiringItem', {
                  role: h.role.name,
                  quarter: formatQuarter(h.startQuarter),
                  fte: formatFte(h.allocatedBp)
                })}
                {h.role.costPerFteQuarterCents !== null && (
                  <span className="muted"> · {t('hiringCost', { cost: formatMoney(h.costCents) })}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>{t('chartTitle')}</h2>
        {chart && <EChart option={chart} label={t('chartLabel')} height={220} />}
      </section>

      <section className="card team-card">
        <h2>{t('breakdownTitle')}</h2>
        <p className="muted small">{t('breakdownHint')}</p>
        <table className="data breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t('workstream')}</th>
              {quarters.map((q) => (
                <th key={q} scope="col">
                  {formatQuarter(q)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sortedWorkstreams(data).map((ws) => {
              const phase = data.phases.find((p) => p.id === ws.phaseId)
              return (
                <tr key={ws.id}>
                  <th scope="row">
                    <div className="ws-key">{ws.key}</div>
                    <div className="ws-title muted">{phase ? phaseLabel(phase) : ''}</div>
                  </th>
                  {quarters.map((q) => {
                    const allocs = [...(byCell.get(`${ws.id}|${q}`) ?? [])].sort(
                      (a, b) => (roleById.get(a.roleId)?.order ?? 0) - (roleById.get(b.roleId)?.order ?? 0)
                    )
                    return (
                      <td key={q}>
                        {allocs.length === 0 ? (
                          <span className="muted">{t('nobody')}</span>
                        ) : (
                          <ul className="alloc-list">
                            {(expanded.has(ws.id) ? allocs : allocs.slice(0, CELL_LIMIT)).map((a) => {
                              const roleName = roleById.get(a.roleId)?.name ?? a.roleId
                              return (
                                <li key={a.id} title={a.note}>
                                  <span className="alloc-role">{roleName}</span>
                                  <InlineEdit
                                    label={t('shareLabel', {
                                      role: roleName,
                                      workstream: ws.key,
                                      quarter: formatQuarter(q)
                                    })}
                                    display={formatShare(a.shareBp)}
                                    valueText={formatShare(a.shareBp)}
                                    initial={pct(a.shareBp)}
                                    parse={(s) => parseSharePercent(s, lang)}
                                    preview={shareText}
                                    errorText={errorText}
                                    onSave={saveShare(a, roleName, ws.key)}
                                    size={5}
                                  />
                                </li>
                              )
                            })}
                            {!expanded.has(ws.id) && allocs.length > CELL_LIMIT && (
                              <li>
                                <button
                                  type="button"
                                  className="btn btn-small btn-ghost more"
                                  onClick={() => setExpanded((prev) => new Set(prev).add(ws.id))}
                                >
                                  {t('more', { n: allocs.length - CELL_LIMIT })}
                                </button>
                              </li>
                            )}
                          </ul>
                        )}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </div>
  )
}
