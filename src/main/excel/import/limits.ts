// Bounds every import runs under, so a hostile file ends in a message instead of a hang.
// The values come from the one set of limits in src/shared/limits.ts.
import { LIMITS } from '../../../shared/limits'

export type ImportLimits = {
  /** Largest file read at all. */
  maxFileBytes: number
  /** Largest total uncompressed size a zip-based file may declare. */
  maxUncompressedBytes: number
  /** Largest ratio of uncompressed to compressed size for an entry above ratioFloorBytes. */
  maxCompressionRatio: number
  ratioFloorBytes: number
  /** Rows read per sheet; more are cut off with a warning. */
  maxRows: number
  /** Columns read per row. */
  maxCols: number
  /** Time one worker request may take before the worker is stopped. */
  timeoutMs: number
  /** Old-generation heap of the worker (resourceLimits.maxOldGenerationSizeMb). */
  maxOldGenerationSizeMb: number
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: LIMITS.spreadsheet.fileBytes,
  maxUncompressedBytes: LIMITS.spreadsheet.unpackedBytes,
  maxCompressionRatio: LIMITS.spreadsheet.compressionRatio,
  ratioFloorBytes: LIMITS.spreadsheet.ratioFloorBytes,
  maxRows: LIMITS.rowsPerTable,
  maxCols: LIMITS.spreadsheet.cols,
  timeoutMs: LIMITS.parse.timeoutMs,
  maxOldGenerationSizeMb: LIMITS.parse.heapMb
}

export function withLimits(partial?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...partial }
}
