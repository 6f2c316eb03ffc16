// Handlers of the scenarios feature: the comparison export (SheetJS stays in main).
import { join } from 'node:path'
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import { comparisonSheets } from '../../shared/scenarios/compare-sheet'
import { buildComparisonWorkbook, writeWorkbookAtomic } from '../excel/compare-export'

/** A file name without folders or characters Windows refuses, ending in .xlsx. */
export function safeFileName(name: string): string {
  const cleaned = name
    // Control characters are exactly what must go from a file name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  const base = (cleaned || 'comparison').replace(/\.xlsx$/i, '').slice(0, 150)
  return `${base}.xlsx`
}

/** "7 Dec 2026, 08:40" / "07.12.2026, 08:40" in the machine's time zone, as the app shows times (not a UTC stamp). */
export function localDateTime(at: Date, language: 'en' | 'de', timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone
  }).format(at)
}

export function scenariosHandlers(deps: MainDeps): Pick<Handlers, 'scenarios:export-comparison'> {
  return {
    'scenarios:export-comparison': async ({ report, language, fileName, title }) => {
      const folder = deps.lastFolder() ?? deps.userDataDir
      const path = await deps.dialogs.showSave({
        title,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        defaultPath: join(folder, safeFileName(fileName))
      })
      if (!path) return null
      const target = /\.xlsx$/i.test(path) ? path : `${path}.xlsx`
      const data = buildComparisonWorkbook(
        comparisonSheets(report, language, localDateTime(new Date(), language))
      )
      try {
        await writeWorkbookAtomic(target, data)
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        const why =
          code === 'EACCES' || code === 'EPERM'
            ? 'you may not write to that folder'
            : code === 'ENOSPC'
              ? 'the disk is full'
              : code === 'ENOENT'
                ? 'the folder does not exist'
                : code === 'EBUSY'
                  ? 'the file is open in another program'
                  : (err as Error).message
        throw new HandlerError(
          'failed',
          `The comparison could not be saved to ${target}: ${why}. Nothing was written.`
        )
      }
      return { path: target }
    }
  }
}
