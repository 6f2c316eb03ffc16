// Which web permissions the window gets: persistent storage for the app's own page, nothing else.
import { isTrustedRendererUrl } from './urls'

/** Permissions granted at all; every other request (camera, notifications, ...) is denied. */
const ALLOWED = new Set(['persistent-storage'])

/**
 * Decides a permission request or check. `requestingUrl` is the requesting page's URL (or origin):
 * only the app's own renderer may keep its database from eviction; any other page, frame or
 * permission is refused.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  devServerUrl?: string
): boolean {
  if (!ALLOWED.has(permission) || !requestingUrl) return false
  return isTrustedRendererUrl(requestingUrl, devServerUrl)
}
