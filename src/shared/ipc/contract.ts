// The one IPC contract: every channel between renderer and main, with its request schema
// and response type. Main validates each request against it; the preload builds window.api from it.
import type { z } from 'zod'
import type { ChannelDef, IpcResult } from './define'
import { appChannels } from './channels/app'
import { importChannels } from './channels/import'
import { exportChannels } from './channels/export'
import { scenariosChannels } from './channels/scenarios'

export const contract = {
  ...appChannels,
  ...importChannels,
  ...exportChannels,
  ...scenariosChannels
}

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = Contract[C] extends ChannelDef<infer Req, unknown> ? Req : never
export type ResponseOf<C extends Channel> = Contract[C] extends ChannelDef<unknown, infer Res> ? Res : never
export type RequestInput<C extends Channel> = z.input<Contract[C]['request']>

export const CHANNELS = Object.keys(contract) as Channel[]

/** Events main sends to the renderer (one-way). */
export type MenuCommand =
  | 'undo'
  | 'redo'
  | 'move-up'
  | 'move-down'
  | 'import'
  | 'export'
  | 'export-csv'
  | 'backup'
  | 'restore'
  | 'about'
  | 'shortcuts'
  | 'palette'
  | 'getting-started'
  | 'reset-plan'
  | 'new-plan'
  | 'navigate'
export type MainEvents = {
  menu: { command: MenuCommand; arg?: string }
  progress: { taskId: string; stage: string; done: number; total: number }
  'file-opened': { path: string }
  /** Main is about to close, reload or quit the window: finish pending writes, then answer. */
  'flush-writes': { requestId: string }
}
export type MainEvent = keyof MainEvents
export const MAIN_EVENTS: MainEvent[] = ['menu', 'progress', 'file-opened', 'flush-writes']

/** The API the preload puts on window.api. Each channel is a one-line invoker. */
export type Api = {
  invoke: <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
  on: <E extends MainEvent>(event: E, listener: (payload: MainEvents[E]) => void) => () => void
  /** Path of a file dropped on the window (Electron's webUtils). */
  pathForFile: (file: File) => string
}
