// The parse worker's part of an automatic backup: it keeps the JSON text's parts as main receives
// them, then checks the whole text against the backup schema and builds the file (header line,
// body, gzip) off main's thread. On main, a database holding a 100,000-line import took 1.5 s of
// parse and schema check, then the UTF-8 copy and checksum, with every other IPC call waiting.
// A text that is not a whole, valid backup is refused and nothing is written.
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import { backupFileBytes, backupPayloadSchema } from '../../../shared/export/backup-format'
import type { WorkerReply, WorkerRequest } from './protocol'

const gzipAsync = promisify(gzip)

type BackupRequest = Extract<WorkerRequest, { type: 'backup-part' | 'backup-finish' }>

let parts: string[] = []
let chars = 0

export async function answerBackup(req: BackupRequest): Promise<WorkerReply> {
  if (req.type === 'backup-part') {
    parts.push(req.text)
    chars += req.text.length
    return { id: req.id, type: 'backup-received', chars }
  }
  const text = parts.join('')
  parts = []
  chars = 0
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
