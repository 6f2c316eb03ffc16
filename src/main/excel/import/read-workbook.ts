// SheetJS reading, as the parse worker runs it: bounded rows and columns, cell values only
// (never formulas or cell objects), and SheetJS's many exceptions turned into specific reasons.
import * as XLSX from 'xlsx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { CellValue, ColumnMapping } from '../../../shared/import/types'
import type {
  ReadSheetRequest,
  ReadSheetResult,
  SheetSummary,
  SupportedExtension,
  TextEncoding,
  WorkbookSummary
} from '../../../shared/import/workbook'
import { PREVIEW_COLS, PREVIEW_ROWS } from '../../../shared/import/workbook'
import { detectHeaderRow, nonEmptyCount } from '../../../shared/import/header'
import {
  defaultMapping,
  layoutFingerprint,
  suggestMapping,
  type MappingSuggestion
} from '../../../shared/import/mapping'
import {
  contextAmountScale,
  contextCurrency,
  convertSheet,
  detectWideLayout
} from '../../../shared/import/wide'
import { ImportError } from './errors'
import type { ImportLimits } from './limits'
import { decodeAs, detectEncoding } from './encoding'

let codepagesLoaded = false

/**
 * Loads the codepage tables old binary .xls files need (BIFF5 text is in Windows codepages).
 * They take a quarter second to load, so only files that may need them pay for it.
 */
export async function loadCodepagesFor(data: Uint8Array | null): Promise<void> {
  // Only binary .xls (an OLE container, or a bare BIFF stream) can hold codepage text; zip
  // packages are UTF-8 XML and text files are decoded before SheetJS sees them.
  const binary = data === null || data[0] === 0xd0 || data[0] <= 0x09
  if (codepagesLoaded || !binary) return
  const cptable = await import('xlsx/dist/cpexcel.full.mjs')
  XLSX.set_cptable(cptable)
  codepagesLoaded = true
}

export type Grid = { name: string; rows: CellValue[][] }
export type OpenedWorkbook = { summary: WorkbookSummary; grids: Grid[] }
export type Progress = (stage: string, done: number, total: number) => void

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA'
}

function isoDate(d: Date): string {
  // SheetJS builds dates from local time parts; read them back the same way.
  const y = d.getFullYear()
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return Number.isFinite(y) ? `${y}-${m}-${day}` : ''
}

/** A number format that shows the value as percent ("0%", "0.0 %"), a "%" outside quotes. */
function isPercentFormat(z: unknown): boolean {
  return typeof z === 'string' && z.includes('%') && /%/.test(z.replace(/"[^"]*"|\\./g, ''))
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null
  switch (cell.t) {
    case 'n':
      if (typeof cell.v !== 'number' || !Number.isFinite(cell.v)) return null
      // Excel keeps a typed "50 %" as 0.5 with a percent format: read it as the percent it shows,
      // or a share column would take 1 (100 %) for 1 % or an FTE.
      if (cell.z !== undefined && isPercentFormat(cell.z)) return `${Number((cell.v * 100).toPrecision(12))}%`
      return cell.v
    case 's':
      return typeof cell.v === 'string' ? (cell.v === '' ? null : cell.v) : null
    case 'b':
      return Boolean(cell.v)
    case 'd':
      return cell.v instanceof Date ? isoDate(cell.v) : typeof cell.v === 'string' ? cell.v : null
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? (typeof cell.w === 'string' ? cell.w : '#ERROR')
    default:
      return null
  }
}

/** Text files: the given encoding, or the detected one (see encoding.ts); a BOM is dropped. */
export function decodeText(data: Uint8Array, encoding: TextEncoding = detectEncoding(data)): string {
  return decodeAs(data, encoding)
}

/** The field separator of a CSV, from its first lines outside quotes: ; , tab or |. */
export function sniffSeparator(text: string): string {
  const head = text
    .slice(0, 8192)
    .split(/\r?\n/)
    .slice(0, 5)
    .join('\n')
    .replace(/"[^"]*"/g, '')
  const counts: [string, number][] = [';', ',', '\t', '|'].map((s) => [s, head.split(s).length - 1])
  counts.sort((a, b) => b[1] - a[1])
  return counts[0][1] > 0 ? counts[0][0] : ','
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) return true
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++
  }
  return control > sample.length / 100
}

const TAG = /<(\/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(\/?)>/g
const repeatOf = (attrs: string, kind: 'rows' | 'columns') => {
  const m = new RegExp(`table:number-${kind}-repeated="(\\d+)"`).exec(attrs)
  return m ? Math.max(1, Number(m[1])) : 1
}
const nameOf = (attrs: string) => /table:name="([^"]*)"/.exec(attrs)?.[1] ?? ''
const hasValue = (attrs: string) => /(office|calcext):value-type=/.test(attrs)

/**
 * ODS stores identical rows and cells once with a repeat count, and SheetJS expands every filled
 * repeat cell by cell, past its sheetRows too. So content.xml is scanned first: a filled row or
 * cell repeated N times stays N rows or cells when that fits the import's row and column limits,
 * and the file is refused with the counts named when it does not. Only trailing empty rows
 * (LibreOffice writes a million of them as one repeated row) are clamped. Returns null for
 * non-ODS zips, the bytes unchanged when nothing was clamped.
 */
export function prepareOds(data: Uint8Array, limits: ImportLimits): Uint8Array | null {
  let files: Record<string, Uint8Array>
  try {
    const probe = unzipSync(data, { filter: (f) => f.name === 'mimetype' && f.originalSize < 200 })
    const mime = probe['mimetype'] ? strFromU8(probe['mimetype']) : ''
    if (!mime.includes('opendocument.spreadsheet')) return null
    files = unzipSync(data)
  } catch {
    return null
  }
  if (!files['content.xml']) return null
  const content = strFromU8(files['content.xml'])
  const edits: { at: number; end: number; text: string }[] = []
  let sheet = ''
  let row = 0
  let rowRepeat = 1
  let rowFilled = false
  let col = 0
  let cellOpen: { attrs: string; end: number; repeat: number } | null = null
  /** Repeat attributes of the empty rows since the last filled row: trailing when the table ends. */
  let trailing: { at: number; end: number }[] = []
  let rowAttr: { at: number; end: number } | null = null
  const fill = (repeat: number) => {
    rowFilled = true
    if (repeat > 1 && col + repeat > limits.maxCols)
      throw new ImportError(
        'too-large',
        `Sheet "${sheet}", row ${row + 1}: a filled cell in column ${columnName(col)} is repeated ${repeat.toLocaleString('en')} times, to column ${columnName(col + repeat - 1)}, past the import's limit of ${limits.maxCols.toLocaleString('en')} columns.`
      )
  }
  for (const m of content.matchAll(TAG)) {
    const [whole, close, kind, attrs, selfClosing] = m
    const at = m.index
    if (kind === 'table') {
      if (!close && !selfClosing) {
        sheet = nameOf(attrs)
        row = 0
        trailing = []
      } else if (close) {
        for (const t of trailing) edits.push({ ...t, text: 'table:number-rows-repeated="1"' })
        trailing = []
      }
    } else if (kind === 'table-row') {
      if (close) {
        if (rowFilled) {
          if (row + rowRepeat > limits.maxRows)
            throw new ImportError(
              'too-large',
              `Sheet "${sheet}": row ${(row + 1).toLocaleString('en')} is repeated ${rowRepeat.toLocaleString('en')} times, to row ${(row + rowRepeat).toLocaleString('en')}, past the import's limit of ${limits.maxRows.toLocaleString('en')} rows.`
            )
          trailing = []
        } else if (rowAttr) trailing.push(rowAttr)
        row += rowRepeat
        continue
      }
      rowRepeat = repeatOf(attrs, 'rows')
      const r = /table:number-rows-repeated="\d+"/.exec(attrs)
      const attrAt = r ? at + whole.indexOf(r[0]) : -1
      rowAttr = r ? { at: attrAt, end: attrAt + r[0].length } : null
      rowFilled = false
      col = 0
      if (selfClosing) {
        if (rowAttr) trailing.push(rowAttr)
        row += rowRepeat
      }
    } else {
      // table-cell and covered-table-cell
      if (close) {
        if (cellOpen) {
          const inner = content.slice(cellOpen.end, at)
          if (
            hasValue(cellOpen.attrs) ||
            /<text:p\b[^>]*>[^<\s]/.test(inner) ||
            /<text:(s|span)\b/.test(inner)
          )
            fill(cellOpen.repeat)
          col += cellOpen.repeat
          cellOpen = null
        }
        continue
      }
      const repeat = repeatOf(attrs, 'columns')
      if (selfClosing) {
        if (kind === 'table-cell' && hasValue(attrs)) fill(repeat)
        col += repeat
      } else cellOpen = { attrs, end: at + whole.length, repeat }
    }
  }
  if (!edits.length) return data
  edits.sort((a, b) => a.at - b.at)
  let out = ''
  let from = 0
  for (const e of edits) {
    out += content.slice(from, e.at) + e.text
    from = e.end
  }
  out += content.slice(from)
  files['content.xml'] = strToU8(out)
  return zipSync(files, { level: 0 })
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/** Turns what SheetJS throws into a reason the user can act on. */
export function classifyReadError(err: unknown): ImportError {
  if (err instanceof ImportError) return err
  const message = err instanceof Error ? err.message : String(err)
  if (/password|encrypt/i.test(message)) {
    return new ImportError(
      'encrypted',
      'The file is password-protected. Save it without a password and import it again.'
    )
  }
  if (err instanceof RangeError && /array length|allocation/i.test(message)) {
    return new ImportError('too-large', `The file declares more data than can be read (${message}).`)
  }
  return new ImportError(
    'corrupt',
    `The file is damaged or not in the format its name says (${message.slice(0, 160)}).`
  )
}

function readOptions(limits: ImportLimits): XLSX.ParsingOptions {
  return {
    dense: true,
    sheetRows: limits.maxRows + 1,
    cellDates: true,
    // Number formats tell a typed percent (0.5 shown as 50 %) from a fraction.
    cellNF: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellText: false,
    bookVBA: false,
    bookDeps: false,
    bookFiles: false,
    WTF: false
  }
}

/**
 * The suggested mapping; a currency or scale the table names above or across its header counts as
 * the amount's. Periods across the columns are named (read from the cells: dates as titles), so
 * every reading of the sheet, as any kind, leaves them to the periods (mapping.ts columnsForKind).
 */
function suggestFor(
  rows: readonly CellValue[][],
  headerIdx: number,
  headers: string[],
  date1904: boolean
): MappingSuggestion {
  const s = suggestMapping(headers)
  if (headerIdx < 0) return s
  const layout = detectWideLayout(rows[headerIdx] ?? [], date1904)
  const periodColumns = layout ? layout.columns.map((c) => c.col) : []
  if (layout && layout.totalColumn !== null) periodColumns.push(layout.totalColumn)
  // Thousands or millions likewise: "Beträge in TEUR" above the table, "Jan TEUR" across it.
  const tableScale = contextAmountScale(rows, headerIdx)
  return {
    ...s,
    headerCurrency: s.headerCurrency ?? contextCurrency(rows, headerIdx),
    scale: s.scale ?? tableScale,
    tableScale,
    periodColumns
  }
}

/** Reads a workbook into grids of values and a summary per sheet. */
export function readWorkbook(
  data: Uint8Array,
  ext: SupportedExtension,
  fileName: string,
  limits: ImportLimits,
  progress: Progress = () => {},
  /** For text files: read in this encoding instead of the detected one. */
  encoding?: TextEncoding
): OpenedWorkbook {
  progress('reading', 0, 1)
  let wb: XLSX.WorkBook
  // .txt is what Excel names its "Unicode Text" and "Text (tab-delimited)" saves.
  const isText = ext === 'csv' || ext === 'tsv' || ext === 'txt'
  const detectedEncoding = isText ? detectEncoding(data) : null
  const usedEncoding = isText ? (encoding ?? detectedEncoding) : null
  try {
    if (isText) {
      const text = decodeText(data, usedEncoding!)
      if (looksBinary(text)) {
        throw new ImportError(
          'not-tabular',
          'The file is not a spreadsheet: it holds binary data, not text rows.'
        )
      }
      wb = XLSX.read(text, {
        ...readOptions(limits),
        type: 'string',
        raw: true,
        FS: ext === 'tsv' ? '\t' : sniffSeparator(text)
      })
    } else {
      const isZip = data[0] === 0x50 && data[1] === 0x4b
      const input = (isZip && prepareOds(data, limits)) || data
      wb = XLSX.read(input, { ...readOptions(limits), type: 'array' })
    }
  } catch (err) {
    throw classifyReadError(err)
  }
  progress('reading', 1, 1)
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  const grids: Grid[] = []
  const sheets: SheetSummary[] = []
  const warnings: string[] = []
  /** Sheets whose only data lies past the column limit. */
  const pastLimitOnly: string[] = []
  const names = wb.SheetNames ?? []
  let totalRows = 0
  for (const name of names) totalRows += (wb.Sheets[name]?.['!data'] as unknown[] | undefined)?.length ?? 0
  let done = 0
  names.forEach((name, index) => {
    const ws = wb.Sheets[name]
    const dense = (ws?.['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]
    const rows: CellValue[][] = []
    let lastFilled = -1
    let colCount = 0
    let beyondCols = 0
    const n = Math.min(dense.length, limits.maxRows)
    for (let r = 0; r < n; r++) {
      const src = dense[r]
      if (!src) {
        rows.push([])
        continue
      }
      const width = Math.min(src.length, limits.maxCols)
      // Data past the column limit is not read; the sheet says so instead of looking empty.
      for (let c = src.length - 1; c >= width && c + 1 > beyondCols; c--)
        if (cellValue(src[c]) !== null) beyondCols = c + 1
      const out: CellValue[] = new Array(width)
      let last = -1
      for (let c = 0; c < width; c++) {
        const v = cellValue(src[c])
        out[c] = v
        if (v !== null) last = c
      }
      out.length = last + 1
      if (last >= 0) lastFilled = r
      if (last + 1 > colCount) colCount = last + 1
      rows.push(out)
      // Let the workbook's cell objects go as the grid grows, so both are never whole at once.
      dense[r] = undefined
      if (++done % 20_000 === 0) progress('extracting', done, totalRows)
    }
    rows.length = lastFilled + 1
    const truncated = Boolean(
      ws?.['!fullref'] && XLSX.utils.decode_range(ws['!fullref']).e.r + 1 > limits.maxRows
    )
    if (truncated)
      warnings.push(
        `Sheet "${name}" has more than ${limits.maxRows.toLocaleString('en')} rows; only the first ones were read.`
      )
    if (beyondCols)
      warnings.push(
        `Sheet "${name}" has data past column ${columnName(limits.maxCols - 1)} (up to column ${columnName(beyondCols - 1)}); only the first ${limits.maxCols.toLocaleString('en')} columns are read.`
      )
    if (beyondCols && lastFilled < 0) pastLimitOnly.push(name)
    grids.push({ name, rows })
    const headerIdx = detectHeaderRow(rows)
    const headers = headerIdx >= 0 ? rows[headerIdx].map((v) => (v === null ? '' : String(v))) : []
    let dataRows = 0
    for (let r = headerIdx + 1; r < rows.length; r++) if (nonEmptyCount(rows[r]) > 0) dataRows++
    const previewEnd = Math.min(rows.length, Math.max(PREVIEW_ROWS, headerIdx + 10))
    const preview = rows
      .slice(0, previewEnd)
      .map((row) => row.slice(0, PREVIEW_COLS).map((v) => (v === null ? '' : String(v).slice(0, 60))))
    sheets.push({
      index,
      name,
      hidden: Boolean(wb.Workbook?.Sheets?.[index]?.Hidden),
      rowCount: rows.length,
      colCount,
      truncated,
      headerRow: headerIdx + 1,
      headers,
      fingerprint: layoutFingerprint(headers),
      suggestion: suggestFor(rows, headerIdx, headers, date1904),
      preview,
      dataRows
    })
    delete wb.Sheets[name]
  })
  const tabular = (g: Grid) => {
    let wide = 0
    for (const row of g.rows) if (nonEmptyCount(row) >= 2 && ++wide >= 2) return true
    return false
  }
  if (!grids.some((g) => g.rows.length > 0)) {
    if (pastLimitOnly.length)
      throw new ImportError(
        'too-large',
        `The data of sheet "${pastLimitOnly[0]}" lies past column ${columnName(limits.maxCols - 1)}, beyond the ${limits.maxCols.toLocaleString('en')} columns the import reads.`
      )
    throw new ImportError('empty', 'The file holds no data: every sheet is empty.')
  }
  if (!grids.some(tabular)) {
    // SheetJS reads any text as a one-column CSV; a "spreadsheet" that is text is not one.
    const binary = data[0] === 0x50 || data[0] === 0xd0 || data[0] === 0x09
    throw new ImportError(
      'not-tabular',
      !isText && !binary
        ? `The file is not a spreadsheet: it is plain text without rows and columns, although its name ends in .${ext}.`
        : 'No table was found: no sheet has two rows with at least two filled cells.'
    )
  }
  const candidates = sheets.filter((s) => tabular(grids[s.index]))
  const best =
    candidates.filter((s) => !s.hidden && s.headerRow > 0).sort((a, b) => b.dataRows - a.dataRows)[0] ??
    candidates[0]
  return {
    summary: {
      fileName,
      format: ext,
      sizeBytes: data.byteLength,
      date1904,
      encoding: usedEncoding,
      detectedEncoding,
      sheets,
      bestSheet: best.index,
      warnings
    },
    grids
  }
}

/** Converts one sheet's rows with the detected or given header row and mapping. */
export function readSheet(opened: OpenedWorkbook, req: ReadSheetRequest): ReadSheetResult {
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
  const suggestion = suggestFor(grid.rows, headerIdx, headers, opened.summary.date1904)
  const mapping: ColumnMapping = req.mapping ?? defaultMapping(suggestion)
  const result = convertSheet(grid.name, grid.rows, headerIdx, mapping, { date1904: opened.summary.date1904 })
  return {
    sheet: req.sheet,
    headerRow: headerIdx + 1,
    headers,
    fingerprint: layoutFingerprint(headers),
    suggestion,
    mapping,
    result
  }
}
