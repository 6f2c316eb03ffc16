// Writes a plan comparison (see shared/scenarios/compare-sheet.ts) to an xlsx workbook with
// SheetJS. The file is written to a temporary file beside the target, flushed, then renamed
// over it, so a crash or a full disk never leaves half a workbook where the user expects one.
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import * as XLSX from 'xlsx'
import type { SheetCell, SheetModel } from '../../shared/scenarios/compare-sheet'

function toCell(c: SheetCell): XLSX.CellObject | null {
  if (c === null) return null
  if (typeof c === 'string') return { t: 's', v: c }
  if (typeof c === 'number') return { t: 'n', v: c }
  return { t: 'n', v: c.v, z: c.z }
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
export function safeSheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  let out = base
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`
  used.add(out.toLowerCase())
  return out
}

export function buildComparisonWorkbook(sheets: SheetModel[]): Uint8Array {
  const wb = XLSX.utils.book_new()
  const used = new Set<string>()
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {}
    let maxCol = 0
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const obj = toCell(cell)
        if (!obj) return
        ws[XLSX.utils.encode_cell({ r, c })] = obj
        maxCol = Math.max(maxCol, c)
      })
    })
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, s.rows.length - 1), c: maxCol }
    })
    ws['!cols'] = s.widths.map((wch) => ({ wch }))
    XLSX.utils.book_append_sheet(wb, ws, safeSheetName(s.name, used))
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array
}

/** Temp file in the target's folder, fsync, rename; the temp file is removed on any failure. */
export async function writeWorkbookAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(tmp, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    await rename(tmp, path)
  } catch (err) {
    await handle.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw err
  }
}
