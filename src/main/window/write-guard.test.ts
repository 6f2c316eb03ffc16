import { describe, expect, it, vi } from 'vitest'
import { createWriteGuard } from './write-guard'

describe('write guard', () => {
  it('waits for the renderer to answer the request it sent', async () => {
    const asked: string[] = []
    const guard = createWriteGuard({ ask: (id) => (asked.push(id), true), timeoutMs: 1000 })
    let outcome: string | undefined
    void guard.flush().then((o) => (outcome = o))
    await Promise.resolve()
    expect(asked).toHaveLength(1)
    expect(outcome).toBeUndefined()
    guard.answered('some-other-id')
    await Promise.resolve()
    expect(outcome).toBeUndefined()
    guard.answered(asked[0]!)
    await vi.waitFor(() => expect(outcome).toBe('flushed'))
  })

  it('goes ahead after the bound when the renderer never answers', async () => {
    vi.useFakeTimers()
    try {
      const guard = createWriteGuard({ ask: () => true, timeoutMs: 30_000 })
      let outcome: string | undefined
      void guard.flush().then((o) => (outcome = o))
      await vi.advanceTimersByTimeAsync(29_999)
      expect(outcome).toBeUndefined()
      await vi.advanceTimersByTimeAsync(1)
      expect(outcome).toBe('timeout')
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not wait when there is no renderer to ask', async () => {
    const guard = createWriteGuard({ ask: () => false, timeoutMs: 30_000 })
    await expect(guard.flush()).resolves.toBe('no-window')
  })

  it('shares one request between callers (close and quit at once) and asks again afterwards', async () => {
    const asked: string[] = []
    const guard = createWriteGuard({ ask: (id) => (asked.push(id), true), timeoutMs: 1000 })
    const a = guard.flush()
    const b = guard.flush()
    expect(asked).toHaveLength(1)
    guard.answered(asked[0]!)
    await expect(Promise.all([a, b])).resolves.toEqual(['flushed', 'flushed'])
    const c = guard.flush()
    expect(asked).toHaveLength(2)
    guard.answered(asked[0]!) // a late answer to the old request does not settle the new one
    guard.answered(asked[1]!)
    await expect(c).resolves.toBe('flushed')
  })
})
