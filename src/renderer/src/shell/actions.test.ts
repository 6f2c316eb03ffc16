import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  actionForKey,
  formatShortcut,
  getAction,
  matchesShortcut,
  registerAction,
  runAction
} from './actions'

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent
const field = { tagName: 'INPUT' } as Element
const button = { tagName: 'BUTTON' } as Element

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function add(id: string, extra: Partial<Parameters<typeof registerAction>[0]> = {}) {
  const perform = vi.fn()
  cleanups.push(registerAction({ id, label: `common:${id}`, group: 'edit', perform, ...extra }))
  return perform
}

describe('shortcuts', () => {
  it('Mod is Ctrl or Cmd, and the other modifiers must match exactly', () => {
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true }))).toBe(true)
    expect(matchesShortcut('Mod+Z', key('Z', { metaKey: true }))).toBe(true)
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matchesShortcut('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(matchesShortcut('Alt+ArrowLeft', key('ArrowLeft', { altKey: true }))).toBe(true)
    expect(matchesShortcut('Alt+ArrowLeft', key('ArrowLeft'))).toBe(false)
  })

  it('a printable symbol ignores Shift, which most layouts need to type it', () => {
    expect(matchesShortcut('?', key('?', { shiftKey: true }))).toBe(true)
    expect(matchesShortcut('?', key('?'))).toBe(true)
    expect(matchesShortcut('F1', key('F1'))).toBe(true)
  })

  it('reads as the platform writes it', () => {
    expect(formatShortcut('Mod+Shift+Z', 'en', false)).toBe('Ctrl+Shift+Z')
    expect(formatShortcut('Alt+Shift+ArrowUp', 'en', false)).toBe('Alt+Shift+↑')
    expect(formatShortcut('Mod+Shift+Z', 'en', true)).toBe('⌘⇧Z')
  })

  it('says Strg and Umschalt in German', () => {
    expect(formatShortcut('Mod+K', 'de', false)).toBe('Strg+K')
    expect(formatShortcut('Mod+Shift+Z', 'de', false)).toBe('Strg+Umschalt+Z')
    expect(formatShortcut('Alt+ArrowLeft', 'de', false)).toBe('Alt+←')
    expect(formatShortcut('Mod+Shift+Z', 'de', true)).toBe('⌘⇧Z')
  })
})

describe('the action registry', () => {
  it('runs an action by id, and not while it is disabled', () => {
    let on = false
    const perform = add('undo', { enabled: () => on })
    expect(runAction('undo')).toBe(false)
    on = true
    expect(runAction('undo', { source: 'toolbar' })).toBe(true)
    expect(perform).toHaveBeenCalledWith({ source: 'toolbar' })
  })

  it('a menu event right after the same shortcut does not run the action twice', () => {
    const perform = add('redo')
    runAction('redo', { source: 'key' })
    runAction('redo', { source: 'menu' })
    expect(perform).toHaveBeenCalledTimes(1)
  })

  it('finds the action of a key press, leaving text fields their own keys', () => {
    add('undo', { shortcuts: ['Mod+Z'] })
    add('help', { shortcuts: ['F1'], inTextFields: true })
    expect(actionForKey(key('z', { ctrlKey: true }), button)?.id).toBe('undo')
    expect(actionForKey(key('z', { ctrlKey: true }), field)).toBeUndefined()
    expect(actionForKey(key('F1'), field)?.id).toBe('help')
  })

  it('removing an action that was registered again under its id keeps the newer one', () => {
    const first = registerAction({ id: 'x', label: 'common:x', group: 'edit', perform: () => undefined })
    cleanups.push(registerAction({ id: 'x', label: 'common:y', group: 'edit', perform: () => undefined }))
    first()
    expect(getAction('x')?.label).toBe('common:y')
  })
})
