// The plan's assumptions in one list: figures the roadmap does not give (the CHF rate, 50/50
// splits of one roadmap share, risk costs), each marked as an estimate, editable in place and
// confirmed once the real figure is known. Each edit is one history entry, so it undoes.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { msg } from '../../i18n/text'
import { editPlanSettings, planAssumptions, setSplitEstimate } from '@shared/planning/edit'
import { setRiskImpactCents, updateEntity } from '@shared/planning/moves'
import { parseAmount, parseRate } from '@shared/planning/validate'
import type { PlanData } from '@shared/planning/types'
import { EstimateBadge } from '../../components/EstimateBadge'
import { InlineEdit, commitEdit, commitToggle, editNumberText } from '../../components/InlineEdit'
import { currentLanguage } from '../../i18n'
import { formatMoney, formatNumber, formatQuarter, formatShare } from '../../lib/format'
import { euros } from '../../lib/plan-labels'
import './strings'

/** 1.07 as "1.07", 1.0612 as "1.0612": as many decimals as the rate has, at least two. */
const formatRate = (rate: number) =>
  formatNumber(rate, Number.isInteger(Math.round(rate * 1e6) / 1e4) ? 2 : 4)

export function AssumptionsCard({ planId, data }: { planId: string; data: PlanData }) {
  const { t } = useTranslation('overview')
  const items = useMemo(() => planAssumptions(data), [data])
  const lang = currentLanguage()
  const roleName = new Map(data.roles.map((r) => [r.id, r.name]))
  const wsKey = new Map(data.workstreams.map((w) => [w.id, w.key]))
  const allocById = new Map(data.allocations.map((a) => [a.id, a]))
  const riskById = new Map(data.risks.map((r) => [r.id, r]))
  const failed = msg('overview:assumptions.failed')

  const confirmButton = (what: string, onClick: () => void) => (
    <button
      type="button"
      className="btn btn-small"
      aria-label={t('assumptions.confirmLabel', { what })}
      onClick={onClick}
    >
      {t('assumptions.confirm')}
    </button>
  )

  return (
    <section className="card ov-assumptions" aria-labelledby="ov-assumptions-title" data-testid="assumptions">
      <h2 id="ov-assumptions-title">{t('assumptions.title')}</h2>
      <p className="muted small">{t('assumptions.hint')}</p>
      {items.length === 0 ? (
        <p className="muted">{t('assumptions.none')}</p>
      ) : (
        <ul className="ov-assumption-list">
          {items.map((item) => {
            if (item.kind === 'chf-rate') {
              const rateText = formatRate(item.rate)
              return (
                <li key="rate" data-testid="assumption-rate">
                  <span className="ov-assumption-what">
                    <strong>{t('assumptions.rate')}</strong>
                    <EstimateBadge />
                    <span className="muted small">{t('assumptions.rateUse')}</span>
                  </span>
                  <InlineEdit
                    label={t('assumptions.rateLabel')}
                    display={rateText}
                    valueText={rateText}
                    initial={editNumberText(item.rate, lang, 6)}
                    parse={(s) => parseRate(s)}
                    preview={formatRate}
                    onSave={(rate) =>
                      commitEdit(planId, { key: 'history.chfRate', values: { rate } }, (d) =>
                        editPlanSettings(d, { chfToEur: rate })
                      )
                    }
                    size={8}
                  />
                  {confirmButton(t('assumptions.rate'), () =>
                    commitToggle(
                      planId,
                      data,
                      { key: 'history.confirmRate', values: { rate: item.rate } },
                      (d) => editPlanSettings(d, { chfRateEstimate: false }),
                      failed
                    )
                  )}
                </li>
              )
            }
            if (item.kind === 'split') {
              const role = roleName.get(item.roleId) ?? item.roleId
              const what = t('assumptions.split', { role, quarter: formatQuarter(item.quarter) })
              const shares = item.allocationIds
                .map((id) => allocById.get(id))
                .filter((a) => a !== undefined)
                .map((a) => `${wsKey.get(a.workstreamId) ?? a.workstreamId} ${formatShare(a.shareBp)}`)
                .join(' + ')
              return (
                <li key={`split-${item.roleId}-${item.quarter}`} data-testid="assumption-split">
                  <span className="ov-assumption-what">
                    <strong>{what}</strong>
                    <EstimateBadge />
                    <span className="muted small">{t('assumptions.splitUse')}</span>
                  </span>
                  <span className="ov-assumption-value">{shares}</span>
                  {confirmButton(what, () =>
                    commitToggle(
                      planId,
                      data,
                      { key: 'history.confirmSplit', values: { role, quarter: formatQuarter(item.quarter) } },
                      (d) => setSplitEstimate(d, item.allocationIds, false),
                      failed
                    )
                  )}
                </li>
              )
            }
            const risk = riskById.get(item.riskId)
            if (!risk) return null
            const what = t('assumptions.risk', { title: risk.title })
            const money = formatMoney(risk.impactCents, 'EUR', { whole: true })
            return (
              <li key={`risk-${risk.id}`} data-testid="assumption-risk">
                <span className="ov-assumption-what">
                  <strong>{what}</strong>
                  <EstimateBadge />
                  <span className="muted small">{t('assumptions.riskUse')}</span>
                </span>
                <InlineEdit
                  label={t('assumptions.riskLabel', { title: risk.title })}
                  display={money}
                  valueText={money}
                  initial={editNumberText(risk.impactCents / 100, lang)}
                  parse={(s) => parseAmount(s, lang)}
                  preview={(c) => formatMoney(c, 'EUR')}
                  onSave={(cents) =>
                    commitEdit(
                      planId,
                      { key: 'history.riskImpact', values: { title: risk.title, amount: euros(cents) } },
                      (d) => setRiskImpactCents(d, risk.id, cents)
                    )
                  }
                  size={10}
                />
                {confirmButton(what, () =>
                  commitToggle(
                    planId,
                    data,
                    { key: 'history.confirmRiskCost', values: { title: risk.title } },
                    (d) => updateEntity(d, 'risks', risk.id, { impactEstimate: false }),
                    failed
                  )
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
