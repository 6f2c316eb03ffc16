// File > Export allocation sheet, Export CSV, Back up, Restore, and re-importing an edited
// export: the flows behind the menu commands and the toolbar menu. Main does the files; this
// side collects and writes Dexie data, asks the questions and shows progress and results.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReimportResult, RestoreResult } from '@shared/ipc/channels/export'
import { clonePlanData } from '@shared/planning/clone'
import { newId } from '@shared/planning/ids'
import { useAction } from '../../shell/actions'
import { useCurrentPlanId, useSelectPlan } from '../../shell/current-plan'
import { useRoute } from '../../shell/router'
import { loadPlanData } from '../../db/plan-data'
import { readActualsFor } from '../../db/actuals'
import { commitChanges } from '../../db/commit'
import { createPlanFromData, ensureBuiltinPlan, getCurrentPlanId } from '../../db/plans'
import { choose } from '../../components/ConfirmDialog'
import { toast, toastError } from '../../components/Toaster'
import { asIs, msg, translate, type Text } from '../../i18n/text'
import { IpcCallError, invoke, onMainEvent } from '../../lib/ipc'
import { formatDateTime } from '../../lib/format'
import { currentLanguage } from '../../i18n'
import { BACKUP_EXTENSION } from '@shared/export/backup-format'
import { autoBackup, collectBackup, restoreMerge, restoreReplace } from '../../db/backup'
import { ReimportDialog } from './ReimportDialog'
import './strings'
import './transfer.css'

type Busy = { taskId: string; stage: string; done: number; total: number }

// The toolbar menu (mounted elsewhere in the shell) asks for a re-import or an automatic-backup
// restore through this tiny bus; the menu commands cover the rest.
type Request = { kind: 'reimport' } | { kind: 'restore-auto'; path: string }
const requests = new Set<(r: Request) => void>()
export function requestTransfer(r: Request): void {
  for (const l of requests) l(r)
}

let busyState: Busy | null = null
const busyListeners = new Set<() => void>()
function setBusyState(b: Busy | null) {
  busyState = b
  busyListeners.forEach((l) => l())
}
/** True while an export, backup or restore runs (the toolbar disables its menu). */
export function useTransferBusy(): boolean {
  return (
    useSyncExternalStore(
      (l) => {
        busyListeners.add(l)
        return () => busyListeners.delete(l)
      },
      () => busyState
    ) !== null
  )
}

const CSV_BOARD_VIEWS = new Set(['budget', 'budget-board'])

export function TransferHost() {
  const { t } = useTranslation('transfer')
  const planId = useCurrentPlanId()
  const selectPlan = useSelectPlan()
  const { view } = useRoute()
  const [busy, setBusy] = useState<Busy | null>(null)
  const [review, setReview] = useState<ReimportResult | null>(null)
  const taskRef = useRef<string | null>(null)
  // The task whose progress events main is sending; cleared once its call returned, so a late
  // event never brings the panel back over a question that follows.
  const listenRef = useRef<string | null>(null)

  useEffect(
    () =>
      onMainEvent('progress', (p) => {
        if (p.taskId === listenRef.current && p.stage !== 'done') setBusy(p)
      }),
    []
  )
  useEffect(() => setBusyState(busy), [busy])

  /** Runs one flow with a progress panel; errors become one clear toast, cancelled dialogs nothing. */
  const run = async (
    failTitle: Text,
    flow: (stage: (s: string) => void, taskId: string) => Promise<void>
  ) => {
    if (taskRef.current) return
    const taskId = `transfer-${newId()}`
    taskRef.current = taskId
    const stage = (s: string) => {
      listenRef.current = s === 'collect' || s === 'read' ? taskId : null
      setBusy({ taskId, stage: s, done: 0, total: 0 })
    }
    try {
      await flow(stage, taskId)
    } catch (err) {
      if (!(err instanceof IpcCallError && err.code === 'cancelled')) toastError(failTitle, err)
    } finally {
      taskRef.current = null
      listenRef.current = null
      setBusy(null)
    }
  }

  const currentPlan = async () => {
    const id = planId ?? (await getCurrentPlanId())
    const data = id ? await loadPlanData(id) : undefined
    if (!data) throw new Error(t('noPlan'))
    return data
  }

  const exportXlsx = () =>
    run(msg('transfer:exportFailed'), async (stage, taskId) => {
      stage('collect')
      const data = await currentPlan()
      // The workbook's Actuals sheet: the actuals this plan shows (a scenario its base's).
      const actuals = await readActualsFor(data)
      const plan = actuals.length ? { ...data, actuals } : data
      const saved = await invoke('export:xlsx', { plan, language: currentLanguage(), taskId })
      if (saved) toast({ title: msg('transfer:exported'), description: asIs(saved.path), kind: 'success' })
    })

  const exportCsv = (board: 'team' | 'budget') =>
    run(msg('transfer:exportFailed'), async (stage, taskId) => {
      stage('collect')
      const plan = await currentPlan()
      const saved = await invoke('export:csv', { plan, language: currentLanguage(), board, taskId })
      if (saved) toast({ title: msg('transfer:csvExported'), description: asIs(saved.path), kind: 'success' })
    })

  const backup = () =>
    run(msg('transfer:backupFailed'), async (stage, taskId) => {
      stage('collect')
      const payload = await collectBackup()
      const saved = await invoke('backup:write', { payload, language: currentLanguage(), taskId })
      if (saved) {
        const counts = msg('transfer:backupCounts', {
          plans: payload.plans.length,
          history: payload.history.length,
          mappings: payload.mappings.length
        })
        toast({
          title: msg('transfer:backedUp'),
          description: () => `${saved.path} — ${translate(counts)}`,
          kind: 'success'
        })
      }
    })

  const restore = (path?: string) =>
    run(msg('transfer:restoreFailed'), async (stage, taskId) => {
      stage('read')
      const r: RestoreResult | null = await invoke('backup:restore', {
        language: currentLanguage(),
        taskId,
        ...(path ? { path } : {})
      })
      listenRef.current = null
      if (!r) return
      setBusy(null)
      const countsText = msg('transfer:backupCounts', {
        plans: r.payload.plans.length,
        history: r.payload.history.length,
        mappings: r.payload.mappings.length
      })
      const counts = translate(countsText)
      const migrated = r.migratedFrom !== null ? ` ${t('restoreMigrated', { from: r.migratedFrom })}` : ''
      const choice = await choose({
        title: t('restoreTitle'),
        message:
          t('restoreText', { date: formatDateTime(r.createdAt), version: r.appVersion, counts }) + migrated,
        choices: [
          { label: t('merge'), value: 'merge' },
          { label: t('replace'), value: 'replace', danger: true }
        ]
      })
      if (choice !== 'merge' && choice !== 'replace') return
      stage('backup')
      await autoBackup('restore')
      stage('apply')
      if (choice === 'replace') {
        await restoreReplace(r.payload)
        const id = await ensureBuiltinPlan()
        await selectPlan(id)
        toast({
          title: msg('transfer:restored'),
          description: msg('transfer:restoredReplace', { counts: countsText }),
          kind: 'success'
        })
      } else {
        const result = await restoreMerge(r.payload)
        toast({
          title: msg('transfer:restored'),
          description: msg('transfer:restoredMerge', {
            added: result.added.length,
            kept: result.kept.length
          }),
          kind: 'success'
        })
      }
    })

  const reimport = () =>
    run(msg('transfer:reimportFailed'), async (stage, taskId) => {
      stage('collect')
      const plan = await currentPlan()
      const r = await invoke('export:reimport', { plan, language: currentLanguage(), taskId })
      if (r) setReview(r)
    })

  useAction({
    id: 'export',
    label: 'transfer:exportXlsx',
    group: 'file',
    shortcuts: ['Mod+E'],
    perform: () => void exportXlsx()
  })
  useAction({
    id: 'export-csv',
    label: 'transfer:exportCsv',
    group: 'file',
    perform: ({ arg }) =>
      void exportCsv(arg === 'team' || arg === 'budget' ? arg : CSV_BOARD_VIEWS.has(view) ? 'budget' : 'team')
  })
  useAction({ id: 'backup', label: 'transfer:backup', group: 'file', perform: () => void backup() })
  useAction({ id: 'restore', label: 'transfer:restore', group: 'file', perform: () => void restore() })
  // A backup chosen under File > Open recent goes to restore (which asks replace or merge first).
  useEffect(
    () =>
      onMainEvent('file-opened', ({ path }) => {
        if (path.toLowerCase().endsWith(`.${BACKUP_EXTENSION}`)) void handlers.current.restore(path)
      }),
    []
  )
  const handlers = useRef({ reimport, restore })
  handlers.current = { reimport, restore }
  useEffect(() => {
    const l = (r: Request) =>
      r.kind === 'reimport' ? void handlers.current.reimport() : void handlers.current.restore(r.path)
    requests.add(l)
    return () => {
      requests.delete(l)
    }
  }, [])

  const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p

  const applyAccepted = async (accepted: ReimportResult['diff']['changes']) => {
    if (!review || !planId) return
    const file = fileName(review.path)
    await run(msg('transfer:reimportFailed'), async (stage) => {
      stage('backup')
      await autoBackup('import')
      stage('apply')
      await commitChanges(
        planId,
        'import',
        { key: 'transferReimport', values: { count: accepted.length, file } },
        accepted.flatMap((c) => c.changes)
      )
      setReview(null)
      toast({
        title: msg('transfer:applied', { count: accepted.length }),
        description: asIs(file),
        kind: 'success'
      })
    })
  }

  const importAsNew = async () => {
    if (!review) return
    await run(msg('transfer:reimportFailed'), async (stage) => {
      stage('backup')
      await autoBackup('import')
      stage('apply')
      const name = t('newPlanName', { name: review.planFromFile.plan.name })
      // New ids throughout: the exported plan's ids may still exist in this app.
      const copy = clonePlanData(review.planFromFile, { newPlanId: newId(), name, baseId: null })
      const id = await createPlanFromData({
        ...copy,
        plan: { ...copy.plan, builtin: false, archived: false }
      })
      await selectPlan(id)
      setReview(null)
      toast({ title: msg('transfer:importedAsNew', { name }), kind: 'success' })
    })
  }

  return (
    <>
      {busy && (
        <div className="transfer-progress" role="status" aria-live="polite">
          <span>{t(`stage.${busy.stage}`, { defaultValue: t('working') })}</span>
          <div className="progress" aria-hidden="true">
            <div style={{ width: `${busy.total ? Math.round((busy.done / busy.total) * 100) : 35}%` }} />
          </div>
        </div>
      )}
      {review && (
        <ReimportDialog
          result={review}
          fileName={fileName(review.path)}
          busy={busy !== null}
          onApply={(accepted) => void applyAccepted(accepted)}
          onImportAsNew={() => void importAsNew()}
          onClose={() => setReview(null)}
        />
      )}
    </>
  )
}
