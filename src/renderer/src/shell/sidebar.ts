// Whether the sidebar is collapsed (a button in the top bar and Ctrl+B), remembered across starts:
// at 960 px the boards need its 232 px to show every quarter.
import { useSyncExternalStore } from 'react'

const STORAGE_KEY = 'qm.sidebarCollapsed'
const listeners = new Set<() => void>()

function read(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    return false
  }
}

let collapsed = typeof localStorage === 'undefined' ? false : read()

export function isSidebarCollapsed(): boolean {
  return collapsed
}

export function setSidebarCollapsed(value: boolean): void {
  if (value === collapsed) return
  collapsed = value
  try {
    localStorage.setItem(STORAGE_KEY, value ? '1' : '0')
  } catch {
    // storage unavailable: the choice lasts until the window closes
  }
  for (const l of listeners) l()
}

export function toggleSidebar(): void {
  setSidebarCollapsed(!collapsed)
}

export function useSidebarCollapsed(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => collapsed
  )
}
