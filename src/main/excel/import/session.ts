// One import in progress: a parse worker with a time limit per request, a memory limit,
// progress reporting and cancellation. Main, the CLI, the corpus script and the benchmark all use it.
import { Worker } from 'node:worker_threads'
import type {
  ReadSheetRequest,
  ReadSheetResult,
  SheetOverview,
  SupportedExtension,
  WorkbookSummary,
  TextEncoding
} from '../../../shared/import/workbook'
import type {
  ChangesPage,
  ChangesRequest,
  SessionPlanSummary,
  ImportTarget,
  PreviewPage,
  PreviewQuery
} from '../../../shared/import/plan-import'
import { FileRefusedError, ImportError, ImportStateError, FAILURE_MESSAGES } from './errors'
import type { PlanData } from '../../../shared/planning/types'
import type { DecodedBackup } from '../../../shared/export/backup-format'
import type { ReimportResult } from '../../../shared/ipc/channels/export'
import type { ImportLimits } from './limits'
import { withLimits } from './limits'
import type { WorkerReply, WorkerRequest } from './protocol'
import type { BookingsRead, ReadBookingsRequest } from './read-bookings'

export type ProgressListener = (p: { stage: string; done: number; total: number }) => void

export type StartWorkerOptions = {
  /**
   * The worker script. Default: the TypeScript sources via a tsx bootstrap. The built app passes
   * its bundled worker (e.g. out/main/excel-worker.js), which runs without tsx.
   */
  workerPath?: string | URL
  limits?: Partial<ImportLimits>
  onProgress?: ProgressListener
  /** False: always a new worker, leaving the one prewarmed for the next file to that file. */
  takeSpare?: boolean
}

const DEFAULT_WORKER = new URL('./worker-bootstrap.mjs', import.meta.url)

/** Path of the worker the built app bundles, when set by main at start-up. */
let defaultWorkerPath: string | URL = DEFAULT_WORKER

/** Lets the built app's main point every session at its bundled worker. */
export function setDefaultWorkerPath(path: string | URL): void {
  defaultWorkerPath = path
}

export type ParseSession = {
  readonly limits: ImportLimits
  /** Hands the file to the worker: `data` is moved there (emptied here) when it owns its buffer. */
  open: (
    data: Uint8Array,
    ext: SupportedExtension,
    fileName: string,
    encoding?: TextEncoding
  ) => Promise<WorkbookSummary>
  /** Reads a sheet with all its rows (the CLI, tests). The worker keeps the rows as well. */
  read: (req: ReadSheetRequest) => Promise<ReadSheetResult>
  /** Reads a sheet and keeps its rows in the worker; returns counts, mapping and a few samples. */
  readOverview: (req: ReadSheetRequest) => Promise<SheetOverview>
  /** Matches the rows read last to a target; the worker keeps the changes and problems. */
  plan: (target: ImportTarget) => Promise<SessionPlanSummary>
  /** A page of rows with their problems after the last plan. */
  preview: (query: PreviewQuery) => Promise<PreviewPage>
  /** A page of the entity changes of the last plan; refused when that is not plan `version`. */
  changes: (query: ChangesRequest) => Promise<ChangesPage>
  /** The skipped rows of the last plan as xlsx bytes, and how many rows it holds. */
  errorReport: (sourceName: string) => Promise<{ data: Uint8Array; rows: number }>
  /** Reads a sheet as bookings (actual costs) against a plan; the answer is sums, not rows. */
  bookings: (req: ReadBookingsRequest) => Promise<BookingsRead>
  /** Reads an exported workbook and compares it with `plan`; FileRefusedError when it is not one. */
  reimport: (data: Uint8Array, plan: PlanData) => Promise<Omit<ReimportResult, 'path'>>
  /** Decompresses and checks a backup; FileRefusedError when it is not a good one. */
  restore: (data: Uint8Array, maxUnpackedBytes: number) => Promise<DecodedBackup>
  /**
   * Hands the worker a part of automatic backup `uploadId`'s deflated JSON text, which it reads at
   * once; resolves to the bytes it holds, FileRefusedError when the text cannot be a backup.
   */
  backupPart: (uploadId: string, bytes: Uint8Array, maxUnpackedBytes?: number) => Promise<number>
  /** The backup file of an upload's parts (checked as one backup); FileRefusedError when they are not a valid one. */
  backupFinish: (
    uploadId: string,
    meta: { createdAt: string; appVersion: string; maxUnpackedBytes?: number }
  ) => Promise<Uint8Array>
  /** Forgets an upload's parts. */
  backupDrop: (uploadId: string) => Promise<void>
  /** False once the worker has exited, crashed, timed out or was stopped: it answers nothing more. */
  alive: () => boolean
  /** Stops the worker; a pending request ends with reason 'cancelled'. */
  cancel: () => Promise<void>
  close: () => Promise<void>
}

type Spawned = { worker: Worker; key: string; exited: boolean; error: (Error & { code?: string }) | null }

/** Flags that load code before the entry; the value follows as the next argument unless joined by "=". */
const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader'])

/**
 * The parent's node flags without its module loaders. A worker inherits them by default, and under
 * `node --import tsx` (benchmark, corpus) that registered tsx again in every worker: about 70 ms of
 * CPU before the worker ran a line, for nothing, as the bundled worker is plain JavaScript and the
 * sources' bootstrap registers tsx itself.
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const out: string[] = []
  for (let i = 0; i < parent.length; i++) {
    const flag = parent[i]!
    const name = flag.split('=')[0]!
    if (!LOADER_FLAGS.has(name)) out.push(flag)
    else if (!flag.includes('=')) i++
  }
  return out
}

function spawn(workerPath: string | URL, limits: ImportLimits, prewarm = false): Spawned {
  const worker = new Worker(workerPath, {
    workerData: { prewarm },
    execArgv: workerExecArgv(),
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
    // SheetJS logs format warnings to the console; the user gets reasons from us instead.
    stdout: true,
    stderr: true
  })
  worker.stdout.resume()
  worker.stderr.resume()
  worker.unref()
  const spawned: Spawned = {
    worker,
    key: `${String(workerPath)}|${limits.maxOldGenerationSizeMb}`,
    exited: false,
    error: null
  }
  worker.on('error', (err) => (spawned.error ??= err))
  worker.on('exit', () => (spawned.exited = true))
  return spawned
}

/** A worker started ahead of time, so opening a file does not wait for SheetJS to load. */
let spare: Spawned | null = null

/**
 * Starts a worker now for the next import (the wizard calls this when it opens): loading SheetJS
 * in a fresh thread takes a noticeable moment, which then is not part of the import.
 */
export function prewarmParseWorker(
  options: { workerPath?: string | URL; limits?: Partial<ImportLimits> } = {}
): void {
  const limits = withLimits(options.limits)
  const path = options.workerPath ?? defaultWorkerPath
  const key = `${String(path)}|${limits.maxOldGenerationSizeMb}`
  if (spare && !spare.exited && !spare.error && spare.key === key) return
  if (spare) void spare.worker.terminate()
  // The bundled worker loads the xls codepages while idle; through tsx that load is slow enough
  // to delay the first file, so the sources' worker loads them only when a file needs them.
  spare = spawn(path, limits, String(path) !== String(DEFAULT_WORKER))
}

/** Starts a parse worker (or takes the prewarmed one). Nothing is parsed in the calling thread. */
export function startParseWorker(options: StartWorkerOptions = {}): ParseSession {
  const limits = withLimits(options.limits)
  const workerPath = options.workerPath ?? defaultWorkerPath
  const key = `${String(workerPath)}|${limits.maxOldGenerationSizeMb}`
  let spawned: Spawned
  if (options.takeSpare !== false && spare && spare.key === key && !spare.exited && !spare.error) {
    spawned = spare
    spare = null
  } else spawned = spawn(workerPath, limits)
  const worker = spawned.worker
  let nextId = 1
  let exited = spawned.exited
  let ending: ImportError | null = null
  type Pending = {
    id: number
    resolve: (r: WorkerReply) => void
    reject: (e: ImportError | ImportStateError | FileRefusedError) => void
    timer: NodeJS.Timeout
  }
  const pending = new Map<number, Pending>()
  const failAll = (e: ImportError) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer)
      p.reject(e)
    }
    pending.clear()
  }
  worker.on('message', (reply: WorkerReply) => {
    if (reply.type === 'progress') {
      options.onProgress?.({ stage: reply.stage, done: reply.done, total: reply.total })
      return
    }
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    clearTimeout(p.timer)
    if (reply.type === 'failed') p.reject(new ImportError(reply.reason, reply.message))
    else if (reply.type === 'refused') p.reject(new ImportStateError(reply.message))
    else if (reply.type === 'file-refused') p.reject(new FileRefusedError(reply.code, reply.message))
    else p.resolve(reply)
  })
  worker.on('error', (err: Error & { code?: string }) => {
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      ending ??= new ImportError(
        'out-of-memory',
        `${FAILURE_MESSAGES['out-of-memory']} (limit ${limits.maxOldGenerationSizeMb} MB)`
      )
    } else {
      ending ??= new ImportError('crashed', `${FAILURE_MESSAGES.crashed} (${err.message.slice(0, 160)})`)
    }
  })
  worker.on('exit', () => {
    exited = true
    if (!ending && spawned.error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      ending = new ImportError(
        'out-of-memory',
        `${FAILURE_MESSAGES['out-of-memory']} (limit ${limits.maxOldGenerationSizeMb} MB)`
      )
    }
    failAll(ending ?? new ImportError('crashed', FAILURE_MESSAGES.crashed))
  })
  const stop = async (reason: ImportError) => {
    ending ??= reason
    if (!exited) await worker.terminate()
    failAll(reason)
  }
  const request = (req: WorkerRequest, transfer: ArrayBuffer[] = []): Promise<WorkerReply> => {
    if (exited || ending)
      return Promise.reject(ending ?? new ImportError('crashed', FAILURE_MESSAGES.crashed))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void stop(
          new ImportError(
            'timeout',
            `${FAILURE_MESSAGES.timeout} (limit ${Math.round(limits.timeoutMs / 1000)} s)`
          )
        )
      }, limits.timeoutMs)
      pending.set(req.id, { id: req.id, resolve, reject, timer })
      worker.ref()
      worker.postMessage(req, transfer)
    }).finally(() => {
      if (!pending.size) worker.unref()
    }) as Promise<WorkerReply>
  }
  /** Sends a request and takes the one reply type it expects; any other means the worker is broken. */
  const ask = async <T extends WorkerReply['type']>(
    req: WorkerRequest,
    expected: T
  ): Promise<Extract<WorkerReply, { type: T }>> => {
    const reply = await request(req)
    if (reply.type !== expected) throw new ImportError('crashed', FAILURE_MESSAGES.crashed)
    return reply as Extract<WorkerReply, { type: T }>
  }
  return {
    limits,
    async open(data, ext, fileName, encoding) {
      const id = nextId++
      // The bytes move to the worker without a copy when they own their whole buffer (a file just
      // read); a view into a larger or shared buffer is copied, as moving would empty it.
      const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
      const bytes = owned && data.buffer instanceof ArrayBuffer ? data : data.slice()
      const reply = await request({ id, type: 'open', data: bytes, ext, fileName, limits, encoding }, [
        bytes.buffer as ArrayBuffer
      ])
      if (reply.type !== 'opened') throw new ImportError('crashed', FAILURE_MESSAGES.crashed)
      return reply.summary
    },
    read: async (req) => (await ask({ ...req, id: nextId++, type: 'read', rows: 'all' }, 'read')).result,
    readOverview: async (req) =>
      (await ask({ ...req, id: nextId++, type: 'read', rows: 'overview' }, 'overview')).result,
    plan: async (target) => (await ask({ id: nextId++, type: 'plan', target }, 'planned')).summary,
    preview: async (query) => (await ask({ ...query, id: nextId++, type: 'preview' }, 'preview')).page,
    changes: async (query) => (await ask({ ...query, id: nextId++, type: 'changes' }, 'changes')).page,
    errorReport: async (sourceName) => {
      const { data, rows } = await ask({ id: nextId++, type: 'report', sourceName }, 'report')
      return { data, rows }
    },
    bookings: async (req) => (await ask({ ...req, id: nextId++, type: 'bookings' }, 'bookings')).read,
    async reimport(data, plan) {
      const copy = data.slice()
      const req: WorkerRequest = { id: nextId++, type: 'reimport', data: copy, plan, limits }
      const reply = await request(req, [copy.buffer as ArrayBuffer])
      if (reply.type !== 'reimported') throw new ImportError('crashed', FAILURE_MESSAGES.crashed)
      return reply.result
    },
    async restore(data, maxUnpackedBytes) {
      const copy = data.slice()
      const req: WorkerRequest = { id: nextId++, type: 'restore', data: copy, maxUnpackedBytes }
      const reply = await request(req, [copy.buffer as ArrayBuffer])
      if (reply.type !== 'restored') throw new ImportError('crashed', FAILURE_MESSAGES.crashed)
      return reply.decoded
    },
    backupPart: async (uploadId, bytes, maxUnpackedBytes) =>
      (await ask({ id: nextId++, type: 'backup-part', uploadId, bytes, maxUnpackedBytes }, 'backup-received'))
        .bytes,
    backupFinish: async (uploadId, meta) =>
      (await ask({ id: nextId++, type: 'backup-finish', uploadId, ...meta }, 'backup-file')).bytes,
    backupDrop: async (uploadId) => {
      await ask({ id: nextId++, type: 'backup-drop', uploadId }, 'backup-dropped')
    },
    alive: () => !exited && !ending && !spawned.error,
    cancel: () => stop(new ImportError('cancelled', FAILURE_MESSAGES.cancelled)),
    close: () => stop(new ImportError('cancelled', FAILURE_MESSAGES.cancelled))
  }
}
