// `quartermaster inspect FILE [--json]`: what the import wizard would see in a spreadsheet —
// sheets, the chosen header row, the suggested mapping, rows read and every row error.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { columnLetter } from '../../shared/import/header'
import {
  parseScaleName,
  scaleNote,
  scaleSource,
  type AmountScale,
  type ScaleFound
} from '../../shared/import/units'
import { describeIssue } from '../../shared/import/convert'
import type { ColumnMapping, ImportField, ImportKind, NumberStyle } from '../../shared/import/types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS } from '../../shared/import/types'
import { columnsForKind, scaleFoundFor, scaleForAmountColumn } from '../../shared/import/mapping'
import type { ReadSheetResult, TextEncoding, WorkbookSummary } from '../../shared/import/workbook'
import { ImportError } from '../../main/excel/import/errors'
import { openImport } from '../../main/excel/import/service'
import { readAllocationWorkbook } from '../../main/excel/export/read-workbook'
import { HIDDEN_SHEET } from '../../shared/export/workbook-format'
import type { PlanData } from '../../shared/planning/types'
import { planSummary, planSummaryLines } from './plan-summary'

export class UsageError extends Error {}

/** Options the wizard's choices map to, shared by inspect and import. */
export type ImportArgs = {
  file?: string
  json: boolean
  sheet?: string
  headerRow?: number
  kind?: ImportKind
  map: Partial<Record<ImportField, number | null>>
  style?: NumberStyle
  shareScale?: 'percent' | 'fte'
  currency?: 'EUR' | 'CHF'
  /** Amounts written as they are (1), in thousands or millions: overrides what the sheet names. */
  scale?: 1 | AmountScale
  timeoutMs?: number
  encoding?: TextEncoding
  layout?: 'long' | 'wide'
  monthLines?: boolean
  year?: number
  /** Workstream (key or title) for allocation rows without a workstream column. */
  workstream?: string
  rest: string[]
}

/** Names the command line takes for each text encoding, as people write them. */
const ENCODING_NAMES: Record<string, TextEncoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15'
}

/** "G" or "7" (1-based) to a 0-based column index. */
export function parseColumn(text: string): number {
  if (/^\d+$/.test(text) && Number(text) >= 1) return Number(text) - 1
  if (!/^[A-Za-z]{1,3}$/.test(text))
    throw new UsageError(`"${text}" is not a column (use a letter like G or a number)`)
  let n = 0
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

/** --scale's value: 1, 1000, 1000000 or units, thousands, millions. */
export function scaleOption(text: string): 1 | AmountScale {
  const v = parseScaleName(text)
  if (v === null)
    throw new UsageError(`--scale must be 1, 1000 or 1000000 (or units, thousands, millions), not "${text}"`)
  return v
}

export const SCALE_HELP = '[--scale 1|1000|1000000|units|thousands|millions]'

export const IMPORT_OPTIONS_HELP = `[--sheet NAME|N] [--header-row N] [--kind budget|allocations] [--map FIELD=COLUMN|none]... [--style de|en|ch] [--share-scale percent|fte] [--currency EUR|CHF] ${SCALE_HELP} [--encoding utf-8|utf-16le|utf-16be|windows-1252|iso-8859-15] [--layout long|wide] [--month-lines] [--year YYYY] [--workstream KEY] [--timeout SECONDS]`

/** Parses the options common to inspect and import; unknown ones are left in `rest`. */
export function parseImportArgs(argv: string[]): ImportArgs {
  const args: ImportArgs = { json: false, map: {}, rest: [] }
  const value = (i: number, flag: string) => {
    const v = argv[i + 1]
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`)
    return v
  }
  const fields = new Set<string>([...BUDGET_FIELDS, ...ALLOCATION_FIELDS])
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') args.json = true
    else if (a === '--sheet') args.sheet = value(i++, a)
    else if (a === '--header-row') {
      const v = Number(value(i++, a))
      if (!Number.isInteger(v) || v < 1) throw new UsageError('--header-row must be a row number from 1')
      args.headerRow = v
    } else if (a === '--kind') {
      const v = value(i++, a)
      if (v !== 'budget' && v !== 'allocations') throw new UsageError('--kind must be budget or allocations')
      args.kind = v
    } else if (a === '--map') {
      const m = /^([a-z]+)=(.+)$/.exec(value(i++, a))
      if (!m || !fields.has(m[1]))
        throw new UsageError(`--map needs FIELD=COLUMN with FIELD one of ${[...fields].join(', ')}`)
      args.map[m[1] as ImportField] = m[2] === 'none' ? null : parseColumn(m[2])
    } else if (a === '--style') {
      const v = value(i++, a)
      if (v !== 'de' && v !== 'en' && v !== 'ch') throw new UsageError('--style must be de, en or ch')
      args.style = v
    } else if (a === '--share-scale') {
      const v = value(i++, a)
      if (v !== 'percent' && v !== 'fte') throw new UsageError('--share-scale must be percent or fte')
      args.shareScale = v
    } else if (a === '--currency') {
      const v = value(i++, a).toUpperCase()
      if (v !== 'EUR' && v !== 'CHF') throw new UsageError('--currency must be EUR or CHF')
      args.currency = v
    } else if (a === '--scale') args.scale = scaleOption(value(i++, a))
    else if (a === '--encoding') {
      const v = ENCODING_NAMES[value(i++, a).toLowerCase()]
      if (!v)
        throw new UsageError(
          '--encoding must be utf-8, utf-16le, utf-16be, windows-1252 (cp1252) or iso-8859-15 (latin9)'
        )
      args.encoding = v
    } else if (a === '--layout') {
      const v = value(i++, a)
      if (v !== 'long' && v !== 'wide')
        throw new UsageError('--layout must be long (one row per record) or wide (periods across)')
      args.layout = v
    } else if (a === '--month-lines') args.monthLines = true
    else if (a === '--year') {
      const v = Number(value(i++, a))
      if (!Number.isInteger(v) || v < 1990 || v > 2100)
        throw new UsageError('--year must be a year like 2026')
      args.year = v
    } else if (a === '--workstream') args.workstream = value(i++, a)
    else if (a === '--timeout') {
      const v = Number(value(i++, a))
      if (!(v > 0)) throw new UsageError('--timeout must be a number of seconds')
      args.timeoutMs = v * 1000
    } else if (!a.startsWith('-') && args.file === undefined) args.file = a
    else args.rest.push(a)
  }
  return args
}

export type InspectOutcome = {
  summary: WorkbookSummary
  read: ReadSheetResult
  /** The plan inside, when the file is one of the app's own allocation workbooks. */
  exported?: PlanData
}

/** Opens the file and reads one sheet with the wizard's defaults, overridden by the options. */
export async function inspectFile(args: ImportArgs): Promise<InspectOutcome> {
  const { session, summary } = await openImport(resolve(args.file!), {
    limits: args.timeoutMs ? { timeoutMs: args.timeoutMs } : undefined,
    encoding: args.encoding
  })
  try {
    let sheet = summary.bestSheet
    if (args.sheet !== undefined) {
      const byName = summary.sheets.find((s) => s.name === args.sheet)
      const byNumber = /^\d+$/.test(args.sheet) ? summary.sheets[Number(args.sheet) - 1] : undefined
      const found = byName ?? byNumber
      if (!found)
        throw new UsageError(
          `no sheet "${args.sheet}" (sheets: ${summary.sheets.map((s) => s.name).join(', ')})`
        )
      sheet = found.index
    }
    const first = await session.read({ sheet, headerRow: args.headerRow })
    const kind = args.kind ?? first.mapping.kind
    if (args.scale !== undefined && kind !== 'budget')
      throw new UsageError(
        '--scale applies to amounts: the sheet is read as allocations (shares), not budget lines'
      )
    const columns =
      kind === first.mapping.kind
        ? { ...first.mapping.columns }
        : columnsForKind(first.suggestion, first.headers, kind, args.layout)
    for (const [field, col] of Object.entries(args.map)) {
      if (col === null) delete columns[field as ImportField]
      else columns[field as ImportField] = col
    }
    // The unit the sheet names for the amount column read (--map amount=… or --kind budget may
    // pick another than the first read did), unless --scale says otherwise.
    const scale =
      args.scale ??
      (kind === 'budget'
        ? scaleForAmountColumn(first.suggestion, first.headers, columns.amount)?.scale
        : undefined)
    const mapping: ColumnMapping = {
      kind,
      columns,
      numberStyle: args.style ?? 'auto',
      shareScale: args.shareScale ?? 'auto',
      defaultCurrency: args.currency ?? first.mapping.defaultCurrency,
      ...(scale && scale !== 1 ? { amountScale: scale } : {}),
      ...(args.layout ? { layout: args.layout } : {}),
      ...(args.monthLines ? { monthLines: true } : {}),
      ...(args.year ? { year: args.year } : {}),
      ...(args.workstream ? { defaultWorkstream: args.workstream } : {})
    }
    const changed = JSON.stringify(mapping) !== JSON.stringify(first.mapping)
    const read = changed ? await session.read({ sheet, headerRow: first.headerRow, mapping }) : first
    // Read only after the import's own checks passed (sizes, zip ratios) on this very file.
    const exported = summary.sheets.some((s) => s.name === HIDDEN_SHEET)
      ? readAllocationWorkbook(await readFile(resolve(args.file!))).stored
      : undefined
    return { summary, read, ...(exported ? { exported } : {}) }
  } finally {
    await session.close()
  }
}

/** The inspect report as plain JSON (also what --json prints). */
export function inspectReport(file: string, { summary, read, exported }: InspectOutcome) {
  const issues = read.result.rows.flatMap((r) => r.issues)
  return {
    file,
    /** Settings, assumptions and team of the plan an app export carries; null for other files. */
    plan: exported ? planSummary(exported) : null,
    format: summary.format,
    encoding: summary.encoding,
    sheets: summary.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden,
      rows: s.rowCount,
      columns: s.colCount,
      headerRow: s.headerRow || null,
      suggestedKind: s.suggestion.kind,
      truncated: s.truncated
    })),
    sheet: read.result.sheet,
    headerRow: read.headerRow,
    headers: read.headers,
    fingerprint: read.fingerprint,
    kind: read.mapping.kind,
    mapping: Object.fromEntries(
      Object.entries(read.mapping.columns).map(([field, col]) => [
        field,
        { column: columnLetter(col!), header: read.headers[col!] ?? '' }
      ])
    ),
    numberStyle: read.result.numberStyle,
    /** 1000 or 1000000 where amounts are written in thousands or millions ("TEUR", "Mio. €"). */
    amountScale: read.result.amountScale ?? 1,
    /** Where the sheet names its unit (header, periods or a line above the table), whether applied or not. */
    amountScaleFound: foundScale(read),
    shareScale: read.result.shareScale,
    defaultCurrency: read.mapping.defaultCurrency,
    rowsRead: read.result.counts.good + read.result.counts.bad,
    /** A required field without a column that the plan fills in when importing (see import). */
    fromPlan: fromPlanField(read.mapping),
    wide: read.result.wide ?? null,
    counts: read.result.counts,
    totalRows: read.result.totalRows,
    warnings: summary.warnings,
    errors: issues.map((i) => ({ ...i, text: describeIssue(i) })),
    /** Cells imported changed: text shortened to the limits. */
    cellWarnings: read.result.rows.flatMap((r) =>
      r.ok ? (r.warnings ?? []).map((i) => ({ ...i, text: describeIssue(i) })) : []
    )
  }
}

/** The unit the sheet names for the amounts read; for allocations, what it names at all. */
export function foundScale(
  read: Pick<ReadSheetResult, 'suggestion' | 'headers' | 'mapping'>
): ScaleFound | null {
  return read.mapping.kind === 'budget'
    ? scaleFoundFor(read.suggestion, read.headers, read.mapping)
    : read.suggestion.scale
}

/** The field the plan supplies: a budget's phase or an allocation's workstream when no column holds it. */
export function fromPlanField(mapping: ColumnMapping): 'phase' | 'workstream' | null {
  if (mapping.kind === 'budget') return mapping.columns.phase === undefined ? 'phase' : null
  return mapping.columns.workstream === undefined ? 'workstream' : null
}

/**
 * What the command line says about the unit of amounts: the scale applied and where it came from,
 * or that a unit the sheet names was overridden with --scale. Null when there is nothing to say.
 */
export function amountScaleLine(
  applied: AmountScale | undefined,
  found: ScaleFound | null,
  option: 1 | AmountScale | undefined,
  /** How the sheet writes its numbers, for the note's example. */
  style: NumberStyle | null
): string | null {
  if (applied)
    return scaleNote(applied, option !== undefined && found?.scale !== applied ? 'option' : found, style)
  if (found && option === 1)
    return `Amounts are read as written (--scale 1), although the sheet names ${found.scale === 1000 ? 'thousands' : 'millions'} (${scaleSource(found).replace(/^from /, 'in ')})`
  return null
}

export function failureLine(command: string, err: unknown): { line: string; code: number } {
  if (err instanceof UsageError) return { line: `quartermaster ${command}: ${err.message}`, code: 2 }
  if (err instanceof ImportError)
    return { line: `quartermaster ${command}: ${err.reason}: ${err.message}`, code: 3 }
  return { line: `quartermaster ${command}: ${err instanceof Error ? err.message : String(err)}`, code: 1 }
}

const INSPECT_USAGE = `quartermaster inspect FILE [--json] ${IMPORT_OPTIONS_HELP}`

export async function runInspect(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: ${INSPECT_USAGE}`)
    return 0
  }
  try {
    const args = parseImportArgs(argv)
    if (!args.file) throw new UsageError(`give a FILE (usage: ${INSPECT_USAGE})`)
    if (args.rest.length) throw new UsageError(`unknown option ${args.rest[0]}`)
    const outcome = await inspectFile(args)
    const report = inspectReport(args.file, outcome)
    if (args.json) {
      console.log(JSON.stringify(report, null, 2))
      return 0
    }
    console.log(`${report.file} (${report.format}${report.encoding ? `, ${report.encoding}` : ''})`)
    if (outcome.exported) {
      console.log('An allocation workbook exported by Quartermaster:')
      for (const l of planSummaryLines(outcome.exported)) console.log(`  ${l}`)
    }
    for (const s of report.sheets) {
      const mark = s.name === report.sheet ? '*' : ' '
      console.log(
        ` ${mark} ${s.name}: ${s.rows} rows × ${s.columns} columns, header row ${s.headerRow ?? '-'}${s.hidden ? ' (hidden)' : ''}`
      )
    }
    console.log(`Sheet "${report.sheet}", header row ${report.headerRow}, import as ${report.kind}`)
    for (const [field, m] of Object.entries(report.mapping))
      console.log(`  ${field.padEnd(10)} ← ${m.column} "${m.header}"`)
    console.log(
      `Rows read: ${report.rowsRead} (${report.counts.good} good, ${report.counts.bad} with errors, ${report.counts.totals} total rows skipped)`
    )
    const note = amountScaleLine(
      outcome.read.result.amountScale,
      foundScale(outcome.read),
      args.scale,
      outcome.read.result.numberStyle
    )
    if (note) console.log(note)
    if (report.fromPlan === 'phase')
      console.log('No phase column: each line takes the phase of the plan whose quarters hold its quarter')
    if (report.fromPlan === 'workstream')
      console.log(
        args.workstream
          ? `No workstream column: each allocation goes to workstream ${args.workstream}`
          : "No workstream column: each allocation goes to the workstream the role works on in that quarter in the plan, else the first workstream of the quarter's phase (or --workstream KEY)"
      )
    if (report.wide)
      console.log(
        `Periods across: ${report.wide.columns.length} ${report.wide.periods === 'month' ? 'months' : 'quarters'} (${report.wide.columns[0]}..${report.wide.columns.at(-1)})${report.wide.totalColumn ? `, year total in ${report.wide.totalColumn}` : ''}`
      )
    for (const m of report.wide?.mismatches ?? [])
      console.log(
        `Warning: row ${m.row}: the year total ${m.totalCents / 100} differs from the sum ${m.sumCents / 100}`
      )
    for (const w of report.warnings) console.log(`Warning: ${w}`)
    for (const e of report.errors) console.log(`  ${e.text}`)
    return 0
  } catch (err) {
    const f = failureLine('inspect', err)
    console.error(f.line)
    return f.code
  }
}
