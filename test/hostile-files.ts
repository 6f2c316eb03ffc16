// Hostile files for the re-import and restore tests and bench/hostile.ts: zip bombs, a zip that
// lies about its sizes, gzip bombs, a huge cell. Built in memory with fflate, nothing checked in.
import { gzipSync, strToU8, zipSync } from 'fflate'

const MB = 1024 * 1024

/** A zip whose one big entry is zeros (deflate packs them about 1000:1). */
export function zipBomb(unpackedBytes: number): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(unpackedBytes)
    },
    { level: 9 }
  )
}

/**
 * A zip bomb that declares small sizes: every local and central header says `declared` bytes
 * unpacked, so only inflating shows how much it holds.
 */
export function lyingZip(unpackedBytes: number, declared = 1000): Uint8Array {
  const zip = zipBomb(unpackedBytes)
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = view.getUint32(i, true)
    // Local file header: uncompressed size at +22; central directory header: at +24.
    if (sig === 0x04034b50 && view.getUint32(i + 22, true) === unpackedBytes)
      view.setUint32(i + 22, declared, true)
    if (sig === 0x02014b50 && view.getUint32(i + 24, true) === unpackedBytes)
      view.setUint32(i + 24, declared, true)
  }
  return zip
}

/** Gzip of zeros: no backup header at all. */
export function gzipBombNoHeader(unpackedBytes: number): Uint8Array {
  return gzipSync(new Uint8Array(unpackedBytes), { level: 9 })
}

/** Gzip with a well-formed backup header that declares `declaredBytes` of data, then zeros. */
export function gzipBombWithHeader(unpackedBytes: number, declaredBytes = unpackedBytes): Uint8Array {
  const head = strToU8(
    JSON.stringify({
      format: 'quartermaster-backup',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      appVersion: '0.1.0',
      checksum: `sha256:${'0'.repeat(64)}`,
      payloadBytes: declaredBytes,
      counts: { plans: 0, history: 0, mappings: 0 }
    }) + '\n'
  )
  const all = new Uint8Array(head.length + unpackedBytes)
  all.set(head)
  return gzipSync(all, { level: 9 })
}

/** A CSV with one budget line whose title cell holds `cellBytes` characters. */
export function hugeCellCsv(cellBytes = 50 * MB): Uint8Array {
  return strToU8(`Phase,Quarter,Title,Amount\n"Phase 1",Q1 2026,"${'x'.repeat(cellBytes)}",100\n`)
}
