// Backup and restore on the Dexie side: collect everything into one BackupPayload (main writes
// the file), and put a restored payload back — replacing everything, or merging in the plans
// the app does not have yet. Each write is one transaction: all of it or nothing.
import type { AutoBackupReason, BackupPayload } from '@shared/export/backup-format'
import type { HistoryEntry } from '@shared/planning/types'
import { db, describeStorageError, PLAN_TABLES, SIDE_TABLES } from './db'
import { loadPlanData } from './plan-data'
import { CommitError } from './commit'
import { allWithChanges, HISTORY_TABLES, readEntryInPages, storeEntries } from './history-store'
import { addRows, anyRowWithId, eachRowPage, PLAN_STORES, planRows, type Row } from './rows'
import { invoke } from '../lib/ipc'
import { AUTO_BACKUP_PART } from '@shared/ipc/channels/export'
import { numberPlans } from '@shared/planning/order'
import { nextTask, SLICE_MS } from '../lib/sliced'

const ALL_TABLES = [
  'plans',
  ...HISTORY_TABLES,
  'mappings',
  'settings',
  ...PLAN_STORES,
  ...SIDE_TABLES
] as const
/** Every per-plan table a backup carries: PlanData's and the actuals beside it (as in a plan file). */
const BACKUP_TABLES = [...PLAN_TABLES, ...SIDE_TABLES] as const
/** A backed-up plan's rows of one table ([] for a side table absent in an older backup). */
const rowsOf = (p: BackupPayload['plans'][number], t: (typeof BACKUP_TABLES)[number]): Row[] =>
  (p as unknown as Record<string, Row[] | undefined>)[t] ?? []

/** Every plan and scenario with its entities, the whole history, remembered mappings and settings. */
export async function collectBackup(): Promise<BackupPayload> {
  const plans = await db.plans.toArray()
  const data = []
  for (const p of plans) {
    const d = await loadPlanData(p.id)
    if (d) {
      const side = Object.fromEntries(
        await Promise.all(SIDE_TABLES.map(async (t) => [t, await planRows(t, p.id)]))
      )
      data.push({ ...d, ...side })
    }
  }
  return {
    plans: data,
    history: await allWithChanges(await db.history.toArray()),
    mappings: (await db.mappings.toArray()) as BackupPayload['mappings'],
    settings: await db.settings.toArray()
  }
}

/** Rows per read and per JSON.stringify: a few ms each. */
const BACKUP_PAGE = 1_000
/**
 * Tables whose rows are kept in their `order`, as loadPlanData keeps them. Budget lines carry
 * their order but stay in the order stored here: sorting 100,000 of them would be one long step, and a
 * restore does not need it.
 */
const ORDERED = new Set<string>(['phases', 'workstreams', 'roles', 'deliverables', 'risks'])

/**
 * Deflated bytes sent to main at a time: main's worker reads each part
 * as it comes, so what it reads after the last one is at most this much (about 3.5 MB of text).
 */
const SEND_AT = Math.min(256 * 1024, AUTO_BACKUP_PART)

/** Characters of backup text encoded and deflated per step (about a millisecond). */
const ENCODE_SLICE = 64 * 1024

/** Lets the window paint and take input; scheduler.yield, where there is one, without setTimeout's 4 ms clamp. */
const yieldToWindow = (): Promise<void> =>
  typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function' ? scheduler.yield() : nextTask()

/** A JSON array's inside ("1,2") for rows; '' for none. */
const inner = (rows: readonly unknown[]) => (rows.length ? JSON.stringify(rows).slice(1, -1) : '')
/**
 * The same backup as collectBackup, as JSON text in pieces, read and written a page per task: all
 * in one read transaction (so it is one consistent state), tables read in pages by key and turned
 * into text right away. A database holding a 100,000-line import took one long read and one long
 * message before; no step here holds the window for more than a few ms.
 */
export async function collectBackupText(): Promise<string[]> {
  const out: string[] = []
  await streamBackupText((piece) => out.push(pieceText(piece)))
  return out
}

/**
 * A piece of the backup's text: text, or rows whose JSON array's inside ("{…},{…}") goes there.
 * Rows are turned into text where the text is deflated, not where they are read: the next read is
 * asked for at once, and the database reads it while the last rows are stringified and deflated.
 */
export type BackupPiece = string | readonly unknown[]

const pieceText = (piece: BackupPiece) => (typeof piece === 'string' ? piece : inner(piece))

/**
 * collectBackupText's pieces, each handed to `emit` as soon as its place in the text is known, so
 * they can be deflated and sent while the rest is read: the first plan's rows as read (the other
 * plans' are held until every table was read, as the text lists plan after plan), and each history
 * entry's changes as read (its change list comes first in its object, before the fields known once
 * its parts are read). `emit` may throw to stop the reading (the transaction then ends).
 */
export async function streamBackupText(emit: (piece: BackupPiece) => void): Promise<void> {
  await db.transaction('r', [...ALL_TABLES], async () => {
    const plans = await db.plans.toArray()
    const ids = new Set(plans.map((p) => p.id))
    // The first plan's text goes out as read; the others' is held (planId → pieces) until its turn.
    const held = new Map<string, BackupPiece[]>(plans.slice(1).map((p) => [p.id, []]))
    const write = (planId: string, piece: BackupPiece) => {
      const list = held.get(planId)
      if (list) list.push(piece)
      else emit(piece)
    }
    emit('{"plans":[')
    plans.forEach((plan, i) => write(plan.id, `${i ? ',' : ''}{"plan":${JSON.stringify(plan)}`))
    for (const t of BACKUP_TABLES) {
      const ordered = ORDERED.has(t)
      const rowsHeld = new Map<string, { id: string; planId: string; order?: number }[]>()
      // Plans whose array of this table has an element already (the next piece starts with a comma).
      const started = new Set<string>()
      const add = (planId: string, rows: readonly unknown[]) => {
        if (!rows.length) return
        if (started.has(planId)) write(planId, ',')
        write(planId, rows)
        started.add(planId)
      }
      for (const plan of plans) write(plan.id, `,${JSON.stringify(t)}:[`)
      await eachRowPage(
        t,
        (page: { id: string; planId: string; order?: number }[]) => {
          const byPlan = new Map<string, typeof page>()
          for (const row of page) {
            if (!ids.has(row.planId)) continue // rows of no plan are not part of any plan's data
            const list = ordered ? rowsHeld : byPlan
            const rows = list.get(row.planId)
            if (rows) rows.push(row)
            else list.set(row.planId, [row])
          }
          for (const [planId, rows] of byPlan) add(planId, rows)
        },
        BACKUP_PAGE
      )
      for (const [planId, rows] of rowsHeld)
        add(
          planId,
          [...rows].sort((a, b) => a.order! - b.order!)
        )
      for (const plan of plans) write(plan.id, ']')
    }
    for (const plan of plans) write(plan.id, '}')
    for (const pieces of held.values()) for (const piece of pieces) emit(piece)
    held.clear()
    emit('],"history":[')
    const entries = await db.history.toArray()
    for (const [i, entry] of entries.entries()) {
      emit(i ? ',{"changes":[' : '{"changes":[')
      let first = true
      const fields = await readEntryInPages(entry, (page) => {
        for (let k = 0; k < page.length; k += BACKUP_PAGE) {
          if (!first) emit(',')
          emit(page.slice(k, k + BACKUP_PAGE))
          first = false
        }
      })
      const rest = JSON.stringify(fields)
      emit(rest.length > 2 ? `],${rest.slice(1)}` : ']}')
    }
    emit(`],"mappings":${JSON.stringify(await db.mappings.toArray())}`)
    emit(`,"settings":${JSON.stringify(await db.settings.toArray())}}`)
  })
}

/**
 * Writes an automatic backup of the current data into <userData>/backups (before an import or
 * restore): the JSON text, deflated, goes to main in parts of SEND_AT bytes, a
 * message per task, while the data is still being read; main's parse worker reads each part as it
 * comes and checks the whole at the end, and main writes it.
 */
export async function autoBackup(reason: AutoBackupReason): Promise<string> {
  const t0 = performance.now()
  // Begun first: main starts the worker that checks the backup while the data is read here.
  const { uploadId } = await invoke('backup:auto-begin', { reason })
  try {
    return await sendBackup(uploadId, t0)
  } catch (err) {
    // Main would keep the parts until the upload expires (10 minutes): drop them now.
    await invoke('backup:auto-abort', { uploadId }).catch(() => undefined)
    throw err
  }
}

/** Pieces of text handed from the reading to the deflating, which waits for them. */
export class PieceQueue {
  private pieces: BackupPiece[] = []
  private next = 0
  private closed = false
  private wake: (() => void) | null = null
  /** Why the deflating stopped: the reading stops at its next piece. */
  failed: unknown = null

  push(piece: BackupPiece): void {
    if (this.failed) throw this.failed
    this.pieces.push(piece)
    this.wake?.()
  }

  close(): void {
    this.closed = true
    this.wake?.()
  }

  /** The reading failed: nothing more is deflated or sent. */
  abandon(): void {
    this.abandoned = true
    this.pieces = []
    this.next = 0
    this.close()
  }

  abandoned = false

  /** The next piece; undefined once the queue is closed and empty. */
  async take(): Promise<BackupPiece | undefined> {
    // Taken pieces are dropped now and then, not one by one (shift on a long array copies it);
    // before a piece is taken, so that there is always its slot for putBack.
    if (this.next > 4096) {
      this.pieces = this.pieces.slice(this.next)
      this.next = 0
    }
    while (this.next === this.pieces.length && !this.closed)
      await new Promise<void>((resolve) => (this.wake = resolve))
    this.wake = null
    if (this.next === this.pieces.length) return undefined
    const piece = this.pieces[this.next]!
    this.pieces[this.next++] = ''
    return piece
  }

  /** Puts the rest of the piece taken last back in front. */
  putBack(rest: string): void {
    this.pieces[--this.next] = rest
  }
}

async function sendBackup(uploadId: string, t0: number): Promise<string> {
  const queue = new PieceQueue()
  const sent = deflateAndSend(uploadId, queue)
  sent.catch((err: unknown) => (queue.failed = err))
  try {
    await streamBackupText((piece) => queue.push(piece))
  } catch (err) {
    queue.abandon()
    // The deflating's failure (main refused a part) stopped the reading: that is the one to report.
    throw queue.failed ?? err
  }
  queue.close()
  const t1 = performance.now()
  performance.measure('import: backup: collect', { start: t0, end: t1 })
  await sent
  const t2 = performance.now()
  performance.measure('import: backup: deflate and send', { start: t1, end: t2 })
  const r = await invoke('backup:auto-finish', { uploadId })
  performance.measure('import: backup: worker checks, main writes', { start: t2, end: performance.now() })
  return r.path
}

/**
 * Deflates the queue's pieces as they come, a slice per task, and sends each part of SEND_AT
 * bytes to main as soon as it is full: main's worker reads it while the next is read and deflated
 * here.
 */
async function deflateAndSend(uploadId: string, queue: PieceQueue): Promise<void> {
  // Deflated here by the browser's own zlib: a twentieth of the text crosses to main (3 MB for the
  // 57 MB of a database holding a 100,000-line import), and the file keeps these bytes, so nothing
  // compresses the text again.
  let taskStart = performance.now()
  const deflated = new ReadableStream<string>({
    // About SLICE_MS of encoding and deflating per task: a stream's pipe runs on microtasks, and
    // without a task between them it did up to a part's worth in one go (600 ms under load).
    async pull(controller) {
      if (performance.now() - taskStart > SLICE_MS) {
        await yieldToWindow()
        taskStart = performance.now()
      }
      const taken = await queue.take()
      if (taken === undefined) return controller.close()
      const piece = pieceText(taken)
      // Long pieces in slices; the encoder joins a surrogate pair cut between two of them.
      if (piece.length <= ENCODE_SLICE) controller.enqueue(piece)
      else {
        controller.enqueue(piece.slice(0, ENCODE_SLICE))
        queue.putBack(piece.slice(ENCODE_SLICE))
      }
    }
  })
    .pipeThrough(new TextEncoderStream())
    .pipeThrough(new CompressionStream('deflate-raw'))
  let part: Uint8Array[] = []
  let size = 0
  const send = async () => {
    if (!size) return
    const bytes = new Uint8Array(size)
    let at = 0
    for (const p of part) {
      bytes.set(p, at)
      at += p.length
    }
    part = []
    size = 0
    if (!queue.abandoned) await invoke('backup:auto-part', { uploadId, bytes })
  }
  const reader = deflated.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    for (let at = 0; at < r.value.length; at += SEND_AT) {
      const bit = r.value.subarray(at, at + SEND_AT)
      if (size + bit.length > SEND_AT) await send()
      part.push(bit)
      size += bit.length
    }
  }
  await send()
}

/** Deletes everything and writes the backup in its place, history sequence numbers included. */
export async function restoreReplace(backup: BackupPayload): Promise<void> {
  const payload = numbered(backup)
  try {
    await db.transaction('rw', [...ALL_TABLES], async () => {
      for (const t of ALL_TABLES) await db.table(t).clear()
      await db.plans.bulkAdd(payload.plans.map((p) => p.plan))
      for (const t of BACKUP_TABLES)
        await addRows(
          t,
          payload.plans.flatMap((p) => rowsOf(p, t))
        )
      await storeEntries(payload.history)
      if (payload.mappings.length) await db.mappings.bulkAdd(payload.mappings)
      if (payload.settings.length) await db.settings.bulkAdd(payload.settings)
    })
  } catch (err) {
    throw new CommitError('storage', describeStorageError(err))
  }
}

/** Backups written before risks and budget lines had an order: numbered as they were listed. */
function numbered(payload: BackupPayload): BackupPayload {
  const { plans, history } = numberPlans(payload.plans, payload.history)
  return { ...payload, plans, history }
}

export type MergeResult = { added: string[]; kept: string[] }

/**
 * Adds the backup's plans that the app does not have (by plan id), with their history in its
 * original order; plans present in both stay as they are in the app. Mappings the app lacks are
 * added; settings stay the app's own.
 */
export async function restoreMerge(backup: BackupPayload): Promise<MergeResult> {
  const payload = numbered(backup)
  try {
    return await db.transaction('rw', [...ALL_TABLES], async () => {
      const existing = new Set((await db.plans.toCollection().primaryKeys()) as string[])
      const incoming = payload.plans.filter((p) => !existing.has(p.plan.id))
      const kept = payload.plans.filter((p) => existing.has(p.plan.id)).map((p) => p.plan.id)
      // Entity ids are unique across plans: a plan whose rows clash with the app's rows cannot be merged as it is.
      for (const p of incoming) {
        for (const t of BACKUP_TABLES) {
          const ids = rowsOf(p, t).map((e) => e.id)
          if (await anyRowWithId(t, ids)) {
            throw new CommitError('conflict', { key: 'mergeClash', values: { name: p.plan.name } })
          }
        }
      }
      if (incoming.length) await db.plans.bulkAdd(incoming.map((p) => p.plan))
      for (const t of BACKUP_TABLES)
        await addRows(
          t,
          incoming.flatMap((p) => rowsOf(p, t))
        )
      const added = new Set(incoming.map((p) => p.plan.id))
      const history = payload.history
        .filter((h) => added.has(h.planId))
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
        // New sequence numbers: the app's own history keeps its numbers and order.
        .map(({ seq: _seq, ...rest }): HistoryEntry => rest)
      await storeEntries(history)
      const mappingIds = new Set((await db.mappings.toCollection().primaryKeys()) as string[])
      const mappings = payload.mappings.filter((m) => !mappingIds.has(m.id))
      if (mappings.length) await db.mappings.bulkAdd(mappings)
      return { added: [...added], kept }
    })
  } catch (err) {
    if (err instanceof CommitError) throw err
    throw new CommitError('storage', describeStorageError(err))
  }
}
