// The one action registry: every command a user can run (menu item, toolbar button, shortcut, and the
// help sheet and command palette that list them) is an entry here with its label, keys and perform.
// Modelled on excalidraw's actions/register.ts: an id, a label, a key test, a perform.
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { i18n } from '../i18n'

export type ActionSource = 'menu' | 'key' | 'toolbar' | 'palette'
export type ActionContext = { source: ActionSource; arg?: string; event?: KeyboardEvent }
export type ActionGroup = 'file' | 'edit' | 'view' | 'board' | 'help'

export type Action = {
  /** Native menu commands use their MenuCommand name as id (see src/shared/ipc/contract.ts). */
  id: string
  /** i18n key with its namespace ('common:undo'); both languages live in the owner's strings.ts. */
  label: string
  group: ActionGroup
  /** 'Mod+Z', 'Mod+Shift+Z', 'Alt+ArrowLeft', 'F1', '?'. Mod is Ctrl (or Cmd). The first is shown. */
  shortcuts?: string[]
  perform: (ctx: ActionContext) => void | Promise<void>
  /** Checked before every run from any source; a disabled action is shown greyed and does nothing. */
  enabled?: () => boolean
  /** Its keys also fire while a text field has focus (default: the field keeps its keys). */
  inTextFields?: boolean
  /** Left out of the help sheet and the palette (commands that need an argument, like navigate). */
  hidden?: boolean
}

const registry = new Map<string, Action>()
const listeners = new Set<() => void>()
let version = 0
let snapshot: Action[] = []

function changed(): void {
  version++
  snapshot = [...registry.values()]
  listeners.forEach((l) => l())
}

/** Adds an action; the returned function removes it again (only if it is still the registered one). */
export function registerAction(action: Action): () => void {
  registry.set(action.id, action)
  changed()
  return () => {
    if (registry.get(action.id) !== action) return
    registry.delete(action.id)
    changed()
  }
}

export function getAction(id: string): Action | undefined {
  return registry.get(id)
}

export function isEnabled(action: Action): boolean {
  return action.enabled ? action.enabled() : true
}

export function actionLabel(action: Action): string {
  return i18n.t(action.label)
}

// A native menu accelerator and the page's own key handler can both fire for one key press.
let lastKey = { id: '', at: -Infinity }

/** Runs an action as its menu item, button, shortcut or the palette would. Returns whether it ran. */
export function runAction(id: string, ctx: ActionContext = { source: 'toolbar' }): boolean {
  const action = registry.get(id)
  if (!action || !isEnabled(action)) return false
  const now = performance.now()
  if (ctx.source === 'menu' && lastKey.id === id && now - lastKey.at < 150) return false
  if (ctx.source === 'key') lastKey = { id, at: now }
  void action.perform(ctx)
  return true
}

/** Registers an action while the component is mounted; perform and enabled always see the latest render. */
export function useAction(action: Action): void {
  const ref = useRef(action)
  useEffect(() => {
    ref.current = action
  })
  const { id, label, group, shortcuts, inTextFields, hidden } = action
  const keys = shortcuts?.join(' ')
  useEffect(
    () =>
      registerAction({
        id,
        label,
        group,
        shortcuts: keys ? keys.split(' ') : undefined,
        inTextFields,
        hidden,
        perform: (ctx) => ref.current.perform(ctx),
        enabled: () => (ref.current.enabled ? ref.current.enabled() : true)
      }),
    [id, label, group, keys, inTextFields, hidden]
  )
}

/** Every registered action, re-rendering when one is added or removed (help sheet, palette). */
export function useActions(): Action[] {
  useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => version
  )
  return snapshot
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

type KeyTest = { key: string; mod: boolean; shift: boolean; alt: boolean }

function parse(shortcut: string): KeyTest {
  const parts = shortcut.split('+')
  // 'Mod++' would be a plus key; none is used, so the last part is always the key.
  const key = parts[parts.length - 1]
  const mods = new Set(parts.slice(0, -1))
  return { key, mod: mods.has('Mod'), shift: mods.has('Shift'), alt: mods.has('Alt') }
}

/** Whether a key press is this shortcut. Letters ignore case; a printable symbol ignores Shift. */
export function matchesShortcut(shortcut: string, e: Pick<KeyboardEvent, KeyTestFields>): boolean {
  const t = parse(shortcut)
  const symbol = t.key.length === 1 && !/[a-z0-9]/i.test(t.key)
  if (t.key.length === 1 ? e.key.toLowerCase() !== t.key.toLowerCase() : e.key !== t.key) return false
  if ((e.ctrlKey || e.metaKey) !== t.mod) return false
  if (e.altKey !== t.alt) return false
  return symbol || e.shiftKey === t.shift
}
type KeyTestFields = 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'

const KEY_NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓'
}

const MODIFIER_NAMES: Record<string, { mod: string; alt: string; shift: string }> = {
  en: { mod: 'Ctrl', alt: 'Alt', shift: 'Shift' },
  // German keyboards label these keys Strg and Umschalt.
  de: { mod: 'Strg', alt: 'Alt', shift: 'Umschalt' }
}

/** A shortcut as the user reads it: 'Ctrl+Shift+Z' ('Strg+Umschalt+Z' in German, ⌘⇧Z on macOS), 'Alt+←'. */
export function formatShortcut(shortcut: string, language: string = i18n.language, mac = isMac): string {
  const t = parse(shortcut)
  const key = KEY_NAMES[t.key] ?? (t.key.length === 1 ? t.key.toUpperCase() : t.key)
  if (mac) return `${t.mod ? '⌘' : ''}${t.alt ? '⌥' : ''}${t.shift ? '⇧' : ''}${key}`
  const names = MODIFIER_NAMES[language.slice(0, 2)] ?? MODIFIER_NAMES.en
  return [t.mod && names.mod, t.alt && names.alt, t.shift && names.shift, key].filter(Boolean).join('+')
}

export function isTextField(el: Element | null): boolean {
  if (!el) return false
  const tag = el.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || (el as HTMLElement).isContentEditable
}

/** The first enabled action whose shortcut is this key press (text fields keep their keys). */
export function actionForKey(e: KeyboardEvent, target: Element | null): Action | undefined {
  const inField = isTextField(target)
  for (const action of registry.values()) {
    if (!action.shortcuts || (inField && !action.inTextFields)) continue
    if (action.shortcuts.some((s) => matchesShortcut(s, e)) && isEnabled(action)) return action
  }
  return undefined
}

/** Mounted once by the frame: key presses run the matching action. */
export function useActionShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return
      const action = actionForKey(e, document.activeElement)
      if (!action) return
      e.preventDefault()
      runAction(action.id, { source: 'key', event: e })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
