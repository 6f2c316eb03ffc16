// The skipped rows of an import as an xlsx: where each came from, why it was skipped, and its
// cells, so finance can fix the sheet. The parse worker builds it; main writes it atomically.
import * as XLSX from 'xlsx'
import type { ReportRow } from '../../../shared/import/report-rows'

/** Builds the report workbook: one line per skipped row, its reasons, then its original cells. */
export function buildErrorReport(sourceName: string, headers: string[], rows: ReportRow[]): Uint8Array {
  const aoa: (string | number)[][] = [
    [`Rows skipped when importing ${sourceName}`],
    [],
    ['Sheet', 'Row', 'Column', 'Field', 'Value', 'Problem', ...headers]
  ]
  for (const r of rows) {
    const where = r.issues
      .map((i) => i.column)
      .filter(Boolean)
      .join(', ')
    const fields = r.issues.map((i) => i.field).join(', ')
    const values = r.issues.map((i) => i.value).join(' | ')
    const problems = r.issues.map((i) => `${i.column ? `${i.column}: ` : ''}${i.message}`).join('; ')
    aoa.push([r.sheet, r.row, where, fields, values, problems, ...r.cells])
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa)
  ws['!cols'] = [{ wch: 14 }, { wch: 6 }, { wch: 8 }, { wch: 14 }, { wch: 20 }, { wch: 60 }]
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Skipped rows')
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}
