// The files main may read because the user chose them: in an open dialog, by dropping them on the
// window (the preload reports the dropped File's path, which page script cannot forge), in the
// recent-files menu, or on the command line. A path the renderer names that is not here is refused.
import { isAbsolute, normalize, resolve } from 'node:path'

export type FileGrants = {
  grant: (path: string) => void
  has: (path: string) => boolean
}

/** Paths remembered at once; the oldest grant goes first (a session opens a handful of files). */
const MAX_GRANTS = 256

const keyOf = (path: string) => {
  const full = normalize(path)
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full
}

export function createFileGrants(): FileGrants {
  const granted = new Set<string>()
  return {
    grant(path) {
      if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0')) return
      const key = keyOf(path)
      granted.delete(key)
      granted.add(key)
      if (granted.size > MAX_GRANTS) granted.delete(granted.values().next().value as string)
    },
    has: (path) => typeof path === 'string' && isAbsolute(path) && granted.has(keyOf(path))
  }
}

/** The sentence a refused path gets. */
export function notChosenMessage(path: string): string {
  return `This file was not chosen in this session (open it with File > Open, by dropping it on the window or from the recent files): ${path}`
}

/** Spreadsheets named on a command line (`quartermaster budget.xlsx`), as absolute paths. */
export function spreadsheetsInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((a) => !a.startsWith('-') && /\.(xlsx|xlsm|xls|ods|csv|tsv)$/i.test(a))
    .map((a) => resolve(cwd, a))
}
