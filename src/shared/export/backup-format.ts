// The backup file: every plan and scenario, the change history, remembered import mappings and
// settings, in one gzip file. Inside: a one-line JSON header (format, schema version, checksum
// of the payload bytes), a newline, then the payload JSON. The checksum is over the exact
// payload bytes, so any truncation or bit flip is caught before anything is parsed or restored.
// Pure (fflate for gzip); the SHA-256 function is passed in by main.
import { Gunzip, gzipSync, strFromU8, strToU8 } from 'fflate'
import { z } from 'zod'
import type { HistoryEntry, PlanData } from '../planning/types'
import { historyEntrySchema, planDataSchema, planReferenceProblems } from './plan-schema'
import { LIMITS } from '../limits'

export const BACKUP_FORMAT = 'quartermaster-backup'
/** Version of the payload's shape. Raise it with a migration in BACKUP_MIGRATIONS, never edit an old one. */
export const BACKUP_SCHEMA_VERSION = 1
export const BACKUP_EXTENSION = 'qmbackup'

export type BackupMapping = {
  id: string
  target: 'budgetLines' | 'allocations'
  mapping: Record<string, string | null>
  options: Record<string, unknown>
  usedAt: string
}
export type BackupSetting = { key: string; value: unknown }

export type BackupPayload = {
  /** Every plan, scenario (baseId set) and archived plan, each with all its entities. */
  plans: PlanData[]
  history: HistoryEntry[]
  mappings: BackupMapping[]
  settings: BackupSetting[]
}

export type BackupHeader = {
  format: typeof BACKUP_FORMAT
  schemaVersion: number
  createdAt: string
  appVersion: string
  /** "sha256:" + hex digest of the payload bytes. */
  checksum: string
  payloadBytes: number
  counts: { plans: number; history: number; mappings: number }
}

export const backupMappingSchema = z.looseObject({
  id: z.string().min(1),
  target: z.enum(['budgetLines', 'allocations']),
  mapping: z.record(z.string(), z.string().nullable()),
  options: z.record(z.string(), z.unknown()),
  usedAt: z.string()
}) as unknown as z.ZodType<BackupMapping>

export const backupPayloadSchema = z.object({
  plans: z.array(planDataSchema),
  history: z.array(historyEntrySchema),
  mappings: z.array(backupMappingSchema),
  settings: z.array(z.looseObject({ key: z.string(), value: z.unknown() }))
}) as unknown as z.ZodType<BackupPayload>

const headerSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string(),
  appVersion: z.string(),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  payloadBytes: z.number().int().min(0),
  counts: z.looseObject({ plans: z.number(), history: z.number(), mappings: z.number() })
})

/** One step of the migration chain: turns a payload of version `from` into version `from + 1`. */
export type BackupMigration = { from: number; describe: string; migrate: (payload: unknown) => unknown }

/**
 * Every payload change since version 1, oldest first. Restoring an older backup runs each step
 * from its version up to BACKUP_SCHEMA_VERSION. Empty while version 1 is the only one shipped.
 */
export const BACKUP_MIGRATIONS: BackupMigration[] = []

export type BackupErrorCode =
  'foreign' | 'truncated' | 'damaged' | 'newer-version' | 'invalid' | 'no-migration' | 'too-large'

export class BackupError extends Error {
  constructor(
    public readonly code: BackupErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'BackupError'
  }
}

export type Sha256 = (bytes: Uint8Array) => string
/** An incremental SHA-256 (node:crypto's createHash('sha256') fits): lets a restore check the data before keeping it. */
export type Sha256Stream = () => {
  update: (bytes: Uint8Array) => unknown
  digest: (encoding: 'hex') => string
}

export function encodeBackup(
  payload: BackupPayload,
  meta: { createdAt: string; appVersion: string; sha256: Sha256 }
): Uint8Array {
  return gzipSync(backupFileBytes(payload, strToU8(JSON.stringify(payload)), meta), { level: 6, mtime: 0 })
}

/**
 * The backup file before compression: its header line, then `body`, the payload's JSON as bytes.
 * Main's automatic backup passes the JSON text it received and checked instead of writing the
 * parsed payload out again, and compresses it off its thread.
 */
export function backupFileBytes(
  payload: BackupPayload,
  body: Uint8Array,
  meta: { createdAt: string; appVersion: string; sha256: Sha256 }
): Uint8Array {
  const head = backupHeaderLine(payload, body, meta)
  const all = new Uint8Array(head.length + body.length)
  all.set(head, 0)
  all.set(body, head.length)
  return all
}

/** The backup file's first line (header JSON and a newline) for `payload` written as `body`. */
export function backupHeaderLine(
  payload: BackupPayload,
  body: Uint8Array,
  meta: { createdAt: string; appVersion: string; sha256: Sha256 }
): Uint8Array {
  return backupHeaderOf(payload, { sha256: meta.sha256(body), bytes: body.length }, meta)
}

/** The header line for a body known by its digest and length (hashed as it arrived, not kept whole). */
export function backupHeaderOf(
  payload: BackupPayload,
  body: { sha256: string; bytes: number },
  meta: { createdAt: string; appVersion: string }
): Uint8Array {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    createdAt: meta.createdAt,
    appVersion: meta.appVersion,
    checksum: `sha256:${body.sha256}`,
    payloadBytes: body.bytes,
    counts: {
      plans: payload.plans.length,
      history: payload.history.length,
      mappings: payload.mappings.length
    }
  }
  return strToU8(JSON.stringify(header) + '\n')
}

export type DecodedBackup = { header: BackupHeader; payload: BackupPayload; migratedFrom: number | null }

export type DecodeBackupOptions = {
  sha256: Sha256
  /** With it, the data is streamed twice: checked against its checksum first, kept only then. */
  sha256Stream?: Sha256Stream
  migrations?: BackupMigration[]
  currentVersion?: number
  /** Most bytes the gzip may unpack to (header and data). */
  maxUnpackedBytes?: number
}

/** Compressed bytes fed to the inflater per step: at deflate's ratio of about 1000:1, 16 MB out at most. */
const INFLATE_STEP = 16 * 1024
/** Longest header line read before a file is called foreign. */
const MAX_HEADER_BYTES = 64 * 1024
const MB = 1024 * 1024

/**
 * Inflates a backup as a stream: the header line is read and checked as soon as it is out, and
 * inflating stops the moment the output passes what the header declares or the cap, so a gzip
 * bomb costs at most the cap's worth of inflating and none of its memory. The data bytes go to
 * `onData` chunk by chunk.
 */
function streamBackup(
  bytes: Uint8Array,
  maxUnpacked: number,
  currentVersion: number,
  onData: (chunk: Uint8Array, at: number, header: BackupHeader) => void
): BackupHeader {
  let head: Uint8Array = new Uint8Array(0)
  let header: BackupHeader | null = null
  let total = 0
  let dataBytes = 0
  let ended = false
  const take = (chunk: Uint8Array) => {
    if (!header) {
      const joined = new Uint8Array(head.length + chunk.length)
      joined.set(head)
      joined.set(chunk, head.length)
      const nl = joined.indexOf(0x0a)
      if (nl < 0) {
        if (joined.length > MAX_HEADER_BYTES)
          throw new BackupError('foreign', 'This file is not a Quartermaster backup (no header).')
        head = joined
        return
      }
      header = checkHeader(joined.subarray(0, nl), currentVersion)
      if (nl + 1 + header.payloadBytes > maxUnpacked) throw tooLarge(maxUnpacked)
      chunk = joined.subarray(nl + 1)
      total = nl + 1
    }
    if (!chunk.length) return
    if (dataBytes + chunk.length > header.payloadBytes) {
      throw new BackupError(
        'damaged',
        'The backup file is damaged: it holds more data than its header declares. Nothing was restored.'
      )
    }
    onData(chunk, dataBytes, header)
    dataBytes += chunk.length
    total += chunk.length
  }
  const inflater = new Gunzip((chunk, final) => {
    take(chunk)
    if (final) ended = true
  })
  try {
    for (let at = 0; at < bytes.length; at += INFLATE_STEP) {
      const end = Math.min(bytes.length, at + INFLATE_STEP)
      inflater.push(bytes.subarray(at, end), end === bytes.length)
    }
  } catch (err) {
    if (err instanceof BackupError) throw err
    throw new BackupError(
      'truncated',
      'The backup file is truncated or damaged: it cannot be decompressed. Nothing was restored.'
    )
  }
  if (ended && !header)
    throw new BackupError('foreign', 'This file is not a Quartermaster backup (no header).')
  // The gzip trailer ends with the unpacked size (mod 2^32): a cut trailer or a missing end is caught here.
  const n = bytes.length
  const declaredSize =
    n >= 4 ? (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0 : -1
  if (!ended || declaredSize !== total % 2 ** 32) {
    throw new BackupError(
      'truncated',
      'The backup file is truncated or damaged: it cannot be decompressed. Nothing was restored.'
    )
  }
  if (!header) throw new BackupError('foreign', 'This file is not a Quartermaster backup (no header).')
  const h: BackupHeader = header
  if (dataBytes !== h.payloadBytes) {
    throw new BackupError(
      'truncated',
      `The backup file is truncated: ${dataBytes} of ${h.payloadBytes} bytes of data are there. Nothing was restored.`
    )
  }
  return h
}

const tooLarge = (max: number) =>
  new BackupError(
    'too-large',
    `The backup is too large: it would unpack to more than ${Math.round(max / MB)} MB. Nothing was restored.`
  )

function checkHeader(line: Uint8Array, currentVersion: number): BackupHeader {
  let rawHeader: unknown
  try {
    rawHeader = JSON.parse(strFromU8(line))
  } catch {
    throw new BackupError('foreign', 'This file is not a Quartermaster backup (its header is not readable).')
  }
  if ((rawHeader as { format?: unknown } | null)?.format !== BACKUP_FORMAT) {
    throw new BackupError('foreign', 'This file is not a Quartermaster backup.')
  }
  const h = headerSchema.safeParse(rawHeader)
  if (!h.success) throw new BackupError('damaged', 'The backup header is damaged. Nothing was restored.')
  const header = h.data as BackupHeader
  if (header.schemaVersion > currentVersion) {
    throw new BackupError(
      'newer-version',
      `This backup was made by a newer Quartermaster (${header.appVersion}, backup format ${header.schemaVersion}). Update the app to restore it.`
    )
  }
  return header
}

const checksumMismatch = () =>
  new BackupError('damaged', 'The backup file is damaged: its checksum does not match. Nothing was restored.')

/** Reads, checks, migrates and validates a backup file; throws BackupError with a sentence for the user. */
export function decodeBackup(bytes: Uint8Array, options: DecodeBackupOptions): DecodedBackup {
  const migrations = options.migrations ?? BACKUP_MIGRATIONS
  const currentVersion = options.currentVersion ?? BACKUP_SCHEMA_VERSION
  const maxUnpacked = options.maxUnpackedBytes ?? LIMITS.backup.unpackedBytes
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    const kind =
      bytes[0] === 0x50 && bytes[1] === 0x4b
        ? ' It looks like a zip or Excel file.'
        : bytes.length === 0
          ? ' The file is empty.'
          : ''
    throw new BackupError('foreign', `This file is not a Quartermaster backup.${kind}`)
  }
  if (options.sha256Stream) {
    // First pass keeps nothing: a file whose data does not match its checksum costs no memory.
    const hash = options.sha256Stream()
    const header = streamBackup(bytes, maxUnpacked, currentVersion, (chunk) => hash.update(chunk))
    if (`sha256:${hash.digest('hex')}` !== header.checksum) throw checksumMismatch()
  }
  let body: Uint8Array | null = null
  const header = streamBackup(bytes, maxUnpacked, currentVersion, (chunk, at, h) => {
    // Allocated once the header is checked, at the size it declares (within the cap).
    body ??= new Uint8Array(h.payloadBytes)
    body.set(chunk, at)
  })
  const data: Uint8Array = body ?? new Uint8Array(0)
  if (!options.sha256Stream && `sha256:${options.sha256(data)}` !== header.checksum) throw checksumMismatch()
  let raw: unknown
  try {
    raw = JSON.parse(strFromU8(data))
  } catch {
    throw new BackupError('damaged', 'The backup data is not readable. Nothing was restored.')
  }
  const migrated = migrateBackupPayload(raw, header.schemaVersion, migrations, currentVersion)
  const parsed = backupPayloadSchema.safeParse(migrated)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new BackupError(
      'invalid',
      `The backup does not hold valid plan data (${first.path.join('.') || 'backup'}: ${first.message}). Nothing was restored.`
    )
  }
  for (const plan of parsed.data.plans) {
    const problems = planReferenceProblems(plan)
    if (problems.length) {
      throw new BackupError(
        'invalid',
        `The plan "${plan.plan.name}" in the backup is inconsistent (${problems[0]}). Nothing was restored.`
      )
    }
  }
  return {
    header,
    payload: parsed.data,
    migratedFrom: header.schemaVersion < currentVersion ? header.schemaVersion : null
  }
}

/** Runs the migration chain from `fromVersion` up to `toVersion`; every step must exist. */
export function migrateBackupPayload(
  payload: unknown,
  fromVersion: number,
  migrations: BackupMigration[] = BACKUP_MIGRATIONS,
  toVersion: number = BACKUP_SCHEMA_VERSION
): unknown {
  let value = payload
  for (let v = fromVersion; v < toVersion; v++) {
    const step = migrations.find((m) => m.from === v)
    if (!step) {
      throw new BackupError(
        'no-migration',
        `No way to read a backup of format ${v}: the migration to ${v + 1} is missing.`
      )
    }
    value = step.migrate(value)
  }
  return value
}

/** What an automatic backup was taken before: every action that replaces or removes data. */
export const AUTO_BACKUP_REASONS = ['import', 'restore', 'reset', 'delete'] as const
export type AutoBackupReason = (typeof AUTO_BACKUP_REASONS)[number]

/** The reason in an automatic backup's file name (see autoBackupName); null for other names. */
export function autoBackupReason(name: string): AutoBackupReason | null {
  const m = /^auto-[0-9TZ-]+-([a-z]+)(-\d+)?\.qmbackup$/.exec(name)
  return m && (AUTO_BACKUP_REASONS as readonly string[]).includes(m[1]!) ? (m[1] as AutoBackupReason) : null
}

/** File name of an automatic backup; sorts by time. */
export function autoBackupName(at: Date, reason: AutoBackupReason): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  return `auto-${stamp}-${reason}.${BACKUP_EXTENSION}`
}
