// The import as one call: file checks, then parsing in a worker. The IPC handler, the CLI,
// the corpus script and the benchmark run exactly this.
import type { ReadSheetResult, TextEncoding, WorkbookSummary } from '../../../shared/import/workbook'
import { checkFile, extensionOf } from './file-checks'
import { withLimits, type ImportLimits } from './limits'
import { startParseWorker, type ParseSession, type ProgressListener } from './session'

export type OpenedImport = { session: ParseSession; summary: WorkbookSummary }

export type OpenImportOptions = {
  limits?: Partial<ImportLimits>
  workerPath?: string | URL
  onProgress?: ProgressListener
  /** Called as soon as the worker exists, so a caller can cancel while it parses. */
  onSession?: (session: ParseSession) => void
  /** For text files: read in this encoding instead of the detected one. */
  encoding?: TextEncoding
}

/** Checks and opens a file; the session stays open for reading sheets until closed. */
export async function openImport(path: string, options: OpenImportOptions = {}): Promise<OpenedImport> {
  const limits = withLimits(options.limits)
  options.onProgress?.({ stage: 'checking', done: 0, total: 1 })
  // A name the import does not read is refused before any thread starts.
  extensionOf(path)
  // The worker starts (and loads SheetJS) while this thread reads and checks the file.
  const session = startParseWorker({ limits, workerPath: options.workerPath, onProgress: options.onProgress })
  options.onSession?.(session)
  try {
    const file = await checkFile(path, limits)
    const summary = await session.open(file.data, file.ext, file.fileName, options.encoding)
    return { session, summary }
  } catch (err) {
    await session.close()
    throw err
  }
}

/** Opens a file and reads its best sheet with the suggested mapping, then closes the worker. */
export async function importFile(
  path: string,
  options: OpenImportOptions = {}
): Promise<{ summary: WorkbookSummary; sheet: ReadSheetResult }> {
  const { session, summary } = await openImport(path, options)
  try {
    const sheet = await session.read({ sheet: summary.bestSheet })
    return { summary, sheet }
  } finally {
    await session.close()
  }
}
