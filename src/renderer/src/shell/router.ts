// Hash routing: "#/budget" shows the budget view; reloads and deep links keep the view.
import { useSyncExternalStore } from 'react'

function read(): { view: string; params: URLSearchParams } {
  const raw = window.location.hash.replace(/^#\/?/, '')
  const [view, query] = raw.split('?')
  return { view: view || 'overview', params: new URLSearchParams(query ?? '') }
}

let current = read()
let currentKey = window.location.hash
const listeners = new Set<() => void>()
window.addEventListener('hashchange', () => {
  current = read()
  currentKey = window.location.hash
  listeners.forEach((l) => l())
})

export function navigate(view: string, params?: Record<string, string>): void {
  const q = params ? `?${new URLSearchParams(params).toString()}` : ''
  window.location.hash = `#/${view}${q}`
}

export function useRoute(): { view: string; params: URLSearchParams } {
  useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => currentKey
  )
  return current
}
