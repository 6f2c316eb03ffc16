import { describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { checkBytes, checkUnpackedSize, DEFLATE_MAX_RATIO } from './file-checks'
import { withLimits } from './limits'
import { ImportError } from './errors'

const limits = withLimits()

function reason(fn: () => void): string | null {
  try {
    fn()
    return null
  } catch (err) {
    return err instanceof ImportError ? err.reason : `unexpected: ${(err as Error).message}`
  }
}

describe('checkBytes', () => {
  it('refuses a very large entry by its declared compression ratio, before anything is inflated', () => {
    // 64 MB of zeros deflate to about 64 KB: a ratio near 1000. The ratio rule is for entries above
    // ratioFloorBytes (100 MB by default); a smaller floor stands in for it so the test stays light.
    const bomb = zipSync(
      {
        '[Content_Types].xml': new Uint8Array(10),
        'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024)
      },
      { level: 9 }
    )
    expect(bomb.byteLength).toBeLessThan(200_000)
    let message = ''
    try {
      checkBytes(bomb, 'xlsx', { ...limits, ratioFloorBytes: 16 * 1024 * 1024 })
    } catch (err) {
      message = (err as ImportError).message
      expect((err as ImportError).reason).toBe('too-large')
    }
    expect(message).toMatch(/zip bomb/)
    // Below the floor, only the absolute size counts: a sheet this large that packs well opens.
    expect(reason(() => checkBytes(bomb, 'xlsx', limits))).toBeNull()
  })

  it('refuses a zip that declares more than the total limit', () => {
    const big = zipSync(
      { a: new Uint8Array(3 * 1024 * 1024), b: new Uint8Array(3 * 1024 * 1024) },
      { level: 0 }
    )
    expect(reason(() => checkBytes(big, 'xlsx', { ...limits, maxUncompressedBytes: 4 * 1024 * 1024 }))).toBe(
      'too-large'
    )
    expect(reason(() => checkBytes(big, 'xlsx', limits))).toBeNull()
  })

  it('spots encrypted ODS files by their manifest and encrypted OOXML by its container', () => {
    const manifest = new TextEncoder().encode(
      '<manifest:file-entry><manifest:encryption-data manifest:checksum-type="SHA1"/></manifest:file-entry>'
    )
    const ods = zipSync({
      mimetype: new TextEncoder().encode('application/vnd.oasis.opendocument.spreadsheet'),
      'META-INF/manifest.xml': manifest
    })
    expect(reason(() => checkBytes(ods, 'ods', limits))).toBe('encrypted')
    const cfb = new Uint8Array(1024)
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    expect(reason(() => checkBytes(cfb, 'xlsx', limits))).toBe('encrypted')
  })

  it('refuses empty, oversized and fake zip files', () => {
    expect(reason(() => checkBytes(new Uint8Array(0), 'csv', limits))).toBe('empty')
    expect(reason(() => checkBytes(new Uint8Array(100), 'csv', { ...limits, maxFileBytes: 10 }))).toBe(
      'too-large'
    )
    expect(reason(() => checkBytes(new TextEncoder().encode('just some words'), 'xlsx', limits))).toBe(
      'corrupt'
    )
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    expect(reason(() => checkBytes(broken, 'xlsx', limits))).toBe('corrupt')
  })
})

describe('checkUnpackedSize', () => {
  it('skips the inflate pass only where deflate could not pass the limit (1032:1 at most)', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(200_000) }, { level: 9 })
    // Unpacks to 200 kB: refused once the limit is below that and the file too large to skip.
    const tight = withLimits({ maxUncompressedBytes: 100_000 })
    expect(zip.length * DEFLATE_MAX_RATIO).toBeGreaterThan(tight.maxUncompressedBytes)
    expect(() => checkUnpackedSize(zip, tight)).toThrow(/unpacks to more than/)
    expect(() =>
      checkUnpackedSize(zip, withLimits({ maxUncompressedBytes: zip.length * DEFLATE_MAX_RATIO }))
    ).not.toThrow()
  })
})
