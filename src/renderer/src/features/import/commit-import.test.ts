import { afterEach, describe, expect, it, vi } from 'vitest'
import { changesPage } from '@shared/import/plan-import'
import type { SessionPlanSummary } from '@shared/import/plan-import'
import type { EntityChange } from '@shared/planning/types'

// The page fetch alone: the window bridge is replaced by a worker answering from a change list.
const answer = vi.fn()
vi.mock('../../lib/ipc', () => ({ invoke: (channel: string, request: unknown) => answer(channel, request) }))
vi.mock('../../components/Toaster', () => ({ toast: vi.fn(), toastError: vi.fn() }))
vi.mock('../../db/imports', () => ({ commitImport: vi.fn() }))
vi.mock('../../db/backup', () => ({ autoBackup: vi.fn() }))

const { fetchChanges } = await import('./commit-import')
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
