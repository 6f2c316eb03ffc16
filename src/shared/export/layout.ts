// The allocation workbook as plain data: sheets of cells built from PlanData, with number
// formats, formulas (and their computed values), widths and frozen panes. Main turns it into
// an xlsx with SheetJS, the CSV writer reads the same cells, and the re-import diff knows
// where every value sits. Text cells are always built here from the model as type 's', so
// nothing a user typed can turn into a formula.
import { actualBaseCents } from '../actuals/currency'
import { planVsActual } from '../actuals/variance'
import { toBaseCents } from '../planning/budget'
import { expectedCostCents } from '../planning/risk'
import { sortedByOrder } from '../planning/order'
import type { Currency, PlanData, QuarterKey, Role } from '../planning/types'
import { FULL_FTE } from '../planning/types'
import { allocatedByRole, capacityOf } from '../planning/utilization'
import type { ExportLabels, ExportLanguage } from './labels'
import { planFileActuals } from './plan-schema'
import { EXPORT_LABELS, quarterLabel } from './labels'
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, HIDDEN_SHEET } from './workbook-format'

/** Structurally the cell object SheetJS writes (without importing it: shared stays pure). */
export type XCell =
  | { t: 's'; v: string; z?: string }
  | { t: 'n'; v: number; z?: string; f?: string }
  | { t: 'b'; v: boolean; z?: string }
export type XRow = (XCell | undefined)[]

export type SheetKind = 'team' | 'budget' | 'summary' | 'actuals' | 'risks' | 'deliverables' | 'data'

export type SheetLayout = {
  kind: SheetKind
  name: string
  rows: XRow[]
  cols: { wch: number; hidden?: boolean }[]
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; cols: number }
  hidden?: boolean
  /** Heights in points of rows holding several lines of text (row index → points). */
  rowHeights?: Record<number, number>
  /**
   * Utilization cells (ranges like "C5:G5") the writer colours by conditional formatting: amber
   * above `softCap` (a ratio), red above 1, as the app does. A number format has no amber.
   */
  utilization?: { ranges: string[]; softCap: number }
}

export type WorkbookLayout = {
  sheets: SheetLayout[]
  /** Defined names, e.g. the exchange rate the budget formulas use. */
  names: { Name: string; Ref: string }[]
}

export type LayoutOptions = { language: ExportLanguage; exportedAt?: Date }

/**
 * Cells are styled through their number format: SheetJS community writes one style per
 * distinct format, and the writer gives the styles whose format carries one of these
 * (visually empty) markers a bold font, a fill or a rule. Empty literal strings ("") render as nothing.
 */
export const STYLE_MARKERS = {
  title: '""@',
  header: '@""',
  headerRight: ';;;@""',
  wrap: ';;;""@',
  center: ';;;""@""',
  headerCenter: ';;;@"";',
  sectionText: '""@""',
  totalSuffix: '""'
} as const

/** Line titles sit indented under their phase row. */
export const LINE_INDENT = '    '

/** Hidden column headers: language-neutral so a re-import finds them in either language. */
export const ID_HEADERS = {
  kind: 'qm:kind',
  role: 'qm:role',
  workstream: 'qm:workstream',
  id: 'qm:id'
} as const

type Formats = {
  money: Record<Currency, string>
  moneyTotal: Record<Currency, string>
  fte: string
  fteTotal: string
  pct: string
  pctPlain: string
  util: string
  rate: string
  date: string
  int: string
}

function formats(language: ExportLanguage): Formats {
  // Negative in red, zero as a dash: how finance sheets show "nothing here".
  const eur = language === 'de' ? '#,##0.00 "€";[Red]-#,##0.00 "€";"–"' : '"€"#,##0.00;[Red]-"€"#,##0.00;"–"'
  const chf =
    language === 'de' ? '#,##0.00 "CHF";[Red]-#,##0.00 "CHF";"–"' : '"CHF "#,##0.00;[Red]-"CHF "#,##0.00;"–"'
  return {
    money: { EUR: eur, CHF: chf },
    moneyTotal: { EUR: eur + STYLE_MARKERS.totalSuffix, CHF: chf + STYLE_MARKERS.totalSuffix },
    fte: '0.00;-0.00;"–"',
    fteTotal: '0.00;-0.00;"–"' + STYLE_MARKERS.totalSuffix,
    pct: '0%',
    pctPlain: '0.0%',
    // Red above 100 % through the format, which every spreadsheet honours; amber above the soft
    // cap comes from conditional formatting (see SheetLayout.utilization): formats only know
    // named colours, and indexed ones differ between Excel and LibreOffice.
    util: '[Red][>1]0%;0%',
    rate: '0.0000',
    date: 'yyyy-mm-dd',
    int: '0'
  }
}

/** Longest text a visible cell holds (Excel's limit is 32,767); the hidden sheet keeps the full text. */
export const MAX_CELL_TEXT = 32_000

/** Characters a workbook's XML cannot carry: they read back as U+FFFD. */
const NOT_IN_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * The text a visible cell shows and reads back as: clipped to what a cell holds, with Windows line
 * ends as the single line feed a workbook's XML reads them as, and characters XML cannot carry as
 * the replacement character they read back as (else such a text would come back as an edit on
 * every re-import).
 */
export function clipText(v: string): string {
  const t = v.replace(/\r\n/g, '\n').replace(NOT_IN_XML, '\uFFFD')
  return t.length > MAX_CELL_TEXT ? t.slice(0, MAX_CELL_TEXT - 1) + '…' : t
}

const s = (v: string): XCell => ({ t: 's', v: clipText(v) })
const title = (v: string): XCell => ({ t: 's', v: clipText(v), z: STYLE_MARKERS.title })
const header = (v: string): XCell => ({ t: 's', v, z: STYLE_MARKERS.header })
/** A header over a column of numbers: right-aligned like them. */
const headerR = (v: string): XCell => ({ t: 's', v, z: STYLE_MARKERS.headerRight })
const section = (v: string): XCell => ({ t: 's', v: clipText(v), z: STYLE_MARKERS.sectionText })
const n = (v: number, z?: string): XCell => (z ? { t: 'n', v, z } : { t: 'n', v })
const f = (formula: string, v: number, z?: string): XCell =>
  z ? { t: 'n', v, f: formula, z } : { t: 'n', v, f: formula }

/** 0 → A, 25 → Z, 26 → AA. */
export function colName(index: number): string {
  let s = ''
  let i = index + 1
  while (i > 0) {
    const m = (i - 1) % 26
    s = String.fromCharCode(65 + m) + s
    i = Math.floor((i - 1) / 26)
  }
  return s
}

export const cellRef = (col: number, row: number): string => `${colName(col)}${row + 1}`
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'!`

const centsToUnits = (c: number) => c / 100
const bpToFte = (bp: number) => bp / FULL_FTE

/** Every quarter a plan uses: its own span plus any quarter an allocation or line sits in, sorted. */
export function planQuarters(data: PlanData): QuarterKey[] {
  const set = new Set<QuarterKey>(data.plan.quarters)
  for (const a of data.allocations) set.add(a.quarter)
  for (const l of data.budgetLines) set.add(l.quarter)
  return [...set].sort()
}

const byOrder = <T extends { order: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.order - b.order)

/** Excel's date serial (days since 1899-12-30) of a UTC day. */
function excelDate(d: Date): number {
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  return (day - Date.UTC(1899, 11, 30)) / 86_400_000
}

export function buildWorkbookLayout(data: PlanData, options: LayoutOptions): WorkbookLayout {
  const L = EXPORT_LABELS[options.language]
  const F = formats(options.language)
  const quarters = planQuarters(data)
  const team = teamSheet(data, quarters, L, F)
  const budget = budgetSheet(data, quarters, L, F)
  const summary = summarySheet(data, quarters, L, F, team, budget, options.exportedAt ?? new Date())
  const actuals = actualsSheet(data, quarters, L, F, budget)
  const sheets = [
    team.sheet,
    budget.sheet,
    summary,
    ...(actuals ? [actuals] : []),
    risksSheet(data, L, F),
    deliverablesSheet(data, L),
    dataSheet(data)
  ]
  for (const sheet of sheets) {
    fitHeaders(sheet)
    const ranges = rangesWithFormat(sheet.rows, F.util)
    if (ranges.length) sheet.utilization = { ranges, softCap: Math.max(0, data.plan.softCapBp) / FULL_FTE }
  }
  return {
    sheets,
    names: [{ Name: 'CHF_EUR', Ref: `${sheetRef(L.sheetBudget)}$B$3` }]
  }
}

/** Cells of one number format as ranges, one per run of neighbouring cells in a row ("C5:G5"). */
export function rangesWithFormat(rows: readonly XRow[], format: string): string[] {
  const out: string[] = []
  rows.forEach((row, r) => {
    let start = -1
    for (let c = 0; c <= row.length; c++) {
      const hit = c < row.length && row[c]?.z === format
      if (hit && start < 0) start = c
      if (!hit && start >= 0) {
        out.push(start === c - 1 ? cellRef(start, r) : `${cellRef(start, r)}:${cellRef(c - 1, r)}`)
        start = -1
      }
    }
  })
  return out
}

type TeamResult = { sheet: SheetLayout; totalRow: number; firstQuarterCol: number; quarterCount: number }

function teamSheet(data: PlanData, quarters: QuarterKey[], L: ExportLabels, F: Formats): TeamResult {
  const Q0 = 2
  const nq = quarters.length
  // Person and open position sit right of the quarters, so the quarter columns stay where they were.
  const kindCol = Q0 + nq + 2
  const HEAD = 3
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.teamTitle}`)],
    [s(L.teamNote.replace('{softCap}', String(data.plan.softCapBp / 100)))],
    [],
    [
      header(L.role),
      header(L.workstream),
      ...quarters.map((q) => headerR(quarterLabel(q))),
      header(L.person),
      header(L.hireFrom),
      header(ID_HEADERS.kind),
      header(ID_HEADERS.role),
      header(ID_HEADERS.workstream)
    ]
  ]
  // role → workstream → quarter → bp, one pass.
  const sums = new Map<string, Map<string, Map<QuarterKey, number>>>()
  for (const a of data.allocations) {
    let byWs = sums.get(a.roleId)
    if (!byWs) sums.set(a.roleId, (byWs = new Map()))
    let byQ = byWs.get(a.workstreamId)
    if (!byQ) byWs.set(a.workstreamId, (byQ = new Map()))
    byQ.set(a.quarter, (byQ.get(a.quarter) ?? 0) + a.shareBp)
  }
  const workstreams = byOrder(data.workstreams)
  const teamAlloc = new Array<number>(nq).fill(0)
  const teamCap = new Array<number>(nq).fill(0)

  // Shared cells: identical objects may appear in many rows (SheetJS only reads them), which
  // keeps a 20,000-allocation export from allocating a label object per row.
  const labelTotal = section(L.roleTotal)
  const labelCapacity = s(L.capacity)
  const labelUtil = s(L.utilization)
  const kindRole = s('role')
  const kindAlloc = s('alloc')
  const kindCapacity = s('capacity')
  const kindUtil = s('util')
  const wsTitle = new Map(workstreams.map((w) => [w.id, s(w.title)]))
  const wsIdCell = new Map(workstreams.map((w) => [w.id, s(w.id)]))
  const cols = quarters.map((_, i) => colName(Q0 + i))
  const emptyByWs = new Map<string, Map<QuarterKey, number>>()

  for (const role of byOrder(data.roles)) {
    const byWs = sums.get(role.id) ?? emptyByWs
    const roleRow = rows.length
    const wsRows = workstreams.filter((w) => byWs.has(w.id))
    const first = roleRow + 2
    const last = roleRow + 1 + wsRows.length
    const roleId = s(role.id)
    const roleTotals = new Array<number>(nq).fill(0)
    const caps = new Array<number>(nq)
    for (let i = 0; i < nq; i++) {
      for (const byQ of byWs.values()) roleTotals[i] += byQ.get(quarters[i]) ?? 0
      caps[i] = capacityOf(role, quarters[i])
    }
    const head: XRow = [section(role.name), labelTotal]
    for (let i = 0; i < nq; i++) {
      head.push(
        wsRows.length
          ? f(`SUM(${cols[i]}${first}:${cols[i]}${last})`, bpToFte(roleTotals[i]), F.fteTotal)
          : n(0, F.fteTotal)
      )
    }
    head.push(
      role.personName ? s(role.personName) : undefined,
      role.openPosition
        ? s(quarterLabel(role.hireQuarter ?? data.plan.quarters[0] ?? quarters[0]))
        : undefined,
      kindRole,
      roleId
    )
    rows.push(head)
    for (const w of wsRows) {
      const byQ = byWs.get(w.id)!
      const row: XRow = [undefined, wsTitle.get(w.id)]
      for (let i = 0; i < nq; i++) {
        const bp = byQ.get(quarters[i])
        row.push(bp ? n(bpToFte(bp), F.fte) : undefined)
      }
      row.push(undefined, undefined, kindAlloc, roleId, wsIdCell.get(w.id))
      rows.push(row)
    }
    const capRow = rows.length
    const capCells: XRow = [undefined, labelCapacity]
    for (let i = 0; i < nq; i++) capCells.push(n(bpToFte(caps[i]), F.fte))
    capCells.push(undefined, undefined, kindCapacity, roleId)
    rows.push(capCells)
    const util: XRow = [undefined, labelUtil]
    for (let i = 0; i < nq; i++) {
      const a = `${cols[i]}${roleRow + 1}`
      const c = `${cols[i]}${capRow + 1}`
      util.push(f(`IF(${c}=0,0,${a}/${c})`, utilRatio(roleTotals[i], caps[i]), F.util))
    }
    util.push(undefined, undefined, kindUtil, roleId)
    rows.push(util)
    rows.push([])
    for (let i = 0; i < nq; i++) {
      teamAlloc[i] += roleTotals[i]
      teamCap[i] += caps[i]
    }
  }
  // Whole-team rows add up the role rows by their hidden kind, so rows inserted in Excel still count.
  const lastData = rows.length - 1
  const kindRange = `$${colName(kindCol)}$${HEAD + 2}:$${colName(kindCol)}$${lastData + 1}`
  const totalRow = rows.length
  rows.push([
    section(L.teamTotal),
    section(L.roleTotal),
    ...quarters.map((_, i) => {
      const c = colName(Q0 + i)
      return f(
        `SUMIF(${kindRange},"role",${c}$${HEAD + 2}:${c}$${lastData + 1})`,
        bpToFte(teamAlloc[i]),
        F.fteTotal
      )
    }),
    undefined,
    undefined,
    s('team')
  ])
  rows.push([
    undefined,
    s(L.capacity),
    ...quarters.map((_, i) => {
      const c = colName(Q0 + i)
      return f(
        `SUMIF(${kindRange},"capacity",${c}$${HEAD + 2}:${c}$${lastData + 1})`,
        bpToFte(teamCap[i]),
        F.fteTotal
      )
    }),
    undefined,
    undefined,
    s('team-capacity')
  ])
  rows.push([
    undefined,
    s(L.utilization),
    ...quarters.map((_, i) => {
      const a = cellRef(Q0 + i, totalRow)
      const c = cellRef(Q0 + i, totalRow + 1)
      return f(`IF(${c}=0,0,${a}/${c})`, utilRatio(teamAlloc[i], teamCap[i]), F.util)
    }),
    undefined,
    undefined,
    s('team-util')
  ])
  return {
    sheet: {
      kind: 'team',
      name: L.sheetTeam,
      rows,
      cols: [
        { wch: 28 },
        { wch: 44 },
        ...quarters.map(() => ({ wch: 11 })),
        { wch: 24 },
        { wch: 16 },
        { wch: 10, hidden: true },
        { wch: 10, hidden: true },
        { wch: 10, hidden: true }
      ],
      freeze: { rows: HEAD + 1, cols: 2 }
    },
    totalRow,
    firstQuarterCol: Q0,
    quarterCount: nq
  }
}

function utilRatio(allocatedBp: number, capacityBp: number): number {
  return capacityBp === 0 ? 0 : allocatedBp / capacityBp
}

type BudgetResult = {
  sheet: SheetLayout
  totalRow: number
  totalEurCol: number
  /** Row of each phase's sum row, and the column of the first quarter. */
  phaseRows: Map<string, number>
  firstQuarterCol: number
}

function budgetSheet(data: PlanData, quarters: QuarterKey[], L: ExportLabels, F: Formats): BudgetResult {
  const Q0 = 4
  const nq = quarters.length
  // A total in the line's own currency is only worth a column when some lines are in CHF.
  const anyChf = data.budgetLines.some((l) => l.currency === 'CHF')
  const totalCol = Q0 + nq
  const eurCol = anyChf ? totalCol + 1 : totalCol
  const capCol = eurCol + 1
  const remCol = capCol + 1
  const kindCol = remCol + 1
  const HEAD = 4
  const qIndex = new Map(quarters.map((q, i) => [q, i]))
  const wsTitle = new Map(data.workstreams.map((w) => [w.id, w.title]))
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.budgetTitle}`)],
    [s(L.budgetNote)],
    [s(L.rate), n(data.plan.chfToEur, F.rate)],
    [],
    [
      header(L.phaseLine),
      header(L.category),
      header(L.workstream),
      header(L.currency),
      ...quarters.map((q) => headerR(quarterLabel(q))),
      ...(anyChf ? [headerR(L.total)] : []),
      headerR(L.totalEur),
      headerR(L.cap),
      headerR(L.remaining),
      header(ID_HEADERS.kind),
      header(ID_HEADERS.id)
    ]
  ]
  const linesByPhase = new Map<string, PlanData['budgetLines']>()
  // Each phase's lines in their order, as the Budget view lists them.
  for (const l of sortedByOrder(data.budgetLines)) {
    let list = linesByPhase.get(l.phaseId)
    if (!list) linesByPhase.set(l.phaseId, (list = []))
    list.push(l)
  }
  const planByQ = new Array<number>(nq).fill(0)
  let planTotal = 0
  // Categories, workstreams and currencies repeat on thousands of lines: one cell object each
  // (SheetJS only reads cells), which keeps a 10,000-line export light on memory.
  const sharedCells = new Map<string, XCell>()
  const shared = (text: string) => {
    let c = sharedCells.get(text)
    if (!c) sharedCells.set(text, (c = s(text)))
    return c
  }
  const kindLine = s('line')
  const firstQ = colName(Q0)
  const lastQ = colName(Q0 + nq - 1)
  const eurZ = F.money.EUR
  const eurTotalZ = F.moneyTotal.EUR

  const phaseRows = new Map<string, number>()
  for (const phase of byOrder(data.phases)) {
    const lines = linesByPhase.get(phase.id) ?? []
    const phaseRow = rows.length
    phaseRows.set(phase.id, phaseRow)
    const first = phaseRow + 1
    const last = phaseRow + lines.length
    const hasChf = lines.some((l) => l.currency === 'CHF')
    const byQ = new Array<number>(nq).fill(0)
    let phaseTotal = 0
    for (const l of lines) {
      const c = toBaseCents(l, data.plan)
      byQ[qIndex.get(l.quarter)!] += c
      phaseTotal += c
    }
    const D = `$D${first + 1}:$D${last + 1}`
    rows.push([
      section(`${phase.name} (${phase.priority})`),
      section(''),
      section(''),
      section('EUR'),
      ...quarters.map((_, i) => {
        if (!lines.length) return n(0, eurTotalZ)
        const col = colName(Q0 + i)
        const range = `${col}${first + 1}:${col}${last + 1}`
        const formula = hasChf
          ? `SUMIF(${D},"EUR",${range})+SUMPRODUCT(ROUND(${range}*(${D}="CHF")*CHF_EUR,2))`
          : `SUM(${range})`
        return f(formula, centsToUnits(byQ[i]), eurTotalZ)
      }),
      ...(anyChf ? [section('')] : []),
      f(
        `SUM(${cellRef(Q0, phaseRow)}:${cellRef(Q0 + nq - 1, phaseRow)})`,
        centsToUnits(phaseTotal),
        eurTotalZ
      ),
      n(centsToUnits(phase.capCents), eurTotalZ),
      f(
        `${cellRef(capCol, phaseRow)}-${cellRef(eurCol, phaseRow)}`,
        centsToUnits(phase.capCents - phaseTotal),
        eurTotalZ
      ),
      s('phase'),
      s(phase.id)
    ])
    for (const l of lines) {
      const r = rows.length
      const z = F.money[l.currency]
      const qi = qIndex.get(l.quarter)!
      const row: XRow = [
        s(`${LINE_INDENT}${l.title}`),
        shared(l.category),
        shared(l.workstreamId ? (wsTitle.get(l.workstreamId) ?? '') : ''),
        shared(l.currency)
      ]
      for (let i = 0; i < nq; i++) row.push(i === qi ? n(centsToUnits(l.amountCents), z) : undefined)
      const sum = `SUM(${firstQ}${r + 1}:${lastQ}${r + 1})`
      const eur = centsToUnits(toBaseCents(l, data.plan))
      if (anyChf) {
        row.push(
          f(sum, centsToUnits(l.amountCents), z),
          f(
            `IF(${cellRef(3, r)}="CHF",ROUND(${cellRef(totalCol, r)}*CHF_EUR,2),${cellRef(totalCol, r)})`,
            eur,
            eurZ
          )
        )
      } else row.push(f(sum, eur, eurZ))
      row.push(undefined, undefined, kindLine, s(l.id))
      rows.push(row)
    }
    rows.push([])
    for (let i = 0; i < nq; i++) planByQ[i] += byQ[i]
    planTotal += phaseTotal
  }
  const lastData = rows.length
  const kindRange = `$${colName(kindCol)}$${HEAD + 2}:$${colName(kindCol)}$${lastData}`
  const totalRow = rows.length
  const sumPhases = (col: number) =>
    `SUMIF(${kindRange},"phase",${colName(col)}$${HEAD + 2}:${colName(col)}$${lastData})`
  rows.push([
    section(L.planTotal),
    section(''),
    section(''),
    section('EUR'),
    ...quarters.map((_, i) => f(sumPhases(Q0 + i), centsToUnits(planByQ[i]), eurTotalZ)),
    ...(anyChf ? [section('')] : []),
    f(sumPhases(eurCol), centsToUnits(planTotal), eurTotalZ),
    n(centsToUnits(data.plan.totalBudgetCents), eurTotalZ),
    f(
      `${cellRef(capCol, totalRow)}-${cellRef(eurCol, totalRow)}`,
      centsToUnits(data.plan.totalBudgetCents - planTotal),
      eurTotalZ
    ),
    s('total')
  ])
  return {
    sheet: {
      kind: 'budget',
      name: L.sheetBudget,
      rows,
      cols: [
        { wch: 42 },
        { wch: 14 },
        { wch: 26 },
        { wch: 9 },
        ...quarters.map(() => ({ wch: 14 })),
        ...(anyChf ? [{ wch: 15 }] : []),
        { wch: 15 },
        { wch: 15 },
        { wch: 16 },
        { wch: 10, hidden: true },
        { wch: 10, hidden: true }
      ],
      freeze: { rows: HEAD + 1, cols: 1 }
    },
    totalRow,
    totalEurCol: eurCol,
    phaseRows,
    firstQuarterCol: Q0
  }
}

/**
 * Plan against actual, when the plan has actuals: per phase and quarter the plan (a reference to
 * the budget sheet's phase row), the actual (SUMIFS over the imported actuals below it) and the
 * variance, all formulas with their values; then the actuals as imported. The cached values come
 * from planVsActual, as the app's views do. Hidden columns K-M carry kind, phase id and quarter.
 */
function actualsSheet(
  data: PlanData,
  quarters: QuarterKey[],
  L: ExportLabels,
  F: Formats,
  budget: BudgetResult
): SheetLayout | null {
  const phases = byOrder(data.phases)
  const known = new Set(phases.map((p) => p.id))
  const planQ = new Set(data.plan.quarters)
  // Rows the views show: of the plan's phases and quarters (planVsActual leaves the rest out too).
  const actuals = planFileActuals(data).actuals.filter((a) => known.has(a.phaseId) && planQ.has(a.quarter))
  if (!actuals.length) return null
  const pva = planVsActual(data, actuals)
  const rate = data.plan.chfToEur
  const eur = F.money.EUR
  const eurTotal = F.moneyTotal.EUR
  const HEAD = 4
  const [KIND, PHASE, QUARTER] = [10, 11, 12]
  const hidden = (kind: string, phaseId: string, quarter: string): XRow => {
    const r: XRow = []
    r[KIND] = s(kind)
    r[PHASE] = s(phaseId)
    r[QUARTER] = s(quarter)
    return r
  }
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.actualsTitle}`)],
    [s(L.actualsNote)],
    [s(L.rate), f('CHF_EUR', rate, F.rate)],
    [],
    [header(L.phase), header(L.quarter), headerR(L.planEur), headerR(L.actualEur), headerR(L.varianceEur)]
  ]
  rows[HEAD][KIND] = header(ID_HEADERS.kind)
  rows[HEAD][PHASE] = header(ID_HEADERS.id)
  rows[HEAD][QUARTER] = header(L.quarter)
  const summaryCount = phases.length * data.plan.quarters.length
  // The detail table starts after the summary rows, the total, a gap, its title and its header.
  const d0 = HEAD + 1 + summaryCount + 1 + 2 + 1
  const d1 = d0 + actuals.length - 1
  const col = (c: number) => colName(c)
  const range = (c: number) => `$${col(c)}$${d0 + 1}:$${col(c)}$${d1 + 1}`
  const budgetRef = sheetRef(L.sheetBudget)
  const bq = new Map(quarters.map((q, i) => [q, i]))
  const first = rows.length
  for (const p of phases) {
    const g = pva.byPhase.get(p.id)
    for (const q of data.plan.quarters) {
      const r = rows.length
      const fig = g?.byQuarter.get(q) ?? { planCents: 0, actualCents: 0, remainingCents: 0 }
      const row = hidden('pva', p.id, q)
      row[0] = s(p.name)
      row[1] = s(quarterLabel(q))
      row[2] = f(
        `${budgetRef}${cellRef(budget.firstQuarterCol + bq.get(q)!, budget.phaseRows.get(p.id)!)}`,
        centsToUnits(fig.planCents),
        eur
      )
      row[3] = f(
        `SUMIFS(${range(7)},${range(PHASE)},${cellRef(PHASE, r)},${range(QUARTER)},${cellRef(QUARTER, r)})`,
        centsToUnits(fig.actualCents),
        eur
      )
      row[4] = f(`${cellRef(2, r)}-${cellRef(3, r)}`, centsToUnits(fig.remainingCents), eur)
      rows.push(row)
    }
  }
  const last = rows.length - 1
  const totalRow = rows.length
  const sumCol = (c: number) => `SUM(${cellRef(c, first)}:${cellRef(c, last)})`
  rows.push([
    section(L.total),
    section(''),
    f(sumCol(2), centsToUnits(pva.total.planCents), eurTotal),
    f(sumCol(3), centsToUnits(pva.total.actualCents), eurTotal),
    f(`${cellRef(2, totalRow)}-${cellRef(3, totalRow)}`, centsToUnits(pva.total.remainingCents), eurTotal)
  ])
  rows.push(
    [],
    [section(L.actualsDetail)],
    [
      header(L.phase),
      header(L.quarter),
      header(L.workstream),
      header(L.category),
      headerR(L.eurBookings),
      headerR(L.chfBookings),
      headerR(L.chfInEur),
      headerR(L.actualEur),
      headerR(L.bookings),
      header(L.sourceFile)
    ]
  )
  const phaseName = new Map(phases.map((p) => [p.id, p.name]))
  const wsTitle = new Map(data.workstreams.map((w) => [w.id, w.title]))
  const order = new Map(phases.map((p, i) => [p.id, i]))
  const sorted = [...actuals].sort(
    (a, b) =>
      order.get(a.phaseId)! - order.get(b.phaseId)! ||
      a.quarter.localeCompare(b.quarter) ||
      (a.workstreamId ?? '').localeCompare(b.workstreamId ?? '') ||
      a.category.localeCompare(b.category)
  )
  for (const a of sorted) {
    const r = rows.length
    const chfEur = actualBaseCents(a, rate) - a.eurCents
    const row = hidden('actual', a.phaseId, a.quarter)
    row[0] = s(phaseName.get(a.phaseId)!)
    row[1] = s(quarterLabel(a.quarter))
    row[2] = s(a.workstreamId ? (wsTitle.get(a.workstreamId) ?? '') : '')
    row[3] = s(a.category)
    row[4] = n(centsToUnits(a.eurCents), eur)
    row[5] = n(centsToUnits(a.chfCents), F.money.CHF)
    // Converted booking by booking when imported: the sum cannot be reconverted here.
    row[6] = n(centsToUnits(chfEur), eur)
    row[7] = f(`${cellRef(4, r)}+${cellRef(6, r)}`, centsToUnits(a.eurCents + chfEur), eur)
    row[8] = n(a.bookings, F.int)
    row[9] = s(a.source.fileName)
    rows.push(row)
  }
  if (rows.length - 1 !== d1) throw new Error('actuals sheet: detail rows out of place')
  return {
    kind: 'actuals',
    name: L.sheetActuals,
    rows,
    cols: [
      { wch: 28 },
      { wch: 10 },
      { wch: 26 },
      { wch: 22 },
      { wch: 16 },
      { wch: 16 },
      { wch: 14 },
      { wch: 16 },
      { wch: 10 },
      { wch: 24 },
      { wch: 10, hidden: true },
      { wch: 10, hidden: true },
      { wch: 10, hidden: true }
    ],
    freeze: { rows: HEAD + 1, cols: 1 }
  }
}

function summarySheet(
  data: PlanData,
  quarters: QuarterKey[],
  L: ExportLabels,
  F: Formats,
  team: TeamResult,
  budget: BudgetResult,
  exportedAt: Date
): SheetLayout {
  const budgetEur = budget.sheet.rows[budget.totalRow][budget.totalEurCol] as { v: number }
  const planned = budgetEur.v
  const totalBudget = centsToUnits(data.plan.totalBudgetCents)
  const teamRow = team.sheet.rows[team.totalRow]
  let fteQuarters = 0
  for (let i = 0; i < team.quarterCount; i++)
    fteQuarters += (teamRow[team.firstQuarterCol + i] as { v: number }).v
  const teamRange = `${sheetRef(L.sheetTeam)}${cellRef(team.firstQuarterCol, team.totalRow)}:${cellRef(
    team.firstQuarterCol + team.quarterCount - 1,
    team.totalRow
  )}`
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.summaryTitle}`)],
    [],
    [s(L.plan), s(data.plan.name)],
    [
      s(L.quarters),
      s(
        quarters.length ? `${quarterLabel(quarters[0])} – ${quarterLabel(quarters[quarters.length - 1])}` : ''
      )
    ],
    [s(L.exported), n(excelDate(exportedAt), F.date)],
    [s(L.totalBudget), n(totalBudget, F.money.EUR)],
    [
      s(L.plannedSpend),
      f(`${sheetRef(L.sheetBudget)}${cellRef(budget.totalEurCol, budget.totalRow)}`, planned, F.money.EUR)
    ],
    [s(L.budgetRemaining), f('B6-B7', totalBudget - planned, F.moneyTotal.EUR)],
    [s(L.fteQuarters), f(`SUM(${teamRange})`, fteQuarters, F.fte)],
    [s(L.roles), n(data.roles.length, F.int)],
    [s(L.workstreams), n(data.workstreams.length, F.int)],
    [s(L.budgetLines), n(data.budgetLines.length, F.int)],
    [s(L.softCap), n(data.plan.softCapBp / FULL_FTE, F.pctPlain)],
    [s(L.notes), s(data.plan.notes)],
    [],
    [section(L.overAllocations)],
    [header(L.role), header(L.quarter), headerR(L.allocated), headerR(L.capacity), headerR(L.utilization)]
  ]
  const roleName = new Map(data.roles.map((r) => [r.id, r.name]))
  const roles = byOrder(data.roles)
  const over: { role: Role; q: QuarterKey; a: number; c: number }[] = []
  const alloc = allocatedByRole(data)
  for (const role of roles) {
    const byQ = alloc.get(role.id)
    if (!byQ) continue
    for (const q of quarters) {
      const a = byQ.get(q) ?? 0
      const c = capacityOf(role, q)
      if (a > c) over.push({ role, q, a, c })
    }
  }
  if (!over.length) rows.push([s(L.none)])
  const qCells = new Map(quarters.map((q) => [q, s(quarterLabel(q))]))
  for (const o of over) {
    const r = rows.length
    rows.push([
      s(roleName.get(o.role.id) ?? ''),
      qCells.get(o.q),
      n(bpToFte(o.a), F.fte),
      n(bpToFte(o.c), F.fte),
      f(`IF(${cellRef(3, r)}=0,0,${cellRef(2, r)}/${cellRef(3, r)})`, utilRatio(o.a, o.c), F.util)
    ])
  }
  rows.push(
    [],
    [section(L.capBreaches)],
    [header(L.phase), headerR(L.cap), headerR(L.planned), headerR(L.overBy)]
  )
  const spent = new Map<string, number>()
  for (const l of data.budgetLines)
    spent.set(l.phaseId, (spent.get(l.phaseId) ?? 0) + toBaseCents(l, data.plan))
  const breaches = byOrder(data.phases).filter((p) => (spent.get(p.id) ?? 0) > p.capCents)
  if (!breaches.length) rows.push([s(L.none)])
  for (const p of breaches) {
    const r = rows.length
    const sp = spent.get(p.id) ?? 0
    rows.push([
      s(p.name),
      n(centsToUnits(p.capCents), F.money.EUR),
      n(centsToUnits(sp), F.money.EUR),
      f(`${cellRef(2, r)}-${cellRef(1, r)}`, centsToUnits(sp - p.capCents), F.moneyTotal.EUR)
    ])
  }
  return {
    kind: 'summary',
    name: L.sheetSummary,
    rows,
    cols: [{ wch: 44 }, { wch: 24 }, { wch: 18 }, { wch: 16 }, { wch: 14 }],
    freeze: { rows: 1, cols: 0 }
  }
}

function risksSheet(data: PlanData, L: ExportLabels, F: Formats): SheetLayout {
  const impact: Record<string, string> = {
    low: L.impactLow,
    medium: L.impactMedium,
    high: L.impactHigh,
    critical: L.impactCritical
  }
  const phaseName = new Map(data.phases.map((p) => [p.id, p.name]))
  const wsName = new Map(data.workstreams.map((w) => [w.id, w.title]))
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.risksTitle}`)],
    [],
    [
      header(L.risk),
      headerR(L.probability),
      { t: 's', v: L.impactLevel, z: STYLE_MARKERS.headerCenter },
      header(L.impact),
      headerR(L.impactCost),
      headerR(L.expectedCost),
      header(L.mitigations),
      header(L.phases),
      header(L.workstreams)
    ]
  ]
  const first = rows.length
  let expected = 0
  const rowHeights: Record<number, number> = {}
  for (const risk of sortedByOrder(data.risks)) {
    const r = rows.length
    if (risk.mitigations.length > 1) rowHeights[r] = 15 * Math.min(risk.mitigations.length, 20)
    const e = centsToUnits(expectedCostCents(risk))
    expected += e
    rows.push([
      s(risk.title),
      n(risk.probabilityPct / 100, F.pct),
      { t: 's', v: impact[risk.impactLevel] ?? risk.impactLevel, z: STYLE_MARKERS.center },
      s(risk.impactText),
      n(centsToUnits(risk.impactCents), F.money.EUR),
      f(`ROUND(${cellRef(1, r)}*${cellRef(4, r)},2)`, e, F.money.EUR),
      { t: 's', v: clipText(risk.mitigations.join('\n')), z: STYLE_MARKERS.wrap },
      s(
        risk.phaseIds
          .map((id) => phaseName.get(id) ?? '')
          .filter(Boolean)
          .join(', ')
      ),
      s(
        risk.workstreamIds
          .map((id) => wsName.get(id) ?? '')
          .filter(Boolean)
          .join(', ')
      )
    ])
  }
  const last = rows.length - 1
  rows.push(
    [],
    [
      section(L.totalContingency),
      undefined,
      undefined,
      undefined,
      undefined,
      data.risks.length
        ? f(`SUM(${cellRef(5, first)}:${cellRef(5, last)})`, expected, F.moneyTotal.EUR)
        : n(0, F.moneyTotal.EUR)
    ]
  )
  return {
    kind: 'risks',
    name: L.sheetRisks,
    rows,
    rowHeights,
    cols: [
      { wch: 50 },
      { wch: 12 },
      { wch: 13 },
      { wch: 28 },
      { wch: 18 },
      { wch: 18 },
      { wch: 70 },
      { wch: 24 },
      { wch: 28 }
    ],
    freeze: { rows: 3, cols: 1 }
  }
}

function deliverablesSheet(data: PlanData, L: ExportLabels): SheetLayout {
  const wsName = new Map(data.workstreams.map((w) => [w.id, w.title]))
  const status: Record<string, string> = { open: L.statusOpen, met: L.statusMet, missed: L.statusMissed }
  const rows: XRow[] = [
    [title(`${data.plan.name} — ${L.deliverablesTitle}`)],
    [],
    [header(L.quarter), header('#'), header(L.deliverable), header(L.workstream), header(L.done)]
  ]
  const deliverables = [...data.deliverables].sort((a, b) =>
    a.quarter === b.quarter ? a.order - b.order : a.quarter < b.quarter ? -1 : 1
  )
  for (const d of deliverables) {
    rows.push([
      s(quarterLabel(d.quarter)),
      s(String(d.order)),
      s(d.title),
      s(d.workstreamId ? (wsName.get(d.workstreamId) ?? '') : ''),
      s(d.done ? L.yes : L.no)
    ])
  }
  rows.push(
    [],
    [section(L.metricsTitle)],
    [header(L.phase), header(''), header(L.metric), header(L.target), header(L.status)]
  )
  for (const p of byOrder(data.phases)) {
    for (const m of p.metrics)
      rows.push([s(p.name), undefined, s(m.text), s(m.target), s(status[m.status] ?? m.status)])
  }
  return {
    kind: 'deliverables',
    name: L.sheetDeliverables,
    rows,
    cols: [{ wch: 22 }, { wch: 5 }, { wch: 60 }, { wch: 34 }, { wch: 10 }],
    freeze: { rows: 3, cols: 0 }
  }
}

const HEADER_FORMATS = new Set<string>([
  STYLE_MARKERS.header,
  STYLE_MARKERS.headerRight,
  STYLE_MARKERS.headerCenter
])

/** Widens columns whose header (German ones run long) would not fit. Headers sit near the top of big sheets. */
function fitHeaders(sheet: SheetLayout) {
  const scan = sheet.rows.length > 2_000 ? 12 : sheet.rows.length
  for (let r = 0; r < scan; r++) {
    sheet.rows[r].forEach((cell, c) => {
      if (cell?.t !== 's' || !cell.z || !HEADER_FORMATS.has(cell.z) || !sheet.cols[c] || sheet.cols[c].hidden)
        return
      sheet.cols[c] = { ...sheet.cols[c], wch: Math.max(sheet.cols[c].wch, cell.v.length + 2) }
    })
  }
}

/** Longest text per cell in the hidden data sheet; Excel's own limit is 32,767 characters. */
export const DATA_CHUNK = 30_000

/** The hidden sheet: the whole PlanData as JSON in text cells, split so no cell exceeds Excel's limit. */
function dataSheet(data: PlanData): SheetLayout {
  // U+FFFE and U+FFFF cannot stand in XML; as JSON escapes they mean the same string.
  // PlanData only: a plan's actuals and cost centres are not the workbook's to change (re-import).
  const { actuals: _a, costCentres: _c, ...plain } = data as PlanData & Record<string, unknown>
  void _a
  void _c
  const json = JSON.stringify(plain).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
  const chunks = splitChunks(json, DATA_CHUNK)
  return {
    kind: 'data',
    name: HIDDEN_SHEET,
    rows: [
      [s(EXPORT_FORMAT), n(EXPORT_FORMAT_VERSION)],
      [s('planId'), s(data.plan.id)],
      [s('chunks'), n(chunks.length), n(json.length)],
      ...chunks.map((c) => [s(c)])
    ],
    cols: [{ wch: 40 }],
    hidden: true
  }
}

/** Splits text into pieces of at most `size` UTF-16 units without cutting a surrogate pair. */
export function splitChunks(text: string, size: number): string[] {
  const out: string[] = []
  let i = 0
  while (i < text.length) {
    let end = Math.min(i + size, text.length)
    const code = text.charCodeAt(end - 1)
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--
    out.push(text.slice(i, end))
    i = end
  }
  return out
}
