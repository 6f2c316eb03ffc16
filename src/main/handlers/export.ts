// Handlers of export: the allocation workbook and the board CSVs, saved where the user chose.
// No electron import: tests run these as they are.
import type { MainDeps } from '../deps'
import type { Handlers } from '../../shared/ipc/dispatch'
import { boardCsv } from '../../shared/export/csv'
import { writeAllocationWorkbook } from '../excel/export/write-workbook'
import { safeFileStem } from '../files/paths'
import { fileIo, localDate, TEXT, type FileHandlerOptions } from './file-io'

export { localDate }
export type ExportHandlerOptions = FileHandlerOptions

export function exportHandlers(
  deps: MainDeps,
  options: ExportHandlerOptions = {}
): Pick<Handlers, 'export:xlsx' | 'export:csv'> {
  const { now, progress, askSavePath, save } = fileIo(deps, options)
  return {
    'export:xlsx': async ({ plan, language, taskId }, ctx) => {
      const t = TEXT[language]
      const path = await askSavePath(
        t.exportTitle,
        t.excel,
        'xlsx',
        `${safeFileStem(plan.plan.name)} ${localDate(now())}.xlsx`
      )
      if (!path) return null
      progress(ctx, taskId, 'write', 0, 2)
      const bytes = await writeAllocationWorkbook(plan, { language, exportedAt: now() })
      progress(ctx, taskId, 'save', 1, 2)
      const saved = await save(path, bytes, true)
      progress(ctx, taskId, 'done', 2, 2)
      return saved
    },

    'export:csv': async ({ plan, language, board, taskId }, ctx) => {
      const t = TEXT[language]
      const suffix = board === 'team' ? (language === 'de' ? 'Team' : 'team') : 'budget'
      const path = await askSavePath(
        t.csvTitle,
        t.csv,
        'csv',
        `${safeFileStem(plan.plan.name)} ${suffix} ${localDate(now())}.csv`
      )
      if (!path) return null
      progress(ctx, taskId, 'write', 0, 1)
      const saved = await save(path, boardCsv(plan, board, language), false)
      progress(ctx, taskId, 'done', 1, 1)
      return saved
    }
  }
}
