import { z } from 'zod'
import { channel } from '../define'

export type AppInfo = {
  name: string
  version: string
  platform: string
  electron: string | null
  node: string
  userDataDir: string
  /** Where the automatic backups are written (<userData>/backups). */
  backupsDir: string
  locale: string
}

export const appChannels = {
  /** Facts about the running app, shown in Help > About. */
  'app:info': channel<AppInfo>()(z.object({}).strict()),
  /** Open an http(s) link the user clicked in the system browser. */
  'app:open-external': channel<{ opened: boolean }>()(z.object({ url: z.string().url().max(2048) }).strict()),
  /** The renderer reports the plan name so main can put it in the window title. */
  'app:set-title': channel<{ title: string }>()(z.object({ planName: z.string().max(200) }).strict()),
  /** Tell main which language the UI uses, so native menus follow. */
  /** Opens the automatic backups' folder in the system's file manager (only that folder). */
  'app:open-backups-folder': channel<{ path: string }>()(z.object({}).strict()),
  /**
   * The renderer's answer to main's 'flush-writes' event: every IndexedDB write it had started
   * has ended, so the window may close, reload or quit now.
   */
  'app:writes-flushed': channel<{ ok: true }>()(z.object({ requestId: z.string().min(1).max(64) }).strict()),
  'app:set-language': channel<{ language: 'en' | 'de' }>()(
    z.object({ language: z.enum(['en', 'de']) }).strict()
  )
}
