// The parse worker: holds one opened workbook, the rows of the sheet read last and the import
// planned from them, and answers main's requests. Main only ever receives counts and pages.
// Main stops it (terminate) on timeout, on cancel, or when the import is closed.
import { parentPort, workerData } from 'node:worker_threads'
import type { ReadSheetResult } from '../../../shared/import/workbook'
import { overviewOf } from '../../../shared/import/workbook'
import { changesPage, planImport, previewPage, type PlannedImport } from '../../../shared/import/plan-import'
import { errorReportRows } from '../../../shared/import/report-rows'
import type { WorkerReply, WorkerRequest } from './protocol'
import {
  classifyReadError,
  loadCodepagesFor,
  readSheet,
  readWorkbook,
  type OpenedWorkbook
} from './read-workbook'
import { buildErrorReport } from './error-report'
import { checkUnpackedSize } from './file-checks'
import { fileFingerprint, readBookingsSheet } from './read-bookings'

if (!parentPort) throw new Error('The import worker must run in a worker thread.')
const port = parentPort
let opened: OpenedWorkbook | null = null
/** The open file's bytes until their fingerprint (actuals' source) is asked for, then the fingerprint. */
let openedBytes: Uint8Array | null = null
let fingerprint = ''
/** The sheet read last, with all its rows. */
let kept: ReadSheetResult | null = null
/** The import planned from `kept` last, and which plan of this worker it is. */
let planned: PlannedImport | null = null
let planVersion = 0

/** The automatic backups' requests, answered in the order they came (settles, never rejects). */
let backupQueue: Promise<unknown> = Promise.resolve()

/** A request whose input is not there (yet): refused with a reason, the worker keeps running. */
class Refused extends Error {}

// A worker started ahead of time (prewarmed) has idle time to load the codepage tables too.
if ((workerData as { prewarm?: boolean } | undefined)?.prewarm) void loadCodepagesFor(null)

function needKept(): ReadSheetResult {
  if (!kept) throw new Refused('No sheet has been read in this import; read the sheet again.')
  return kept
}

function needPlanned(): PlannedImport {
  if (!planned) throw new Refused('The rows have not been matched to a plan; open the preview again.')
  return planned
}

port.on('message', async (req: WorkerRequest) => {
  const send = (reply: WorkerReply) => port.postMessage(reply)
  try {
    switch (req.type) {
      case 'open':
        opened = null
        openedBytes = null
        kept = null
        planned = null
        checkUnpackedSize(req.data, req.limits)
        await loadCodepagesFor(req.data)
        // Hashed only when read as bookings: a sheet imported as a plan never needs it.
        openedBytes = req.data
        fingerprint = ''
        opened = readWorkbook(
          req.data,
          req.ext,
          req.fileName,
          req.limits,
          (stage, done, total) => send({ id: req.id, type: 'progress', stage, done, total }),
          req.encoding
        )
        send({ id: req.id, type: 'opened', summary: opened.summary })
        break
      case 'read': {
        if (!opened) throw new Refused('No workbook is open.')
        kept = null
        planned = null
        const result = readSheet(opened, req)
        kept = result
        if (req.rows === 'all') send({ id: req.id, type: 'read', result })
        else send({ id: req.id, type: 'overview', result: overviewOf(result) })
        break
      }
      case 'plan':
        planned = null
        planned = planImport(needKept().result, req.target, {
          defaultWorkstream: needKept().mapping.defaultWorkstream
        })
        send({ id: req.id, type: 'planned', summary: { ...planned.summary, version: ++planVersion } })
        break
      case 'preview':
        send({
          id: req.id,
          type: 'preview',
          page: previewPage(needKept().result.rows, needPlanned(), req)
        })
        break
      case 'changes': {
        const current = needPlanned()
        if (req.version !== planVersion)
          throw new Refused('The rows were matched to a plan again meanwhile; start the import again.')
        send({ id: req.id, type: 'changes', page: changesPage(current, req) })
        break
      }
      case 'bookings':
        if (!opened) throw new Refused('No workbook is open.')
        if (openedBytes) {
          fingerprint = fileFingerprint(openedBytes)
          openedBytes = null
        }
        send({ id: req.id, type: 'bookings', read: readBookingsSheet(opened, fingerprint, req) })
        break
      case 'report': {
        const sheet = needKept()
        const rows = errorReportRows(
          sheet.result.rows,
          needPlanned().issuesByRow,
          sheet.result.sheet,
          sheet.headers.length
        )
        const headers = sheet.headers.slice(0, 512).map((h) => h.slice(0, 500))
        const data = buildErrorReport(req.sourceName, headers, rows)
        send({ id: req.id, type: 'report', data, rows: rows.length })
        break
      }
      case 'reimport':
      case 'restore': {
        const { answerOwnFile } = await import('./worker-own-files')
        send(answerOwnFile(req))
        break
      }
      case 'backup-part':
      case 'backup-finish':
      case 'backup-drop': {
        // One after the other as they came: the first part still waits for the module to load.
        const answer = backupQueue.then(async () => {
          const { answerBackup } = await import('./worker-backup')
          return answerBackup(req)
        })
        // A failed request is answered below; the next backup on this (reused) worker still runs.
        backupQueue = answer.catch(() => undefined)
        const reply = await answer
        if (reply.type === 'backup-file') port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer])
        else send(reply)
        break
      }
    }
  } catch (err) {
    if (err instanceof Refused) {
      send({ id: req.id, type: 'refused', message: err.message })
      return
    }
    const e = classifyReadError(err)
    send({ id: req.id, type: 'failed', reason: e.reason, message: e.message })
  }
})
