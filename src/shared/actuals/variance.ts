// Plan against actual: what each phase, workstream and quarter planned, spent and has left,
// the cumulative burn, and the forecast at completion. All in base-currency cents. CHF bookings
// are converted one by one at the plan's rate (currency.ts), and totals add the cells, so every
// table adds up to the cent.
import { runToEnd, type Stepwise } from '../stepwise'
import { toBaseCents } from '../planning/budget'
import { phaseKey, wsKey, type BudgetIndex } from '../planning/budget-index'
import type { Cents, PlanData, QuarterKey } from '../planning/types'
import { actualBaseCents } from './currency'
import type { Actual } from './types'

export type Figures = {
  planCents: Cents
  actualCents: Cents
  /** Plan minus actual: negative when over plan. */
  remainingCents: Cents
  over: boolean
}

export type Forecast = {
  /** Actual to date plus the plan of the open quarters. */
  atCompletionCents: Cents
  /** Actual to date plus the open quarters' plan scaled by actual ÷ plan of the closed quarters. */
  runRateCents: Cents
}

export type GroupFigures = Figures & { byQuarter: Map<QuarterKey, Figures>; forecast: Forecast }

export type PlanVsActual = {
  quarters: QuarterKey[]
  /** Quarters up to the last one with actuals (or the given one): their actuals count as final. */
  closed: QuarterKey[]
  open: QuarterKey[]
  total: GroupFigures
  byQuarter: Map<QuarterKey, Figures>
  byPhase: Map<string, GroupFigures>
  /** Key null: plan lines and actuals of a phase without a workstream. */
  byWorkstream: Map<string | null, GroupFigures>
  /** Cumulative plan and actual at the end of each quarter; actual null after the closed ones. */
  burn: { quarter: QuarterKey; planCents: Cents; actualCents: Cents | null }[]
  /** Bookings added up into the actuals. */
  bookings: number
}

export function figures(planCents: Cents, actualCents: Cents): Figures {
  return { planCents, actualCents, remainingCents: planCents - actualCents, over: actualCents > planCents }
}

/** Integer a × b ÷ c, rounded half away from zero; exact for sums of cents. */
function scale(a: number, b: number, c: number): number {
  if (c === 0) return a
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  const neg = n < 0n !== d < 0n
  const an = n < 0n ? -n : n
  const ad = d < 0n ? -d : d
  const q = (an * 2n + ad) / (ad * 2n)
  return Number(neg ? -q : q)
}

/** Planned base cents per phase and quarter, and per workstream (null: none) and quarter. */
export type PlanCells = {
  byPhase: ReadonlyMap<string, ReadonlyMap<QuarterKey, Cents>>
  byWorkstream: ReadonlyMap<string | null, ReadonlyMap<QuarterKey, Cents>>
}

/**
 * The plan cells from a budget index (budget-index.ts), which follows each commit's changes: a
 * drop then costs planVsActual the cells and actuals, not a pass over every line. Copied, as the
 * index's maps change with the next apply. A cell exists exactly when a line is in it, as in a
 * pass over the lines.
 */
export function planCellsOfIndex(index: BudgetIndex): PlanCells {
  const byPhase = new Map<string, Map<QuarterKey, Cents>>()
  const byWorkstream = new Map<string | null, Map<QuarterKey, Cents>>()
  for (const [phaseId, byQ] of index.budget.byPhaseQuarter) {
    byPhase.set(phaseId, new Map(byQ))
    for (const ws of index.children.get(phaseKey(phaseId))?.ws ?? []) {
      const cells = index.totals.get(wsKey(phaseId, ws))
      if (!cells) continue
      let out = byWorkstream.get(ws)
      if (!out) byWorkstream.set(ws, (out = new Map()))
      for (const [q, c] of cells) out.set(q, (out.get(q) ?? 0) + c)
    }
  }
  return { byPhase, byWorkstream }
}

export type PlanVsActualOptions = {
  /** Last closed quarter; default the last plan quarter that has actuals. */
  through?: QuarterKey | null
  /** The plan side already added up (planCellsOfIndex); the lines are then not read. */
  planCells?: PlanCells
}

export function planVsActual(
  data: PlanData,
  actuals: readonly Actual[],
  options: PlanVsActualOptions = {}
): PlanVsActual {
  return runToEnd(planVsActualStepwise(data, actuals, options, Infinity))
}

/** planVsActual, yielding after every `step` lines or actuals. */
export function* planVsActualStepwise(
  data: PlanData,
  actuals: readonly Actual[],
  options: PlanVsActualOptions,
  step: number
): Stepwise<PlanVsActual> {
  const quarters = data.plan.quarters
  const rate = data.plan.chfToEur
  type Cell = { plan: number; actual: number }
  const cells = (m: Map<string, Cell>, k: string) => {
    let c = m.get(k)
    if (!c) m.set(k, (c = { plan: 0, actual: 0 }))
    return c
  }
  // Cells keyed "group\u001fquarter"; the group is a phase id or a workstream id ('' for none).
  const phaseCells = new Map<string, Cell>()
  const wsCells = new Map<string, Cell>()
  let n = 0
  if (options.planCells) {
    for (const [g, byQ] of options.planCells.byPhase)
      for (const [q, c] of byQ) cells(phaseCells, `${g}\u001f${q}`).plan += c
    for (const [g, byQ] of options.planCells.byWorkstream)
      for (const [q, c] of byQ) cells(wsCells, `${g ?? ''}\u001f${q}`).plan += c
  } else
    for (const line of data.budgetLines) {
      if (++n > step) {
        n = 1
        yield
      }
      const c = toBaseCents(line, data.plan)
      cells(phaseCells, `${line.phaseId}\u001f${line.quarter}`).plan += c
      cells(wsCells, `${line.workstreamId ?? ''}\u001f${line.quarter}`).plan += c
    }
  let bookings = 0
  let last = -1
  const index = new Map(quarters.map((q, i) => [q, i]))
  for (const a of actuals) {
    if (++n > step) {
      n = 1
      yield
    }
    const i = index.get(a.quarter)
    // Actuals are only ever stored for plan quarters; one left over by a shortened plan is not shown.
    if (i === undefined) continue
    if (a.eurCents !== 0 || a.chfCents !== 0 || a.bookings > 0) last = Math.max(last, i)
    bookings += a.bookings
    const base = actualBaseCents(a, rate)
    for (const [m, g] of [
      [phaseCells, a.phaseId],
      [wsCells, a.workstreamId ?? '']
    ] as const) {
      cells(m, `${g}\u001f${a.quarter}`).actual += base
    }
  }
  if (options.through !== undefined)
    last = options.through === null ? -1 : (index.get(options.through) ?? last)
  const closed = quarters.slice(0, last + 1)
  const open = quarters.slice(last + 1)
  const isClosed = (q: QuarterKey) => (index.get(q) ?? Infinity) <= last

  type Acc = {
    byQuarter: Map<QuarterKey, Figures>
    closedPlan: number
    closedActual: number
    openPlan: number
  }
  const group = (m: Map<string, Cell>) => {
    const out = new Map<string, Acc>()
    for (const [k, c] of m) {
      const [g, q] = k.split('\u001f') as [string, QuarterKey]
      let e = out.get(g)
      if (!e) out.set(g, (e = { byQuarter: new Map(), closedPlan: 0, closedActual: 0, openPlan: 0 }))
      const actual = c.actual
      e.byQuarter.set(q, figures(c.plan, actual))
      if (isClosed(q)) {
        e.closedPlan += c.plan
        e.closedActual += actual
      } else e.openPlan += c.plan
    }
    return out
  }
  const phases = group(phaseCells)
  const streams = group(wsCells)

  // Totals from the phase cells: every line and actual has exactly one phase.
  const byQuarter = new Map<QuarterKey, Figures>()
  let totalPlan = 0
  let totalActual = 0
  let closedPlan = 0
  let closedActual = 0
  for (const q of quarters) {
    let p = 0
    let a = 0
    for (const g of phases.values()) {
      const f = g.byQuarter.get(q)
      if (f) {
        p += f.planCents
        a += f.actualCents
      }
    }
    byQuarter.set(q, figures(p, a))
    totalPlan += p
    totalActual += a
    if (isClosed(q)) {
      closedPlan += p
      closedActual += a
    }
  }
  const totalOpenPlan = totalPlan - closedPlan
  const forecast = (actual: number, closedP: number, openP: number): Forecast => {
    // A group with nothing planned so far runs at the plan's overall rate.
    const [num, den] =
      closedP !== 0 ? [actual, closedP] : closedPlan !== 0 ? [closedActual, closedPlan] : [1, 1]
    return { atCompletionCents: actual + openP, runRateCents: actual + scale(openP, num, den) }
  }
  const finish = (g: Acc): GroupFigures => {
    let p = 0
    let a = 0
    for (const f of g.byQuarter.values()) {
      p += f.planCents
      a += f.actualCents
    }
    return {
      ...figures(p, a),
      byQuarter: g.byQuarter,
      forecast: forecast(g.closedActual, g.closedPlan, g.openPlan)
    }
  }
  const byPhase = new Map<string, GroupFigures>()
  // Every phase of the plan gets a row, in plan order, even without lines or actuals.
  for (const p of [...data.phases].sort((a, b) => a.order - b.order)) {
    const g = phases.get(p.id)
    byPhase.set(p.id, g ? finish(g) : { ...figures(0, 0), byQuarter: new Map(), forecast: forecast(0, 0, 0) })
  }
  for (const [id, g] of phases) if (!byPhase.has(id)) byPhase.set(id, finish(g))
  const byWorkstream = new Map<string | null, GroupFigures>()
  for (const [id, g] of streams) byWorkstream.set(id === '' ? null : id, finish(g))

  let cumPlan = 0
  let cumActual = 0
  const burn = quarters.map((q) => {
    const f = byQuarter.get(q)!
    cumPlan += f.planCents
    cumActual += f.actualCents
    return { quarter: q, planCents: cumPlan, actualCents: isClosed(q) ? cumActual : null }
  })
  return {
    quarters,
    closed,
    open,
    total: {
      ...figures(totalPlan, totalActual),
      byQuarter,
      forecast: forecast(closedActual, closedPlan, totalOpenPlan)
    },
    byQuarter,
    byPhase,
    byWorkstream,
    burn,
    bookings
  }
}

/**
 * A plan's actuals as a scenario sees them: the base plan's actuals, their phase and workstream
 * ids turned into the scenario's (its entities carry the base's ids as originId). For the base
 * plan itself, the actuals as they are. What was spent stays spent: the actuals of a phase the
 * scenario removed are shown where promoting it would put them (reattach.ts): where that phase's
 * work went (the phase most of their workstreams sit in now), else in the phase holding their
 * quarter, else the last phase before it (the first phase for a quarter before them all).
 */
export function actualsForPlan(
  data: Pick<PlanData, 'phases' | 'workstreams'>,
  actuals: readonly Actual[]
): Actual[] {
  const phase = new Map(data.phases.map((p) => [p.originId ?? p.id, p.id]))
  const stream = new Map(data.workstreams.map((w) => [w.originId ?? w.id, w]))
  const out: Actual[] = []
  let orphans: Actual[] | undefined
  for (const a of actuals) {
    const phaseId = phase.get(a.phaseId)
    if (!phaseId) {
      ;(orphans ??= []).push(a)
      continue
    }
    const workstreamId = a.workstreamId === null ? null : (stream.get(a.workstreamId)?.id ?? null)
    out.push(phaseId === a.phaseId && workstreamId === a.workstreamId ? a : { ...a, phaseId, workstreamId })
  }
  if (orphans) out.push(...placeOrphans(data, orphans, stream))
  return out
}

/** Actuals of phases the plan no longer has, placed as actualsForPlan says. */
function placeOrphans(
  data: Pick<PlanData, 'phases'>,
  orphans: readonly Actual[],
  stream: ReadonlyMap<string, { id: string; phaseId: string }>
): Actual[] {
  // Where each removed phase's work went: the phase most of its actuals' workstreams are in now.
  const votes = new Map<string, Map<string, number>>()
  for (const a of orphans) {
    const to = a.workstreamId === null ? undefined : stream.get(a.workstreamId)?.phaseId
    if (to === undefined) continue
    let m = votes.get(a.phaseId)
    if (!m) votes.set(a.phaseId, (m = new Map()))
    m.set(to, (m.get(to) ?? 0) + 1)
  }
  const went = new Map<string, string>()
  for (const [from, m] of votes)
    went.set(from, [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0])
  const ordered = [...data.phases].sort((x, y) => x.order - y.order)
  const out: Actual[] = []
  const nearest = (q: string) =>
    ordered.find((p) => p.startQuarter <= q && q <= p.endQuarter) ??
    ordered.findLast((p) => p.endQuarter < q) ??
    ordered[0]
  for (const a of orphans) {
    const phaseId = went.get(a.phaseId) ?? nearest(a.quarter)?.id
    if (phaseId === undefined) continue
    const ws = a.workstreamId === null ? undefined : stream.get(a.workstreamId)
    out.push({ ...a, phaseId, workstreamId: ws && ws.phaseId === phaseId ? ws.id : null })
  }
  return out
}
