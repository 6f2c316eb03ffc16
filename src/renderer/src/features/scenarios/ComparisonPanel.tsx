// The side-by-side comparison of two plans: deltas (tables and charts) and each side's figures
// and checks (over-allocations, cap breaches, dependency warnings, contingency per quarter).
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComparisonReport, SideReport } from '@shared/scenarios/compare-report'
import type { QuarterKey } from '@shared/planning/types'
import { EChart } from '../../components/EChart'
import { formatMoney, formatMonth, formatQuarter, formatShare } from '../../lib/format'
import { budgetChartLabel, budgetChartOption, heatmapLabel, heatmapOption } from './compare-charts'
import { warningText } from './labels'

function Delta({ value, format }: { value: number; format: (v: number) => string }) {
  const sign = value > 0 ? '+' : value < 0 ? '−' : ''
  return (
    <span
      className={value > 0 ? 'delta-pos' : value < 0 ? 'delta-neg' : ''}
    >{`${sign}${format(Math.abs(value))}`}</span>
  )
}

function SideCard({ side, tag }: { side: SideReport; tag: 'A' | 'B' }) {
  const { t } = useTranslation('scenarios')
  return (
    <section className="card" aria-label={`${tag}: ${side.name}`}>
      <div className="side-head">
        <span className={`side-tag side-${tag.toLowerCase()}`}>{tag}</span>
        <strong>{side.name}</strong>
      </div>
      <dl className="side-facts">
        <dt>{t('view.budget')}</dt>
        <dd>{formatMoney(side.budgetCents)}</dd>
        <dt>{t('view.contingency')}</dt>
        <dd>{formatMoney(side.contingencyCents)}</dd>
        <dt className="total">{t('view.totalCost')}</dt>
        <dd className="total" data-testid={`total-cost-${tag.toLowerCase()}`}>
          {formatMoney(side.totalCostCents)}
        </dd>
        <dt>{t('view.planBudget')}</dt>
        <dd>
          {formatMoney(side.planBudgetCents)}
          {side.overPlanBudget && <span className="badge badge-danger"> {t('view.overPlanBudget')}</span>}
        </dd>
        {side.allocationCostCents > 0 && (
          <>
            <dt>{t('view.peopleCost')}</dt>
            <dd>{formatMoney(side.allocationCostCents)}</dd>
          </>
        )}
        {side.forecast && (
          <>
            <dt>
              {side.forecast.closedThrough
                ? t('view.actualThrough', { quarter: formatQuarter(side.forecast.closedThrough) })
                : t('view.actualToDate')}
            </dt>
            <dd data-testid={`actual-${tag.toLowerCase()}`}>{formatMoney(side.forecast.actualCents)}</dd>
            <dt className="total">{t('view.forecastAtCompletion')}</dt>
            <dd
              className={`total${side.forecast.atCompletionCents > side.planBudgetCents ? ' text-danger' : ''}`}
              data-testid={`forecast-${tag.toLowerCase()}`}
            >
              {formatMoney(side.forecast.atCompletionCents)}
            </dd>
            <dt>{t('view.forecastRunRate')}</dt>
            <dd data-testid={`forecast-rate-${tag.toLowerCase()}`}>
              {formatMoney(side.forecast.runRateCents)}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('view.overAllocations')}</h3>
      {side.overAllocations.length === 0 ? (
        <p className="muted-small">{t('view.noOverAllocations')}</p>
      ) : (
        <ul className="side-list">
          {side.overAllocations.map((o) => (
            <li key={`${o.role}|${o.quarter}`} className="bad">
              {t('view.overCell', {
                role: o.role,
                quarter: formatQuarter(o.quarter),
                allocated: formatShare(o.allocatedBp),
                capacity: formatShare(o.capacityBp)
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('view.capBreaches')}</h3>
      {side.capBreaches.length === 0 ? (
        <p className="muted-small">{t('view.noCapBreaches')}</p>
      ) : (
        <ul className="side-list">
          {side.capBreaches.map((c) => (
            <li key={c.phase} className="bad">
              {t('view.capCell', {
                phase: c.phase,
                spent: formatMoney(c.spentCents),
                cap: formatMoney(c.capCents)
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('view.dependencies')}</h3>
      {side.dependencyWarnings.length === 0 ? (
        <p className="muted-small">{t('view.noDependencies')}</p>
      ) : (
        <ul className="side-list" aria-label={`${t('view.dependencies')}: ${side.name}`}>
          {side.dependencyWarnings.map((w, i) => (
            <li key={i} className="warn">
              ⚠ {warningText(t, w)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ComparisonPanel({ report, quarters }: { report: ComparisonReport; quarters: QuarterKey[] }) {
  const { t, i18n } = useTranslation('scenarios')
  const lang = i18n.language
  const { a, b } = report
  // Chart labels are formatted in the UI language inside the option builders: rebuild on a switch.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const heat = useMemo(() => heatmapOption(report, quarters), [report, quarters, lang])
  const bars = useMemo(
    () =>
      budgetChartOption(report, {
        budgetA: t('view.budgetSeries', { name: `A` }),
        contA: t('view.contingencySeries', { name: 'A' }),
        budgetB: t('view.budgetSeries', { name: 'B' }),
        contB: t('view.contingencySeries', { name: 'B' })
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [report, t, lang]
  )
  const hasDeltas = !report.identical

  return (
    <>
      {!hasDeltas ? (
        <section className="card no-diff compare-section" aria-label={t('view.deltasTitle')}>
          <h2>{t('view.noDifferences')}</h2>
          <p className="muted-small">{t('view.noDifferencesText', { a: a.name, b: b.name })}</p>
        </section>
      ) : (
        <section className="compare-section" aria-label={t('view.deltasTitle')}>
          <h2>{t('view.deltasTitle')}</h2>
          <div className="grid-2">
            <div className="card">
              <h3>{t('view.shareDeltas')}</h3>
              {report.shareDeltas.length === 0 ? (
                <p className="muted-small">{t('view.noShareDeltas')}</p>
              ) : (
                <>
                  <table className="data compare-table" aria-label={t('view.shareDeltas')}>
                    <thead>
                      <tr>
                        <th>{t('view.role')}</th>
                        <th>{t('view.quarter')}</th>
                        <th className="num">A</th>
                        <th className="num">B</th>
                        <th className="num">{t('view.delta')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.shareDeltas.map((d) => (
                        <tr key={`${d.role}|${d.quarter}`}>
                          <td>{d.role}</td>
                          <td>{formatQuarter(d.quarter)}</td>
                          <td className="num">{formatShare(d.aBp)}</td>
                          <td className="num">{formatShare(d.bBp)}</td>
                          <td className="num">
                            <Delta value={d.deltaBp} format={formatShare} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <h3 style={{ marginTop: 12 }}>{t('view.heatmap')}</h3>
                  <EChart
                    option={heat}
                    height={Math.max(150, 70 + new Set(report.shareDeltas.map((d) => d.role)).size * 42)}
                    label={t('view.heatmapLabel', { cells: heatmapLabel(report) })}
                    testId="share-heatmap"
                  />
                </>
              )}
            </div>
            <div className="card">
              <h3>{t('view.budgetDeltas')}</h3>
              {report.budgetDeltas.length === 0 ? (
                <p className="muted-small">{t('view.noBudgetDeltas')}</p>
              ) : (
                <table className="data compare-table" aria-label={t('view.budgetDeltas')}>
                  <thead>
                    <tr>
                      <th>{t('view.phase')}</th>
                      <th>{t('view.quarter')}</th>
                      <th className="num">A</th>
                      <th className="num">B</th>
                      <th className="num">{t('view.delta')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.budgetDeltas.map((d) => (
                      <tr key={`${d.phase}|${d.quarter}`}>
                        <td>{d.phase}</td>
                        <td>{formatQuarter(d.quarter)}</td>
                        <td className="num">{formatMoney(d.aCents)}</td>
                        <td className="num">{formatMoney(d.bCents)}</td>
                        <td className="num">
                          <Delta value={d.deltaCents} format={(v) => formatMoney(v)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h3 style={{ marginTop: 12 }}>{t('view.scheduleChanges')}</h3>
              {report.scheduleChanges.length === 0 ? (
                <p className="muted-small">{t('view.noScheduleChanges')}</p>
              ) : (
                <table className="data compare-table" aria-label={t('view.scheduleChanges')}>
                  <thead>
                    <tr>
                      <th>{t('view.workstream')}</th>
                      <th>A</th>
                      <th>B</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.scheduleChanges.map((s) => (
                      <tr key={s.workstream}>
                        <td title={s.title}>{s.workstream}</td>
                        <td>
                          {formatMonth(s.a.startMonth)}, {t('view.weeks', { count: s.a.durationWeeks })}
                        </td>
                        <td>
                          {formatMonth(s.b.startMonth)}, {t('view.weeks', { count: s.b.durationWeeks })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {report.addedRemoved.length > 0 && (
                <>
                  <h3 style={{ marginTop: 12 }}>{t('view.addedRemoved')}</h3>
                  <table className="data compare-table" aria-label={t('view.addedRemoved')}>
                    <tbody>
                      {report.addedRemoved.map((e, i) => (
                        <tr key={i}>
                          <td>{t(`view.kind_${e.kind}`)}</td>
                          <td>{e.name}</td>
                          <td>{t(e.change === 'added' ? 'view.added' : 'view.removed')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
          </div>
        </section>
      )}

      {hasDeltas && (
        <section className="compare-section" aria-label={t('view.budgetByQuarter')}>
          <h2>{t('view.budgetByQuarter')}</h2>
          <div className="chart-and-table">
            <div className="card">
              <EChart
                option={bars}
                height={300}
                label={t('view.budgetChartLabel', { bars: budgetChartLabel(report, 'A', 'B') })}
                testId="budget-chart"
              />
            </div>
            <div className="card table-scroll">
              <table className="data compare-table" aria-label={t('view.budgetByQuarter')}>
                <thead>
                  <tr>
                    <th>{t('view.quarter')}</th>
                    <th className="num">{t('view.budget')} A</th>
                    <th className="num">{t('view.contingencyShort')} A</th>
                    <th className="num">{t('view.budget')} B</th>
                    <th className="num">{t('view.contingencyShort')} B</th>
                  </tr>
                </thead>
                <tbody>
                  {report.quarters.map((q) => (
                    <tr key={q.quarter}>
                      <td>{formatQuarter(q.quarter)}</td>
                      <td className="num">{formatMoney(q.aBudgetCents, 'EUR', { whole: true })}</td>
                      <td className="num">{formatMoney(q.aContingencyCents, 'EUR', { whole: true })}</td>
                      <td className={`num ${q.aBudgetCents !== q.bBudgetCents ? 'changed' : ''}`}>
                        {formatMoney(q.bBudgetCents, 'EUR', { whole: true })}
                      </td>
                      <td className={`num ${q.aContingencyCents !== q.bContingencyCents ? 'changed' : ''}`}>
                        {formatMoney(q.bContingencyCents, 'EUR', { whole: true })}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td>{t('view.quarterTotal')}</td>
                    <td className="num">{formatMoney(a.budgetCents, 'EUR', { whole: true })}</td>
                    <td className="num">{formatMoney(a.contingencyCents, 'EUR', { whole: true })}</td>
                    <td className="num">{formatMoney(b.budgetCents, 'EUR', { whole: true })}</td>
                    <td className="num">{formatMoney(b.contingencyCents, 'EUR', { whole: true })}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </div>
        </section>
      )}

      <section className="compare-section" aria-label={t('view.sidesTitle')}>
        <h2>{t('view.sidesTitle')}</h2>
        <div className="grid-2">
          <SideCard side={a} tag="A" />
          <SideCard side={b} tag="B" />
        </div>
      </section>
    </>
  )
}
