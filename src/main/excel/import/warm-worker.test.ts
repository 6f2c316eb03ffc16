import { deflateRawSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createWarmWorker, type WarmWorker } from './warm-worker'
import { FileRefusedError, ImportError } from './errors'

const DEFLATED = deflateRawSync(JSON.stringify({ plans: [], history: [], mappings: [], settings: [] }))
/** The deflated backup in two parts, as the window sends it. */
const PARTS = [DEFLATED.subarray(0, 10), DEFLATED.subarray(10)] as const
const META = { createdAt: '2026-11-26T10:00:00.000Z', appVersion: '0.1.0' }

/** One automatic backup through the worker: the text in two parts, then the finish. */
async function backupThrough(w: WarmWorker, uploadId: string): Promise<Uint8Array> {
  const s = w.session()
  await s.backupPart(uploadId, PARTS[0])
  await s.backupPart(uploadId, PARTS[1])
  return s.backupFinish(uploadId, META)
}

let opened: WarmWorker[] = []
const warm = (options: Parameters<typeof createWarmWorker>[0] = {}) => {
  const w = createWarmWorker(options)
  opened.push(w)
  return w
}
afterEach(async () => {
  await Promise.all(opened.map((w) => w.close()))
  opened = []
})

describe('the warm backup worker', () => {
  it('serves backup after backup from the one worker it started', async () => {
    const w = warm()
    w.prewarm()
    const first = w.session()
    expect(w.started).toBe(1)
    const a = await backupThrough(w, 'a')
    const b = await backupThrough(w, 'b')
    expect(a[0]).toBe(0x1f) // gzip
    expect(b.length).toBe(a.length)
    expect(w.session()).toBe(first)
    expect(w.started).toBe(1)
  })

  it("keeps each upload's parts apart and forgets a dropped upload's", async () => {
    const w = warm()
    const s = w.session()
    await s.backupPart('kept', PARTS[0])
    await s.backupPart('dropped', PARTS[0])
    await s.backupPart('kept', PARTS[1])
    await s.backupPart('dropped', PARTS[1])
    await s.backupDrop('dropped')
    expect((await s.backupFinish('kept', META))[0]).toBe(0x1f)
    // Nothing left of the dropped upload: finishing it is refused, and the worker goes on.
    await expect(s.backupFinish('dropped', META)).rejects.toBeInstanceOf(FileRefusedError)
    expect(s.alive()).toBe(true)
    expect((await backupThrough(w, 'next'))[0]).toBe(0x1f)
    expect(w.started).toBe(1)
  })

  it('replaces a worker that hung (a request over the time limit was stopped)', async () => {
    // 5 ms: the worker cannot even load its code in that time, so its first answer is late.
    const w = warm({ limits: { timeoutMs: 5 } })
    const hung = w.session()
    const err = await backupThrough(w, 'a').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImportError)
    expect((err as ImportError).reason).toBe('timeout')
    expect(hung.alive()).toBe(false)
    const next = w.session()
    expect(next).not.toBe(hung)
    expect(next.alive()).toBe(true)
    expect(w.started).toBe(2)
  })

  it('replaces a worker that crashed', async () => {
    // A heap this small cannot load the worker's code: the thread dies.
    const w = warm({ limits: { maxOldGenerationSizeMb: 4 } })
    const crashed = w.session()
    const err = await backupThrough(w, 'a').catch((e: unknown) => e)
    expect((err as ImportError).reason).toBe('out-of-memory')
    expect(crashed.alive()).toBe(false)
    expect(w.session()).not.toBe(crashed)
    expect(w.started).toBe(2)
  })

  it('ends its worker when closed (the app quits); a later backup starts another', async () => {
    const w = warm()
    const s = w.session()
    await backupThrough(w, 'a')
    await w.close()
    expect(s.alive()).toBe(false)
    expect((await backupThrough(w, 'b'))[0]).toBe(0x1f)
    expect(w.started).toBe(2)
  })
})
