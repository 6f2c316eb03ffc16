import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import { isSafeExternalUrl } from '../security/urls'

export function appHandlers(
  deps: MainDeps
): Pick<
  Handlers,
  | 'app:info'
  | 'app:open-external'
  | 'app:open-backups-folder'
  | 'app:writes-flushed'
  | 'app:set-title'
  | 'app:set-language'
> {
  const backupsDir = join(deps.userDataDir, 'backups')
  return {
    'app:info': () => ({
      name: deps.appName,
      version: deps.appVersion,
      platform: process.platform,
      electron: deps.electronVersion,
      node: process.versions.node,
      userDataDir: deps.userDataDir,
      backupsDir,
      locale: deps.locale
    }),
    'app:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url))
        throw new HandlerError('refused', `Only http and https links can be opened: ${url}`)
      await deps.openExternal(url)
      return { opened: true }
    },
    // No path crosses from the renderer: main opens its own backups folder and nothing else.
    'app:open-backups-folder': async () => {
      await mkdir(backupsDir, { recursive: true })
      const error = await deps.openPath(backupsDir)
      if (error) throw new HandlerError('failed', `The backups folder could not be opened: ${error}`)
      return { path: backupsDir }
    },
    'app:writes-flushed': ({ requestId }) => {
      deps.writesFlushed(requestId)
      return { ok: true as const }
    },
    'app:set-title': ({ planName }) => {
      const title = planName ? `${planName} — Quartermaster` : 'Quartermaster'
      deps.setTitle(title)
      return { title }
    },
    'app:set-language': ({ language }) => {
      deps.setLanguage(language)
      return { language }
    }
  }
}
