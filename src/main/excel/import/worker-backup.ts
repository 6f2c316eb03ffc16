// The parse worker's part of an automatic backup: it keeps the JSON text's parts as main receives
// them, then checks the whole text against the backup schema and builds the file (header line,
// body, gzip) off main's thread. On main, a database holding a 100,000-line import took 1.5 s of
// parse and schema check, then the UTF-8 copy and checksum, with every other IPC call waiting.
// A text that is not a whole, valid backup is refused and nothing is written.
// Main keeps one such worker warm for every automatic backup, so the parts are kept per upload.
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { backupFileBytes, backupPayloadSchema } from '../../../shared/export/backup-format'
import type { WorkerReply, WorkerRequest } from './protocol'

const gzipAsync = promisify(gzip)

type BackupRequest = Extract<WorkerRequest, { type: 'backup-part' | 'backup-finish' | 'backup-drop' }>

/** Upload id → the parts received so far. */
const uploads = new Map<string, { parts: string[]; chars: number }>()

export async function answerBackup(req: BackupRequest): Promise<WorkerReply> {
  if (req.type === 'backup-drop') {
    uploads.delete(req.uploadId)
    return { id: req.id, type: 'backup-dropped' }
  }
  if (req.type === 'backup-part') {
    let u = uploads.get(req.uploadId)
    if (!u) uploads.set(req.uploadId, (u = { parts: [], chars: 0 }))
    u.parts.push(req.text)
    u.chars += req.text.length
    return { id: req.id, type: 'backup-received', chars: u.chars }
  }
  const text = uploads.get(req.uploadId)?.parts.join('') ?? ''
  uploads.delete(req.uploadId)
  let payload
  try {
    payload = backupPayloadSchema.parse(JSON.parse(text))
  } catch {
    return {
      id: req.id,
      type: 'file-refused',
      code: 'invalid',
      message: 'The backup data is incomplete or damaged; nothing was written.'
    }
  }
  const body = Buffer.from(text, 'utf8')
  const file = backupFileBytes(payload, body, {
    createdAt: req.createdAt,
    appVersion: req.appVersion,
    sha256: (b) => createHash('sha256').update(b).digest('hex')
  })
  const gz = await gzipAsync(file, { level: 6 })
  // A Buffer may sit in a shared pool: a copy that owns its memory can be moved to main.
  const bytes = gz.byteOffset === 0 && gz.byteLength === gz.buffer.byteLength ? gz : new Uint8Array(gz)
  return { id: req.id, type: 'backup-file', bytes: new Uint8Array(bytes.buffer, 0, bytes.byteLength) }
}
