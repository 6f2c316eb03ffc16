import { createHash } from 'node:crypto'
import { deflateRawSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeBackup, type BackupPayload } from '../../../shared/export/backup-format'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { answerBackup, gzipAround } from './worker-backup'

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const META = { createdAt: '2026-11-26T10:00:00.000Z', appVersion: '0.1.0' }

function payload(): BackupPayload {
  const plan = buildFreshFoodzPlan()
  // Text beyond ASCII: umlauts and a character outside the BMP (a surrogate pair in JS).
  plan.plan.name = 'Übergabe 🚚 Straße'
  return { plans: [plan], history: [], mappings: [], settings: [{ key: 'language', value: 'de' }] }
}

let seq = 0
/** Sends `bytes` to the worker's backup code in `parts` parts and finishes; the reply. */
async function upload(bytes: Uint8Array, parts = 3, maxUnpackedBytes?: number) {
  const uploadId = `u${++seq}`
  const size = Math.ceil(bytes.length / parts)
  for (let at = 0; at < bytes.length; at += size)
    await answerBackup({ id: 1, type: 'backup-part', uploadId, bytes: bytes.subarray(at, at + size) })
  return answerBackup({ id: 2, type: 'backup-finish', uploadId, ...META, maxUnpackedBytes })
}

const deflate = (text: string) => new Uint8Array(deflateRawSync(text))

describe("the automatic backup's file, built around the window's deflated text", () => {
  it('restores exactly: header, checksum and every value of the payload', async () => {
    const p = payload()
    const text = JSON.stringify(p)
    const reply = await upload(deflate(text))
    if (reply.type !== 'backup-file') throw new Error(reply.type)
    const decoded = decodeBackup(reply.bytes, { sha256 })
    expect(decoded.payload).toEqual(p)
    expect(decoded.header).toMatchObject({
      ...META,
      payloadBytes: Buffer.byteLength(text),
      checksum: `sha256:${sha256(Buffer.from(text))}`,
      counts: { plans: 1, history: 0, mappings: 0 }
    })
    // Any gzip reader sees the header line, then the text.
    const plain = gunzipSync(reply.bytes).toString('utf8')
    expect(plain.slice(plain.indexOf('\n') + 1)).toBe(text)
  })

  it('refuses a cut stream, bytes after its end, and whole JSON that is not a backup', async () => {
    const bytes = deflate(JSON.stringify(payload()))
    const refused = { type: 'file-refused', message: expect.stringMatching(/incomplete or damaged/) }
    expect(await upload(bytes.subarray(0, bytes.length - 20))).toMatchObject(refused)
    const extra = new Uint8Array(bytes.length + 4)
    extra.set(bytes)
    extra.set([1, 2, 3, 4], bytes.length)
    expect(await upload(extra)).toMatchObject(refused)
    expect(await upload(deflate('{"plans":[]}'))).toMatchObject(refused)
    expect(await upload(deflate('not json'))).toMatchObject(refused)
    expect(await upload(new Uint8Array([0xff, 0xff, 0xff]))).toMatchObject(refused)
    expect(await upload(new Uint8Array(0), 1)).toMatchObject(refused)
  })

  it('refuses a text that inflates past the limit', async () => {
    const bytes = deflate(JSON.stringify(payload()))
    expect(await upload(bytes, 2, 1000)).toMatchObject({
      type: 'file-refused',
      message: expect.stringMatching(/too large/)
    })
  })
})

describe('gzipAround', () => {
  it('is a gzip of the head and the body, whatever the body deflated to', () => {
    const head = new TextEncoder().encode('{"h":1}\n')
    for (const body of [
      new TextEncoder().encode('{}'),
      new TextEncoder().encode('x'.repeat(100_000) + 'ä')
    ]) {
      const gz = gzipAround(head, body, deflateRawSync(body, { level: 1 }))
      expect(new Uint8Array(gunzipSync(gz))).toEqual(new Uint8Array([...head, ...body]))
    }
  })
})
