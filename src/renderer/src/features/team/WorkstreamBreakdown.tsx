// Who works on each workstream in each quarter, each share edited in place.
import { useMemo, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { Allocation, PlanData } from '@shared/planning/types'
import { parseSharePercent, type ValidationError } from '@shared/planning/validate'
import { setAllocationShare } from '@shared/planning/moves'
import { QuarterTableHead } from '../../components/QuarterTableHead'
import { InlineEdit, commitEdit } from '../../components/InlineEdit'
import { EstimateBadge } from '../../components/EstimateBadge'
import { currentLanguage } from '../../i18n'
import { formatQuarter, formatShare } from '../../lib/format'
import { workstreamName } from '../../lib/history-summaries'
import { phaseLabel, sortedWorkstreams } from '../../lib/plan-labels'
import { pctText as pct, shareText } from './share-text'
import './strings'

const CELL_LIMIT = 6

export function WorkstreamBreakdown({ planId, data }: { planId: string; data: PlanData }) {
  const { t } = useTranslation('team')
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set())
  // Allocations grouped once per workstream and quarter (a large plan holds 20,000 of them).
  const byCell = useMemo(() => {
    const m = new Map<string, Allocation[]>()
    for (const a of data.allocations) {
      const k = `${a.workstreamId}|${a.quarter}`
      const list = m.get(k)
      if (list) list.push(a)
      else m.set(k, [a])
    }
    return m
  }, [data])
  const lang = currentLanguage()
  const quarters = data.plan.quarters
  const roleById = new Map(data.roles.map((r) => [r.id, r]))
  const errorText = (e: ValidationError) => (e === 'too-large' ? t('tooLarge') : undefined)
  const saveShare = (a: Allocation, roleName: string, wsName: string) => (bp: number) =>
    commitEdit(
      planId,
      {
        key: 'history.allocationShare',
        values: { role: roleName, workstream: wsName, quarter: formatQuarter(a.quarter), share: bp / 100 }
      },
      (d) => setAllocationShare(d, a.id, bp)
    )

  return (
    <section className="card team-card">
      <h2>{t('breakdownTitle')}</h2>
      <p className="muted small">{t('breakdownHint')}</p>
      <div className="table-scroll">
        <table className="data breakdown-table" style={{ '--quarters': quarters.length } as CSSProperties}>
          <QuarterTableHead first={t('workstream')} quarters={quarters} quarterClass="" />
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
                                    onSave={saveShare(a, roleName, workstreamName(ws))}
                                    size={5}
                                  />
                                  {a.estimate && <EstimateBadge />}
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
      </div>
    </section>
  )
}
