// Small synchronous atomic write for settings files (window state, recent files): write a
// temporary file beside the target, then rename, so a crash never leaves half a file.
import { renameSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export function writeFileAtomicSync(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, path)
}
