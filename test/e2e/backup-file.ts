// A plan written as a backup file, for specs that open a plan too big to build through the UI.
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeBackup } from '../../src/shared/export/backup-format'
import type { PlanData } from '../../src/shared/planning/types'

/** The path of a fresh backup file holding `data` alone. */
export function backupFileOf(data: PlanData, prefix = 'qm-e2e-'): string {
  const bytes = encodeBackup(
    { plans: [data], history: [], mappings: [], settings: [] },
    {
      createdAt: '2026-01-05T10:00:00.000Z',
      appVersion: '0.1.0',
      sha256: (b) => createHash('sha256').update(b).digest('hex')
    }
  )
  const path = join(mkdtempSync(join(tmpdir(), prefix)), 'big.qmbackup')
  writeFileSync(path, bytes)
  return path
}
