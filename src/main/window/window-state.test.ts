import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state'

describe('window state', () => {
  it('remembers size and position across runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qm-ws-'))
    expect(loadWindowState(dir)).toEqual(DEFAULT_STATE)
    saveWindowState(dir, { x: 10, y: 20, width: 1400, height: 900, maximized: true })
    expect(loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true })
  })

  it('drops a position that lies on a screen which is gone', () => {
    const state = { x: 3000, y: 100, width: 1280, height: 800, maximized: false }
    expect(fitToDisplays(state, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toMatchObject({ x: -1, y: -1 })
    expect(fitToDisplays({ ...state, x: 100 }, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toMatchObject({
      x: 100
    })
  })
})
