// Checks on file paths before main reads or writes them. Paths come from native dialogs, the
// command line, or (in tests and the e2e harness) from fakes, so main checks them all the same:
// absolute, the expected extension, no NUL bytes, never inside the app's own installation.
import { basename, isAbsolute, normalize, relative, resolve, sep } from 'node:path'

export type PathCheck = { ok: true; path: string } | { ok: false; reason: string }

export function checkFilePath(
  path: string,
  options: { extensions: readonly string[]; forbiddenDirs?: readonly string[] }
): PathCheck {
  if (typeof path !== 'string' || path.length === 0) return { ok: false, reason: 'No file name was given.' }
  if (path.includes('\0')) return { ok: false, reason: 'The file name contains a NUL character.' }
  if (!isAbsolute(path)) return { ok: false, reason: `The path must be absolute: ${path}` }
  const full = normalize(path)
  const lower = full.toLowerCase()
  const ext = options.extensions.find((e) => lower.endsWith(`.${e.toLowerCase()}`))
  if (!ext) {
    const list = options.extensions.map((e) => `.${e}`).join(', ')
    return { ok: false, reason: `The file must end in ${list}: ${full}` }
  }
  if (basename(full).length === ext.length + 1 || full.endsWith(sep))
    return { ok: false, reason: `Not a file name: ${full}` }
  for (const dir of options.forbiddenDirs ?? []) {
    if (!dir) continue
    if (isInside(full, dir))
      return { ok: false, reason: `Files cannot be written into the app's own folder: ${full}` }
  }
  return { ok: true, path: full }
}

/** True when `path` is `dir` or below it (case-insensitive on Windows and macOS). */
export function isInside(path: string, dir: string): boolean {
  const caseless = process.platform === 'win32' || process.platform === 'darwin'
  const a = resolve(path)
  const b = resolve(dir)
  const rel = relative(caseless ? b.toLowerCase() : b, caseless ? a.toLowerCase() : a)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Adds the extension when a save dialog returned a name without it (Linux dialogs do). */
export function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? path : `${path}.${ext}`
}

/** A file name from a plan name: no characters any OS forbids, not too long. */
export function safeFileStem(name: string): string {
  const cleaned = [...name]
    // Control characters (below U+0020) are not allowed in file names either.
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch))
    .join('')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim()
  return cleaned || 'Plan'
}

/** The folders an export must never be written into: where the app itself is installed. */
export function appInstallDirs(): string[] {
  const dirs: string[] = []
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources) dirs.push(resources)
  // Electron's own binary sits in the install folder; under plain Node (tests, CLI) this is Node's folder.
  if ((process.versions as { electron?: string }).electron) dirs.push(resolve(process.execPath, '..'))
  return dirs
}
