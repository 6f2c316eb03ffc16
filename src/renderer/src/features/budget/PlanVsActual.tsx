// Plan against actual in the Budget view: spent, remaining and forecast, the table per phase,
// workstream and quarter (over plan in red) and the cumulative burn chart. A scenario shows the
// actuals of the plan it was branched from.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import type { Figures } from '@shared/actuals/variance'
import { QuarterTableHead } from '../../components/QuarterTableHead'
import { EChart } from '../../components/EChart'
import { usePlanVsActual } from '../../lib/use-plan-vs-actual'
import { useActuals } from '../../db/actuals'
import { formatMoney, formatMoneyShort, formatQuarter } from '../../lib/format'
import { phaseLabel, sortedPhases } from '../../lib/plan-labels'
import './strings'

export function PlanVsActual({ planId, data }: { planId: string; data: PlanData }) {
  const { t, i18n } = useTranslation('actualsView')
  const { pva, actuals } = usePlanVsActual(data, useActuals(planId))
  const chart = useMemo(() => {
    if (!pva) return null
    const toEuros = (c: number | null) => (c === null ? null : c / 100)
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMoney(Math.round(v * 100), 'EUR', { whole: true })
      },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 12, top: 34, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: pva.burn.map((b) => formatQuarter(b.quarter)) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => formatMoneyShort(Math.round(v * 100)) }
      },
      series: [
        {
          type: 'line',
          name: t('planLine'),
          itemStyle: { color: '#2457c5' },
          data: pva.burn.map((b) => toEuros(b.planCents))
        },
        {
          type: 'line',
          name: t('actualLine'),
          itemStyle: { color: '#c62f2f' },
          data: pva.burn.map((b) => toEuros(b.actualCents))
        }
      ]
    }
    // i18n.language: labels and number formats follow the UI language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pva, i18n.language, t])

  if (!actuals || !pva) return null
  const money = (c: number) => formatMoney(c, 'EUR')
  if (actuals.length === 0)
    return (
      <section className="card plan-vs-actual" data-testid="plan-vs-actual">
        <h2 className="card-title">{t('title')}</h2>
        <p className="muted">{t('none')}</p>
      </section>
    )
  const cell = (f: Figures | undefined, testId?: string) => {
    const v = f ?? { planCents: 0, actualCents: 0, remainingCents: 0, over: false }
    // Nothing planned or spent: a dash instead of two zeros.
    if (v.planCents === 0 && v.actualCents === 0)
      return (
        <td className="num muted" data-testid={testId}>
          –
        </td>
      )
    return (
      <td className={`num ${v.over ? 'text-danger' : ''}`} data-testid={testId}>
        <div>{money(v.actualCents)}</div>
        <div className="small muted">{t('ofPlan', { plan: money(v.planCents) })}</div>
        <div className="small">
          {v.over
            ? t('over', { amount: money(-v.remainingCents) })
            : t('left', { amount: money(v.remainingCents) })}
        </div>
      </td>
    )
  }
  const phases = sortedPhases(data)
  return (
    <section className="card plan-vs-actual" data-testid="plan-vs-actual">
      <h2 className="card-title">{t('title')}</h2>
      <div className="figures-row">
        <div className="card">
          <div className="figure-label">{t('spent')}</div>
          <div className={`figure ${pva.total.over ? 'text-danger' : ''}`} data-testid="actual-spent">
            {money(pva.total.actualCents)}
          </div>
        </div>
        <div className="card">
          <div className="figure-label">{t('remaining')}</div>
          <div
            className={`figure ${pva.total.remainingCents < 0 ? 'text-danger' : ''}`}
            data-testid="actual-remaining"
          >
            {money(pva.total.remainingCents)}
          </div>
        </div>
        <div className="card">
          <div className="figure-label">{t('forecast')}</div>
          <div className="figure" data-testid="actual-forecast">
            {money(pva.total.forecast.atCompletionCents)}
          </div>
        </div>
        <div className="card">
          <div className="figure-label">{t('runRate')}</div>
          <div className="figure" data-testid="actual-run-rate">
            {money(pva.total.forecast.runRateCents)}
          </div>
        </div>
      </div>
      {pva.closed.length > 0 && (
        <p className="muted small">{t('through', { quarter: formatQuarter(pva.closed.at(-1)!) })}</p>
      )}
      <div className="budget-table-wrap">
        <table className="data budget-table pva-table">
          <QuarterTableHead
            first={t('item')}
            quarters={pva.quarters}
            after={[{ label: t('total') }, { label: t('forecast') }]}
          />
          {phases.map((p) => {
            const g = pva.byPhase.get(p.id)!
            const streams = data.workstreams.filter((w) => w.phaseId === p.id && pva.byWorkstream.has(w.id))
            return (
              <tbody key={p.id} data-testid={`pva-phase-${p.order}`}>
                <tr className="phase-row">
                  <th scope="row">{phaseLabel(p)}</th>
                  {pva.quarters.map((q) => cell(g.byQuarter.get(q), `pva-${p.order}-${q}`))}
                  {cell(g)}
                  <td className="num">
                    <div>{money(g.forecast.atCompletionCents)}</div>
                    <div className="small muted">{money(g.forecast.runRateCents)}</div>
                  </td>
                </tr>
                {streams.map((w) => {
                  const ws = pva.byWorkstream.get(w.id)!
                  return (
                    <tr key={w.id} className="line-row">
                      <th scope="row" className="indent">
                        {w.title}
                      </th>
                      {pva.quarters.map((q) => cell(ws.byQuarter.get(q)))}
                      {cell(ws)}
                      <td className="num">
                        <div>{money(ws.forecast.atCompletionCents)}</div>
                        <div className="small muted">{money(ws.forecast.runRateCents)}</div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            )
          })}
          <tfoot>
            <tr className="total-row">
              <th scope="row">{t('total')}</th>
              {pva.quarters.map((q) => cell(pva.byQuarter.get(q)))}
              {cell(pva.total)}
              <td className="num">
                <div>{money(pva.total.forecast.atCompletionCents)}</div>
                <div className="small muted">{money(pva.total.forecast.runRateCents)}</div>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3 className="card-title">{t('burn')}</h3>
      {chart && <EChart option={chart} label={t('burnLabel')} height={220} testId="burn-chart" />}
    </section>
  )
}
