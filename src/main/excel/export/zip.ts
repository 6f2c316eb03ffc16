// A minimal zip writer on Node's native zlib: the finished workbook is compressed here rather
// than by SheetJS (whose pure-JS deflate gives files three times larger) or fflate (pure JS,
// several times slower than zlib on a 20 MB package). Plain zip: no zip64, UTF-8 names.
import { promisify } from 'node:util'
import { crc32 as zlibCrc32, deflateRaw } from 'node:zlib'

const deflateRawAsync = promisify(deflateRaw)

export type ZipEntry = { name: string; data: Uint8Array; compress: boolean }

let table: Uint32Array | null = null
function crc32(data: Uint8Array): number {
  // zlib.crc32 exists from Node 20.15 / 22.2; Electron 45 ships Node 22.
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data) >>> 0
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const DOS_DATE_1980 = 0x21 // 1980-01-01: the file's own time is in docProps/core.xml

/** Zips the entries; they are compressed in parallel on libuv's thread pool. */
export async function zipEntries(entries: ZipEntry[], level = 3): Promise<Uint8Array> {
  const bodies = await Promise.all(
    entries.map((e) => (e.compress ? deflateRawAsync(e.data, { level }) : e.data))
  )
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8')
    const crc = crc32(e.data)
    const body = bodies[i]
    const method = e.compress ? 8 : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(DOS_DATE_1980, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(e.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(0x0800, 8)
    dir.writeUInt16LE(method, 10)
    dir.writeUInt16LE(0, 12)
    dir.writeUInt16LE(DOS_DATE_1980, 14)
    dir.writeUInt32LE(crc, 16)
    dir.writeUInt32LE(body.length, 20)
    dir.writeUInt32LE(e.data.length, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    parts.push(local, name, body)
    central.push(dir, name)
    offset += local.length + name.length + body.length
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cdSize, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, ...central, end]))
}

/**
 * The entries of a zip whose entries are stored (SheetJS with compression off), as views into
 * the same bytes: no copy of a 20 MB package. Deflated entries are refused: this is not a general reader.
 */
export function readStoredZip(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw new Error('Not a zip package (no end of central directory).')
  const count = view.getUint16(end + 10, true)
  let p = view.getUint32(end + 16, true)
  const decoder = new TextDecoder()
  const out: { name: string; data: Uint8Array }[] = []
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('Damaged zip central directory.')
    const method = view.getUint16(p + 10, true)
    const size = view.getUint32(p + 20, true)
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const local = view.getUint32(p + 42, true)
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen))
    if (method !== 0) throw new Error(`Zip entry ${name} is compressed; a stored package was expected.`)
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    out.push({ name, data: bytes.subarray(start, start + size) })
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}
