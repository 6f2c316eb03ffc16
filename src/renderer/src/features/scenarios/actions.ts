// The user-facing scenario actions (ask, do, tell, offer undo), shared by the sidebar and the
// Scenarios view so both behave the same.
import type { Plan } from '@shared/planning/types'
import { i18n } from '../../i18n'
import { autoBackup } from '../../db/backup'
import { allPlans, getPlan, scenariosOf, setCurrentPlanId } from '../../db/plans'
import { revertEntry } from '../../db/commit'
import {
  branchScenario,
  deletePlanTree,
  deletedKeyOf,
  restoreDeleted,
  duplicateScenario,
  promoteToBaseline,
  renamePlan,
  restoreSnapshot,
  setArchived,
  undoPromotion
} from '../../db/scenarios'
import { confirm } from '../../components/ConfirmDialog'
import { toast, toastError } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import { navigate } from '../../shell/router'
import { formatDateTime } from '../../lib/format'
import { askName } from './NameDialog'
import './strings'

const t = (key: string, values?: Record<string, unknown>) => i18n.t(key, { ns: 'scenarios', ...values })
const undoLabel = () => msg('common:undo')

async function guarded<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn()
  } catch (err) {
    toastError(msg('scenarios:toast.failed'), err)
    return undefined
  }
}

/** Next free "Scenario n" name among the plan's scenarios. */
async function defaultScenarioName(baseId: string): Promise<string> {
  const names = new Set((await scenariosOf(baseId)).map((p) => p.name))
  let n = 1
  while (names.has(t('name.defaultScenario', { n }))) n++
  return t('name.defaultScenario', { n })
}

/** Asks for a name, branches `base` and opens the new scenario. Resolves to its id. */
export async function branchFlow(base: Pick<Plan, 'id' | 'name'>): Promise<string | undefined> {
  const name = await askName({
    title: t('name.branchTitle'),
    text: t('name.branchText', { name: base.name }),
    initial: await defaultScenarioName(base.id),
    confirmLabel: t('name.create')
  })
  if (!name) return undefined
  return guarded(async () => {
    const id = await branchScenario(base.id, name)
    await setCurrentPlanId(id)
    toast({
      title: msg('scenarios:toast.branched', { name }),
      description: msg('scenarios:toast.branchedText'),
      kind: 'success',
      action: {
        label: undoLabel(),
        run: () =>
          void guarded(async () => {
            await deletePlanTree(id)
            await setCurrentPlanId(base.id)
          })
      }
    })
    return id
  })
}

export async function renameFlow(plan: Pick<Plan, 'id' | 'name'>): Promise<void> {
  const name = await askName({
    title: t('name.renameTitle'),
    initial: plan.name,
    confirmLabel: t('name.rename')
  })
  if (!name || name === plan.name) return
  await guarded(async () => {
    const seq = await renamePlan(plan.id, name)
    toast({
      title: msg('scenarios:toast.renamed', { name }),
      kind: 'success',
      ...(seq !== undefined
        ? { action: { label: undoLabel(), run: () => void guarded(() => revertEntry(seq)) } }
        : {})
    })
  })
}

export async function duplicateFlow(plan: Pick<Plan, 'id' | 'name'>): Promise<void> {
  const name = await askName({
    title: t('name.duplicateTitle'),
    text: t('name.duplicateText', { name: plan.name }),
    initial: t('name.copyOf', { name: plan.name }),
    confirmLabel: t('name.create')
  })
  if (!name) return
  await guarded(async () => {
    const id = await duplicateScenario(plan.id, name)
    await setCurrentPlanId(id)
    toast({
      title: msg('scenarios:toast.duplicated', { name }),
      kind: 'success',
      action: {
        label: undoLabel(),
        run: () => void guarded(() => deletePlanTree(id).then(() => setCurrentPlanId(plan.id)))
      }
    })
  })
}

/**
 * Deletes a plan and its scenarios after asking; the toast's Undo puts all of it back
 * (ids and history included), which is why deletion is not a soft "archived" flag.
 */
export async function deleteFlow(
  plan: Pick<Plan, 'id' | 'name' | 'baseId'>,
  currentId: string | null
): Promise<void> {
  const descendants = await countDescendants(plan.id)
  const ok = await confirm({
    title: t('confirm.deleteTitle', { name: plan.name }),
    message: descendants ? t('confirm.deleteTextWith', { count: descendants }) : t('confirm.deleteText'),
    confirmLabel: i18n.t('delete', { ns: 'common' }),
    danger: true
  })
  if (!ok) return
  await guarded(async () => {
    // A safety copy first, as before an import or restore: nothing is deleted if it cannot be written.
    await autoBackup('delete')
    // Kept in the database: Recently deleted in the sidebar brings it back, also after a restart.
    const snapshot = await deletePlanTree(plan.id, { keep: true })
    const removed = new Set(snapshot.plans.map((p) => p.id))
    if (currentId && removed.has(currentId)) {
      const next = plan.baseId && !removed.has(plan.baseId) ? plan.baseId : await firstBaseline(removed)
      if (next) await setCurrentPlanId(next)
    }
    toast({
      title: descendants
        ? msg('scenarios:toast.deletedWith', { name: plan.name, count: descendants })
        : msg('scenarios:toast.deleted', { name: plan.name }),
      kind: 'info',
      action: {
        label: undoLabel(),
        run: () =>
          void guarded(async () => {
            const key = await deletedKeyOf(snapshot)
            if (key) await restoreDeleted(key)
            else await restoreSnapshot(snapshot)
            if (currentId && removed.has(currentId)) await setCurrentPlanId(currentId)
            toast({ title: msg('scenarios:toast.restored', { name: plan.name }), kind: 'success' })
          })
      }
    })
  })
}

async function countDescendants(id: string): Promise<number> {
  const all = await allPlans()
  const ids = [id]
  for (let i = 0; i < ids.length; i++) for (const p of all) if (p.baseId === ids[i]) ids.push(p.id)
  return ids.length - 1
}

async function firstBaseline(except: Set<string>): Promise<string | undefined> {
  const plans = await allPlans()
  return (
    plans.find((p) => !p.baseId && !p.archived && !except.has(p.id)) ?? plans.find((p) => !except.has(p.id))
  )?.id
}

/** Makes a scenario the baseline after asking; offers Undo; opens the baseline. */
export async function promoteFlow(scenario: Pick<Plan, 'id' | 'name' | 'baseId'>): Promise<boolean> {
  if (!scenario.baseId) return false
  const base = await getPlan(scenario.baseId)
  if (!base) return false
  const ok = await confirm({
    title: t('confirm.promoteTitle', { name: scenario.name }),
    message: t('confirm.promoteText', { base: base.name }),
    confirmLabel: t('confirm.promote')
  })
  if (!ok) return false
  const archivedName = t('name.archivedName', {
    scenario: scenario.name,
    date: formatDateTime(new Date().toISOString())
  })
  const result = await guarded(() => promoteToBaseline(scenario.id, archivedName))
  if (!result) return false
  await setCurrentPlanId(base.id)
  toast({
    title: msg('scenarios:toast.promoted', { name: scenario.name }),
    description: msg('scenarios:toast.promotedText', { archived: archivedName }),
    kind: 'success',
    action: {
      label: undoLabel(),
      run: () =>
        void guarded(async () => {
          await undoPromotion(result)
          await setCurrentPlanId(scenario.id)
          toast({ title: msg('scenarios:toast.promotionUndone'), kind: 'info' })
        })
    }
  })
  return true
}

export async function unarchiveFlow(plan: Pick<Plan, 'id' | 'name'>): Promise<void> {
  await guarded(async () => {
    const seq = await setArchived(plan.id, false)
    toast({
      title: msg('scenarios:toast.unarchived', { name: plan.name }),
      kind: 'success',
      ...(seq !== undefined
        ? { action: { label: undoLabel(), run: () => void guarded(() => revertEntry(seq)) } }
        : {})
    })
  })
}

/** Opens the comparison of a scenario with its base. */
export async function compareFlow(plan: Pick<Plan, 'id' | 'baseId'>): Promise<void> {
  await setCurrentPlanId(plan.id)
  navigate('scenarios', plan.baseId ? { a: plan.baseId, b: plan.id } : { a: plan.id })
}

/** Brings a plan back from Recently deleted and opens it. */
export async function restoreDeletedFlow(key: string): Promise<void> {
  await guarded(async () => {
    const deleted = await restoreDeleted(key)
    const root = deleted.snapshot.plans[0]
    if (root) await setCurrentPlanId(root.id)
    toast({ title: msg('scenarios:toast.restored', { name: deleted.name }), kind: 'success' })
  })
}
