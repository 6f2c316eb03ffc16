// Preload: builds window.api from the IPC contract. Raw ipcRenderer never reaches the page.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { CHANNELS, MAIN_EVENTS, type Api } from '../shared/ipc/contract'

const allowed = new Set<string>(CHANNELS)
const events = new Set<string>(MAIN_EVENTS)

const api: Api = {
  invoke: (channel, request) => {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown-channel', message: `Unknown channel "${String(channel)}".` }
      })
    }
    return ipcRenderer.invoke(channel, request)
  },
  on: (event, listener) => {
    if (!events.has(event)) throw new Error(`Unknown event "${String(event)}".`)
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never)
    ipcRenderer.on(event, wrapped)
    return () => {
      ipcRenderer.removeListener(event, wrapped)
    }
  },
  // A dropped file's path, which main records as chosen by the user before the page can ask for it
  // (messages from one page arrive in order). Page script cannot make up a File with a path.
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file)
    if (path) ipcRenderer.send('files:dropped', path)
    return path
  }
}

contextBridge.exposeInMainWorld('api', api)
