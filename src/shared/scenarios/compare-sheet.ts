// The xlsx layout of a plan comparison, as plain rows: main turns them into SheetJS sheets.
// Money cells are euros with a number format (not text), shares are fractions formatted as %.
import type { ComparisonReport, DependencyWarning, SideReport } from './compare-report'
import { quarterLabel } from '../planning/quarters'

export type SheetCell = string | number | null | { v: number; z: string }
export type SheetModel = { name: string; rows: SheetCell[][]; widths: number[] }

export const EUR_FORMAT = '#,##0.00 "€"'
export const DELTA_EUR_FORMAT = '+#,##0.00 "€";-#,##0.00 "€";0.00 "€"'
export const PCT_FORMAT = '0%'
export const DELTA_PCT_FORMAT = '+0%;-0%;0%'

const eur = (cents: number): SheetCell => ({ v: cents / 100, z: EUR_FORMAT })
const dEur = (cents: number): SheetCell => ({ v: cents / 100, z: DELTA_EUR_FORMAT })
const pct = (bp: number): SheetCell => ({ v: bp / 10_000, z: PCT_FORMAT })
const dPct = (bp: number): SheetCell => ({ v: bp / 10_000, z: DELTA_PCT_FORMAT })

const LABELS = {
  en: {
    summary: 'Summary',
    shares: 'Share deltas',
    budget: 'Budget deltas',
    schedule: 'Schedule',
    quarters: 'Budget per quarter',
    checks: 'Checks',
    title: 'Comparison',
    a: 'A',
    b: 'B',
    created: 'Created',
    noDifferences: 'No differences',
    addedRemoved: 'Added and removed',
    entity: 'Kind',
    nameCol: 'Name',
    change: 'Change',
    added: 'added in B',
    removed: 'removed in B',
    kinds: {
      phase: 'Phase',
      workstream: 'Workstream',
      role: 'Role',
      budgetLine: 'Budget line',
      risk: 'Risk',
      deliverable: 'Deliverable'
    },
    figure: 'Figure',
    delta: 'Change (B − A)',
    budgetTotal: 'Budget',
    contingency: 'Risk contingency',
    totalCost: 'Total cost (budget + contingency)',
    planBudget: 'Plan budget',
    peopleCost: 'People cost (roles with a cost)',
    overAllocations: 'Over-allocations',
    capBreaches: 'Phase cap breaches',
    dependencyWarnings: 'Dependency warnings',
    actualToDate: 'Actual to date',
    forecastAtCompletion: 'Forecast at completion',
    forecastRunRate: 'Forecast at the current rate',
    actualsThrough: (q: string, n: number) => `Actual costs through ${q} (${n} bookings)`,
    role: 'Role',
    phase: 'Phase',
    quarter: 'Quarter',
    workstream: 'Workstream',
    titleCol: 'Title',
    startA: 'Start A',
    weeksA: 'Weeks A',
    startB: 'Start B',
    weeksB: 'Weeks B',
    budgetA: 'Budget A',
    contA: 'Contingency A',
    budgetB: 'Budget B',
    contB: 'Contingency B',
    side: 'Side',
    kind: 'Check',
    detail: 'Detail',
    overCell: (r: string, q: string, a: number, c: number) => `${r}, ${q}: ${a}% of ${c}%`,
    capCell: (p: string, s: string, c: string) => `${p}: ${s} spent of ${c} cap`,
    depSchedule: (w: string, s: string, d: string, e: string) => `${w} starts ${s}, before ${d} ends (${e})`,
    depMissing: (w: string) => `${w} depends on a workstream that is not in the plan`,
    depAllocation: (w: string, q: string, d: string, e: string) =>
      `Work on ${w} in ${q}, before ${d} ends (${e})`,
    none: 'None'
  },
  de: {
    summary: 'Übersicht',
    shares: 'Anteilsänderungen',
    budget: 'Budgetänderungen',
    schedule: 'Zeitplan',
    quarters: 'Budget je Quartal',
    checks: 'Prüfungen',
    title: 'Vergleich',
    a: 'A',
    b: 'B',
    created: 'Erstellt',
    noDifferences: 'Keine Unterschiede',
    addedRemoved: 'Hinzugefügt und entfernt',
    entity: 'Art',
    nameCol: 'Name',
    change: 'Änderung',
    added: 'in B hinzugefügt',
    removed: 'in B entfernt',
    kinds: {
      phase: 'Phase',
      workstream: 'Arbeitspaket',
      role: 'Rolle',
      budgetLine: 'Budgetposition',
      risk: 'Risiko',
      deliverable: 'Lieferergebnis'
    },
    figure: 'Kennzahl',
    delta: 'Änderung (B − A)',
    budgetTotal: 'Budget',
    contingency: 'Risikorückstellung',
    totalCost: 'Gesamtkosten (Budget + Rückstellung)',
    planBudget: 'Planbudget',
    peopleCost: 'Personalkosten (Rollen mit Kostensatz)',
    overAllocations: 'Überbuchungen',
    capBreaches: 'Überschrittene Phasenobergrenzen',
    dependencyWarnings: 'Abhängigkeitswarnungen',
    actualToDate: 'Ist bisher',
    forecastAtCompletion: 'Prognose bei Abschluss',
    forecastRunRate: 'Prognose bei aktueller Rate',
    actualsThrough: (q: string, n: number) => `Ist-Kosten bis ${q} (${n} Buchungen)`,
    role: 'Rolle',
    phase: 'Phase',
    quarter: 'Quartal',
    workstream: 'Arbeitspaket',
    titleCol: 'Titel',
    startA: 'Beginn A',
    weeksA: 'Wochen A',
    startB: 'Beginn B',
    weeksB: 'Wochen B',
    budgetA: 'Budget A',
    contA: 'Rückstellung A',
    budgetB: 'Budget B',
    contB: 'Rückstellung B',
    side: 'Seite',
    kind: 'Prüfung',
    detail: 'Detail',
    overCell: (r: string, q: string, a: number, c: number) => `${r}, ${q}: ${a} % von ${c} %`,
    capCell: (p: string, s: string, c: string) => `${p}: ${s} ausgegeben bei ${c} Obergrenze`,
    depSchedule: (w: string, s: string, d: string, e: string) => `${w} beginnt ${s}, bevor ${d} endet (${e})`,
    depMissing: (w: string) => `${w} hängt von einem Arbeitspaket ab, das nicht im Plan ist`,
    depAllocation: (w: string, q: string, d: string, e: string) =>
      `Arbeit an ${w} in ${q}, bevor ${d} endet (${e})`,
    none: 'Keine'
  }
}

export type SheetLanguage = keyof typeof LABELS

const money = (cents: number) => `${(cents / 100).toFixed(2)} €`

export function describeWarning(w: DependencyWarning, lang: SheetLanguage): string {
  const L = LABELS[lang]
  if (w.kind === 'schedule') {
    return w.dependencyEnd === null
      ? L.depMissing(w.workstream)
      : L.depSchedule(w.workstream, w.start, w.dependsOn, w.dependencyEnd)
  }
  return L.depAllocation(w.workstream, quarterLabel(w.quarter), w.dependsOn, quarterLabel(w.dependencyEnd))
}

function checks(side: SideReport, tag: string, lang: SheetLanguage): SheetCell[][] {
  const L = LABELS[lang]
  const rows: SheetCell[][] = []
  for (const o of side.overAllocations) {
    rows.push([
      tag,
      L.overAllocations,
      L.overCell(o.role, quarterLabel(o.quarter), o.allocatedBp / 100, o.capacityBp / 100)
    ])
  }
  for (const c of side.capBreaches)
    rows.push([tag, L.capBreaches, L.capCell(c.phase, money(c.spentCents), money(c.capCents))])
  for (const w of side.dependencyWarnings) rows.push([tag, L.dependencyWarnings, describeWarning(w, lang)])
  return rows
}

/** The workbook of a comparison: summary, deltas, schedule, quarters and checks. */
export function comparisonSheets(
  report: ComparisonReport,
  lang: SheetLanguage,
  createdAt: string
): SheetModel[] {
  const L = LABELS[lang]
  const { a, b } = report
  const summary: SheetCell[][] = [
    [`${L.title}: ${a.name} ↔ ${b.name}`],
    [L.created, createdAt],
    [],
    [L.figure, `${L.a}: ${a.name}`, `${L.b}: ${b.name}`, L.delta],
    [L.budgetTotal, eur(a.budgetCents), eur(b.budgetCents), dEur(b.budgetCents - a.budgetCents)],
    [
      L.contingency,
      eur(a.contingencyCents),
      eur(b.contingencyCents),
      dEur(b.contingencyCents - a.contingencyCents)
    ],
    [L.totalCost, eur(a.totalCostCents), eur(b.totalCostCents), dEur(b.totalCostCents - a.totalCostCents)],
    [
      L.planBudget,
      eur(a.planBudgetCents),
      eur(b.planBudgetCents),
      dEur(b.planBudgetCents - a.planBudgetCents)
    ],
    [
      L.peopleCost,
      eur(a.allocationCostCents),
      eur(b.allocationCostCents),
      dEur(b.allocationCostCents - a.allocationCostCents)
    ],
    [
      L.overAllocations,
      a.overAllocations.length,
      b.overAllocations.length,
      b.overAllocations.length - a.overAllocations.length
    ],
    [L.capBreaches, a.capBreaches.length, b.capBreaches.length, b.capBreaches.length - a.capBreaches.length],
    [
      L.dependencyWarnings,
      a.dependencyWarnings.length,
      b.dependencyWarnings.length,
      b.dependencyWarnings.length - a.dependencyWarnings.length
    ]
  ]
  // Forecasts when the plans have actual costs: spent so far, then each side's plan for the rest.
  if (a.forecast || b.forecast) {
    const fa = a.forecast
    const fb = b.forecast
    const cell = (c: number | undefined) => (c === undefined ? null : eur(c))
    const delta = (x: number | undefined, y: number | undefined) =>
      x === undefined || y === undefined ? null : dEur(y - x)
    const through = fa?.closedThrough ?? fb?.closedThrough
    summary.push(
      [],
      [through ? L.actualsThrough(quarterLabel(through), fa?.bookings ?? fb?.bookings ?? 0) : L.actualToDate],
      [L.actualToDate, cell(fa?.actualCents), cell(fb?.actualCents), delta(fa?.actualCents, fb?.actualCents)],
      [
        L.forecastAtCompletion,
        cell(fa?.atCompletionCents),
        cell(fb?.atCompletionCents),
        delta(fa?.atCompletionCents, fb?.atCompletionCents)
      ],
      [
        L.forecastRunRate,
        cell(fa?.runRateCents),
        cell(fb?.runRateCents),
        delta(fa?.runRateCents, fb?.runRateCents)
      ]
    )
  }
  if (report.identical) summary.splice(3, 0, [L.noDifferences], [])

  const shares: SheetCell[][] = [[L.role, L.quarter, L.a, L.b, L.delta]]
  for (const d of report.shareDeltas)
    shares.push([d.role, quarterLabel(d.quarter), pct(d.aBp), pct(d.bBp), dPct(d.deltaBp)])
  if (report.shareDeltas.length === 0) shares.push([L.noDifferences])

  const budget: SheetCell[][] = [[L.phase, L.quarter, L.a, L.b, L.delta]]
  for (const d of report.budgetDeltas) {
    budget.push([d.phase, quarterLabel(d.quarter), eur(d.aCents), eur(d.bCents), dEur(d.deltaCents)])
  }
  if (report.budgetDeltas.length === 0) budget.push([L.noDifferences])

  const schedule: SheetCell[][] = [[L.workstream, L.titleCol, L.startA, L.weeksA, L.startB, L.weeksB]]
  for (const s of report.scheduleChanges) {
    schedule.push([
      s.workstream,
      s.title,
      s.a.startMonth,
      s.a.durationWeeks,
      s.b.startMonth,
      s.b.durationWeeks
    ])
  }
  if (report.scheduleChanges.length === 0) schedule.push([L.noDifferences])

  const presence: SheetCell[][] = [[L.entity, L.nameCol, L.change]]
  for (const e of report.addedRemoved)
    presence.push([L.kinds[e.kind], e.name, e.change === 'added' ? L.added : L.removed])
  if (report.addedRemoved.length === 0) presence.push([L.noDifferences])

  const quarters: SheetCell[][] = [[L.quarter, L.budgetA, L.contA, L.budgetB, L.contB]]
  for (const q of report.quarters) {
    quarters.push([
      quarterLabel(q.quarter),
      eur(q.aBudgetCents),
      eur(q.aContingencyCents),
      eur(q.bBudgetCents),
      eur(q.bContingencyCents)
    ])
  }

  const checkRows: SheetCell[][] = [
    [L.side, L.kind, L.detail],
    ...checks(a, `${L.a}: ${a.name}`, lang),
    ...checks(b, `${L.b}: ${b.name}`, lang)
  ]
  if (checkRows.length === 1) checkRows.push([L.none])

  return [
    { name: L.summary, rows: summary, widths: [36, 22, 22, 18] },
    { name: L.shares, rows: shares, widths: [28, 12, 10, 10, 16] },
    { name: L.budget, rows: budget, widths: [28, 12, 16, 16, 16] },
    { name: L.schedule, rows: schedule, widths: [16, 40, 10, 9, 10, 9] },
    { name: L.addedRemoved, rows: presence, widths: [16, 40, 18] },
    { name: L.quarters, rows: quarters, widths: [12, 16, 16, 16, 16] },
    { name: L.checks, rows: checkRows, widths: [30, 28, 70] }
  ]
}
