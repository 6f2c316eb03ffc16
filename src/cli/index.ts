// `quartermaster` command line: the app's own import and export code, without a window.
// Each command prints its result; on failure it exits non-zero with one line saying why.

export type CommandResult = number

const USAGE = `Usage:
  quartermaster inspect FILE [--json]          sheets, header row, suggested mapping, rows read, errors
  quartermaster import FILE --out PLAN.json    import a finance sheet into a plan file the app can open
  quartermaster export PLAN.json --out FILE.xlsx
  quartermaster export --builtin --out FILE.xlsx
  quartermaster actuals FILE (--builtin | --plan PLAN.json) --out PLAN.json
                                               add a bookings export's actual costs to a plan file
  quartermaster report PLAN.json [--json]      plan, actual, variance and forecast per phase and quarter (EUR)

Options of inspect, import and actuals (each lists all of its own with --help):
  --scale 1|1000|1000000                       amounts as written, in thousands or in millions (also
          units|thousands|millions             units, thousands, millions), whatever the sheet names
                                               ("TEUR", "Tsd. CHF", "Mio. €"); without it, the unit the
                                               sheet names is applied and printed`

export async function main(argv: string[]): Promise<CommandResult> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'inspect':
        return await (await import('./commands/inspect')).runInspect(rest)
      case 'import':
        return await (await import('./commands/import')).runImport(rest)
      case 'export':
        return await (await import('./commands/export')).runExport(rest)
      case 'actuals':
        return await (await import('./commands/actuals')).runActuals(rest)
      case 'report':
        return await (await import('./commands/report')).runReport(rest)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.log(USAGE)
        return command ? 0 : 2
      default:
        console.error(`quartermaster: unknown command "${command}". Try "quartermaster --help".`)
        return 2
    }
  } catch (err) {
    console.error(`quartermaster: ${err instanceof Error ? err.message : String(err)}`)
    return 1
  }
}
