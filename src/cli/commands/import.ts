// `quartermaster import FILE --out PLAN.json`: the wizard's import without a window. Rows are
// added onto the built-in FreshFoodz plan (default), onto a plan file (--plan), or make a new
// plan from the sheet's own names (--new); the result is a plan file the app can open.
import { basename, resolve } from 'node:path'
import { describeIssue } from '../../shared/import/convert'
import { matchToPlan, matchWorkstream, type DerivedValue } from '../../shared/import/to-plan'
import type { ParsedRow } from '../../shared/import/types'
import { planSkeletonFromRows } from '../../shared/import/skeleton'
import { planReferenceProblems } from '../../shared/export/plan-schema'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { PlanData } from '../../shared/planning/types'
import { linesAfter } from '../../shared/planning/order'
import { writeFileAtomic } from '../../main/files/atomic-write'
import { readPlanFile } from './export'
import { euros } from './money'
import {
  amountScaleLine,
  foundScale,
  failureLine,
  IMPORT_OPTIONS_HELP,
  inspectFile,
  parseImportArgs,
  UsageError
} from './inspect'

const USAGE = `quartermaster import FILE --out PLAN.json [--builtin | --plan BASE.json | --new] [--create-roles] [--strict] ${IMPORT_OPTIONS_HELP}`

const FROM: Record<DerivedValue['from'], string> = {
  quarter: 'the phase holding the quarter',
  role: 'where the role works in that quarter',
  phase: "the first workstream of the quarter's phase",
  chosen: 'as given with --workstream'
}

/** Lines saying which rows took a value from the plan, at most `max` of them. */
export function derivedLines(
  rows: readonly ParsedRow[],
  derived: ReadonlyMap<number, DerivedValue[]>,
  max = 200
): string[] {
  const out: string[] = []
  for (const [index, list] of derived) {
    const row = rows[index]
    if (!row?.ok) continue
    if (out.length === max) {
      out.push(`  ... and ${derived.size - max} more`)
      break
    }
    for (const d of list)
      out.push(`  row ${row.row}, ${row.values.quarter}: ${d.field} ${d.value} (${FROM[d.from]})`)
  }
  return out
}

export async function runImport(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: ${USAGE}`)
    return 0
  }
  try {
    const args = parseImportArgs(argv)
    let out: string | undefined
    let base: string | undefined
    let fresh = false
    let createRoles = false
    let strict = false
    let builtin = false
    for (let i = 0; i < args.rest.length; i++) {
      const a = args.rest[i]
      if (a === '--out' || a === '-o' || a === '--plan') {
        const v = args.rest[i + 1]
        if (!v || v.startsWith('--')) throw new UsageError(`${a} needs a value`)
        if (a === '--plan') base = v
        else out = v
        i++
      } else if (a === '--new') fresh = true
      else if (a === '--builtin') builtin = true
      else if (a === '--create-roles') createRoles = true
      else if (a === '--strict') strict = true
      else throw new UsageError(`unknown option ${a} (usage: ${USAGE})`)
    }
    if (!args.file) throw new UsageError(`give a FILE (usage: ${USAGE})`)
    if (!out) throw new UsageError(`--out PLAN.json is required (usage: ${USAGE})`)
    if (!/\.json$/i.test(out)) throw new UsageError('--out must name a .json plan file')
    if (Number(fresh) + Number(Boolean(base)) + Number(builtin) > 1)
      throw new UsageError('give one of --builtin, --plan and --new')

    const { read } = await inspectFile(args)
    const rows = read.result.rows
    const now = new Date().toISOString()
    let data: PlanData
    if (fresh) data = planSkeletonFromRows(rows, { name: `${basename(args.file)} (import)`, now })
    else if (base) data = await readPlanFile(resolve(base))
    else {
      const builtin = buildFreshFoodzPlan({ planId: globalThis.crypto.randomUUID(), now })
      data = {
        ...builtin,
        plan: { ...builtin.plan, name: `${builtin.plan.name} + ${basename(args.file)}`, builtin: false }
      }
    }
    if (args.workstream && !fresh && !matchWorkstream(data.workstreams, args.workstream))
      throw new UsageError(
        `--workstream "${args.workstream}" is not a workstream of the plan (${data.workstreams.map((w) => w.key).join(', ')})`
      )
    const matched = matchToPlan(rows, data, {
      sheet: read.result.sheet,
      createMissingRoles: createRoles || fresh,
      defaultWorkstream: fresh ? undefined : args.workstream
    })
    const sheetErrors = rows.flatMap((r) => r.issues)
    const errors = [...sheetErrors, ...matched.errors].sort((a, b) => a.row - b.row)
    const imported = matched.budgetLines.length + matched.allocations.length
    if (imported === 0) {
      const why = errors.length ? `; first problem: ${describeIssue(errors[0])}` : ''
      throw new Error(
        `no row of sheet "${read.result.sheet}" could be imported (${read.result.counts.good + read.result.counts.bad} rows read${why})`
      )
    }
    if (strict && errors.length)
      throw new Error(`${errors.length} row error(s) with --strict; first: ${describeIssue(errors[0])}`)
    const result: PlanData = {
      ...data,
      plan: { ...data.plan, updatedAt: now },
      roles: [...data.roles, ...matched.newRoles],
      budgetLines: [...data.budgetLines, ...linesAfter(data.budgetLines, matched.budgetLines)],
      allocations: [...data.allocations, ...matched.allocations]
    }
    const problems = planReferenceProblems(result)
    if (problems.length) throw new Error(`the imported plan would be inconsistent (${problems[0]})`)
    const target = resolve(out)
    await writeFileAtomic(target, JSON.stringify(result, null, 2) + '\n')
    const what =
      read.mapping.kind === 'budget'
        ? `${matched.budgetLines.length} budget lines`
        : `${matched.allocations.length} allocations`
    const skipped = new Set(errors.map((e) => e.row)).size
    console.log(
      `Imported ${what} from "${read.result.sheet}" into "${result.plan.name}" → ${target}${skipped ? ` (${skipped} ${skipped === 1 ? 'row' : 'rows'} skipped)` : ''}`
    )
    const note = amountScaleLine(
      read.result.amountScale,
      foundScale(read),
      args.scale,
      read.result.numberStyle
    )
    if (note) console.log(note)
    if (matched.derived.size) {
      const what = read.mapping.kind === 'budget' ? 'phase' : 'workstream'
      console.log(
        `No ${what} column: ${matched.derived.size} ${read.mapping.kind === 'budget' ? 'lines' : 'allocations'} took their ${what} from the plan:`
      )
      for (const line of derivedLines(rows, matched.derived)) console.log(line)
    }
    for (const e of errors) console.error(`  skipped: ${describeIssue(e)}`)
    for (const m of read.result.wide?.mismatches ?? [])
      console.error(
        `  warning: row ${m.row}: the year total ${euros(m.totalCents)} differs from the sum of its periods ${euros(m.sumCents)}; the periods were imported`
      )
    for (const r of rows)
      if (r.ok) for (const w of r.warnings ?? []) console.error(`  shortened: ${describeIssue(w)}`)
    return 0
  } catch (err) {
    const f = failureLine('import', err)
    console.error(f.line)
    return f.code
  }
}
