// A bookings sheet read as actual costs, in the parse worker: the grid stays there, the answer
// is the aggregated sums, the centres seen and the first issues.
import { createHash } from 'node:crypto'
import { readBookings } from '../../../shared/actuals/bookings'
import {
  bookingAmountColumns,
  defaultBookingMapping,
  suggestBookingColumns
} from '../../../shared/actuals/mapping'
import { amountScaleFor, contextAmountScale, contextCurrency } from '../../../shared/import/wide'
import type { BookingsRead, ReadBookingsRequest } from '../../../shared/actuals/types'

export type { BookingsRead, ReadBookingsRequest }
import { ImportError } from './errors'
import type { OpenedWorkbook } from './read-workbook'

/** A short fingerprint of a file's bytes. */
export function fileFingerprint(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex').slice(0, 32)}`
}

export function readBookingsSheet(
  opened: OpenedWorkbook,
  fingerprint: string,
  req: ReadBookingsRequest
): BookingsRead {
  const grid = opened.grids[req.sheet]
  const summary = opened.summary.sheets[req.sheet]
  if (!grid || !summary) throw new ImportError('corrupt', `There is no sheet number ${req.sheet + 1}.`)
  const headerIdx = req.headerRow !== undefined ? req.headerRow - 1 : summary.headerRow - 1
  if (headerIdx < 0 || headerIdx >= Math.max(grid.rows.length, 1)) {
    throw new ImportError(
      'no-header',
      `Sheet "${grid.name}" has no header row to read columns from; choose one.`
    )
  }
  const headers = (grid.rows[headerIdx] ?? []).map((v) => (v === null ? '' : String(v)))
  // The unit the sheet names, for the columns the mapping reads amounts from.
  const columns = req.mapping?.columns ?? suggestBookingColumns(headers)
  const tableScale = contextAmountScale(grid.rows, headerIdx)
  const scale = amountScaleFor(grid.rows[headerIdx] ?? [], bookingAmountColumns(columns), tableScale)
  const mapping =
    req.mapping ?? defaultBookingMapping(headers, { scale, currency: contextCurrency(grid.rows, headerIdx) })
  const result = readBookings(grid.name, grid.rows, headerIdx, mapping, req.target, {
    date1904: opened.summary.date1904
  })
  return {
    fileName: opened.summary.fileName,
    fingerprint,
    sheet: req.sheet,
    headerRow: headerIdx + 1,
    headers,
    mapping,
    scale,
    tableScale,
    result
  }
}
