// The preview step's data: the rows kept in main's worker matched to the chosen target (the plan
// summary), the preview table's first page, and further pages as the table scrolls to them.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportTarget, PreviewPage, SessionPlanSummary } from '@shared/import/plan-import'
import type { SheetOverview } from '@shared/import/workbook'
import { planStructureOf, type PlanStructure } from '@shared/import/to-plan'
import type { PlanData } from '@shared/planning/types'
import { invoke } from '../../lib/ipc'
import { PREVIEW_PAGE } from './PreviewTable'
import { prefetchChanges, type ChangesPrefetch } from './commit-import'

export type ImportPreview = {
  planned: SessionPlanSummary | null
  planning: boolean
  /** The preview's first page; seq keys the table, so a new plan or filter starts it afresh. */
  preview: { page: PreviewPage; seq: number } | null
  loadPreview: (offset: number, limit: number) => Promise<PreviewPage>
  /** Forgets the plan and preview (a new read, or the wizard closing). */
  clear: () => void
  /** The changes of the plan shown, fetched meanwhile (null before there is one). */
  prefetched: () => ChangesPrefetch | null
}

export function useImportPreview(options: {
  sessionId: () => string | null
  active: boolean
  read: SheetOverview | null
  target: 'current' | 'new'
  createRoles: boolean
  onlyProblems: boolean
  plan: PlanData | undefined
  newPlanName: string
  failed: (err: unknown) => void
}): ImportPreview {
  const { sessionId, active, read, target, onlyProblems, plan, newPlanName, failed } = options
  const [planned, setPlanned] = useState<SessionPlanSummary | null>(null)
  const [planning, setPlanning] = useState(false)
  const [preview, setPreview] = useState<ImportPreview['preview']>(null)
  const planSeq = useRef(0)
  const previewSeq = useRef(0)

  // Only the names matching needs go to the worker; a key keeps edits elsewhere from replanning.
  // Serialized only when the names can have changed: every board drop gives a new plan object
  // (with the same roles, phases and workstreams), and this hook stays mounted with the wizard.
  // Made only while the preview is shown (the wizard stays mounted, closed, on every plan): where
  // each role works per quarter, which gives the workstream of rows without one, is a pass over
  // every allocation, a long task on opening a plan of 200,000 allocations.
  const quartersKey = plan?.plan.quarters.join(',')
  const allocationsWhileActive = active ? plan?.allocations : null
  const structureKey = useMemo(
    () => (plan && active ? JSON.stringify(planStructureOf(plan)) : null),
    [active, plan?.plan.id, quartersKey, plan?.phases, plan?.workstreams, plan?.roles, allocationsWhileActive] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const structure = useMemo(
    () => (structureKey ? (JSON.parse(structureKey) as PlanStructure) : null),
    [structureKey]
  )
  // The current plan's structure and the roles option matter only when importing into it.
  const currentStructure = target === 'current' ? structure : null
  const currentCreateRoles = target === 'current' && options.createRoles

  const clear = useCallback(() => {
    setPlanned(null)
    setPlanning(false)
    setPreview(null)
    planSeq.current++
    previewSeq.current++
  }, [])

  useEffect(() => {
    const id = sessionId()
    if (!active || !read || !id) return
    const into: ImportTarget | null =
      target === 'new'
        ? { kind: 'new', name: newPlanName }
        : currentStructure
          ? { kind: 'current', plan: currentStructure, createRoles: currentCreateRoles }
          : null
    const seq = ++planSeq.current
    if (!into) {
      setPlanned(null)
      return
    }
    setPlanning(true)
    invoke('import:plan', { sessionId: id, target: into })
      .then((summary) => {
        if (seq === planSeq.current) startTransition(() => setPlanned(summary))
      })
      .catch((err: unknown) => {
        if (seq === planSeq.current) failed(err)
      })
      .finally(() => {
        if (seq === planSeq.current) setPlanning(false)
      })
  }, [sessionId, active, read, target, currentStructure, currentCreateRoles, newPlanName, failed])

  // The first page of the preview table for the current plan and filter.
  useEffect(() => {
    const id = sessionId()
    if (!planned || !id) return
    const seq = ++previewSeq.current
    invoke('import:preview', { sessionId: id, offset: 0, limit: PREVIEW_PAGE, onlyProblems })
      .then((page) => {
        if (seq === previewSeq.current) startTransition(() => setPreview({ page, seq }))
      })
      .catch((err: unknown) => {
        if (seq === previewSeq.current) failed(err)
      })
  }, [sessionId, planned, onlyProblems, failed])

  // The changes the commit writes are fetched while the preview is read, once its first page is
  // shown (it goes first); a new plan (another target, mapping or file) or leaving the preview
  // stops that fetch and drops what it got.
  const prefetch = useRef<ChangesPrefetch | null>(null)
  const previewShown = preview !== null
  useEffect(() => {
    const id = sessionId()
    if (!active || !planned || !previewShown || !id || planned.changeCount === 0) return
    const p = prefetchChanges(id, planned)
    prefetch.current = p
    return () => {
      p.cancel()
      if (prefetch.current === p) prefetch.current = null
    }
  }, [sessionId, active, planned, previewShown])
  const prefetched = useCallback(() => prefetch.current, [])

  const loadPreview = useCallback(
    async (offset: number, limit: number) => {
      const id = sessionId()
      if (!id) throw new Error('The import is closed.')
      try {
        return await invoke('import:preview', { sessionId: id, offset, limit, onlyProblems })
      } catch (err) {
        failed(err)
        throw err
      }
    },
    [sessionId, onlyProblems, failed]
  )

  return { planned, planning, preview, loadPreview, clear, prefetched }
}
