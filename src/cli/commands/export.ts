// `quartermaster export PLAN.json --out allocation.xlsx` and `export --builtin --out ...`:
// the app's own export code without a window. A .csv output writes one board (--board team|budget).
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { boardCsv, type CsvBoard } from '../../shared/export/csv'
import type { ExportLanguage } from '../../shared/export/labels'
import { planDataSchema, planReferenceProblems } from '../../shared/export/plan-schema'
import { buildFreshFoodzPlan } from '../../shared/planning/seed/freshfoodz'
import type { PlanData } from '../../shared/planning/types'
import { numberPlan } from '../../shared/planning/order'
import { writeAllocationWorkbook } from '../../main/excel/export/write-workbook'
import { writeFileAtomic } from '../../main/files/atomic-write'
import { checkFilePath } from '../../main/files/paths'

const USAGE =
  'usage: quartermaster export (PLAN.json | --builtin) --out FILE.xlsx|FILE.csv [--lang en|de] [--board team|budget]'

type Args = { plan?: string; builtin: boolean; out?: string; lang: ExportLanguage; board: CsvBoard }

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { builtin: false, lang: 'en', board: 'team' }
  const value = (i: number, flag: string) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return v
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--builtin') args.builtin = true
    else if (a === '--out' || a === '-o') args.out = value(i++, a)
    else if (a === '--lang') {
      const v = value(i++, a)
      if (v !== 'en' && v !== 'de') throw new UsageError(`--lang must be en or de, not "${v}"`)
      args.lang = v
    } else if (a === '--board') {
      const v = value(i++, a)
      if (v !== 'team' && v !== 'budget') throw new UsageError(`--board must be team or budget, not "${v}"`)
      args.board = v
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`)
    else if (args.plan === undefined) args.plan = a
    else throw new UsageError(`unexpected argument "${a}"`)
  }
  if (args.builtin === (args.plan !== undefined)) throw new UsageError('give either PLAN.json or --builtin')
  if (!args.out) throw new UsageError('--out is required')
  return args
}

/** Reads a plan file: PlanData itself, or an object carrying it under "data" or "planData". */
export async function readPlanFile(path: string): Promise<PlanData> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as { code?: string }).code
    throw new Error(
      code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(err)})`,
      { cause: err }
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new Error(`${path}: not a JSON file`)
  }
  const obj = raw as Record<string, unknown> | null
  const candidate =
    obj && typeof obj === 'object' && !('phases' in obj) ? (obj['data'] ?? obj['planData'] ?? obj) : obj
  const parsed = planDataSchema.safeParse(candidate)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`${path}: not a plan file (${first.path.join('.') || 'plan'}: ${first.message})`)
  }
  const problems = planReferenceProblems(parsed.data)
  if (problems.length) throw new Error(`${path}: inconsistent plan (${problems[0]})`)
  // Plan files written before risks and budget lines had an order get one, as listed.
  return numberPlan(parsed.data)
}

export async function runExport(argv: string[]): Promise<number> {
  let args: Args
  try {
    args = parseArgs(argv)
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`quartermaster export: ${err.message} (${USAGE})`)
      return 2
    }
    throw err
  }
  const out = resolve(args.out!)
  const check = checkFilePath(out, { extensions: ['xlsx', 'csv'] })
  if (!check.ok) {
    console.error(`quartermaster export: ${check.reason}`)
    return 2
  }
  let data: PlanData
  try {
    data = args.builtin ? buildFreshFoodzPlan() : await readPlanFile(resolve(args.plan!))
  } catch (err) {
    console.error(`quartermaster export: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
  const started = performance.now()
  const csv = out.toLowerCase().endsWith('.csv')
  const bytes = csv
    ? boardCsv(data, args.board, args.lang)
    : await writeAllocationWorkbook(data, { language: args.lang })
  try {
    await writeFileAtomic(out, bytes)
  } catch (err) {
    const code = (err as { code?: string }).code
    console.error(
      `quartermaster export: cannot write ${out} (${code ?? (err instanceof Error ? err.message : err)})`
    )
    return 1
  }
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length
  const what = csv ? `${args.board} board as CSV` : 'allocation workbook'
  console.log(
    `Wrote ${what} of "${data.plan.name}" to ${out} (${Math.round(size / 1024)} KiB, ${data.allocations.length} allocations, ${data.budgetLines.length} budget lines, ${Math.round(performance.now() - started)} ms)`
  )
  return 0
}
