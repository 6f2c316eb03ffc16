// File > Import spreadsheet, or a file dropped on the window: choose the file, watch it being read
// (cancel any time), pick the sheet and header row, check the column mapping, preview every row
// with its problems, then commit the good rows into the current or a new plan as one undoable step.
// The parsed rows stay in main's parse worker: the window gets counts and pages, never the sheet.
import { Dialog } from 'radix-ui'
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOpened } from '@shared/ipc/channels/import'
import type { SheetOverview } from '@shared/import/workbook'
import type { ColumnMapping, ImportField, ImportKind } from '@shared/import/types'
import type { ImportTarget, PreviewPage, SessionPlanSummary } from '@shared/import/plan-import'
import { planStructureOf, type PlanStructure } from '@shared/import/to-plan'
import type { EntityChange } from '@shared/planning/types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS, REQUIRED_FIELDS } from '@shared/import/types'
import { columnLetter } from '@shared/import/header'
import { suggestColumnsFor } from '@shared/import/mapping'
import { IpcCallError, invoke, onMainEvent, hasApi } from '../../lib/ipc'
import { useMenuCommand } from '../../shell/menu'
import { useCurrentPlanId, useSelectPlan } from '../../shell/current-plan'
import { runUndo } from '../../shell/undo'
import { usePlanData } from '../../db/plan-data'
import { commitChanges } from '../../db/commit'
import { createPlanFromData, deletePlan } from '../../db/plans'
import { db } from '../../db/db'
import { toast, toastError } from '../../components/Toaster'
import { autoBackup } from '../../db/backup'
import { recallMapping, rememberMapping } from './wizard-model'
import { PREVIEW_PAGE, PreviewTable } from './PreviewTable'
import './strings'
import './import.css'

type Step = 'file' | 'reading' | 'sheet' | 'mapping' | 'preview'
type Failure = { reason: string; message: string }
type Progress = { stage: string; done: number; total: number }

/** Entity changes fetched per call when committing; the window stays responsive between pages. */
const CHANGES_PAGE = 1000

function failureOf(err: unknown): Failure {
  if (err instanceof IpcCallError) {
    const reason = (err.details as { reason?: string } | undefined)?.reason ?? err.code
    return { reason, message: err.message }
  }
  return { reason: 'failed', message: err instanceof Error ? err.message : String(err) }
}

export function ImportWizard() {
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
  const [target, setTarget] = useState<'current' | 'new'>('current')
  const [createRoles, setCreateRoles] = useState(false)
  const [skipBad, setSkipBad] = useState(false)
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [busy, setBusy] = useState(false)
  const [planned, setPlanned] = useState<SessionPlanSummary | null>(null)
  const [planning, setPlanning] = useState(false)
  /** The preview's first page; seq keys the table, so a new plan or filter starts it afresh. */
  const [preview, setPreview] = useState<{ page: PreviewPage; seq: number } | null>(null)
  /** A commit's progress: rows fetched from main so far, then saving; null when not committing. */
  const [preparing, setPreparing] = useState<{ done: number; total: number; saving: boolean } | null>(null)
  const readSeq = useRef(0)
  const planSeq = useRef(0)
  const previewSeq = useRef(0)
  const taskRef = useRef<string | null>(null)
  const sessionRef = useRef<string | null>(null)

  useEffect(() => onMainEvent('progress', (p) => p.taskId === taskRef.current && setProgress(p)), [])

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
    setTarget('current')
    setCreateRoles(false)
    setSkipBad(false)
    setOnlyProblems(false)
    setBusy(false)
    setPlanned(null)
    setPlanning(false)
    setPreview(null)
    setPreparing(null)
    planSeq.current++
    previewSeq.current++
  }, [])

  const openFile = useCallback(async (path?: string) => {
    const taskId = globalThis.crypto.randomUUID()
    taskRef.current = taskId
    setFailure(null)
    setProgress(null)
    setTask({ id: taskId, file: path ? (path.split(/[\\/]/).pop() ?? path) : '' })
    setStep('reading')
    try {
      const result = await invoke('import:open', { taskId, path })
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

  useMenuCommand('import', () => start())

  // A spreadsheet chosen under File > Open recent opens the wizard with it.
  useEffect(
    () =>
      onMainEvent('file-opened', ({ path }) => {
        if (/\.(xlsx|xlsm|xls|ods|csv|tsv)$/i.test(path)) start(path)
      }),
    [start]
  )

  // A spreadsheet dropped anywhere on the window opens the wizard with it.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault()
    }
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0]
      if (!file || !hasApi()) return
      e.preventDefault()
      const path = window.api.pathForFile(file)
      if (path) start(path)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [start])

  const cancelTask = async () => {
    const id = taskRef.current
    if (id) await invoke('import:cancel', { taskId: id }).catch(() => undefined)
    taskRef.current = null
    setFailure({ reason: 'cancelled', message: t('reason.cancelled') })
    setStep('file')
  }

  /** A failed call on the session: a refusal leaves it open; anything else has stopped its worker. */
  const sessionFailed = useCallback((err: unknown) => {
    setFailure(failureOf(err))
    if (err instanceof IpcCallError && err.code !== 'refused') {
      sessionRef.current = null
      setStep('file')
    }
  }, [])

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
          setPlanned(null)
          setPreview(null)
        })
        return r
      } catch (err) {
        if (seq === readSeq.current) sessionFailed(err)
        return null
      } finally {
        if (seq === readSeq.current) setBusy(false)
      }
    },
    [sessionFailed]
  )

  const toMapping = async () => {
    startTransition(() => setFailure(null))
    const first = await readWith(undefined, headerRow, sheet)
    if (!first) return
    const stored = await db.mappings.get(first.fingerprint).catch(() => undefined)
    const recalled = stored ? recallMapping(stored, first.headers, first.mapping) : null
    setRemembered(Boolean(recalled))
    if (recalled) await readWith(recalled, first.headerRow, sheet)
    startTransition(() => setStep('mapping'))
  }

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next)
    void readWith(next, headerRow, sheet)
  }

  const fileName = opened ? (opened.path.split(/[\\/]/).pop() ?? opened.path) : ''
  // Only the names matching needs go to the worker; a key keeps edits elsewhere from replanning.
  const structureKey = plan ? JSON.stringify(planStructureOf(plan)) : null
  const structure = useMemo(
    () => (structureKey ? (JSON.parse(structureKey) as PlanStructure) : null),
    [structureKey]
  )
  const newPlanName = t('newPlanName', { file: fileName })

  // The current plan's structure and the roles option matter only when importing into it.
  const currentStructure = target === 'current' ? structure : null
  const currentCreateRoles = target === 'current' && createRoles

  // On the preview step: match the rows kept in the worker to the chosen target.
  useEffect(() => {
    const sessionId = sessionRef.current
    if (step !== 'preview' || !read || !sessionId) return
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
    invoke('import:plan', { sessionId, target: into })
      .then((summary) => {
        if (seq === planSeq.current) startTransition(() => setPlanned(summary))
      })
      .catch((err: unknown) => {
        if (seq === planSeq.current) sessionFailed(err)
      })
      .finally(() => {
        if (seq === planSeq.current) setPlanning(false)
      })
  }, [step, read, target, currentStructure, currentCreateRoles, newPlanName, sessionFailed])

  // The first page of the preview table for the current plan and filter.
  useEffect(() => {
    const sessionId = sessionRef.current
    if (!planned || !sessionId) return
    const seq = ++previewSeq.current
    invoke('import:preview', { sessionId, offset: 0, limit: PREVIEW_PAGE, onlyProblems })
      .then((page) => {
        if (seq === previewSeq.current) startTransition(() => setPreview({ page, seq }))
      })
      .catch((err: unknown) => {
        if (seq === previewSeq.current) sessionFailed(err)
      })
  }, [planned, onlyProblems, sessionFailed])

  // Further pages, as the table scrolls to them.
  const loadPreview = useCallback(
    async (offset: number, limit: number) => {
      const sessionId = sessionRef.current
      if (!sessionId) throw new Error('The import is closed.')
      try {
        return await invoke('import:preview', { sessionId, offset, limit, onlyProblems })
      } catch (err) {
        sessionFailed(err)
        throw err
      }
    },
    [onlyProblems, sessionFailed]
  )

  const importCount = planned?.importCount ?? 0
  const badCount = planned?.badRows ?? 0

  const saveReport = async () => {
    if (!planned || !sessionRef.current) return
    try {
      const saved = await invoke('import:save-error-report', {
        sessionId: sessionRef.current,
        sourceName: fileName
      })
      if (saved) toast({ title: t('reportSaved', { path: saved.path }), kind: 'success' })
    } catch (err) {
      toastError(t('failed'), err)
    }
  }

  /** The commit's entity changes, page by page from the worker, yielding to the window between pages. */
  const fetchChanges = async (sessionId: string, summary: SessionPlanSummary): Promise<EntityChange[]> => {
    const changes: EntityChange[] = []
    const rowsDone = () => Math.max(0, changes.length - summary.newRoles)
    setPreparing({ done: 0, total: summary.importCount, saving: false })
    while (changes.length < summary.changeCount) {
      const page = await invoke('import:changes', {
        sessionId,
        version: summary.version,
        offset: changes.length,
        limit: CHANGES_PAGE
      })
      // The worker refuses pages of an older plan; a short page would mean a broken one.
      if (page.total !== summary.changeCount || page.changes.length === 0)
        throw new Error(t('changedMeanwhile'))
      for (const c of page.changes) changes.push(c)
      // A transition: the wizard re-renders for its progress line in slices, never in one task.
      startTransition(() => setPreparing({ done: rowsDone(), total: summary.importCount, saving: false }))
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    return changes
  }

  const commit = async () => {
    const sessionId = sessionRef.current
    if (!planned || !read || !opened || !sessionId || importCount === 0) return
    setBusy(true)
    const summary = { key: 'importRows', values: { count: importCount, file: fileName } }
    let createdPlan: string | null = null
    try {
      // A safety copy of everything first; if it cannot be written, nothing is imported.
      await autoBackup('import')
      const changes = await fetchChanges(sessionId, planned)
      setPreparing({ done: importCount, total: importCount, saving: true })
      let into = planId
      if (target === 'new' && planned.newPlan) {
        createdPlan = await createPlanFromData(planned.newPlan)
        into = createdPlan
      }
      if (!into) return
      await commitChanges(into, 'import', summary, changes)
      await db.mappings
        .put(rememberMapping(read.fingerprint, read.headers, read.mapping, read.headerRow))
        .catch(() => undefined)
      if (createdPlan) await selectPlan(createdPlan)
      const undoInto = into
      toast({
        title: t('done', { count: importCount, file: fileName }),
        kind: 'success',
        action: { label: t('undo'), run: () => void runUndo(undoInto, 'undo') }
      })
      reset()
      setOpen(false)
    } catch (err) {
      if (createdPlan) await deletePlan(createdPlan).catch(() => undefined)
      toastError(t('storageError'), err)
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

  const summary = opened?.summary
  const current = summary?.sheets[sheet]
  const steps: Step[] = ['file', 'sheet', 'mapping', 'preview']
  const stepIndex = step === 'reading' ? 0 : steps.indexOf(step)

  return (
    <Dialog.Root open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content import-wizard" aria-describedby={undefined}>
          <Dialog.Title className="dialog-title">{t('title')}</Dialog.Title>
          <ol className="import-steps" aria-label={t('title')}>
            {['stepFile', 'stepSheet', 'stepMapping', 'stepPreview'].map((k, i) => (
              <li
                key={k}
                className={i === stepIndex ? 'active' : i < stepIndex ? 'done' : ''}
                aria-current={i === stepIndex ? 'step' : undefined}
              >
                {i + 1}. {t(k)}
              </li>
            ))}
          </ol>

          {failure && (
            <div className="import-failure" role="alert" data-testid="import-failure">
              <strong>{failure.reason === 'cancelled' ? t('reason.cancelled') : t('failed')}</strong>
              {failure.reason !== 'cancelled' && (
                <p>{t(`reason.${failure.reason}`, { defaultValue: failure.message })}</p>
              )}
              {failure.reason !== 'cancelled' &&
                failure.message !== t(`reason.${failure.reason}`, { defaultValue: failure.message }) && (
                  <p className="muted small">{failure.message}</p>
                )}
            </div>
          )}

          {step === 'file' && (
            <div className="import-choose">
              <p className="dialog-text">{t('chooseIntro')}</p>
              <button className="btn btn-primary" onClick={() => void openFile()}>
                {failure ? t('tryAnother') : t('chooseFile')}
              </button>
            </div>
          )}

          {step === 'reading' && (
            <div className="import-reading" aria-live="polite">
              <p>{t('reading', { file: task?.file || '…' })}</p>
              <div
                className="progress"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={progressPercent(progress)}
              >
                <div style={{ width: `${progressPercent(progress)}%` }} />
              </div>
              <p className="muted small">
                {progress
                  ? t(`stage_${progress.stage}`, { defaultValue: progress.stage })
                  : t('stage_checking')}
              </p>
              <div className="dialog-actions">
                <button className="btn" onClick={() => void cancelTask()}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          )}

          {step === 'sheet' && summary && current && (
            <div className="import-sheet">
              <div className="import-sheet-list" role="listbox" aria-label={t('sheets')}>
                {summary.sheets.map((s) => (
                  <button
                    key={s.index}
                    role="option"
                    aria-selected={s.index === sheet}
                    className={`import-sheet-item ${s.index === sheet ? 'active' : ''}`}
                    onClick={() => {
                      setSheet(s.index)
                      setHeaderRow(s.headerRow || 1)
                    }}
                  >
                    <span className="name">{s.name}</span>
                    <span className="muted small">
                      {t('sheetRows', { rows: s.rowCount })}
                      {s.hidden ? ` · ${t('hidden')}` : ''}
                      {s.headerRow ? '' : ` · ${t('noHeader')}`}
                    </span>
                  </button>
                ))}
              </div>
              <div className="import-sheet-preview">
                <p className="muted small">{t('headerHint')}</p>
                <p data-testid="header-row">{t('headerRowIs', { row: headerRow })}</p>
                <SheetGrid rows={current.preview} headerRow={headerRow} onPick={setHeaderRow} />
                {summary.warnings.map((w) => (
                  <p key={w} className="field-error">
                    {w}
                  </p>
                ))}
              </div>
            </div>
          )}

          {step === 'mapping' && mapping && read && (
            <MappingStep
              mapping={mapping}
              read={read}
              remembered={remembered}
              busy={busy}
              onChange={changeMapping}
            />
          )}

          {step === 'preview' && read && planned && (
            <div className="import-preview" aria-busy={planning}>
              <p className="import-counts" data-testid="import-counts">
                <span className="badge badge-ok">
                  {importCount} {t('good')}
                </span>{' '}
                <span className={`badge ${badCount ? 'badge-danger' : ''}`}>
                  {badCount} {t('bad')}
                </span>{' '}
                <span className="muted small">
                  {t('counts', { good: importCount, bad: badCount, totals: planned.totals })}
                </span>
              </p>
              <label className="check">
                <input
                  type="checkbox"
                  checked={onlyProblems}
                  onChange={(e) => setOnlyProblems(e.target.checked)}
                />{' '}
                {t('onlyProblems')}
              </label>
              {preview && (
                <PreviewTable
                  key={preview.seq}
                  first={preview.page}
                  load={loadPreview}
                  kind={read.mapping.kind}
                  columns={read.mapping.columns}
                />
              )}
              <fieldset className="import-target" disabled={busy}>
                <legend>{t('target')}</legend>
                <label className="check">
                  <input
                    type="radio"
                    name="target"
                    checked={target === 'current'}
                    onChange={() => setTarget('current')}
                  />{' '}
                  {t('targetCurrent', { name: plan?.plan.name ?? '' })}
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name="target"
                    checked={target === 'new'}
                    onChange={() => setTarget('new')}
                  />{' '}
                  {t('targetNew')}
                </label>
                {read.mapping.kind === 'allocations' && target === 'current' && (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={createRoles}
                      onChange={(e) => setCreateRoles(e.target.checked)}
                    />{' '}
                    {t('createRoles')}
                  </label>
                )}
                {badCount > 0 && (
                  <label className="check">
                    <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />{' '}
                    {t('skipBad', { count: badCount })}
                  </label>
                )}
              </fieldset>
            </div>
          )}

          {preparing && (
            <p className="import-preparing muted small" role="status" data-testid="import-preparing">
              {preparing.saving
                ? t('saving', { count: preparing.total })
                : t('preparing', { done: preparing.done, total: preparing.total })}
            </p>
          )}

          <div className="dialog-actions">
            {step === 'preview' && badCount > 0 && (
              <button className="btn" onClick={() => void saveReport()}>
                {t('saveReport')}
              </button>
            )}
            <span className="spacer" />
            {(step === 'mapping' || step === 'preview') && (
              <button className="btn" onClick={() => setStep(step === 'preview' ? 'mapping' : 'sheet')}>
                {t('back')}
              </button>
            )}
            <button className="btn" onClick={close}>
              {step === 'reading' ? t('cancel') : t('close')}
            </button>
            {step === 'sheet' && (
              <button className="btn btn-primary" disabled={busy} onClick={() => void toMapping()}>
                {t('next')}
              </button>
            )}
            {step === 'mapping' && (
              <button
                className="btn btn-primary"
                disabled={busy || !read || read.result.counts.good === 0}
                onClick={() => setStep('preview')}
              >
                {t('next')}
              </button>
            )}
            {step === 'preview' && (
              <button
                className="btn btn-primary"
                disabled={
                  busy ||
                  planning ||
                  importCount === 0 ||
                  (badCount > 0 && !skipBad) ||
                  (target === 'current' && !plan)
                }
                onClick={() => void commit()}
                title={importCount === 0 ? t('nothingToImport') : undefined}
              >
                {t('commit', { count: importCount })}
              </button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function progressPercent(p: Progress | null): number {
  if (!p) return 5
  if (p.stage === 'done') return 100
  const frac = p.total > 0 ? p.done / p.total : 0
  return p.stage === 'checking' ? 5 : p.stage === 'reading' ? 10 + 50 * frac : 60 + 40 * frac
}

/** The sheet's first rows; memoized, so the wizard's busy flag and the like do not re-render its cells. */
const SheetGrid = memo(function SheetGrid({
  rows,
  headerRow,
  onPick
}: {
  rows: string[][]
  headerRow: number
  onPick: (row: number) => void
}) {
  const { t } = useTranslation('import')
  return (
    <div className="import-table-wrap">
      <table className="data import-grid">
        <thead>
          <tr>
            <th />
            {Array.from({ length: Math.max(1, ...rows.map((r) => r.length)) }, (_, c) => (
              <th key={c}>{columnLetter(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr
              key={i}
              className={i + 1 === headerRow ? 'header-row' : i + 1 < headerRow ? 'above' : ''}
              onClick={() => onPick(i + 1)}
              aria-label={`${t('row')} ${i + 1}`}
            >
              <th scope="row">{i + 1}</th>
              {r.map((v, c) => (
                <td key={c}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
})

function MappingStep({
  mapping,
  read,
  remembered,
  busy,
  onChange
}: {
  mapping: ColumnMapping
  read: SheetOverview
  remembered: boolean
  busy: boolean
  onChange: (m: ColumnMapping) => void
}) {
  const { t } = useTranslation('import')
  const fields: readonly ImportField[] = mapping.kind === 'budget' ? BUDGET_FIELDS : ALLOCATION_FIELDS
  const required = REQUIRED_FIELDS[mapping.kind] as ImportField[]
  const setKind = (kind: ImportKind) =>
    onChange({
      ...mapping,
      kind,
      columns:
        kind === read.suggestion.kind ? { ...read.suggestion.columns } : suggestColumnsFor(read.headers, kind)
    })
  const setColumn = (field: ImportField, value: string) => {
    const columns = { ...mapping.columns }
    if (value === '') delete columns[field]
    else {
      // One column feeds one field: taking it here frees it elsewhere.
      const col = Number(value)
      for (const [f, c] of Object.entries(columns)) if (c === col) delete columns[f as ImportField]
      columns[field] = col
    }
    onChange({ ...mapping, columns })
  }
  const c = read.result.counts
  return (
    <div className="import-mapping" aria-busy={busy}>
      {remembered && <p className="badge badge-ok">{t('remembered')}</p>}
      <fieldset className="import-kind">
        <legend>{t('importAs')}</legend>
        {(['budget', 'allocations'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" checked={mapping.kind === k} onChange={() => setKind(k)} />{' '}
            {t(`kind_${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="import-fields">
        {fields.map((f) => (
          <label key={f} className="import-field">
            <span>
              {t(`field_${f}`)}
              {required.includes(f) && <span className="muted small"> ({t('required')})</span>}
            </span>
            <select
              className="text"
              aria-label={t(`field_${f}`)}
              value={mapping.columns[f] === undefined ? '' : String(mapping.columns[f])}
              onChange={(e) => setColumn(f, e.target.value)}
            >
              <option value="">{t('notMapped')}</option>
              {read.headers.map((h, i) => (
                <option key={i} value={i}>
                  {t('columnOption', { letter: columnLetter(i), header: h || '…' })}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="import-options">
        {mapping.kind === 'budget' ? (
          <>
            <label className="import-field">
              <span>{t('numberStyle')}</span>
              <select
                className="text"
                aria-label={t('numberStyle')}
                value={mapping.numberStyle}
                onChange={(e) =>
                  onChange({ ...mapping, numberStyle: e.target.value as ColumnMapping['numberStyle'] })
                }
              >
                {(['auto', 'de', 'en', 'ch'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`style_${s}`)}
                  </option>
                ))}
              </select>
              {mapping.numberStyle === 'auto' && read.result.numberStyle && (
                <span className="muted small">
                  {t('styleDetected', { style: t(`style_${read.result.numberStyle}`) })}
                </span>
              )}
            </label>
            <label className="import-field">
              <span>{t('defaultCurrency')}</span>
              <select
                className="text"
                aria-label={t('defaultCurrency')}
                value={mapping.defaultCurrency}
                onChange={(e) => onChange({ ...mapping, defaultCurrency: e.target.value as 'EUR' | 'CHF' })}
              >
                <option value="EUR">EUR</option>
                <option value="CHF">CHF</option>
              </select>
            </label>
          </>
        ) : (
          <label className="import-field">
            <span>{t('shareScale')}</span>
            <select
              className="text"
              aria-label={t('shareScale')}
              value={mapping.shareScale}
              onChange={(e) =>
                onChange({ ...mapping, shareScale: e.target.value as ColumnMapping['shareScale'] })
              }
            >
              {(['auto', 'percent', 'fte'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`scale_${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {c.ambiguous > 0 && (
        <div className="import-ambiguous" role="alert">
          <strong>{t('ambiguousTitle', { count: c.ambiguous })}</strong>
          <p>{t('ambiguousText')}</p>
          {(['de', 'en', 'ch'] as const).map((s) => (
            <button
              key={s}
              className="btn btn-small"
              onClick={() => onChange({ ...mapping, numberStyle: s })}
            >
              {t(`style_${s}`)}
            </button>
          ))}
        </div>
      )}
      <p className="import-counts" data-testid="mapping-counts">
        {t('counts', { good: c.good, bad: c.bad, totals: c.totals })}
      </p>
    </div>
  )
}
