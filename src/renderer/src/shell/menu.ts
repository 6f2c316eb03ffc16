// Native menu commands (File > Import, Edit > Undo, ...) reach React through this hook.
import { useEffect, useRef } from 'react'
import type { MenuCommand } from '@shared/ipc/contract'
import { onMainEvent } from '../lib/ipc'

type Listener = (arg?: string) => void
const listeners = new Map<MenuCommand, Set<Listener>>()
let wired = false

function wire() {
  if (wired) return
  wired = true
  onMainEvent('menu', ({ command, arg }) => runMenuCommand(command, arg))
}

/** Runs a command as if its menu item was chosen (buttons and shortcuts use the same path). */
export function runMenuCommand(command: MenuCommand, arg?: string): void {
  for (const l of listeners.get(command) ?? []) l(arg)
}

export function useMenuCommand(command: MenuCommand, handler: Listener): void {
  const ref = useRef(handler)
  useEffect(() => {
    ref.current = handler
  })
  useEffect(() => {
    wire()
    const l: Listener = (arg) => ref.current(arg)
    let set = listeners.get(command)
    if (!set) listeners.set(command, (set = new Set()))
    set.add(l)
    return () => {
      set.delete(l)
    }
  }, [command])
}
