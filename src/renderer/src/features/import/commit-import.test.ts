import { afterEach, describe, expect, it, vi } from 'vitest'
import { changesPage } from '@shared/import/plan-import'
import type { SessionPlanSummary } from '@shared/import/plan-import'
import type { EntityChange } from '@shared/planning/types'

// The page fetch alone: the window bridge is replaced by a worker answering from a change list.
const answer = vi.fn()
vi.mock('../../lib/ipc', () => ({ invoke: (channel: string, request: unknown) => answer(channel, request) }))
vi.mock('../../components/Toaster', () => ({ toast: vi.fn(), toastError: vi.fn() }))
vi.mock('../../db/imports', () => ({ commitImport: vi.fn(async () => 'p') }))
vi.mock('../../db/backup', () => ({ autoBackup: vi.fn(async () => 'backup') }))

const { commitPlannedImport, fetchChanges, prefetchChanges } = await import('./commit-import')
const { commitImport } = await import('../../db/imports')
const { MAX_CHANGES_PAGE } = await import('@shared/ipc/channels/import')

const line = (i: number): EntityChange =>
  ({
    table: 'budgetLines',
    id: `bl-${i}`,
    before: null,
    after: { id: `bl-${i}`, planId: 'p', order: i, title: `Line ${i}`, amountCents: i * 100 }
  }) as unknown as EntityChange

// The tests run in Node; the renderer's types know no `process`.
type Emitter = { on(event: string, f: () => void): void; off(event: string, f: () => void): void }
const node = (globalThis as unknown as { process: Emitter }).process

const summary = (changeCount: number): SessionPlanSummary =>
  ({ version: 3, changeCount, importCount: changeCount, newRoles: 0 }) as unknown as SessionPlanSummary

afterEach(() => answer.mockReset())

describe('fetchChanges', () => {
  it('asks for the next pages before the last has arrived and keeps the changes in order', async () => {
    const all = Array.from({ length: MAX_CHANGES_PAGE * 4 + 7 }, (_, i) => line(i))
    let inFlight = 0
    let most = 0
    answer.mockImplementation(async (_channel: string, q: { offset: number; limit: number }) => {
      inFlight++
      most = Math.max(most, inFlight)
      // Later pages answer first: the order of the answers must not matter.
      await new Promise((r) => setTimeout(r, 40 - q.offset / MAX_CHANGES_PAGE))
      inFlight--
      return changesPage({ changes: all }, q)
    })
    const progress: number[] = []
    const got = await fetchChanges('s', summary(all.length), (p) => progress.push(p.done), 'changed')
    expect(got).toEqual(all)
    expect(answer).toHaveBeenCalledTimes(5)
    expect(most).toBeGreaterThan(1)
    expect(most).toBeLessThanOrEqual(3)
    expect(progress.at(-1)).toBe(all.length)
  })

  it('says the plan changed when a page is refused, with no rejection left unhandled', async () => {
    const all = Array.from({ length: MAX_CHANGES_PAGE * 3 }, (_, i) => line(i))
    const unhandled = vi.fn()
    node.on('unhandledRejection', unhandled)
    answer.mockImplementation(async (_channel: string, q: { offset: number; limit: number }) => {
      if (q.offset > 0) throw new Error('This import was planned again.')
      await new Promise((r) => setTimeout(r, 20))
      return changesPage({ changes: all }, q)
    })
    await expect(fetchChanges('s', summary(all.length), () => undefined, 'changed')).rejects.toThrow(
      'This import was planned again.'
    )
    await new Promise((r) => setTimeout(r, 50))
    node.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })

  it('says the plan changed when a page is short or of another size', async () => {
    const all = Array.from({ length: MAX_CHANGES_PAGE + 10 }, (_, i) => line(i))
    answer.mockImplementation(async (_channel: string, q: { offset: number; limit: number }) =>
      changesPage({ changes: all.slice(0, MAX_CHANGES_PAGE + 5) }, q)
    )
    await expect(fetchChanges('s', summary(all.length), () => undefined, 'changed')).rejects.toThrow(
      'changed'
    )
  })
})

describe('changes fetched during the preview', () => {
  const all = Array.from({ length: MAX_CHANGES_PAGE * 2 + 3 }, (_, i) => line(i))
  const worker = () =>
    answer.mockImplementation(async (_channel: string, q: { offset: number; limit: number }) => {
      await new Promise((r) => setTimeout(r, 5))
      return changesPage({ changes: all }, q)
    })
  const commit = (planned: SessionPlanSummary, prefetched: ReturnType<typeof prefetchChanges> | null) =>
    commitPlannedImport({
      sessionId: 's',
      planned,
      target: 'current',
      planId: 'p',
      fileName: 'f.xlsx',
      onProgress: () => undefined,
      changedMeanwhile: 'changed',
      prefetched
    })

  it('the commit writes what was fetched for its plan without asking main again', async () => {
    worker()
    const planned = summary(all.length)
    const early = prefetchChanges('s', planned)
    await early.changes
    const asked = answer.mock.calls.length
    expect(asked).toBe(3)
    await commit(planned, early)
    expect(answer).toHaveBeenCalledTimes(asked)
    expect(vi.mocked(commitImport).mock.lastCall?.[2]).toEqual(all)
  })

  it('a commit of another plan, or after the fetch failed, fetches itself', async () => {
    worker()
    const early = prefetchChanges('s', summary(all.length))
    await early.changes
    await commit(summary(all.length), early)
    expect(answer).toHaveBeenCalledTimes(6)

    answer.mockReset()
    answer.mockRejectedValueOnce(new Error('busy'))
    worker()
    const planned = summary(all.length)
    const failed = prefetchChanges('s', planned)
    await expect(failed.changes).rejects.toThrow('busy')
    await commit(planned, failed)
    expect(vi.mocked(commitImport).mock.lastCall?.[2]).toEqual(all)
  })

  it('cancelled, it asks for no more pages', async () => {
    worker()
    const early = prefetchChanges('s', summary(MAX_CHANGES_PAGE * 10))
    early.cancel()
    await expect(early.changes).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 30))
    expect(answer.mock.calls.length).toBeLessThanOrEqual(3)
  })
})
