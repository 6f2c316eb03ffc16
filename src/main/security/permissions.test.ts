import { describe, expect, it } from 'vitest'
import { isPermissionAllowed } from './permissions'

describe('isPermissionAllowed', () => {
  const dev = 'http://localhost:5173'
  it.each([
    ['persistent-storage', 'app://quartermaster/index.html', undefined, true],
    ['persistent-storage', 'app://quartermaster', undefined, true],
    ['persistent-storage', 'http://localhost:5173/#/overview', dev, true],
    ['persistent-storage', 'http://localhost:5173/', undefined, false],
    ['persistent-storage', 'https://evil.example/', undefined, false],
    ['persistent-storage', 'app://other/index.html', undefined, false],
    ['persistent-storage', 'file:///etc/passwd', undefined, false],
    ['persistent-storage', '', undefined, false],
    ['persistent-storage', undefined, undefined, false],
    ['notifications', 'app://quartermaster/index.html', undefined, false],
    ['media', 'app://quartermaster/index.html', undefined, false],
    ['geolocation', 'app://quartermaster/index.html', undefined, false],
    ['openExternal', 'app://quartermaster/index.html', undefined, false],
    ['clipboard-read', 'app://quartermaster/index.html', undefined, false],
    ['storage-access', 'app://quartermaster/index.html', undefined, false],
    ['notifications', 'http://localhost:5173/', dev, false]
  ] as const)('%s from %s (dev server %s) → %s', (permission, url, devUrl, allowed) => {
    expect(isPermissionAllowed(permission, url, devUrl)).toBe(allowed)
  })
})
