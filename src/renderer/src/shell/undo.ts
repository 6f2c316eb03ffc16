// Undo and redo from every path a user has: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Edit menu, toolbar.
import { msg } from '../i18n/text'
import { CommitError } from '../db/commit'
import { redoLatest, undoLatest } from '../db/scenarios'
import { setCurrentPlanId } from '../db/plans'
import { toast, toastError } from '../components/Toaster'
import { isTextField, useAction, type ActionContext } from './actions'
import { describeEntry } from './describe-entry'

export async function runUndo(planId: string, direction: 'undo' | 'redo'): Promise<void> {
  try {
    // A promotion is undone whole (the scenario comes back), exactly as its toast's Undo does,
    // and redone whole (the scenario is the baseline again), from the base or from the scenario.
    const { entry, promotion } = await (direction === 'undo' ? undoLatest(planId) : redoLatest(planId))
    const shown = direction === 'undo' ? promotion?.snapshot.plans[0]?.id : promotion?.baseId
    if (shown) await setCurrentPlanId(shown)
    toast({
      title: msg(direction === 'undo' ? 'common:undone' : 'common:redone', {
        what: () => describeEntry(entry)
      }),
      kind: 'info'
    })
  } catch (err) {
    if (err instanceof CommitError && (err.code === 'nothing-to-undo' || err.code === 'nothing-to-redo')) {
      toast({ title: msg(err.code === 'nothing-to-undo' ? 'common:nothingToUndo' : 'common:nothingToRedo') })
    } else {
      toastError(msg('common:storageError'), err)
    }
  }
}

/** Undo and redo as actions: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), the Edit menu and the toolbar. */
export function useUndoRedo(planId: string | null): void {
  const perform = (direction: 'undo' | 'redo') => (ctx: ActionContext) => {
    if (!planId) return
    // The Edit menu acts on a focused text field's own text; its keys never reach the action there.
    if (ctx.source === 'menu' && isTextField(document.activeElement)) {
      document.execCommand(direction)
      return
    }
    void runUndo(planId, direction)
  }
  useAction({
    id: 'undo',
    label: 'common:undo',
    group: 'edit',
    shortcuts: ['Mod+Z'],
    enabled: () => planId !== null,
    perform: perform('undo')
  })
  useAction({
    id: 'redo',
    label: 'common:redo',
    group: 'edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: () => planId !== null,
    perform: perform('redo')
  })
}
