// Committing a planned import, and saving its error report.
// The commit: a safety backup and, meanwhile, the entity changes page by page from main's worker
// (packed, the window stays responsive between pages; fetched from the moment the preview shows);
// once both are in, one transaction in the database.
import type { SessionPlanSummary } from '@shared/import/plan-import'
import { unpackChanges } from '@shared/import/packed-changes'
import { MAX_CHANGES_PAGE } from '@shared/ipc/channels/import'
import type { EntityChange } from '@shared/planning/types'
import { invoke } from '../../lib/ipc'
import { toast, toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { commitImport, type ImportInto } from '../../db/imports'
import { autoBackup } from '../../db/backup'

/**
 * Entity changes fetched per call when committing. Packed, a page of 5,000 budget lines is about
 * 600 kB of JSON and takes the window a few ms to take in; each call costs a round trip besides.
 */
const CHANGES_PAGE = MAX_CHANGES_PAGE

export type CommitProgress = { done: number; total: number; saving: boolean }

/**
 * Pages asked for before the one being taken in has arrived: main's worker packs the next while
 * this window unpacks the last, instead of each page's round trip waiting for the one before.
 */
const PAGES_IN_FLIGHT = 3

/** The commit's entity changes, page by page from the worker, yielding to the window between pages. */
export async function fetchChanges(
  sessionId: string,
  summary: SessionPlanSummary,
  onProgress: (p: CommitProgress) => void,
  changedMeanwhile: string,
  signal?: AbortSignal
): Promise<EntityChange[]> {
  const total = summary.changeCount
  const changes: EntityChange[] = []
  const rowsDone = () => Math.max(0, changes.length - summary.newRoles)
  onProgress({ done: 0, total: summary.importCount, saving: false })
  const offsets: number[] = []
  for (let offset = 0; offset < total; offset += CHANGES_PAGE) offsets.push(offset)
  const ask = (offset: number) => {
    const page = invoke('import:changes', {
      sessionId,
      version: summary.version,
      offset,
      limit: CHANGES_PAGE
    })
    // Awaited in order below; one refused early must not go unhandled while an earlier one is awaited.
    page.catch(() => undefined)
    return page
  }
  const asked = offsets.slice(0, PAGES_IN_FLIGHT).map(ask)
  for (let i = 0; i < offsets.length; i++) {
    const page = await asked[i]!
    signal?.throwIfAborted()
    const next = offsets[i + PAGES_IN_FLIGHT]
    if (next !== undefined) asked.push(ask(next))
    // The worker refuses pages of an older plan; a short page would mean a broken one.
    const expected = Math.min(CHANGES_PAGE, total - offsets[i]!)
    if (page.total !== total || page.offset !== offsets[i] || page.packed.count !== expected)
      throw new Error(changedMeanwhile)
    for (const c of unpackChanges(page.packed)) changes.push(c)
    onProgress({ done: rowsDone(), total: summary.importCount, saving: false })
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return changes
}

/** The changes of a planned import, fetched while the user reads its preview. */
export type ChangesPrefetch = {
  planned: SessionPlanSummary
  changes: Promise<EntityChange[]>
  /** Reports the fetch's progress so far, and from now on, to the commit that waits for it. */
  follow: (onProgress: (p: CommitProgress) => void) => void
  /** Asks for no more pages (the plan was replanned, or the preview left). */
  cancel: () => void
}

/**
 * Starts fetching a planned import's changes before the user commits: reading them writes
 * nothing, and the commit then waits only for what has not arrived yet.
 */
export function prefetchChanges(sessionId: string, planned: SessionPlanSummary): ChangesPrefetch {
  const abort = new AbortController()
  let follower: ((p: CommitProgress) => void) | null = null
  let last: CommitProgress | null = null
  const report = (p: CommitProgress) => {
    last = p
    follower?.(p)
  }
  // Its own failure is not reported: a commit that finds it failed fetches again and says why.
  const changes = fetchChanges(sessionId, planned, report, '', abort.signal)
  changes.catch(() => undefined)
  return {
    planned,
    changes,
    follow: (onProgress) => {
      follower = onProgress
      if (last) onProgress(last)
    },
    cancel: () => abort.abort()
  }
}

/**
 * Backs up, fetches and commits the planned import into the current plan (`planId`) or, when the
 * summary carries one, a new plan. Resolves to the plan written, or null when there is none.
 */
export async function commitPlannedImport(options: {
  sessionId: string
  planned: SessionPlanSummary
  target: 'current' | 'new'
  planId: string | null
  fileName: string
  onProgress: (p: CommitProgress) => void
  changedMeanwhile: string
  /** The changes as fetched during the preview; used when of this very plan of the import. */
  prefetched?: ChangesPrefetch | null
}): Promise<string | null> {
  const { sessionId, planned, onProgress } = options
  const into: ImportInto | null =
    options.target === 'new' && planned.newPlan
      ? { kind: 'new', plan: planned.newPlan }
      : options.planId
        ? { kind: 'current', planId: options.planId }
        : null
  if (!into) return null
  // A safety copy of everything first; if it cannot be written, nothing is imported. The changes
  // are fetched meanwhile: reading them writes nothing, and both mostly wait for main.
  // User timing measures: bench:import-ui prints where a commit's time went.
  const t0 = performance.now()
  const backup = autoBackup('import').then(() => performance.measure('import: backup', { start: t0 }))
  const fetchNow = () => fetchChanges(sessionId, planned, onProgress, options.changedMeanwhile)
  const early = options.prefetched?.planned === planned ? options.prefetched : null
  early?.follow(onProgress)
  const fetching = early ? early.changes.catch(fetchNow) : fetchNow()
  const fetched = fetching.then((c) => {
    performance.measure('import: fetch changes', { start: t0 })
    return c
  })
  // A failed fetch is reported below, after the backup's own outcome.
  fetched.catch(() => undefined)
  await backup
  const changes = await fetched
  const t2 = performance.now()
  onProgress({ done: planned.importCount, total: planned.importCount, saving: true })
  const summary = { key: 'importRows', values: { count: planned.importCount, file: options.fileName } }
  const written = await commitImport(into, summary, changes)
  performance.measure('import: write', { start: t2, end: performance.now() })
  return written
}

/** Saves the rows with problems as a spreadsheet where the user chooses, and says where. */
export async function saveErrorReport(sessionId: string, sourceName: string) {
  try {
    const saved = await invoke('import:save-error-report', { sessionId, sourceName })
    if (saved) toast({ title: msg('import:reportSaved', { path: saved.path }), kind: 'success' })
  } catch (err) {
    toastError(msg('import:failed'), err)
  }
}
