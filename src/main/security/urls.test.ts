import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl, isTrustedRendererUrl } from './urls'

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['https://user:pw@example.com', false],
    ['not a url', false]
  ])('%s -> %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected)
  })
})

describe('isTrustedRendererUrl', () => {
  it('trusts the app protocol and the dev server only', () => {
    expect(isTrustedRendererUrl('app://quartermaster/index.html')).toBe(true)
    expect(isTrustedRendererUrl('app://evil/index.html')).toBe(false)
    expect(isTrustedRendererUrl('https://example.com')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/#/budget', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})
