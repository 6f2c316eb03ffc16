// File > Import spreadsheet, or a file dropped on the window: choose the file, watch it being read
// (cancel any time), pick the sheet and header row, check the column mapping, preview every row
// with its problems, then commit the good rows into the current or a new plan as one undoable step.
import { Dialog } from 'radix-ui'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportOpened } from '@shared/ipc/channels/import'
import type { ReadSheetResult } from '@shared/import/workbook'
import type { CellIssue, ColumnMapping, ImportField, ImportKind, ParsedRow } from '@shared/import/types'
import { ALLOCATION_FIELDS, BUDGET_FIELDS, REQUIRED_FIELDS } from '@shared/import/types'
import { columnLetter } from '@shared/import/header'
import { suggestColumnsFor } from '@shared/import/mapping'
import { IpcCallError, invoke, onMainEvent, hasApi } from '../../lib/ipc'
import { useMenuCommand } from '../../app/menu'
import { useCurrentPlanId, useSelectPlan } from '../../app/current-plan'
import { runUndo } from '../../app/undo'
import { usePlanData } from '../../db/plan-data'
import { commitChanges } from '../../db/commit'
import { createPlanFromData, deletePlan } from '../../db/plans'
import { db } from '../../db/db'
import { toast, toastError } from '../../components/Toaster'
import { formatMoney, formatQuarter, formatShare } from '../../lib/format'
import { autoBackup } from '../transfer/backup-db'
import { errorReportRows, newPlanFor, planImport, recallMapping, rememberMapping } from './wizard-model'
import './strings'
import './import.css'

type Step = 'file' | 'reading' | 'sheet' | 'mapping' | 'preview'
type Failure = { reason: string; message: string }
type Progress = { stage: string; done: number; total: number }

const MAX_PREVIEW_ROWS = 300

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
  const [read, setRead] = useState<ReadSheetResult | null>(null)
  const [remembered, setRemembered] = useState(false)
  const [target, setTarget] = useState<'current' | 'new'>('current')
  const [createRoles, setCreateRoles] = useState(false)
  const [skipBad, setSkipBad] = useState(false)
  const [onlyProblems, setOnlyProblems] = useState(false)
  const [busy, setBusy] = useState(false)
  const readSeq = useRef(0)
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

  const readWith = useCallback(async (m: ColumnMapping | undefined, row: number, sheetIndex: number) => {
    if (!sessionRef.current) return null
    const seq = ++readSeq.current
    setBusy(true)
    try {
      const r = await invoke('import:read-sheet', {
        sessionId: sessionRef.current,
        sheet: sheetIndex,
        headerRow: row,
        mapping: m
      })
      if (seq !== readSeq.current) return null
      setRead(r)
      setMapping(r.mapping)
      return r
    } catch (err) {
      if (seq === readSeq.current) {
        setFailure(failureOf(err))
        if (err instanceof IpcCallError && err.code !== 'refused') {
          sessionRef.current = null
          setStep('file')
        }
      }
      return null
    } finally {
      if (seq === readSeq.current) setBusy(false)
    }
  }, [])

  const toMapping = async () => {
    setFailure(null)
    const first = await readWith(undefined, headerRow, sheet)
    if (!first) return
    const stored = await db.mappings.get(first.fingerprint).catch(() => undefined)
    const recalled = stored ? recallMapping(stored, first.headers, first.mapping) : null
    setRemembered(Boolean(recalled))
    if (recalled) await readWith(recalled, first.headerRow, sheet)
    setStep('mapping')
  }

  const changeMapping = (next: ColumnMapping) => {
    setMapping(next)
    void readWith(next, headerRow, sheet)
  }

  const rows: ParsedRow[] = useMemo(() => read?.result.rows ?? [], [read])
  const fileName = opened ? (opened.path.split(/[\\/]/).pop() ?? opened.path) : ''
  const targetData = useMemo(() => {
    if (step !== 'preview' || !read) return null
    return target === 'current' ? (plan ?? null) : newPlanFor(rows, t('newPlanName', { file: fileName }))
  }, [step, read, target, plan, rows, fileName, t])
  const planned = useMemo(
    () =>
      targetData && read
        ? planImport(rows, targetData, read.result.sheet, createRoles || target === 'new')
        : null,
    [targetData, read, rows, createRoles, target]
  )
  const importCount = planned ? planned.match.budgetLines.length + planned.match.allocations.length : 0
  const badCount = planned?.badRows ?? 0

  const saveReport = async () => {
    if (!planned || !read) return
    try {
      const report = errorReportRows(rows, planned.issues, read.result.sheet, read.headers.length)
      const saved = await invoke('import:save-error-report', {
        sourceName: fileName,
        headers: read.headers.slice(0, 512).map((h) => h.slice(0, 500)),
        rows: report.slice(0, 100_000)
      })
      if (saved) toast({ title: t('reportSaved', { path: saved.path }), kind: 'success' })
    } catch (err) {
      toastError(t('failed'), err)
    }
  }

  const commit = async () => {
    if (!planned || !read || !opened || importCount === 0) return
    setBusy(true)
    const summary = { key: 'importRows', values: { count: importCount, file: fileName } }
    let createdPlan: string | null = null
    try {
      // A safety copy of everything first; if it cannot be written, nothing is imported.
      await autoBackup('import')
      let into = planId
      if (target === 'new' && targetData) {
        createdPlan = await createPlanFromData(targetData)
        into = createdPlan
      }
      if (!into) return
      await commitChanges(into, 'import', summary, planned.changes)
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
                <div className="import-table-wrap">
                  <table className="data import-grid">
                    <thead>
                      <tr>
                        <th />
                        {Array.from(
                          { length: Math.max(1, ...current.preview.map((r) => r.length)) },
                          (_, c) => (
                            <th key={c}>{columnLetter(c)}</th>
                          )
                        )}
                      </tr>
                    </thead>
                    <tbody>
                      {current.preview.map((r, i) => (
                        <tr
                          key={i}
                          className={i + 1 === headerRow ? 'header-row' : i + 1 < headerRow ? 'above' : ''}
                          onClick={() => setHeaderRow(i + 1)}
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
            <div className="import-preview">
              <p className="import-counts" data-testid="import-counts">
                <span className="badge badge-ok">
                  {importCount} {t('good')}
                </span>{' '}
                <span className={`badge ${badCount ? 'badge-danger' : ''}`}>
                  {badCount} {t('bad')}
                </span>{' '}
                <span className="muted small">
                  {t('counts', { good: importCount, bad: badCount, totals: read.result.counts.totals })}
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
              <PreviewTable
                rows={rows}
                issues={planned.issues}
                kind={read.mapping.kind}
                columns={read.mapping.columns}
                onlyProblems={onlyProblems}
              />
              <fieldset className="import-target">
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
                  busy || importCount === 0 || (badCount > 0 && !skipBad) || (target === 'current' && !plan)
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

function MappingStep({
  mapping,
  read,
  remembered,
  busy,
  onChange
}: {
  mapping: ColumnMapping
  read: ReadSheetResult
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

function PreviewTable({
  rows,
  issues,
  kind,
  columns,
  onlyProblems
}: {
  rows: readonly ParsedRow[]
  issues: readonly CellIssue[]
  kind: ImportKind
  columns: ColumnMapping['columns']
  onlyProblems: boolean
}) {
  const { t } = useTranslation('import')
  const byRow = useMemo(() => {
    const m = new Map<number, CellIssue[]>()
    for (const i of issues) m.set(i.row, [...(m.get(i.row) ?? []), i])
    return m
  }, [issues])
  const visible = (onlyProblems ? rows.filter((r) => byRow.has(r.row)) : rows).slice(0, MAX_PREVIEW_ROWS)
  const total = onlyProblems ? rows.filter((r) => byRow.has(r.row)).length : rows.length
  const fields =
    kind === 'budget'
      ? ['phase', 'workstream', 'quarter', 'title', 'amount']
      : ['role', 'workstream', 'quarter', 'share']
  const describe = (i: CellIssue) =>
    `${i.column ? t('where', { sheet: i.sheet, row: i.row, column: i.column }) : t('whereNoColumn', { sheet: i.sheet, row: i.row })} (${t(`field_${i.field}`)}): ${i.value ? `"${i.value}" ` : ''}${t(`issue.${i.code}`, { defaultValue: i.message })}`
  return (
    <div className="import-table-wrap">
      <table className="data import-rows" data-testid="import-preview">
        <thead>
          <tr>
            <th>{t('row')}</th>
            <th>{t('status')}</th>
            {fields.map((f) => (
              <th key={f} className={f === 'amount' || f === 'share' ? 'num' : ''}>
                {t(`field_${f}`)}
              </th>
            ))}
            <th>{t('problems')}</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((r) => {
            const list = byRow.get(r.row)
            const v = r.ok ? (r.values as Record<string, unknown>) : null
            const cell = (f: string): string => {
              // A row that did not parse shows its cells as written, so the problem can be seen.
              if (!r.ok) {
                const col = columns[f as ImportField]
                return col === undefined ? '' : (r.cells[col] ?? '')
              }
              if (!v) return ''
              if (f === 'amount')
                return formatMoney(v['amountCents'] as number, v['currency'] as 'EUR' | 'CHF')
              if (f === 'share') return formatShare(v['shareBp'] as number)
              if (f === 'quarter') return formatQuarter(String(v['quarter']))
              return v[f] === null || v[f] === undefined ? '' : String(v[f])
            }
            return (
              <tr key={r.row} className={list ? 'bad' : ''} data-row={r.row}>
                <td>{r.row}</td>
                <td>
                  {list ? (
                    <span className="badge badge-danger">{t('skip')}</span>
                  ) : (
                    <span className="badge badge-ok">{t('ok')}</span>
                  )}
                </td>
                {fields.map((f) => (
                  <td key={f} className={f === 'amount' || f === 'share' ? 'num' : ''}>
                    {cell(f)}
                  </td>
                ))}
                <td className="problems">
                  {list?.map((i, k) => (
                    <div key={k} className="field-error">
                      {describe(i)}
                    </div>
                  ))}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {total > visible.length && (
        <p className="muted small">{t('showing', { shown: visible.length, total })}</p>
      )}
    </div>
  )
}
