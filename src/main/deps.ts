// What main-process handlers may use from their surroundings. Electron provides it in the app
// (src/main/index.ts); tests and the end-to-end harness provide fakes. Handlers never import electron.

import type { FileGrants } from './files/grants'

export type FileFilter = { name: string; extensions: string[] }

export type MainDeps = {
  userDataDir: string
  appName: string
  appVersion: string
  electronVersion: string | null
  locale: string
  dialogs: {
    /** Resolves to the chosen path, or null when the user cancels. */
    showOpen: (options: {
      title: string
      filters: FileFilter[]
      defaultPath?: string
    }) => Promise<string | null>
    showSave: (options: {
      title: string
      filters: FileFilter[]
      defaultPath: string
    }) => Promise<string | null>
    /** Native yes/no question; resolves true for yes. */
    confirm: (options: { message: string; detail?: string }) => Promise<boolean>
  }
  openExternal: (url: string) => Promise<void>
  /** Opens a folder in the system's file manager; resolves to an error text, '' on success. */
  openPath: (path: string) => Promise<string>
  setTitle: (title: string) => void
  /** The renderer finished the writes main asked about (see window/write-guard.ts). */
  writesFlushed: (requestId: string) => void
  setLanguage: (language: 'en' | 'de') => void
  /** Remembers a file in the recent-files list (File menu) and its folder as the last folder. */
  noteRecentFile: (path: string) => void
  /**
   * Files the user chose outside a handler's own dialog (dropped on the window, picked in the
   * recent-files menu, named on the command line). A path the renderer sends must be one of them.
   */
  grants: FileGrants
  /** Last folder the user opened or saved in, if any. */
  lastFolder: () => string | null
  /**
   * The bundled spreadsheet parse worker (out/main/parse-worker.js) in the built app, and in the e2e
   * harness once built. Absent in unit tests and the CLI, which start the TypeScript worker through tsx.
   */
  parseWorkerPath?: string
  /** Work to do when the app quits (ending the workers kept running); tests may leave it out. */
  onQuit?: (cleanup: () => Promise<void>) => void
}
