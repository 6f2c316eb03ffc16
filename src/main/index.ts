// Electron main process: one secure window, the app protocol, the menu, and the IPC wiring.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron'
import { dirname, join, normalize, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CHANNELS, type MenuCommand } from '../shared/ipc/contract'
import { createDispatcher } from '../shared/ipc/dispatch'
import type { MainDeps } from './deps'
import { createHandlers } from './handlers'
import { isPermissionAllowed } from './security/permissions'
import { APP_HOST, APP_SCHEME, isSafeExternalUrl, isTrustedRendererUrl } from './security/urls'
import { buildMenu } from './window/menu'
import { createWriteGuard, FLUSH_TIMEOUT_MS } from './window/write-guard'
import { createFileGrants, spreadsheetsInArgv } from './files/grants'
import { loadRecent, noteRecent, saveRecent } from './window/recent-files'
import { fitToDisplays, loadWindowState, saveWindowState } from './window/window-state'

const here = dirname(fileURLToPath(import.meta.url))
const rendererDir = join(here, '../renderer')
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  let language: 'en' | 'de' = app.getLocale().toLowerCase().startsWith('de') ? 'de' : 'en'
  let recent = loadRecent(app.getPath('userData'))

  const grants = createFileGrants()
  const send = (command: MenuCommand, arg?: string) => mainWindow?.webContents.send('menu', { command, arg })
  /** A file the user chose outside the app's dialogs: granted, then handed to the window. */
  const openChosen = (path: string) => {
    grants.grant(path)
    mainWindow?.webContents.send('file-opened', { path })
  }
  // Spreadsheets named on the command line open once the window has loaded.
  const fromCommandLine = spreadsheetsInArgv(process.argv, process.cwd())
  for (const path of fromCommandLine) grants.grant(path)
  const refreshMenu = () =>
    Menu.setApplicationMenu(
      buildMenu({
        language,
        recentFiles: recent.files,
        isDev: !app.isPackaged,
        send,
        openRecent: openChosen,
        reload: () => void reloadWhenWritten()
      })
    )

  // Close, quit and reload wait until the renderer's pending writes have ended (bounded).
  const writes = createWriteGuard({
    ask: (requestId) => {
      const wc = mainWindow?.webContents
      if (!wc || wc.isDestroyed() || wc.isCrashed()) return false
      wc.send('flush-writes', { requestId })
      return true
    },
    timeoutMs: FLUSH_TIMEOUT_MS
  })
  /** Set once the writes were waited for: the close (or unload) that follows goes through. */
  let closeAllowed = false
  let unloadAllowed = false
  let quitting = false
  const reloadWhenWritten = async () => {
    await writes.flush()
    const wc = mainWindow?.webContents
    if (!wc || wc.isDestroyed()) return
    unloadAllowed = true
    wc.reload()
  }

  const deps: MainDeps = {
    userDataDir: app.getPath('userData'),
    appName: app.getName(),
    appVersion: app.getVersion(),
    electronVersion: process.versions.electron ?? null,
    locale: app.getLocale(),
    dialogs: {
      showOpen: async ({ title, filters, defaultPath }) => {
        const opts = { title, filters, defaultPath: defaultPath ?? recent.lastFolder ?? undefined }
        const r = mainWindow
          ? await dialog.showOpenDialog(mainWindow, { ...opts, properties: ['openFile'] })
          : await dialog.showOpenDialog({ ...opts, properties: ['openFile'] })
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
      },
      showSave: async ({ title, filters, defaultPath }) => {
        const full =
          recent.lastFolder && !defaultPath.includes(sep) ? join(recent.lastFolder, defaultPath) : defaultPath
        const r = mainWindow
          ? await dialog.showSaveDialog(mainWindow, { title, filters, defaultPath: full })
          : await dialog.showSaveDialog({ title, filters, defaultPath: full })
        return r.canceled || !r.filePath ? null : r.filePath
      },
      confirm: async ({ message, detail }) => {
        const r = await dialog.showMessageBox({
          type: 'question',
          buttons: ['OK', 'Cancel'],
          message,
          detail
        })
        return r.response === 0
      }
    },
    openExternal: (url) => shell.openExternal(url),
    openPath: (path) => shell.openPath(path),
    setTitle: (title) => mainWindow?.setTitle(title),
    writesFlushed: (requestId) => writes.answered(requestId),
    setLanguage: (lang) => {
      language = lang
      refreshMenu()
    },
    noteRecentFile: (path) => {
      recent = noteRecent(recent, path)
      saveRecent(app.getPath('userData'), recent)
      refreshMenu()
    },
    lastFolder: () => recent.lastFolder,
    grants,
    parseWorkerPath: join(here, 'parse-worker.js'),
    onQuit: (cleanup) => app.on('will-quit', () => void cleanup())
  }

  const dispatch = createDispatcher(createHandlers(deps))
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      // Refuse anything that is not our own top-level renderer.
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isTrustedRendererUrl(frameUrl, devServerUrl) || event.senderFrame?.parent) {
        return {
          ok: false,
          error: { code: 'untrusted-sender', message: 'Request from an untrusted page refused.' }
        }
      }
      return dispatch(channel, payload, {
        emit: (name, data) => {
          if (!event.sender.isDestroyed()) event.sender.send(name, data)
        }
      })
    })
  }

  // The preload reports a file dropped on the window: the path comes from the dropped File object
  // (webUtils.getPathForFile), which page script cannot make up, so main may read it.
  ipcMain.on('files:dropped', (event, path: unknown) => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isTrustedRendererUrl(frameUrl, devServerUrl) || event.senderFrame?.parent) return
    if (typeof path === 'string') grants.grant(path)
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return
    for (const path of spreadsheetsInArgv(argv, workingDirectory)) openChosen(path)
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isTrustedRendererUrl(url, devServerUrl)) e.preventDefault()
    })
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // A link the user clicked (target=_blank) goes to the system browser, if it is http(s).
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })

  const createWindow = () => {
    const saved = fitToDisplays(
      loadWindowState(app.getPath('userData')),
      screen.getAllDisplays().map((d) => d.workArea)
    )
    mainWindow = new BrowserWindow({
      width: saved.width,
      height: saved.height,
      ...(saved.x >= 0 && saved.y >= 0 ? { x: saved.x, y: saved.y } : {}),
      minWidth: 960,
      minHeight: 600,
      show: false,
      title: 'Quartermaster',
      icon: join(here, '../../resources/icon.png'),
      webPreferences: {
        preload: join(here, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false
      }
    })
    if (saved.maximized) mainWindow.maximize()
    mainWindow.webContents.once('did-finish-load', () => {
      for (const path of fromCommandLine.splice(0)) openChosen(path)
    })
    mainWindow.once('ready-to-show', () => mainWindow?.show())
    mainWindow.on('close', (e) => {
      if (!mainWindow) return
      if (!closeAllowed) {
        e.preventDefault()
        void writes.flush().then(() => {
          closeAllowed = true
          unloadAllowed = true
          if (quitting) app.quit()
          else mainWindow?.close()
        })
        return
      }
      saveWindowState(app.getPath('userData'), {
        ...mainWindow.getNormalBounds(),
        maximized: mainWindow.isMaximized()
      })
    })
    mainWindow.on('closed', () => {
      mainWindow = null
      closeAllowed = false
    })
    // The renderer's beforeunload holds an unload while writes are pending (a reload main did not
    // start). Main lets it go once it has waited for them; otherwise it waits now, then reloads.
    mainWindow.webContents.on('will-prevent-unload', (e) => {
      if (unloadAllowed) return e.preventDefault()
      void reloadWhenWritten()
    })
    mainWindow.webContents.on('did-start-loading', () => {
      unloadAllowed = closeAllowed
    })
    if (devServerUrl) void mainWindow.loadURL(devServerUrl)
    else void mainWindow.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`)
  }

  void app.whenReady().then(() => {
    // The built renderer is served from app://quartermaster/, never from a dev server or file:// in production.
    protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url)
      if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
      const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
      const file = normalize(join(rendererDir, rel))
      if (!file.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 })
      return net.fetch(pathToFileURL(file).toString())
    })
    // Persistent storage for the app's own page (so Chromium never evicts the plans); all else denied.
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(isPermissionAllowed(permission, details.requestingUrl, devServerUrl))
    )
    session.defaultSession.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
      isPermissionAllowed(permission, requestingOrigin, devServerUrl)
    )
    refreshMenu()
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })

  app.on('before-quit', () => {
    quitting = true
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
