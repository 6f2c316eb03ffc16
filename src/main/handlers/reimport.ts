// Handler of re-import: an exported allocation workbook the user chose is checked here (path, size,
// the zip's declared sizes) and read in the parse worker (actual unpacked size, time and heap
// limits), which compares it with the current plan. Main's event loop never runs SheetJS.
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import type { ReimportResult } from '../../shared/ipc/channels/export'
import { LIMITS } from '../../shared/limits'
import { checkBytes } from '../excel/import/file-checks'
import { FileRefusedError, ImportError } from '../excel/import/errors'
import { withLimits, type ImportLimits } from '../excel/import/limits'
import { startParseWorker } from '../excel/import/session'
import { notChosenMessage } from '../files/grants'
import { fileIo, TEXT, type FileHandlerOptions } from './file-io'

export type ReimportHandlerOptions = FileHandlerOptions & {
  limits?: Partial<ImportLimits>
  workerPath?: string | URL
}

/** A refusal from the worker as the renderer gets it: 'refused' for the file, 'failed' for the limits hit. */
export function workerFailure(err: unknown): unknown {
  if (err instanceof FileRefusedError) return new HandlerError('refused', err.message, { reason: err.code })
  if (err instanceof ImportError) {
    const code = err.reason === 'cancelled' ? 'cancelled' : err.reason === 'crashed' ? 'failed' : 'refused'
    return new HandlerError(code, err.message, { reason: err.reason })
  }
  return err
}

export function reimportHandlers(
  deps: MainDeps,
  options: ReimportHandlerOptions = {}
): Pick<Handlers, 'export:reimport'> {
  const { progress, readChecked } = fileIo(deps, options)
  const limits = withLimits(options.limits)
  const workerPath = options.workerPath ?? deps.parseWorkerPath
  return {
    'export:reimport': async ({ plan, path, language, taskId }, ctx) => {
      const t = TEXT[language]
      if (path !== undefined && !deps.grants.has(path))
        throw new HandlerError('refused', notChosenMessage(path))
      const chosen =
        path ??
        (await deps.dialogs.showOpen({
          title: t.reimportTitle,
          filters: [{ name: t.excel, extensions: ['xlsx'] }]
        }))
      if (chosen === null) return null
      deps.grants.grant(chosen)
      progress(ctx, taskId, 'read', 0, 2)
      const file = await readChecked(
        chosen,
        ['xlsx'],
        Math.min(limits.maxFileBytes, LIMITS.spreadsheet.fileBytes)
      )
      const session = startParseWorker({ limits, workerPath })
      let read: Omit<ReimportResult, 'path'>
      try {
        checkBytes(file.bytes, 'xlsx', limits)
        progress(ctx, taskId, 'compare', 1, 2)
        read = await session.reimport(file.bytes, plan)
      } catch (err) {
        throw workerFailure(err)
      } finally {
        await session.close()
      }
      deps.noteRecentFile(file.path)
      progress(ctx, taskId, 'done', 2, 2)
      return { path: file.path, ...read }
    }
  }
}
