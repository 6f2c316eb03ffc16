// The one set of limits every path into and out of a plan obeys: import, editing, plan files,
// backups and export. A value inside these limits can be committed, backed up, restored,
// exported and re-imported without loss; import shortens text to them, editing refuses past them,
// and the schemas that check files and IPC payloads are built from them.

const MB = 1024 * 1024

/** Longest text, in UTF-16 code units (String.length), per kind of field. */
export const TEXT_MAX = {
  /** Names and titles: plan, phase, workstream, role, category, budget line, risk, deliverable. */
  name: 500,
  /**
   * Free text: notes, scope, mission, risk impact, mitigations, dependencies. Below Excel's
   * 32,767 characters per cell, so an export shows every character in its visible sheets.
   */
  long: 32_000
} as const
export type TextKind = keyof typeof TEXT_MAX

/** Which kind of text each stored field is; editors and the import read their maximum here. */
export const TEXT_FIELDS = {
  plans: { name: 'name', mission: 'long', notes: 'long', driverTitle: 'name', driverText: 'long' },
  phases: {
    name: 'name',
    priorityLabel: 'name',
    timeline: 'name',
    businessImpact: 'long',
    metricText: 'long',
    metricTarget: 'name'
  },
  workstreams: {
    key: 'name',
    title: 'name',
    scope: 'long',
    businessValue: 'long',
    criterionText: 'long',
    externalDependencies: 'long'
  },
  roles: { name: 'name' },
  allocations: { note: 'long' },
  budgetLines: { category: 'name', title: 'name' },
  risks: { title: 'name', impactText: 'long', mitigation: 'long' },
  dependencies: { text: 'long' },
  deliverables: { title: 'name' }
} as const satisfies Record<string, Record<string, TextKind>>

/** Longest text of one field, e.g. textMax('budgetLines', 'title') = 500. */
export function textMax<T extends keyof typeof TEXT_FIELDS>(
  table: T,
  field: keyof (typeof TEXT_FIELDS)[T]
): number {
  return TEXT_MAX[TEXT_FIELDS[table][field] as TextKind]
}

/** Shortens text to `max` code units without splitting a surrogate pair. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return text.slice(0, end)
}

export const LIMITS = {
  /** Rows per table of one plan (budget lines, allocations, ...); the import reads as many rows per sheet. */
  rowsPerTable: 500_000,
  /** Items in one list inside an entity (mitigations, metrics, criteria, drivers, dependsOn). */
  listItems: 1_000,
  /** Quarters one plan spans (100 years). */
  quarters: 400,
  /** Money in integer cents, per value: 0 .. 10 billion (in EUR or CHF). */
  amountCents: { min: 0, max: 1e12 },
  /** A share or capacity in basis points: 0 .. 10 FTE. */
  shareBp: { min: 0, max: 100_000 },
  /** Soft cap of utilization in basis points (the schema has always allowed up to 10,000 %). */
  softCapBp: { min: 0, max: 1_000_000 },
  /** CHF to EUR rate. */
  chfToEur: { min: 0.0001, max: 10_000 },

  /** Spreadsheets the import and re-import read. */
  spreadsheet: {
    /** Largest file read at all. */
    fileBytes: 200 * MB,
    /** Largest total a zip-based file may unpack to, declared or actual. */
    unpackedBytes: 1024 * MB,
    /** The compression ratio rule applies only to entries that unpack to more than this. */
    ratioFloorBytes: 100 * MB,
    /** Largest unpacked-to-packed ratio of such an entry. */
    compressionRatio: 200,
    /** Columns read per row. */
    cols: 512
  },
  /** Backups: the file, and what its gzip may unpack to (checked while streaming). */
  backup: {
    fileBytes: 512 * MB,
    /** A backup's data is one JSON text, and V8's strings end near 512 M characters. */
    unpackedBytes: 512 * MB
  },
  /** Plan files read by the command line. */
  planFileBytes: 512 * MB,
  /** One parse in the worker: time before it is stopped, and its old-generation heap. */
  parse: { timeoutMs: 30_000, heapMb: 1024 }
} as const
