// Writes a file so that a crash or a full disk never leaves half of it: the bytes go to a
// temporary file in the same folder, are flushed to disk (fsync), and only then renamed over
// the target, which is atomic on one file system. The folder is synced too where the OS allows.
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
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
