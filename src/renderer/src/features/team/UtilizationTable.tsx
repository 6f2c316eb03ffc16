// Utilization per role and quarter: each cell the allocated share with its capacity (edited in
// place), the role's row actions, and the list of over-allocated cells.
import { useMemo, useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData, QuarterKey, Role } from '@shared/planning/types'
import { utilization, overAllocations, type UtilizationCell } from '@shared/planning/utilization'
import { parseCapacityPercent, type ValidationError } from '@shared/planning/validate'
import { setCapacity } from '@shared/planning/moves'
import { QuarterTableHead } from '../../components/QuarterTableHead'
import { InlineEdit, commitEdit } from '../../components/InlineEdit'
import { RowActions } from '../../components/plan-form/RowActions'
import { currentLanguage } from '../../i18n'
import { formatNumber, formatQuarter, formatShare } from '../../lib/format'
import { moveRole, openRoleForm, removeRoleWithQuestion } from './role-forms'
import { pctText as pct, shareText } from './share-text'
import './strings'

// More rows than a person reads at once; the rest on request keeps big imported plans responsive.
const ROLE_LIMIT = 60

export function UtilizationTable({ planId, data }: { planId: string; data: PlanData }) {
  const { t } = useTranslation('team')
  const { t: tf } = useTranslation('forms')
  const [showAll, setShowAll] = useState(false)
  const table = useMemo(() => utilization(data), [data])
  const over = useMemo(() => overAllocations(data), [data])
  const lang = currentLanguage()
  const quarters = data.plan.quarters
  const roles = [...data.roles].sort((a, b) => a.order - b.order)
  const roleById = new Map(roles.map((r) => [r.id, r]))
  const shownRoles = showAll ? roles : roles.slice(0, ROLE_LIMIT)
  const errorText = (e: ValidationError) => (e === 'too-large' ? t('tooLarge') : undefined)

  const saveCapacity = (role: Role, q: QuarterKey) => (bp: number) =>
    commitEdit(
      planId,
      { key: 'history.capacity', values: { role: role.name, quarter: formatQuarter(q), share: bp / 100 } },
      (d) => setCapacity(d, role.id, q, bp)
    )
  const cellClass = (c: UtilizationCell | undefined) =>
    !c || c.allocatedBp === 0 ? 'util-empty' : `util-${c.level}`

  return (
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
      <div className="table-scroll">
        <table className="data util-table" style={{ '--quarters': quarters.length } as CSSProperties}>
          <QuarterTableHead
            first={t('role')}
            quarters={quarters}
            after={[
              { label: t('total'), className: 'num fte-col' },
              { label: <span className="sr-only">{t('actions')}</span>, className: 'actions-col' }
            ]}
          />
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
                  <th scope="row" className="role-name" title={role.name}>
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
                  {/* FTE-quarters, as the column says: the role's FTE added over the quarters, not "3 FTE". */}
                  <td className="num fte-total" data-testid={`fte-quarters-${role.id}`}>
                    {formatNumber(totalBp / 10_000, 2)}
                  </td>
                  <RowActions
                    name={role.name}
                    move={{ index, count: roles.length, onMove: (by) => moveRole(planId, role, by) }}
                    onEdit={() => void openRoleForm(planId, data, role)}
                    onRemove={() => void removeRoleWithQuestion(planId, data, role)}
                    editTitle={tf('role.edit')}
                    removeTitle={tf('role.remove')}
                  />
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
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
  )
}
