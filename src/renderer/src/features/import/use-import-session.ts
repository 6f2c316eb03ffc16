// The import wizard's session: which step it is on, the file opened in main's parse worker, the
// sheet and mapping read from it, the preview and the commit. Components render it; main keeps
// the rows (the window gets counts and pages, never the sheet).
import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOpened } from '@shared/ipc/channels/import'
import type { SheetOverview, TextEncoding } from '@shared/import/workbook'
import type { ColumnMapping } from '@shared/import/types'
import { IpcCallError, invoke, onMainEvent, hasApi } from '../../lib/ipc'
import { useAction } from '../../shell/actions'
import { useCurrentPlanId, useSelectPlan } from '../../shell/current-plan'
import { runUndo } from '../../shell/undo'
import { usePlanData } from '../../db/plan-data'
import { recallStoredMapping, rememberStoredMapping } from '../../db/imports'
import { toast, toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import {
  failureOf,
  recallMapping,
  recalledScaleByHand,
  redetectScale,
  rememberedEncoding,
  rememberMapping,
  type Failure,
  type Progress,
  type Step
} from './wizard-model'
import { useImportPreview } from './use-import-preview'
import { commitPlannedImport, saveErrorReport, type CommitProgress } from './commit-import'
import { useImportListeners } from './use-import-listeners'

export function useImportSession() {
  const { t } = useTranslation('import')
  const planId = useCurrentPlanId()
  const plan = usePlanData(planId)
  const selectPlan = useSelectPlan()
  const [open, setOpen] = useState(false)
  const [step, setStep] = useState<Step>('file')
  const [task, setTask] = useState<{ id: string; file: string } | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [opened, setOpened] = useState<ImportOpened | null>(null)
  const [sheet, setSheet] = useState(0)
  const [headerRow, setHeaderRow] = useState(1)
  const [mapping, setMapping] = useState<ColumnMapping | null>(null)
  const [read, setRead] = useState<SheetOverview | null>(null)
  const [remembered, setRemembered] = useState(false)
  /** The user chose the unit in "Amounts written": remapping the amount column keeps it. */
  const [scaleByHand, setScaleByHand] = useState(false)
  /** The encoding a remembered mapping read the file in again (detection had chosen another). */
  const [recalledEncoding, setRecalledEncoding] = useState<TextEncoding | null>(null)
  const [target, setTarget] = useState<'current' | 'new'>('current')
  const [createRoles, setCreateRoles] = useState(false)
  const [skipBad, setSkipBad] = useState(false)
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [busy, setBusy] = useState(false)
  /** A commit's progress: rows fetched from main so far, then saving; null when not committing. */
  const [preparing, setPreparing] = useState<CommitProgress | null>(null)
  const readSeq = useRef(0)
  const taskRef = useRef<string | null>(null)
  const sessionRef = useRef<string | null>(null)
  const sessionId = useCallback(() => sessionRef.current, [])

  useEffect(() => onMainEvent('progress', (p) => p.taskId === taskRef.current && setProgress(p)), [])

  /** A failed call on the session: a refusal leaves it open; anything else has stopped its worker. */
  const sessionFailed = useCallback((err: unknown) => {
    setFailure(failureOf(err))
    if (err instanceof IpcCallError && err.code !== 'refused') {
      sessionRef.current = null
      setStep('file')
    }
  }, [])

  const fileName = opened ? (opened.path.split(/[\\/]/).pop() ?? opened.path) : ''
  const newPlanName = t('newPlanName', { file: fileName })
  const previewState = useImportPreview({
    sessionId,
    active: step === 'preview',
    read,
    target,
    createRoles,
    onlyProblems,
    plan,
    newPlanName,
    failed: sessionFailed
  })
  const { clear: clearPreview, planned } = previewState

  const reset = useCallback(() => {
    if (sessionRef.current)
      void invoke('import:close', { sessionId: sessionRef.current }).catch(() => undefined)
    sessionRef.current = null
    taskRef.current = null
    setStep('file')
    setTask(null)
    setProgress(null)
    setFailure(null)
    setOpened(null)
    setMapping(null)
    setRead(null)
    setRemembered(false)
    setScaleByHand(false)
    setRecalledEncoding(null)
    setTarget('current')
    setCreateRoles(false)
    setSkipBad(false)
    setOnlyProblems(false)
    setBusy(false)
    setPreparing(null)
    clearPreview()
  }, [clearPreview])

  const openFile = useCallback(async (path?: string, encoding?: TextEncoding) => {
    const taskId = globalThis.crypto.randomUUID()
    taskRef.current = taskId
    setFailure(null)
    setProgress(null)
    setTask({ id: taskId, file: path ? (path.split(/[\\/]/).pop() ?? path) : '' })
    setStep('reading')
    try {
      const result = await invoke('import:open', { taskId, path, encoding })
      if (taskRef.current !== taskId) return
      if (!result) {
        setStep('file')
        return
      }
      if (sessionRef.current)
        void invoke('import:close', { sessionId: sessionRef.current }).catch(() => undefined)
      sessionRef.current = result.sessionId
      setOpened(result)
      const best = result.summary.sheets[result.summary.bestSheet]
      setSheet(best.index)
      setHeaderRow(best.headerRow || 1)
      setStep('sheet')
    } catch (err) {
      if (taskRef.current !== taskId) return
      setFailure(failureOf(err))
      setStep('file')
    } finally {
      if (taskRef.current === taskId) taskRef.current = null
    }
  }, [])

  const start = useCallback(
    (path?: string) => {
      reset()
      setOpen(true)
      if (hasApi()) void invoke('import:prepare', {}).catch(() => undefined)
      if (path) void openFile(path)
    },
    [reset, openFile]
  )

  useAction({
    id: 'import',
    label: 'import:title',
    group: 'file',
    shortcuts: ['Mod+I'],
    perform: () => start()
  })
  useImportListeners(start)

  const cancelTask = async () => {
    const id = taskRef.current
    if (id) await invoke('import:cancel', { taskId: id }).catch(() => undefined)
    taskRef.current = null
    setFailure({ reason: 'cancelled', message: t('reason.cancelled') })
    setStep('file')
  }

  const readWith = useCallback(
    async (m: ColumnMapping | undefined, row: number, sheetIndex: number) => {
      if (!sessionRef.current) return null
      const seq = ++readSeq.current
      // Not urgent either: the click that asks returns at once, the whole dialog re-renders in slices.
      startTransition(() => setBusy(true))
      try {
        const r = await invoke('import:read-sheet', {
          sessionId: sessionRef.current,
          sheet: sheetIndex,
          headerRow: row,
          mapping: m
        })
        if (seq !== readSeq.current) return null
        // Answers from main render as transitions: React renders them in slices between other work.
        startTransition(() => {
          setRead(r)
          setMapping(r.mapping)
          clearPreview()
        })
        return r
      } catch (err) {
        if (seq === readSeq.current) sessionFailed(err)
        return null
      } finally {
        if (seq === readSeq.current) setBusy(false)
      }
    },
    [sessionFailed, clearPreview]
  )

  /** Reads the text file again in another encoding; the sheet step shows its rows anew. */
  const changeEncoding = (encoding: TextEncoding) => {
    if (opened) void openFile(opened.path, encoding)
  }

  const pickSheet = (index: number, row: number) => {
    setSheet(index)
    setHeaderRow(row || 1)
  }

  /** Opens the same file again in another encoding, staying on this step; false when that failed. */
  const reopenIn = async (encoding: TextEncoding): Promise<boolean> => {
    if (!opened) return false
    const taskId = globalThis.crypto.randomUUID()
    const result = await invoke('import:open', { taskId, path: opened.path, encoding })
    if (!result) return false
    if (sessionRef.current)
      void invoke('import:close', { sessionId: sessionRef.current }).catch(() => undefined)
    sessionRef.current = result.sessionId
    setOpened(result)
    return true
  }

  const toMapping = async () => {
    startTransition(() => setFailure(null))
    let first = await readWith(undefined, headerRow, sheet)
    if (!first) return
    const stored = await recallStoredMapping(first.fingerprint)
    // A file of this shape was last read in another encoding: read this one the same way.
    const encoding = stored ? rememberedEncoding(stored, opened?.summary.encoding ?? null) : null
    setRecalledEncoding(null)
    if (encoding) {
      try {
        if (await reopenIn(encoding)) {
          first = (await readWith(undefined, headerRow, sheet)) ?? first
          setRecalledEncoding(encoding)
        }
      } catch (err) {
        sessionFailed(err)
        return
      }
    }
    const recalled = stored ? recallMapping(stored, first.headers, first.mapping) : null
    setRemembered(Boolean(recalled))
    setScaleByHand(Boolean(recalled && stored && recalledScaleByHand(stored)))
    if (recalled) await readWith(recalled, first.headerRow, sheet)
    startTransition(() => setStep('mapping'))
  }

  const changeMapping = (next: ColumnMapping) => {
    const m = mapping && read ? redetectScale(mapping, next, read, scaleByHand) : next
    setMapping(m)
    void readWith(m, headerRow, sheet)
  }

  /** The unit chosen in "Amounts written": it stays whatever amount column is picked next. */
  const chooseScale = (next: ColumnMapping) => {
    setScaleByHand(true)
    setMapping(next)
    void readWith(next, headerRow, sheet)
  }

  const saveReport = async () => {
    if (planned && sessionRef.current) await saveErrorReport(sessionRef.current, fileName)
  }

  const importCount = planned?.importCount ?? 0
  const commit = async () => {
    const id = sessionRef.current
    if (!planned || !read || !opened || !id || importCount === 0) return
    setBusy(true)
    try {
      const into = await commitPlannedImport({
        sessionId: id,
        planned,
        target,
        planId,
        fileName,
        changedMeanwhile: t('changedMeanwhile'),
        prefetched: previewState.prefetched(),
        // Fetch progress is a transition: the wizard re-renders for it in slices, never in one task.
        onProgress: (p) => (p.saving ? setPreparing(p) : startTransition(() => setPreparing(p)))
      })
      if (!into) return
      await rememberStoredMapping(
        rememberMapping(
          read.fingerprint,
          read.headers,
          read.mapping,
          read.headerRow,
          opened.summary.encoding,
          scaleByHand
        )
      )
      if (into !== planId) await selectPlan(into)
      toast({
        title: msg('import:done', { count: importCount, file: fileName }),
        kind: 'success',
        action: { label: msg('import:undo'), run: () => void runUndo(into, 'undo') }
      })
      reset()
      setOpen(false)
    } catch (err) {
      toastError(msg('import:storageError'), err)
    } finally {
      setBusy(false)
      setPreparing(null)
    }
  }

  const close = () => {
    if (taskRef.current) void invoke('import:cancel', { taskId: taskRef.current }).catch(() => undefined)
    reset()
    setOpen(false)
  }

  return {
    ...previewState,
    open,
    setOpen,
    step,
    setStep,
    task,
    progress,
    failure,
    opened,
    fileName,
    sheet,
    headerRow,
    setHeaderRow,
    pickSheet,
    changeEncoding,
    mapping,
    read,
    remembered,
    recalledEncoding,
    busy,
    target,
    setTarget,
    createRoles,
    setCreateRoles,
    skipBad,
    setSkipBad,
    onlyProblems,
    setOnlyProblems,
    preparing,
    plan,
    importCount,
    badCount: planned?.badRows ?? 0,
    openFile,
    cancelTask,
    toMapping,
    changeMapping,
    chooseScale,
    saveReport,
    commit,
    close
  }
}

export type ImportSession = ReturnType<typeof useImportSession>
