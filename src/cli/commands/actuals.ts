// `quartermaster actuals FILE (--builtin | --plan PLAN.json) --out PLAN.json`: finance's bookings
// export read as actual costs (the wizard's rules, in the parse worker) and added to a plan file.
import { resolve } from 'node:path'
import { bookingAmountColumns, normalizeCentre, suggestCentre } from '../../shared/actuals/mapping'
import { amountScaleFor } from '../../shared/import/wide'
import {
  applyActualChanges,
  centreMapping,
  mergeActuals,
  overlappingQuarters,
  type MergeMode
} from '../../shared/actuals/merge'
import { actualsTarget } from '../../shared/actuals/target'
import type {
  BookingField,
  BookingIssue,
  BookingMapping,
  CostCentreMapping
} from '../../shared/actuals/types'
import { BOOKING_FIELDS } from '../../shared/actuals/types'
import { planFileActuals, planReferenceProblems } from '../../shared/export/plan-schema'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { PlanData } from '../../shared/planning/types'
import { writeFileAtomic } from '../../main/files/atomic-write'
import { openImport } from '../../main/excel/import/service'
import type { BookingsRead } from '../../main/excel/import/read-bookings'
import { readPlanFile } from './export'
import { amountScaleLine, failureLine, parseColumn, SCALE_HELP, scaleOption, UsageError } from './inspect'
import type { AmountScale } from '../../shared/import/units'
import { euros } from './money'

const USAGE = `quartermaster actuals FILE (--builtin | --plan PLAN.json) --out PLAN.json [--sheet NAME|N] [--header-row N] [--map FIELD=COLUMN|none]... [--style de|en|ch] [--currency EUR|CHF] ${SCALE_HELP} [--centre "CENTRE=PHASE|WORKSTREAM"]... [--replace | --add] [--timeout SECONDS]`

type Args = {
  file?: string
  builtin: boolean
  plan?: string
  out?: string
  sheet?: string
  headerRow?: number
  map: Partial<Record<BookingField, number | null>>
  style?: 'de' | 'en' | 'ch'
  currency?: 'EUR' | 'CHF'
  scale?: 1 | AmountScale
  centres: [string, string][]
  mode?: MergeMode
  timeoutMs?: number
}

function parseArgs(argv: string[]): Args {
  const args: Args = { builtin: false, map: {}, centres: [] }
  const value = (i: number, flag: string) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--builtin') args.builtin = true
    else if (a === '--plan') args.plan = value(i++, a)
    else if (a === '--out' || a === '-o') args.out = value(i++, a)
    else if (a === '--sheet') args.sheet = value(i++, a)
    else if (a === '--header-row') {
      const v = Number(value(i++, a))
      if (!Number.isInteger(v) || v < 1) throw new UsageError('--header-row must be a row number from 1')
      args.headerRow = v
    } else if (a === '--map') {
      const m = /^([a-zA-Z]+)=(.+)$/.exec(value(i++, a))
      if (!m || !(BOOKING_FIELDS as readonly string[]).includes(m[1]))
        throw new UsageError(`--map needs FIELD=COLUMN with FIELD one of ${BOOKING_FIELDS.join(', ')}`)
      args.map[m[1] as BookingField] = m[2] === 'none' ? null : parseColumn(m[2])
    } else if (a === '--style') {
      const v = value(i++, a)
      if (v !== 'de' && v !== 'en' && v !== 'ch') throw new UsageError('--style must be de, en or ch')
      args.style = v
    } else if (a === '--currency') {
      const v = value(i++, a).toUpperCase()
      if (v !== 'EUR' && v !== 'CHF') throw new UsageError('--currency must be EUR or CHF')
      args.currency = v
    } else if (a === '--scale') args.scale = scaleOption(value(i++, a))
    else if (a === '--centre' || a === '--center') {
      const m = /^(.+?)=(.+)$/.exec(value(i++, a))
      if (!m) throw new UsageError('--centre needs CENTRE=PHASE or CENTRE=WORKSTREAM')
      args.centres.push([m[1].trim(), m[2].trim()])
    } else if (a === '--replace' || a === '--add') {
      if (args.mode) throw new UsageError('give either --replace or --add')
      args.mode = a === '--replace' ? 'replace' : 'add'
    } else if (a === '--timeout') {
      const v = Number(value(i++, a))
      if (!(v > 0)) throw new UsageError('--timeout must be a number of seconds')
      args.timeoutMs = v * 1000
    } else if (!a.startsWith('-') && args.file === undefined) args.file = a
    else throw new UsageError(`unknown option ${a} (usage: ${USAGE})`)
  }
  if (!args.file) throw new UsageError(`give a FILE (usage: ${USAGE})`)
  if (args.builtin === (args.plan !== undefined))
    throw new UsageError(`give either --builtin or --plan PLAN.json (usage: ${USAGE})`)
  if (!args.out) throw new UsageError(`--out PLAN.json is required (usage: ${USAGE})`)
  if (!/\.json$/i.test(args.out)) throw new UsageError('--out must name a .json plan file')
  return args
}

/** "Sheet 'Buchungen', row 7, column A (date): has no booking date" */
export function describeBookingIssue(sheet: string, i: BookingIssue): string {
  const where = i.column ? `row ${i.row}, column ${i.column}` : `row ${i.row}`
  return `Sheet '${sheet}', ${where} (${i.field}):${i.value ? ` "${i.value}"` : ''} ${i.message}`
}

/** Reads the bookings with the options' overrides; the worker is closed afterwards. */
async function readFile(args: Args, data: PlanData, centres: CostCentreMapping[]): Promise<BookingsRead> {
  const { session, summary } = await openImport(resolve(args.file!), {
    limits: args.timeoutMs ? { timeoutMs: args.timeoutMs } : undefined
  })
  try {
    let sheet = summary.bestSheet
    if (args.sheet !== undefined) {
      const found =
        summary.sheets.find((s) => s.name === args.sheet) ??
        (/^\d+$/.test(args.sheet) ? summary.sheets[Number(args.sheet) - 1] : undefined)
      if (!found)
        throw new UsageError(
          `no sheet "${args.sheet}" (sheets: ${summary.sheets.map((s) => s.name).join(', ')})`
        )
      sheet = found.index
    }
    const target = actualsTarget(data, centres)
    const first = await session.bookings({ sheet, headerRow: args.headerRow, target })
    const columns = { ...first.mapping.columns }
    for (const [field, col] of Object.entries(args.map)) {
      if (col === null) delete columns[field as BookingField]
      else columns[field as BookingField] = col
    }
    // The unit named for the amount columns read: --map may pick others than the first read did.
    const scale =
      args.scale ?? amountScaleFor(first.headers, bookingAmountColumns(columns), first.tableScale)?.scale
    const mapping: BookingMapping = {
      columns,
      numberStyle: args.style ?? first.mapping.numberStyle,
      defaultCurrency: args.currency ?? first.mapping.defaultCurrency,
      ...(scale && scale !== 1 ? { amountScale: scale } : {})
    }
    if (JSON.stringify(mapping) === JSON.stringify(first.mapping)) return first
    return await session.bookings({ sheet, headerRow: first.headerRow, mapping, target })
  } finally {
    await session.close()
  }
}

export async function runActuals(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: ${USAGE}`)
    return 0
  }
  try {
    const args = parseArgs(argv)
    const now = new Date().toISOString()
    let data: PlanData
    if (args.plan) data = await readPlanFile(resolve(args.plan))
    else {
      const builtin = buildFreshFoodzPlan({ planId: globalThis.crypto.randomUUID(), now })
      data = { ...builtin, plan: { ...builtin.plan, builtin: false } }
    }
    const planId = data.plan.id
    const existing = planFileActuals(data)
    const table = new Map(existing.costCentres.map((c) => [c.centre, c]))
    // Centres given on the command line join the plan's table, as the wizard's answers do.
    const target = actualsTarget(data)
    for (const [centre, where] of args.centres) {
      const at = suggestCentre(where, target)
      if (!at)
        throw new UsageError(
          `--centre ${centre}=${where}: "${where}" names no phase or workstream of the plan`
        )
      const key = normalizeCentre(centre)
      table.set(key, centreMapping(planId, key, centre, at))
    }
    const read = await readFile(args, data, [...table.values()])
    const r = read.result
    // Suggested centres are remembered, so the next import of this plan places them the same way.
    for (const c of r.centres)
      if (!c.mapped && c.suggested) table.set(c.centre, centreMapping(planId, c.centre, c.label, c.suggested))
    if (r.counts.placed === 0) {
      const why = r.issues.length ? `; first problem: ${describeBookingIssue(r.sheet, r.issues[0])}` : ''
      const unknown = r.centres.filter((c) => !c.mapped && !c.suggested)
      const centresWhy = unknown.length
        ? `; cost centres without a phase: ${unknown.map((c) => c.label).join(', ')} (use --centre CENTRE=PHASE)`
        : ''
      throw new Error(`no booking of sheet "${r.sheet}" could be placed on the plan${why}${centresWhy}`)
    }
    const overlap = overlappingQuarters(existing.actuals, r.quarters)
    if (overlap.length && !args.mode)
      throw new UsageError(
        `the plan already holds actuals for ${overlap.join(', ')}: give --replace to replace them or --add to add these bookings`
      )
    const source = { fileName: read.fileName, fingerprint: read.fingerprint, importedAt: now }
    const changes = mergeActuals(existing.actuals, r.sums, planId, source, args.mode ?? 'replace')
    const result = {
      ...data,
      plan: { ...data.plan, updatedAt: now },
      actuals: applyActualChanges(existing.actuals, changes),
      costCentres: [...table.values()]
    }
    const problems = planReferenceProblems(result)
    if (problems.length) throw new Error(`the plan would be inconsistent (${problems[0]})`)
    const target2 = resolve(args.out!)
    await writeFileAtomic(target2, JSON.stringify(result, null, 2) + '\n')
    console.log(
      `Imported ${r.counts.placed} bookings (EUR ${euros(r.placedCents)}) from "${r.sheet}" of ${read.fileName} into "${data.plan.name}" → ${target2}`
    )
    const note = amountScaleLine(r.amountScale, read.scale, args.scale, r.numberStyle)
    if (note) console.log(note)
    console.log(`  quarters: ${r.quarters.join(', ')}`)
    if (r.totalRows.length) console.log(`  total rows skipped: ${r.totalRows.join(', ')}`)
    for (const o of r.outside)
      console.log(
        `  outside the plan's quarters, kept out: ${o.quarter}: ${o.bookings} bookings, EUR ${euros(o.baseCents)}`
      )
    for (const c of r.centres) {
      const at = c.mapped ?? c.suggested
      const where = at
        ? (data.workstreams.find((w) => w.id === at.workstreamId)?.title ??
          data.phases.find((p) => p.id === at.phaseId)?.name)
        : null
      console.log(
        `  cost centre "${c.label}": ${c.bookings} bookings, EUR ${euros(c.baseCents)} → ${where ?? 'no phase (kept out; use --centre)'}`
      )
    }
    for (const i of r.issues) console.error(`  skipped: ${describeBookingIssue(r.sheet, i)}`)
    if (r.counts.bad > r.issues.length)
      console.error(`  ... and ${r.counts.bad - r.issues.length} more rows with problems`)
    return 0
  } catch (err) {
    const f = failureLine('actuals', err)
    console.error(f.line)
    return f.code
  }
}
