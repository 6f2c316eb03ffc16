// Bounds every import runs under, so a hostile file ends in a message instead of a hang.

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
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioFloorBytes: 10 * 1024 * 1024,
  maxRows: 500_000,
  maxCols: 512,
  timeoutMs: 30_000,
  maxOldGenerationSizeMb: 1024
}

export function withLimits(partial?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...partial }
}
