// Undo and redo from every path a user has: Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Edit menu, toolbar.
import { useEffect } from 'react'
import { i18n } from '../i18n'
import { CommitError, redo, undo } from '../db/commit'
import { toast } from '../components/Toaster'
import { useMenuCommand } from './menu'
import { describeEntry } from './describe-entry'

let lastKeyAt = 0

function isTextField(el: Element | null): boolean {
  if (!el) return false
  const tag = el.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || (el as HTMLElement).isContentEditable
}

export async function runUndo(planId: string, direction: 'undo' | 'redo'): Promise<void> {
  const t = i18n.getFixedT(null, 'common')
  try {
    const entry = direction === 'undo' ? await undo(planId) : await redo(planId)
    toast({
      title: t(direction === 'undo' ? 'undone' : 'redone', { what: describeEntry(entry) }),
      kind: 'info'
    })
  } catch (err) {
    if (err instanceof CommitError && (err.code === 'nothing-to-undo' || err.code === 'nothing-to-redo')) {
      toast({ title: t(err.code === 'nothing-to-undo' ? 'nothingToUndo' : 'nothingToRedo') })
    } else {
      toast({
        title: t('storageError'),
        description: err instanceof Error ? err.message : String(err),
        kind: 'error'
      })
    }
  }
}

export function useUndoRedo(planId: string | null): void {
  useEffect(() => {
    if (!planId) return
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const key = e.key.toLowerCase()
      const isUndo = key === 'z' && !e.shiftKey
      const isRedo = (key === 'z' && e.shiftKey) || key === 'y'
      if (!isUndo && !isRedo) return
      if (isTextField(document.activeElement)) return
      e.preventDefault()
      lastKeyAt = performance.now()
      void runUndo(planId, isUndo ? 'undo' : 'redo')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [planId])

  const fromMenu = (direction: 'undo' | 'redo') => {
    if (!planId) return
    // The menu accelerator and the page's key handler can both fire for one key press.
    if (performance.now() - lastKeyAt < 150) return
    if (isTextField(document.activeElement)) {
      document.execCommand(direction)
      return
    }
    void runUndo(planId, direction)
  }
  useMenuCommand('undo', () => fromMenu('undo'))
  useMenuCommand('redo', () => fromMenu('redo'))
}
