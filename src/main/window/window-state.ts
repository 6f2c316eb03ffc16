// Remembers the main window's size and position between runs. Pure file I/O, no electron import,
// so the clamping rules are unit-tested.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomicSync } from '../files/atomic-write'

export type Bounds = { x: number; y: number; width: number; height: number }
export type WindowState = Bounds & { maximized: boolean }

export const DEFAULT_STATE: WindowState = { x: -1, y: -1, width: 1280, height: 800, maximized: false }
const MIN_WIDTH = 960
const MIN_HEIGHT = 600

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

export function loadWindowState(dir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as Partial<WindowState>
    if (![raw.x, raw.y, raw.width, raw.height].every(isFiniteNumber)) return DEFAULT_STATE
    return {
      x: raw.x as number,
      y: raw.y as number,
      width: Math.max(MIN_WIDTH, raw.width as number),
      height: Math.max(MIN_HEIGHT, raw.height as number),
      maximized: raw.maximized === true
    }
  } catch {
    return DEFAULT_STATE
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  writeFileAtomicSync(join(dir, 'window-state.json'), JSON.stringify(state))
}

/** Keeps a remembered window on a screen that still exists; otherwise lets the OS centre it. */
export function fitToDisplays(state: WindowState, displays: Bounds[]): WindowState {
  const visible = displays.some(
    (d) =>
      state.x >= d.x - 50 &&
      state.y >= d.y - 50 &&
      state.x + Math.min(state.width, 200) <= d.x + d.width &&
      state.y + 50 <= d.y + d.height
  )
  if (visible) return state
  return { ...state, x: -1, y: -1 }
}
