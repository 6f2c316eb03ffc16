// One pending question at a time for a dialog host: `ask` opens it and resolves with the answer
// (null when cancelled, or when a newer question replaces it); the host renders `usePending()`.
import { useSyncExternalStore } from 'react'

export function createDialogRequest<Req, Res>() {
  let pending: Req | null = null
  let resolvePending: ((value: Res | null) => void) | null = null
  const listeners = new Set<() => void>()
  const emit = () => listeners.forEach((l) => l())
  const subscribe = (l: () => void) => {
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }

  function settle(value: Res | null): void {
    const resolve = resolvePending
    pending = null
    resolvePending = null
    emit()
    resolve?.(value)
  }

  function ask(request: Req): Promise<Res | null> {
    resolvePending?.(null)
    return new Promise((resolve) => {
      pending = request
      resolvePending = resolve
      emit()
    })
  }

  function usePending(): Req | null {
    return useSyncExternalStore(subscribe, () => pending)
  }

  return { ask, settle, usePending }
}
