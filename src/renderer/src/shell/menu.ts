// The native menu's bridge: File > Import, Edit > Undo, ... arrive from main as 'menu' events and run
// the registered action of the same id (see actions.ts), exactly as its button or shortcut would.
import { useEffect } from 'react'
import { onMainEvent } from '../lib/ipc'
import { runAction } from './actions'

/** Mounted once by the frame. */
export function useMenuBridge(): void {
  useEffect(
    () => onMainEvent('menu', ({ command, arg }) => void runAction(command, { source: 'menu', arg })),
    []
  )
}
