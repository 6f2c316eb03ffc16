import { createHash } from 'node:crypto'
import { deflateRawSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { backupHeaderLine, decodeBackup, type BackupPayload } from '../../../shared/export/backup-format'
import { buildFreshFoodzPlan } from '../../../shared/planning/seed/freshfoodz'
import { answerBackup, crc32Combine, gzipAround } from './worker-backup'
import { crc32 } from 'node:zlib'

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

describe('the parts, read as they come', () => {
  /** A backup with some bulk: a plan's allocations and an entry's changes well over one part. */
  function big(): BackupPayload {
    const p = payload()
    const plan = p.plans[0]!
    const template = plan.allocations[0]!
    plan.allocations = Array.from({ length: 3000 }, (_, i) => ({
      ...template,
      id: `a${i}`,
      note: `ä ${i} "🚚"`
    }))
    p.history = [
      {
        seq: 1,
        planId: plan.plan.id,
        at: '2026-11-26T10:00:00.000Z',
        kind: 'import',
        summary: { key: 'history.import', values: { rows: 3000 } },
        changes: plan.allocations.map((a) => ({ table: 'allocations', id: a.id, before: null, after: a })),
        undone: false
      }
    ]
    return p
  }

  it('builds the very file the whole text checked at the finish gave, cut into any number of parts', async () => {
    const p = big()
    const text = JSON.stringify(p)
    const bytes = deflate(text)
    // The file as it was built before the parts were read as they came: header, then the whole body.
    const body = Buffer.from(text)
    const head = backupHeaderLine(p, body, { ...META, sha256 })
    const before = gzipAround(head, body, bytes)
    for (const parts of [1, 2, 7, 50, 997]) {
      const reply = await upload(bytes, parts)
      if (reply.type !== 'backup-file') throw new Error(`${parts}: ${reply.type}`)
      expect(Buffer.from(reply.bytes).equals(Buffer.from(before)), `${parts} parts`).toBe(true)
    }
    expect(decodeBackup(before, { sha256 }).payload).toEqual(p)
  })

  it('refuses a part whose text cannot go on as a backup at once, and the rest of that upload', async () => {
    const text = JSON.stringify(big())
    // A row cut short in the middle of the allocations: the JSON breaks there.
    const at = text.indexOf('"id":"a1500"')
    const bytes = deflate(`${text.slice(0, at)}]}${text.slice(at)}`)
    const uploadId = 'broken'
    const size = Math.ceil(bytes.length / 20)
    const replies = []
    for (let from = 0; from < bytes.length; from += size)
      replies.push(
        await answerBackup({ id: 1, type: 'backup-part', uploadId, bytes: bytes.subarray(from, from + size) })
      )
    const first = replies.findIndex((r) => r.type === 'file-refused')
    // Refused before the last part came, and every part after it too.
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(replies.length - 1)
    expect(replies.slice(first).every((r) => r.type === 'file-refused')).toBe(true)
    expect(replies[first]).toMatchObject({ message: expect.stringMatching(/incomplete or damaged/) })
    expect(await answerBackup({ id: 2, type: 'backup-finish', uploadId, ...META })).toMatchObject({
      type: 'file-refused'
    })
  })

  it('refuses a part that unpacks past the limit at once', async () => {
    const bytes = deflate(JSON.stringify(big()))
    const reply = await answerBackup({
      id: 1,
      type: 'backup-part',
      uploadId: 'huge',
      bytes,
      maxUnpackedBytes: 10_000
    })
    expect(reply).toMatchObject({ type: 'file-refused', message: expect.stringMatching(/too large/) })
    await answerBackup({ id: 2, type: 'backup-drop', uploadId: 'huge' })
  })
})

describe('crc32Combine', () => {
  it("is the CRC-32 of both from each one's", () => {
    const a = new TextEncoder().encode('{"format":"quartermaster-backup"}\n')
    for (const b of [new Uint8Array(0), new Uint8Array([0]), new TextEncoder().encode('ä'.repeat(70_001))])
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])))
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
