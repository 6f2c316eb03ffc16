// The parse worker: holds one opened workbook and answers open/read requests from main.
// Main stops it (terminate) on timeout, on cancel, or when the import is closed.
import { parentPort, workerData } from 'node:worker_threads'
import type { WorkerReply, WorkerRequest } from './protocol'
import {
  classifyReadError,
  loadCodepagesFor,
  readSheet,
  readWorkbook,
  type OpenedWorkbook
} from './read-workbook'

if (!parentPort) throw new Error('The import worker must run in a worker thread.')
const port = parentPort
let opened: OpenedWorkbook | null = null

// A worker started ahead of time (prewarmed) has idle time to load the codepage tables too.
if ((workerData as { prewarm?: boolean } | undefined)?.prewarm) void loadCodepagesFor(null)

port.on('message', async (req: WorkerRequest) => {
  const send = (reply: WorkerReply) => port.postMessage(reply)
  try {
    if (req.type === 'open') {
      opened = null
      await loadCodepagesFor(req.data)
      opened = readWorkbook(req.data, req.ext, req.fileName, req.limits, (stage, done, total) =>
        send({ id: req.id, type: 'progress', stage, done, total })
      )
      send({ id: req.id, type: 'opened', summary: opened.summary })
    } else {
      if (!opened) throw new Error('No workbook is open.')
      send({ id: req.id, type: 'read', result: readSheet(opened, req) })
    }
  } catch (err) {
    const e = classifyReadError(err)
    send({ id: req.id, type: 'failed', reason: e.reason, message: e.message })
  }
})
