// Checks made before a file reaches SheetJS: type, size, and for zip-based files the declared
// uncompressed sizes and compression ratios (zip bombs) and ODS encryption.
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { unzipSync, strFromU8, Unzip, UnzipInflate } from 'fflate'
import type { SupportedExtension } from '../../../shared/import/workbook'
import { SUPPORTED_EXTENSIONS } from '../../../shared/import/workbook'
import { ImportError, FAILURE_MESSAGES } from './errors'
import type { ImportLimits } from './limits'

export type CheckedFile = { data: Uint8Array; ext: SupportedExtension; fileName: string; sizeBytes: number }

const MB = 1024 * 1024

export function extensionOf(path: string): SupportedExtension {
  const ext = extname(path).slice(1).toLowerCase()
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new ImportError('unsupported-type', `"${basename(path)}": ${FAILURE_MESSAGES['unsupported-type']}`)
  }
  return ext as SupportedExtension
}

export function isZip(data: Uint8Array): boolean {
  return (
    data.length >= 4 &&
    data[0] === 0x50 &&
    data[1] === 0x4b &&
    (data[2] === 3 || data[2] === 5) &&
    (data[3] === 4 || data[3] === 6)
  )
}

export function isCfb(data: Uint8Array): boolean {
  return data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0
}

type ZipEntry = { name: string; size: number; originalSize: number; compression: number }

/** Lists a zip's entries from its central directory without inflating anything. */
export function listZip(data: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = []
  try {
    unzipSync(data, {
      filter(file) {
        entries.push({
          name: file.name,
          size: file.size,
          originalSize: file.originalSize,
          compression: file.compression
        })
        return false
      }
    })
  } catch (err) {
    throw new ImportError(
      'corrupt',
      `The file is damaged: its zip structure cannot be read (${(err as Error).message}).`
    )
  }
  return entries
}

/** Refuses zip bombs by the sizes the zip declares, and spots encrypted ODS files. */
export function checkZip(data: Uint8Array, limits: ImportLimits): void {
  const entries = listZip(data)
  if (!entries.length)
    throw new ImportError('corrupt', 'The file is damaged: the zip container holds no files.')
  let total = 0
  for (const e of entries) {
    total += e.originalSize
    const ratio = e.size > 0 ? e.originalSize / e.size : e.originalSize > 0 ? Infinity : 0
    if (e.originalSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
      throw new ImportError(
        'too-large',
        `The file is refused as a zip bomb: "${e.name.slice(0, 80)}" would unpack ${Math.round(ratio)} times its size (${Math.round(e.originalSize / MB)} MB).`
      )
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new ImportError(
      'too-large',
      `The file is too large: it would unpack to ${Math.round(total / MB)} MB (limit ${Math.round(limits.maxUncompressedBytes / MB)} MB).`
    )
  }
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml')
  if (manifest && manifest.originalSize < MB) {
    let text = ''
    try {
      const files = unzipSync(data, { filter: (f) => f.name === 'META-INF/manifest.xml' })
      text = strFromU8(files['META-INF/manifest.xml'] ?? new Uint8Array())
    } catch {
      // A manifest that does not inflate is left to the reader, which reports the damage.
    }
    if (/encryption-data/.test(text)) throw new ImportError('encrypted', FAILURE_MESSAGES.encrypted)
  }
  if (entries.some((e) => e.name === 'EncryptionInfo' || e.name === 'EncryptedPackage')) {
    throw new ImportError('encrypted', FAILURE_MESSAGES.encrypted)
  }
}

/** The largest expansion deflate allows (RFC 1951: 258-byte matches coded in 2 bits, about 1032:1). */
export const DEFLATE_MAX_RATIO = 1032

/** Compressed bytes inflated per step while counting: at most about 64 MB come out of one. */
const UNZIP_STEP = 64 * 1024

/**
 * Inflates every entry as a stream, keeping nothing, and refuses the file as soon as what it
 * actually unpacks to passes the limit: a zip can declare smaller sizes than it holds. Runs in
 * the parse worker, before SheetJS inflates the same entries and keeps them.
 */
export function checkUnpackedSize(data: Uint8Array, limits: ImportLimits): void {
  if (!isZip(data)) return
  // Deflate cannot expand more than 1032 times, so a file this small cannot pass the limit whatever
  // it declares: the streaming pass (a second full inflate beside SheetJS's) is not needed.
  if (data.length * DEFLATE_MAX_RATIO <= limits.maxUncompressedBytes) return
  let total = 0
  const tooLarge = () =>
    new ImportError(
      'too-large',
      `The file is too large: it unpacks to more than ${Math.round(limits.maxUncompressedBytes / MB)} MB (more than it declares).`
    )
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err) throw err
      total += chunk.length
      if (total > limits.maxUncompressedBytes) throw tooLarge()
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < data.length; at += UNZIP_STEP) {
      const end = Math.min(data.length, at + UNZIP_STEP)
      unzip.push(data.subarray(at, end), end === data.length)
    }
  } catch (err) {
    if (err instanceof ImportError) throw err
    // Damage is left to the reader, which names it.
  }
}

/** Checks bytes already in memory (from a file or a test). */
export function checkBytes(data: Uint8Array, ext: SupportedExtension, limits: ImportLimits): void {
  if (data.byteLength === 0) throw new ImportError('empty', 'The file is empty (0 bytes).')
  if (data.byteLength > limits.maxFileBytes) {
    throw new ImportError(
      'too-large',
      `The file is too large: ${Math.round(data.byteLength / MB)} MB (limit ${Math.round(limits.maxFileBytes / MB)} MB).`
    )
  }
  if (isZip(data)) checkZip(data, limits)
  else if ((ext === 'xlsx' || ext === 'xlsm') && isCfb(data)) {
    // An Office Open XML file inside an OLE container is how Excel stores password-protected files.
    throw new ImportError('encrypted', FAILURE_MESSAGES.encrypted)
  } else if (ext === 'xlsx' || ext === 'xlsm' || ext === 'ods') {
    const head = new TextDecoder('latin1').decode(data.subarray(0, 512)).trimStart()
    // Flat XML spreadsheets and HTML tables with these names are read as what they are.
    if (!head.startsWith('<')) {
      throw new ImportError('corrupt', `The file is not a real .${ext} file (it is not a zip package).`)
    }
  }
}

/** Reads and checks a file from disk. */
export async function checkFile(path: string, limits: ImportLimits): Promise<CheckedFile> {
  const ext = extensionOf(path)
  let size: number
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new ImportError('unreadable', `"${basename(path)}" is not a file.`)
    size = st.size
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(
      'unreadable',
      `"${basename(path)}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`
    )
  }
  if (size > limits.maxFileBytes) {
    throw new ImportError(
      'too-large',
      `The file is too large: ${Math.round(size / MB)} MB (limit ${Math.round(limits.maxFileBytes / MB)} MB).`
    )
  }
  let data: Uint8Array
  try {
    data = await readFile(path)
  } catch (err) {
    throw new ImportError(
      'unreadable',
      `"${basename(path)}" cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`
    )
  }
  checkBytes(data, ext, limits)
  return { data, ext, fileName: basename(path), sizeBytes: data.byteLength }
}
