// The File menu's recent files and the last folder used, kept in the user data folder.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { writeFileAtomicSync } from '../files/atomic-write'

export type RecentState = { files: string[]; lastFolder: string | null }
const MAX_RECENT = 8

export function loadRecent(dir: string): RecentState {
  try {
    const raw = JSON.parse(readFileSync(join(dir, 'recent.json'), 'utf8')) as Partial<RecentState>
    const files = Array.isArray(raw.files) ? raw.files.filter((f): f is string => typeof f === 'string') : []
    return {
      files: files.slice(0, MAX_RECENT),
      lastFolder: typeof raw.lastFolder === 'string' ? raw.lastFolder : null
    }
  } catch {
    return { files: [], lastFolder: null }
  }
}

export function noteRecent(state: RecentState, path: string): RecentState {
  return {
    files: [path, ...state.files.filter((f) => f !== path)].slice(0, MAX_RECENT),
    lastFolder: dirname(path)
  }
}

export function saveRecent(dir: string, state: RecentState): void {
  writeFileAtomicSync(join(dir, 'recent.json'), JSON.stringify(state))
}
