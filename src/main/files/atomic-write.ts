// The one atomic file writer of main and the CLI: a crash or a full disk never leaves half a file.
// The bytes go to a temporary file in the same folder, are flushed to disk (fsync), and only then
// renamed over the target, which is atomic on one file system. The folder is synced too where the
// OS allows. The synchronous form is for small settings files written while a window closes.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const tempBeside = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path)
  const tmp = tempBeside(path)
  const handle = await open(tmp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw err
  }
  await handle.close()
  try {
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  await syncDir(dir)
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for syncing: skipped there.
  if (process.platform === 'win32') return
  try {
    const h = await open(dir, 'r')
    try {
      await h.sync()
    } finally {
      await h.close()
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already on disk.
  }
}

/** The same steps, synchronously; creates the folder first (settings live in the user data folder). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const dir = dirname(path)
  mkdirSync(dir, { recursive: true })
  const tmp = tempBeside(path)
  const fd = openSync(tmp, 'wx')
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, path)
  } catch (err) {
    try {
      closeSync(fd)
    } catch {
      // Already closed.
    }
    rmSync(tmp, { force: true })
    throw err
  }
  if (process.platform === 'win32') return
  try {
    const d = openSync(dir, 'r')
    try {
      fsyncSync(d)
    } finally {
      closeSync(d)
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already on disk.
  }
}
