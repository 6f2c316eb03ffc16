import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { HandlerError } from '../../shared/ipc/dispatch'
import { isSafeExternalUrl } from '../security/urls'

export function appHandlers(
  deps: MainDeps
): Pick<Handlers, 'app:info' | 'app:open-external' | 'app:set-title' | 'app:set-language'> {
  return {
    'app:info': () => ({
      name: deps.appName,
      version: deps.appVersion,
      platform: process.platform,
      electron: deps.electronVersion,
      node: process.versions.node,
      userDataDir: deps.userDataDir,
      locale: deps.locale
    }),
    'app:open-external': async ({ url }) => {
      if (!isSafeExternalUrl(url))
        throw new HandlerError('refused', `Only http and https links can be opened: ${url}`)
      await deps.openExternal(url)
      return { opened: true }
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
