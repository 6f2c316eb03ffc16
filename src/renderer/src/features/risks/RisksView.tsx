import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { msg } from '../../i18n/text'
import type { ImpactLevel, Risk } from '@shared/planning/types'
import { IMPACT_LEVELS } from '@shared/planning/types'
import { contingency, expectedCostCents } from '@shared/planning/risk'
import { parseAmount, parseProbability, type ValidationError } from '@shared/planning/validate'
import { setRiskImpactCents, setRiskProbability, updateEntity } from '@shared/planning/moves'
import { sortedByOrder } from '@shared/planning/order'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { moveRisk, openRiskForm, removeRiskWithQuestion } from './risk-forms'
import { RowActions } from '../../components/plan-form/RowActions'
import { EChart } from '../../components/EChart'
import { EstimateBadge } from '../../components/EstimateBadge'
import { InlineEdit, commitEdit, commitToggle, editNumberText } from '../../components/InlineEdit'
import { usePlanData } from '../../db/plan-data'
import { currentLanguage } from '../../i18n'
import { formatMoney, formatMoneyShort, formatQuarter, formatShare, formatNumber } from '../../lib/format'
import { euros, phaseLabel } from '../../lib/plan-labels'
import './risks.css'
import './strings'

type Band = 'high' | 'medium' | 'low'
const BANDS: Band[] = ['high', 'medium', 'low']
const bandOf = (pct: number): Band => (pct >= 50 ? 'high' : pct >= 20 ? 'medium' : 'low')
// Severity of a matrix cell: 0 (low/low) .. 5 (high/critical), for its colour.
const severity = (band: Band, impact: ImpactLevel) => 2 - BANDS.indexOf(band) + IMPACT_LEVELS.indexOf(impact)

export function RisksView({ planId }: ViewProps) {
  const { t, i18n } = useTranslation('risks')
  const tp = useTranslation('plan').t
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  const cont = useMemo(() => (data ? contingency(data) : null), [data])
  const chart = useMemo(() => {
    if (!data || !cont) return null
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      grid: { left: 4, right: 8, top: 10, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: data.plan.quarters.map(formatQuarter), axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 10, formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: [
        {
          type: 'bar',
          name: t('expected'),
          itemStyle: { color: '#e07b00' },
          data: data.plan.quarters.map((q) => euros(cont.byQuarter.get(q) ?? 0))
        }
      ]
    }
    // i18n.language: number formats follow the UI language
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, cont, i18n.language])
  if (!data || !cont) return <ViewHeader view="risks" />
  const lang = currentLanguage()
  // In their order: a moved risk is shown (and numbered R1..Rn) where it now stands.
  const numbered = sortedByOrder(data.risks).map((r, i) => ({ risk: r, n: i + 1 }))
  const estimated = data.risks.filter((r) => r.impactEstimate).length

  const saveProb = (r: Risk) => (pct: number) =>
    commitEdit(planId, { key: 'history.riskProbability', values: { title: r.title, pct } }, (d) =>
      setRiskProbability(d, r.id, pct)
    )
  const saveImpact = (r: Risk) => (cents: number) =>
    commitEdit(planId, { key: 'history.riskImpact', values: { title: r.title, amount: euros(cents) } }, (d) =>
      setRiskImpactCents(d, r.id, cents)
    )
  const setLevel = (r: Risk, level: ImpactLevel) =>
    commitToggle(
      planId,
      data,
      { key: 'history.riskLevel', values: { title: r.title, level } },
      (d) => updateEntity(d, 'risks', r.id, { impactLevel: level }),
      msg('risks:saveFailed')
    )
  const amountError = (e: ValidationError) => (e === 'too-large' ? t('tooLarge') : undefined)

  return (
    <div className="risks-view">
      <ViewHeader
        view="risks"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => void openRiskForm(planId, data)}>
            {tf('risk.add')}
          </button>
        }
      />
      <div className="risks-top">
        <section className="card">
          <h2>{t('matrix')}</h2>
          <p className="muted small">{t('matrixHint')}</p>
          <div className="risk-matrix" role="table" aria-label={t('matrix')}>
            <div role="row" className="rm-row rm-head">
              <div role="columnheader" className="rm-corner">
                {t('probability')} ↓ / {t('impact')} →
              </div>
              {IMPACT_LEVELS.map((lvl) => (
                <div role="columnheader" key={lvl} className="rm-colhead">
                  {tp(`impact.${lvl}`)}
                </div>
              ))}
            </div>
            {BANDS.map((band) => (
              <div role="row" key={band} className="rm-row">
                <div role="rowheader" className="rm-rowhead">
                  {t(`band.${band}`)}
                </div>
                {IMPACT_LEVELS.map((lvl) => {
                  const here = numbered.filter(
                    (x) => bandOf(x.risk.probabilityPct) === band && x.risk.impactLevel === lvl
                  )
                  return (
                    <div
                      role="cell"
                      key={lvl}
                      className={`rm-cell sev-${severity(band, lvl)}`}
                      aria-label={t('cellLabel', {
                        band: t(`band.${band}`),
                        impact: tp(`impact.${lvl}`),
                        count: here.length
                      })}
                    >
                      {here.map((x) => (
                        <a key={x.risk.id} href={`#risk-${x.n}`} className="rm-chip" title={x.risk.title}>
                          R{x.n}
                        </a>
                      ))}
                    </div>
                  )
                })}
              </div>
            ))}
          </div>
        </section>
        <section className="card risk-summary">
          <h2>{t('contingency')}</h2>
          <div className="figure" data-testid="risk-contingency">
            {formatMoney(cont.totalCents, 'EUR', { whole: cont.totalCents % 100 === 0 })}
          </div>
          <p className="muted small">{t('expectedHint')}</p>
          {estimated > 0 && (
            <p className="small risk-estimate-note" data-testid="risk-estimate-note">
              <EstimateBadge /> {t('estimateNote', { count: estimated })}
            </p>
          )}
          <ul className="risk-summary-list">
            {numbered.map(({ risk, n }) => (
              <li key={risk.id}>
                <span className="rm-chip static">R{n}</span>
                <span className="risk-summary-title">{risk.title}</span>
                <span className="num">
                  {risk.impactEstimate && <span className="estimate-mark">≈ </span>}
                  {formatMoney(expectedCostCents(risk), 'EUR', { whole: true })}
                </span>
              </li>
            ))}
          </ul>
          <h3 className="risk-chart-title">{t('perQuarter')}</h3>
          {chart && <EChart option={chart} label={t('chartLabel')} height={140} />}
        </section>
      </div>

      <h2 className="risks-title">{t('list')}</h2>
      <div className="risk-list">
        {numbered.map(({ risk, n }) => {
          const rc = cont.byRisk.find((x) => x.riskId === risk.id)
          const phases = risk.phaseIds.map((id) => data.phases.find((p) => p.id === id)).filter((p) => !!p)
          const wss = risk.workstreamIds
            .map((id) => data.workstreams.find((w) => w.id === id))
            .filter((w) => !!w)
          const prob = formatShare(Math.round(risk.probabilityPct * 100))
          const impactMoney = formatMoney(risk.impactCents, 'EUR', { whole: risk.impactCents % 100 === 0 })
          return (
            <article
              key={risk.id}
              id={`risk-${n}`}
              className="card risk-card"
              aria-labelledby={`risk-title-${n}`}
              data-reorder-row=""
            >
              <header className="risk-head">
                <span
                  className={`rm-chip static sev-${severity(bandOf(risk.probabilityPct), risk.impactLevel)}`}
                >
                  R{n}
                </span>
                <h3 id={`risk-title-${n}`}>{risk.title}</h3>
                <RowActions
                  as="span"
                  name={risk.title}
                  move={{
                    index: n - 1,
                    count: numbered.length,
                    onMove: (by) => moveRisk(planId, risk, by, n + by, numbered.length)
                  }}
                  onEdit={() => void openRiskForm(planId, data, risk)}
                  onRemove={() => void removeRiskWithQuestion(planId, risk)}
                  editTitle={tf('risk.edit')}
                  removeTitle={tf('risk.remove')}
                />
              </header>
              <div className="risk-grid">
                <div>
                  <div className="figure-label">{t('probability')}</div>
                  <InlineEdit
                    label={t('probLabel', { title: risk.title })}
                    display={prob}
                    valueText={prob}
                    initial={editNumberText(risk.probabilityPct, lang)}
                    parse={(s) => parseProbability(s, lang)}
                    preview={(v) => `${formatNumber(v, v % 1 === 0 ? 0 : 2)} %`}
                    errorText={(e) => (e === 'out-of-range' ? t('probRange') : undefined)}
                    onSave={saveProb(risk)}
                    align="left"
                    size={5}
                    className="risk-value"
                  />
                </div>
                <div>
                  <div className="figure-label">{t('impactLevel')}</div>
                  <select
                    className="text risk-level"
                    aria-label={t('levelLabel', { title: risk.title })}
                    value={risk.impactLevel}
                    onChange={(e) => setLevel(risk, e.target.value as ImpactLevel)}
                  >
                    {IMPACT_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {tp(`impact.${l}`)}
                      </option>
                    ))}
                  </select>
                  <div className="muted small">
                    {t('impactText')}: {risk.impactText}
                  </div>
                </div>
                <div>
                  <div className="figure-label">
                    {t('impactCost')}
                    {risk.impactEstimate && (
                      <span className="estimate-badge" title={tf('estimateTitle')}>
                        {tf('estimate')}
                      </span>
                    )}
                  </div>
                  <InlineEdit
                    label={t('impactLabel', { title: risk.title })}
                    display={impactMoney}
                    valueText={impactMoney}
                    initial={editNumberText(risk.impactCents / 100, lang)}
                    parse={(s) => parseAmount(s, lang)}
                    preview={(c) => formatMoney(c, 'EUR')}
                    errorText={amountError}
                    onSave={saveImpact(risk)}
                    align="left"
                    size={10}
                    className="risk-value"
                  />
                </div>
                <div>
                  <div className="figure-label">{t('expected')}</div>
                  <div className="risk-value strong" data-testid={`risk-expected-${n}`}>
                    {formatMoney(expectedCostCents(risk), 'EUR', { whole: true })}
                  </div>
                </div>
              </div>
              <div className="risk-body">
                <div>
                  <h4>{t('mitigations')}</h4>
                  <ul className="mitigations">
                    {risk.mitigations.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4>{t('linked')}</h4>
                  <div className="linked">
                    {phases.map((p) => (
                      <span key={p.id} className={`badge badge-${p.priority.toLowerCase()}`}>
                        {phaseLabel(p)}
                      </span>
                    ))}
                    {wss.map((w) => (
                      <span key={w.id} className="ws-chip">
                        {w.key}
                      </span>
                    ))}
                  </div>
                  {rc && (
                    <div className="muted small">
                      {t('quarters')}: {rc.quarters.map(formatQuarter).join(', ')}
                    </div>
                  )}
                </div>
              </div>
            </article>
          )
        })}
      </div>
    </div>
  )
}
