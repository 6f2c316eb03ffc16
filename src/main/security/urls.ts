// Pure URL checks used by the window's navigation guards and by app:open-external.

export const APP_SCHEME = 'app'
export const APP_HOST = 'quartermaster'

/** Only http(s) URLs with a host go to the system browser. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username
}

/** Is this the app's own renderer (custom protocol in production, the dev server in development)? */
export function isTrustedRendererUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (devServerUrl) {
    try {
      return url.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
