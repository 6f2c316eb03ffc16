// `quartermaster report PLAN.json [--json]`: plan, actual, variance and forecast per phase and
// quarter in EUR (CHF at the plan's rate), to the cent.
import { resolve } from 'node:path'
import { actualBaseCents, convertedPerBooking } from '../../shared/actuals/currency'
import { planVsActual, type Figures, type GroupFigures } from '../../shared/actuals/variance'
import { planFileActuals } from '../../shared/export/plan-schema'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { PlanData, QuarterKey } from '../../shared/planning/types'
import { readPlanFile } from './export'
import { failureLine, UsageError } from './inspect'
import { euros } from './money'
import { planSummary, planSummaryLines } from './plan-summary'

const USAGE = 'quartermaster report (PLAN.json | --builtin) [--json]'

export { euros }

type Row = {
  planCents: number
  actualCents: number
  /** Plan minus actual: negative when over plan. */
  varianceCents: number
  forecastCents: number
  plan: string
  actual: string
  variance: string
  forecast: string
  over: boolean
}

function row(f: Figures, forecastCents: number): Row {
  return {
    planCents: f.planCents,
    actualCents: f.actualCents,
    varianceCents: f.remainingCents,
    forecastCents,
    plan: euros(f.planCents),
    actual: euros(f.actualCents),
    variance: euros(f.remainingCents),
    forecast: euros(forecastCents),
    over: f.over
  }
}

/** The report as plain JSON: every figure in cents and as EUR text. */
export function planReport(data: PlanData) {
  const { actuals } = planFileActuals(data)
  const r = planVsActual(data, actuals)
  const closed = new Set(r.closed)
  const quarterRows = (g: GroupFigures) =>
    r.quarters.map((q: QuarterKey) => {
      const f = g.byQuarter.get(q) ?? { planCents: 0, actualCents: 0, remainingCents: 0, over: false }
      // A closed quarter's forecast is what was spent; an open one's what is planned.
      return { quarter: q, ...row(f, closed.has(q) ? f.actualCents : f.planCents) }
    })
  const group = (g: GroupFigures) => ({
    ...row(g, g.forecast.atCompletionCents),
    runRateCents: g.forecast.runRateCents,
    runRate: euros(g.forecast.runRateCents),
    quarters: quarterRows(g)
  })
  const phases = [...data.phases].sort((a, b) => a.order - b.order)
  // What the CHF bookings came to, and how many actuals were imported at another rate than the
  // plan's (their CHF is converted as one sum, having no bookings left to convert one by one).
  const rate = data.plan.chfToEur
  const chf = { rate, rounding: 'per booking, half away from zero', chfCents: 0, eurCents: 0, atOtherRate: 0 }
  for (const a of actuals) {
    if (!a.chfCents && !a.chfBaseCents) continue
    chf.chfCents += a.chfCents
    chf.eurCents += actualBaseCents(a, rate) - a.eurCents
    if (!convertedPerBooking(a, rate)) chf.atOtherRate++
  }
  return {
    plan: { id: data.plan.id, name: data.plan.name },
    ...planSummary(data),
    currency: 'EUR',
    chfToEur: data.plan.chfToEur,
    chf,
    quarters: r.quarters,
    closed: r.closed,
    open: r.open,
    bookings: r.bookings,
    phases: phases.map((p) => ({ id: p.id, order: p.order, name: p.name, ...group(r.byPhase.get(p.id)!) })),
    workstreams: [...data.workstreams]
      .sort((a, b) => a.order - b.order)
      .filter((w) => r.byWorkstream.has(w.id))
      .map((w) => ({ id: w.id, key: w.key, title: w.title, ...group(r.byWorkstream.get(w.id)!) })),
    total: group(r.total),
    burn: r.burn.map((b) => ({
      quarter: b.quarter,
      planCents: b.planCents,
      actualCents: b.actualCents,
      plan: euros(b.planCents),
      actual: b.actualCents === null ? null : euros(b.actualCents)
    }))
  }
}

export async function runReport(argv: string[]): Promise<number> {
  try {
    let file: string | undefined
    let builtin = false
    let json = false
    for (const a of argv) {
      if (a === '--json') json = true
      else if (a === '--builtin') builtin = true
      else if (!a.startsWith('-') && file === undefined) file = a
      else throw new UsageError(`unknown option ${a} (usage: ${USAGE})`)
    }
    if (builtin === (file !== undefined))
      throw new UsageError(`give either PLAN.json or --builtin (usage: ${USAGE})`)
    const data = builtin ? buildFreshFoodzPlan() : await readPlanFile(resolve(file!))
    const report = planReport(data)
    if (json) {
      console.log(JSON.stringify(report, null, 2))
      return 0
    }
    const w = 14
    const line = (label: string, cells: string[]) =>
      console.log(`  ${label.padEnd(10)}${cells.map((c) => c.padStart(w)).join('')}`)
    for (const l of planSummaryLines(data)) console.log(l)
    console.log('')
    console.log(
      `${report.plan.name}: plan against actual in EUR; CHF at ${report.chfToEur} EUR per CHF, each booking converted and rounded to the cent (half away from zero)`
    )
    const c = report.chf
    if (c.chfCents || c.eurCents)
      console.log(
        `CHF bookings: CHF ${euros(c.chfCents)} = EUR ${euros(c.eurCents)}` +
          (c.atOtherRate
            ? `; ${c.atOtherRate} actuals were imported at another rate and are converted as one sum each at ${c.rate}`
            : '')
      )
    console.log(
      report.closed.length
        ? `Actuals through ${report.closed.at(-1)} (${report.bookings} bookings); open quarters forecast at plan`
        : 'No actuals yet: the forecast is the plan'
    )
    const table = (title: string, g: ReturnType<typeof planReport>['total']) => {
      console.log('')
      console.log(title)
      line('Quarter', ['Plan', 'Actual', 'Variance', 'Forecast'])
      for (const q of g.quarters)
        line(
          q.quarter,
          [q.plan, q.actual, q.variance, q.forecast].map((c, i) => (i === 2 && q.over ? `${c}!` : c))
        )
      line('Total', [g.plan, g.actual, g.variance, g.forecast])
      console.log(
        `  Forecast at completion ${g.forecast}, at the current rate ${g.runRate}${g.over ? '; over plan' : ''}`
      )
    }
    for (const p of report.phases) table(`Phase ${p.order} ${p.name}`, p)
    table('All phases', report.total)
    console.log('')
    console.log('Variance is plan minus actual; "!" marks a quarter over plan.')
    return 0
  } catch (err) {
    const f = failureLine('report', err)
    console.error(f.line)
    return f.code
  }
}
