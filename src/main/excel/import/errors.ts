import type { ImportFailure } from '../../../shared/import/workbook'

/** An import that ended on purpose with a reason the user can act on. */
export class ImportError extends Error {
  constructor(
    public readonly reason: ImportFailure,
    message: string
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

/**
 * A session asked for something whose input it does not have (a preview before the rows were
 * matched to a plan). The worker and its workbook are fine; the caller reads or plans again.
 */
export class ImportStateError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportStateError'
  }
}

/** The user-facing sentence for each reason, when no more specific one is known. */
export const FAILURE_MESSAGES: Record<ImportFailure, string> = {
  'unsupported-type': 'This file type cannot be imported. Use xlsx, xlsm, xls, ods, csv, tsv or txt.',
  unreadable: 'The file could not be read.',
  empty: 'The file holds no data.',
  'too-large': 'The file is too large to import.',
  encrypted: 'The file is password-protected. Save it without a password and import it again.',
  'not-tabular': 'The file is not a spreadsheet: no table with rows and columns was found in it.',
  'no-header': 'No row of this sheet looks like column titles; choose the header row.',
  corrupt: 'The file is damaged or not in the format its name says.',
  timeout: 'Reading the file took too long and was stopped.',
  'out-of-memory': 'Reading the file needed too much memory and was stopped.',
  cancelled: 'The import was cancelled.',
  crashed: 'The spreadsheet reader stopped unexpectedly.'
}

/** A re-import or restore whose file is not what it reads: `code` is the reader's (ExportReadError, BackupError). */
export class FileRefusedError extends Error {
  constructor(
    public readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'FileRefusedError'
  }
}
