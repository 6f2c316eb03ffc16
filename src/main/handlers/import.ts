// Handlers of the import wizard: open (dialog or path) → checks → worker parse → summary;
// read a sheet with a header row and mapping; match its rows to a plan; page through the preview
// and the changes; cancel; close; save the error report. The rows stay in the session's worker.
import { randomUUID } from 'node:crypto'
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import { SUPPORTED_EXTENSIONS } from '../../shared/import/workbook'
import { ImportError, ImportStateError } from '../excel/import/errors'
import type { ImportLimits } from '../excel/import/limits'
import { openImport } from '../excel/import/service'
import { prewarmParseWorker, type ParseSession } from '../excel/import/session'
import type { WarmWorker } from '../excel/import/warm-worker'
import { writeFileAtomic } from '../files/atomic-write'
import { notChosenMessage } from '../files/grants'

export type ImportHandlerOptions = {
  limits?: Partial<ImportLimits>
  workerPath?: string | URL
  /** The automatic backups' worker, started with the wizard: committing an import begins with a backup. */
  backupWorker?: WarmWorker
}

/** Sessions kept open at once; opening another closes the oldest (the wizard shows one file). */
const MAX_SESSIONS = 2

function toHandlerError(err: unknown): HandlerError {
  if (err instanceof HandlerError) return err
  if (err instanceof ImportStateError) return new HandlerError('refused', err.message)
  if (err instanceof ImportError) {
    const code =
      err.reason === 'cancelled'
        ? 'cancelled'
        : err.reason === 'unreadable'
          ? 'not-found'
          : err.reason === 'timeout' || err.reason === 'out-of-memory' || err.reason === 'crashed'
            ? 'failed'
            : 'refused'
    return new HandlerError(code, err.message, { reason: err.reason })
  }
  return new HandlerError('failed', err instanceof Error ? err.message : String(err))
}

export function importHandlers(
  deps: MainDeps,
  options: ImportHandlerOptions = {}
): Pick<
  Handlers,
  | 'import:prepare'
  | 'import:open'
  | 'import:read-sheet'
  | 'import:read-bookings'
  | 'import:plan'
  | 'import:preview'
  | 'import:changes'
  | 'import:cancel'
  | 'import:close'
  | 'import:save-error-report'
> {
  // The built app's bundled worker; tests, the CLI and the e2e harness use the TypeScript one.
  options = { ...options, workerPath: options.workerPath ?? deps.parseWorkerPath }
  const sessions = new Map<string, ParseSession>()
  /** Running tasks by the renderer's taskId; null while the file is still being checked. */
  const tasks = new Map<string, ParseSession | null>()
  const cancelled = new Set<string>()

  const closeSession = async (id: string) => {
    const s = sessions.get(id)
    sessions.delete(id)
    if (s) await s.close()
    return Boolean(s)
  }

  /** Runs one request on an open session; a stopped worker has lost the rows, so the session ends. */
  const withSession = async <T>(
    sessionId: string,
    taskId: string | undefined,
    run: (s: ParseSession) => Promise<T>
  ): Promise<T> => {
    const session = sessions.get(sessionId)
    if (!session) throw new HandlerError('not-found', 'This import is no longer open; open the file again.')
    if (taskId) tasks.set(taskId, session)
    try {
      return await run(session)
    } catch (err) {
      if (
        err instanceof ImportError &&
        ['cancelled', 'timeout', 'out-of-memory', 'crashed'].includes(err.reason)
      ) {
        sessions.delete(sessionId)
      }
      throw toHandlerError(err)
    } finally {
      if (taskId) tasks.delete(taskId)
    }
  }

  return {
    'import:prepare': () => {
      prewarmParseWorker(options)
      options.backupWorker?.prewarm()
      return { ready: true }
    },
    'import:open': async ({ taskId, path, encoding }, ctx) => {
      if (path !== undefined && !deps.grants.has(path))
        throw new HandlerError('refused', notChosenMessage(path))
      const chosen =
        path ??
        (await deps.dialogs.showOpen({
          title: 'Import spreadsheet',
          filters: [{ name: 'Spreadsheets', extensions: [...SUPPORTED_EXTENSIONS] }],
          defaultPath: deps.lastFolder() ?? undefined
        }))
      if (!chosen) return null
      deps.grants.grant(chosen)
      tasks.set(taskId, null)
      cancelled.delete(taskId)
      try {
        const opened = await openImport(chosen, {
          ...options,
          encoding,
          onProgress: (p) => ctx.emit('progress', { taskId, ...p }),
          onSession: (s) => {
            tasks.set(taskId, s)
            if (cancelled.has(taskId)) void s.cancel()
          }
        })
        if (cancelled.has(taskId)) {
          await opened.session.close()
          throw new ImportError('cancelled', 'The import was cancelled.')
        }
        while (sessions.size >= MAX_SESSIONS) await closeSession(sessions.keys().next().value as string)
        const sessionId = randomUUID()
        sessions.set(sessionId, opened.session)
        ctx.emit('progress', { taskId, stage: 'done', done: 1, total: 1 })
        return { sessionId, path: chosen, summary: opened.summary }
      } catch (err) {
        throw toHandlerError(err)
      } finally {
        tasks.delete(taskId)
        cancelled.delete(taskId)
      }
    },
    'import:read-sheet': ({ sessionId, taskId, ...req }) =>
      withSession(sessionId, taskId, (s) => s.readOverview(req)),
    'import:read-bookings': ({ sessionId, ...req }) =>
      withSession(sessionId, undefined, (s) => s.bookings(req)),
    'import:plan': ({ sessionId, target }) => withSession(sessionId, undefined, (s) => s.plan(target)),
    'import:preview': ({ sessionId, offset, limit, onlyProblems }) =>
      withSession(sessionId, undefined, (s) => s.preview({ offset, limit, onlyProblems })),
    'import:changes': ({ sessionId, version, offset, limit }) =>
      withSession(sessionId, undefined, (s) => s.changes({ version, offset, limit })),
    'import:cancel': async ({ taskId }) => {
      if (!tasks.has(taskId)) return { cancelled: false }
      cancelled.add(taskId)
      const s = tasks.get(taskId)
      if (s) await s.cancel()
      return { cancelled: true }
    },
    'import:close': async ({ sessionId }) => ({ closed: await closeSession(sessionId) }),
    'import:save-error-report': async ({ sessionId, sourceName }) => {
      if (!sessions.has(sessionId))
        throw new HandlerError('not-found', 'This import is no longer open; open the file again.')
      const base = sourceName.replace(/\.[^.]+$/, '') || 'import'
      const target = await deps.dialogs.showSave({
        title: 'Save error report',
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
        defaultPath: `${base} - skipped rows.xlsx`
      })
      if (!target) return null
      const path = /\.xlsx$/i.test(target) ? target : `${target}.xlsx`
      const report = await withSession(sessionId, undefined, (s) => s.errorReport(sourceName))
      try {
        await writeFileAtomic(path, report.data)
      } catch (err) {
        throw new HandlerError('failed', `The error report could not be saved: ${(err as Error).message}`)
      }
      return { path }
    }
  }
}
