// The native menu. Items that act on the plan are forwarded to the renderer as 'menu' events.
import { Menu, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc/contract'
import { MENU_LABELS } from './menu-labels'

export type MenuOptions = {
  language: 'en' | 'de'
  recentFiles: string[]
  isDev: boolean
  send: (command: MenuCommand, arg?: string) => void
  openRecent: (path: string) => void
  /** Reloads the window once its pending writes have ended (see write-guard.ts). */
  reload: () => void
}

export function buildMenu({ language, recentFiles, isDev, send, openRecent, reload }: MenuOptions): Menu {
  const l = MENU_LABELS[language]
  const isMac = process.platform === 'darwin'
  const go = (view: string) => () => send('navigate', view)
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        { label: l.newPlan, accelerator: 'CmdOrCtrl+N', click: () => send('new-plan') },
        { type: 'separator' },
        { label: l.import, accelerator: 'CmdOrCtrl+I', click: () => send('import') },
        { label: l.export, accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { label: l.exportCsv, click: () => send('export-csv') },
        { type: 'separator' },
        { label: l.backup, click: () => send('backup') },
        { label: l.restore, click: () => send('restore') },
        {
          label: l.recent,
          submenu: recentFiles.length
            ? recentFiles.map((p) => ({ label: p, click: () => openRecent(p) }))
            : [{ label: l.noRecent, enabled: false }]
        },
        { type: 'separator' },
        { label: l.reset, click: () => send('reset-plan') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { label: l.quit, role: 'quit' }
      ]
    },
    {
      label: l.edit,
      submenu: [
        // Undo and redo act on the plan, not on text fields: the renderer decides.
        { label: l.undo, accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: l.redo, accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z', click: () => send('redo') },
        { type: 'separator' },
        // The renderer's own keys: Alt+↑/↓ move the focused list row, or the focused chip on a board.
        { label: l.moveUp, accelerator: 'Alt+Up', registerAccelerator: false, click: () => send('move-up') },
        {
          label: l.moveDown,
          accelerator: 'Alt+Down',
          registerAccelerator: false,
          click: () => send('move-down')
        },
        { type: 'separator' },
        { label: l.cut, role: 'cut' },
        { label: l.copy, role: 'copy' },
        { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' }
      ]
    },
    {
      label: l.view,
      submenu: [
        { label: l.overview, accelerator: 'CmdOrCtrl+1', click: go('overview') },
        { label: l.timeline, accelerator: 'CmdOrCtrl+2', click: go('timeline') },
        { label: l.team, accelerator: 'CmdOrCtrl+3', click: go('team') },
        { label: l.budget, accelerator: 'CmdOrCtrl+4', click: go('budget') },
        { label: l.capacityBoard, accelerator: 'CmdOrCtrl+5', click: go('capacity-board') },
        { label: l.budgetBoard, accelerator: 'CmdOrCtrl+6', click: go('budget-board') },
        { label: l.scenarios, accelerator: 'CmdOrCtrl+7', click: go('scenarios') },
        { label: l.history, accelerator: 'CmdOrCtrl+8', click: go('history') },
        { type: 'separator' },
        { label: l.reload, accelerator: 'CmdOrCtrl+R', click: reload },
        ...(isDev ? [{ label: l.devtools, role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { label: l.resetZoom, role: 'resetZoom' },
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
        { type: 'separator' },
        { label: l.fullscreen, role: 'togglefullscreen' }
      ]
    },
    {
      label: l.help,
      submenu: [
        // F1 and ? are the renderer's own keys (so ? works without a modifier); the menu shows F1.
        { label: l.shortcuts, accelerator: 'F1', registerAccelerator: false, click: () => send('shortcuts') },
        {
          label: l.palette,
          accelerator: 'CmdOrCtrl+K',
          registerAccelerator: false,
          click: () => send('palette')
        },
        { label: l.gettingStarted, click: () => send('getting-started') },
        { type: 'separator' },
        { label: l.about, click: () => send('about') }
      ]
    }
  ]
  return Menu.buildFromTemplate(template)
}
