// The end-to-end harness: the built renderer in Chromium, with the same window.api the preload
// builds, wired to the REAL main-process handlers running in this test process.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { CHANNELS, MAIN_EVENTS, type MenuCommand } from '../../src/shared/ipc/contract'
import { createDispatcher } from '../../src/shared/ipc/dispatch'
import type { MainDeps } from '../../src/main/deps'
import { createFileGrants } from '../../src/main/files/grants'
import { createHandlers } from '../../src/main/handlers'
import { createWriteGuard, FLUSH_TIMEOUT_MS, type FlushOutcome } from '../../src/main/window/write-guard'

export type Harness = {
  page: Page
  userDataDir: string
  /** Paths the next open / save dialogs answer with (null = the user cancels). */
  queueOpen: (path: string | null) => void
  queueSave: (path: string | null) => void
  /** Answers of the next native confirm dialogs. */
  queueConfirm: (yes: boolean) => void
  /** Handler calls seen so far, for asserting that main was (or was not) reached. */
  calls: { channel: string; payload: unknown }[]
  recentFiles: string[]
  titles: string[]
  /** Folders main opened in the system's file manager. */
  openedPaths: string[]
  /** Picks a file under File > Open recent: main grants it and hands it to the window. */
  openRecent: (path: string) => Promise<void>
  /** Sends a native menu command, as choosing the menu item does in Electron. */
  menu: (command: MenuCommand, arg?: string) => Promise<void>
  /** Opens a view and waits until the plan is loaded. */
  goto: (view: string) => Promise<void>
  /**
   * Plays main's part before a close, reload or quit (src/main/window/write-guard.ts): asks the
   * renderer over 'flush-writes' and waits for its app:writes-flushed answer, bounded as main is.
   * The harness never waits for IndexedDB itself: the app has to hold the window until its writes end.
   */
  flushWrites: () => Promise<FlushOutcome>
  /** Reloads the window as View > Reload does: main asks the renderer to flush, then reloads. */
  reload: () => Promise<void>
  /** Closes the window as main does (flush first), then opens the app again on the same profile. */
  closeAndReopen: () => Promise<void>
  /** Saves a full-window screenshot to screenshots/<name>.png. */
  shot: (name: string) => Promise<void>
}

/** Answers longer than this (characters of JSON) reach the page as a fetched body; see __qmInvoke. */
const LARGE_ANSWER = 64 * 1024

/** How the page marks bytes in a request it sends as JSON: { [BYTES_KEY]: base64 }. */
const BYTES_KEY = '__qmBytes'

/** A request's top-level fields the page sent as base64, as bytes again. */
function withBytes(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object') return payload
  const out = payload as Record<string, unknown>
  for (const [k, v] of Object.entries(out)) {
    const b64 = (v as Record<string, unknown> | null)?.[BYTES_KEY]
    if (typeof b64 === 'string') out[k] = new Uint8Array(Buffer.from(b64, 'base64'))
  }
  return out
}

/** Every view of the sidebar, for checks that go over all of them (fit, accessibility). */
export const VIEW_IDS = [
  'overview',
  'timeline',
  'team',
  'budget',
  'risks',
  'dependencies',
  'deliverables',
  'capacity-board',
  'budget-board',
  'history',
  'scenarios'
] as const

export const SCREENSHOT_DIR = join(process.cwd(), 'screenshots')

/**
 * The parse worker as the app runs it: electron-vite's bundle of the same sources, built with the
 * renderer these tests load. Started through tsx instead, each worker took seconds under load.
 */
const BUILT_WORKER = join(process.cwd(), 'out', 'main', 'parse-worker.js')

export const test = base.extend<{ app: Harness }>({
  app: async ({ page }, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'qm-e2e-'))
    const opens: (string | null)[] = []
    const saves: (string | null)[] = []
    const confirms: boolean[] = []
    const calls: Harness['calls'] = []
    const recentFiles: string[] = []
    const titles: string[] = []
    const openedPaths: string[] = []
    let lastFolder: string | null = null
    const onQuit: (() => Promise<void>)[] = []

    const grants = createFileGrants()
    const deps: MainDeps = {
      grants,
      userDataDir,
      appName: 'Quartermaster',
      appVersion: '0.1.0',
      electronVersion: null,
      locale: 'en-GB',
      dialogs: {
        showOpen: async () => (opens.length ? opens.shift()! : null),
        showSave: async () => (saves.length ? saves.shift()! : null),
        confirm: async () => (confirms.length ? confirms.shift()! : true)
      },
      openExternal: async () => undefined,
      openPath: async (path) => {
        openedPaths.push(path)
        return ''
      },
      setTitle: (title) => titles.push(title),
      writesFlushed: (requestId) => writeGuard.answered(requestId),
      setLanguage: () => undefined,
      noteRecentFile: (path) => {
        recentFiles.unshift(path)
        lastFolder = join(path, '..')
      },
      lastFolder: () => lastFolder,
      parseWorkerPath: existsSync(BUILT_WORKER) ? BUILT_WORKER : undefined,
      onQuit: (cleanup) => onQuit.push(cleanup)
    }
    const writeGuard = createWriteGuard({
      ask: (requestId) => {
        if (page.isClosed()) return false
        void emit('flush-writes', { requestId })
        return true
      },
      timeoutMs: FLUSH_TIMEOUT_MS
    })
    const flushWrites = () => writeGuard.flush()
    const handlers = createHandlers(deps)
    const wrapped = Object.fromEntries(
      Object.entries(handlers).map(([channel, fn]) => [
        channel,
        (req: unknown, ctx: unknown) => {
          calls.push({ channel, payload: req })
          return (fn as (r: unknown, c: unknown) => unknown)(req, ctx)
        }
      ])
    )
    const dispatch = createDispatcher(wrapped as never)
    const largeAnswers = new Map<string, string>()
    let answerSeq = 0

    const emit = async (event: string, payload: unknown) => {
      await page
        .evaluate(
          ([e, p]) => (window as unknown as { __qmEmit: (e: string, p: unknown) => void }).__qmEmit(e, p),
          [event, payload] as const
        )
        .catch(() => undefined)
    }
    // What the preload's pathForFile reports to main for a dropped file (see src/preload/index.ts).
    await page.exposeBinding('__qmDroppedPath', (_source, path: string) => grants.grant(path))
    await page.exposeBinding('__qmInvoke', async (_source, channel: string, payload: unknown) => {
      // Structured clone across the bridge, as Electron's IPC does (bytes came as base64, see below).
      const cloned = payload === undefined ? undefined : withBytes(JSON.parse(JSON.stringify(payload)))
      const result = await dispatch(channel, cloned, { emit: (name, data) => void emit(name, data) })
      // As JSON text, which the page parses natively: Playwright's own encoding of a returned value
      // is decoded by script in the page, which for a large answer (pages of 5,000 changes) takes
      // seconds of the page's main thread that Electron's IPC never spends.
      const text = JSON.stringify(result)
      if (text.length <= LARGE_ANSWER) return text
      // A large answer (a page of import changes, 300 kB) comes as a response body instead: handed
      // over in the protocol message, it cost the page 60 to 120 ms to take in, ten times what
      // Electron's structured clone of the same value costs; a fetched body is parsed natively.
      const id = String(++answerSeq)
      largeAnswers.set(id, text)
      return `\u0000${id}`
    })
    await page.route('**/__qm_answer/*', (route) => {
      const id = route.request().url().split('/').pop()!
      const body = largeAnswers.get(id)
      largeAnswers.delete(id)
      return body === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ status: 200, contentType: 'application/json', body })
    })
    // Getting started is offered once on a first start; tests start as a returning user unless
    // they set sessionStorage 'qm.e2e.firstStart' (help.spec.ts does) and reload.
    await page.addInitScript(() => {
      try {
        if (!sessionStorage.getItem('qm.e2e.firstStart')) localStorage.setItem('qm.welcomeOffered', '1')
      } catch {
        // no storage: nothing offered either
      }
    })
    await page.addInitScript(
      ({ channels, events, BYTES_KEY }) => {
        const allowed = new Set(channels)
        const known = new Set(events)
        const listeners = new Map<string, Set<(p: unknown) => void>>()
        const w = window as unknown as Record<string, unknown>
        w['__qmEmit'] = (event: string, payload: unknown) => {
          for (const l of listeners.get(event) ?? []) l(payload)
        }
        const invokeJson = w['__qmInvoke'] as (c: string, p: unknown) => Promise<string>
        // Bytes in a request (an automatic backup's deflated parts) cross the binding as base64,
        // which Electron's structured clone does not need.
        const base64 = (b: Uint8Array) => {
          // Chromium's own encoder where it has one; a spread of char codes took 100 ms a megabyte.
          const native = (b as Uint8Array & { toBase64?: () => string }).toBase64
          if (native) return native.call(b)
          let s = ''
          for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000))
          return btoa(s)
        }
        const wire = (p: unknown) => {
          if (p === null || typeof p !== 'object' || Array.isArray(p)) return p
          const out: Record<string, unknown> = { ...(p as Record<string, unknown>) }
          for (const [k, v] of Object.entries(out))
            if (v instanceof Uint8Array) out[k] = { [BYTES_KEY]: base64(v) }
          return out
        }
        const invoke = (c: string, p: unknown) =>
          invokeJson(c, wire(p)).then((text) =>
            text.charCodeAt(0) === 0
              ? fetch(`/__qm_answer/${text.slice(1)}`).then((r) => r.json() as Promise<unknown>)
              : (JSON.parse(text) as unknown)
          )
        w['__qmDropped'] = {} as Record<string, string>
        const api = {
          invoke: (channel: string, request: unknown) =>
            allowed.has(channel)
              ? invoke(channel, request)
              : Promise.resolve({
                  ok: false,
                  error: { code: 'unknown-channel', message: `Unknown channel "${channel}".` }
                }),
          on: (event: string, listener: (p: unknown) => void) => {
            if (!known.has(event)) throw new Error(`Unknown event "${event}".`)
            if (!listeners.has(event)) listeners.set(event, new Set())
            listeners.get(event)!.add(listener)
            return () => listeners.get(event)!.delete(listener)
          },
          pathForFile: (file: File) => {
            const path = (w['__qmDropped'] as Record<string, string>)[file.name] ?? ''
            if (path) void (w['__qmDroppedPath'] as (p: string) => Promise<void>)(path)
            return path
          }
        }
        Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
      },
      { channels: CHANNELS as string[], events: MAIN_EVENTS as string[], BYTES_KEY }
    )

    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const harness: Harness = {
      page,
      userDataDir,
      calls,
      recentFiles,
      titles,
      openedPaths,
      queueOpen: (p) => opens.push(p),
      queueSave: (p) => saves.push(p),
      queueConfirm: (y) => confirms.push(y),
      menu: (command, arg) => emit('menu', { command, arg }),
      flushWrites,
      openRecent: (path) => {
        grants.grant(path)
        return emit('file-opened', { path })
      },
      reload: async () => {
        await flushWrites()
        await page.reload()
      },
      closeAndReopen: async () => {
        await flushWrites()
        // The app's page is gone, as when the window closes; its IndexedDB stays with the profile.
        await page.goto('about:blank')
        await page.goto('/')
      },
      goto: async (view) => {
        await page.goto(`/#/${view}`)
        await expect(page.getByTestId('plan-name')).not.toBeEmpty()
      },
      shot: async (name) => {
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false })
      }
    }
    await use(harness)
    // The app quits: the workers it keeps running end.
    await Promise.all(onQuit.map((cleanup) => cleanup()))
  }
})

export { expect }
