// The parse worker's tasks on the app's own files: re-import of an exported workbook and restore
// of a backup. The worker loads this module on first use only: its plan schemas need zod, which
// takes longer to load in a fresh thread than SheetJS and is not needed to import a sheet.
import { createHash } from 'node:crypto'
import { newId } from '../../../shared/planning/ids'
import { diffExport, planFromExport } from '../../../shared/export/diff'
import { BackupError, decodeBackup } from '../../../shared/export/backup-format'
import { ExportReadError, readAllocationWorkbook } from '../export/read-workbook'
import { checkUnpackedSize } from './file-checks'
import type { WorkerReply, WorkerRequest } from './protocol'

type OwnFileRequest = Extract<WorkerRequest, { type: 'reimport' | 'restore' }>

/** Answers a re-import or restore; a file that is not what the task reads gets 'file-refused'. */
export function answerOwnFile(req: OwnFileRequest): WorkerReply {
  try {
    if (req.type === 'reimport') {
      checkUnpackedSize(req.data, req.limits)
      const read = readAllocationWorkbook(req.data)
      return {
        id: req.id,
        type: 'reimported',
        result: {
          source: { planId: read.stored.plan.id, planName: read.stored.plan.name },
          samePlan: read.stored.plan.id === req.plan.plan.id,
          diff: diffExport(read.stored, read.visible, req.plan, { newId }),
          planFromFile: planFromExport(read.stored, read.visible, { newId })
        }
      }
    }
    const decoded = decodeBackup(req.data, {
      sha256: (b) => createHash('sha256').update(b).digest('hex'),
      sha256Stream: () => createHash('sha256'),
      maxUnpackedBytes: req.maxUnpackedBytes
    })
    return { id: req.id, type: 'restored', decoded }
  } catch (err) {
    if (err instanceof ExportReadError || err instanceof BackupError)
      return { id: req.id, type: 'file-refused', code: err.code, message: err.message }
    throw err
  }
}
