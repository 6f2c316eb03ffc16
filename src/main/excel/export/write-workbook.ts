// Writes the allocation workbook: the pure layout (src/shared/export/layout.ts) through SheetJS,
// then a small post-pass on the zip for what SheetJS community edition does not write —
// frozen header panes and a few cell styles (bold headers, shaded totals).
import * as XLSX from 'xlsx'
import { strFromU8, strToU8 } from 'fflate'
import type { PlanData } from '../../../shared/planning/types'
import type { LayoutOptions, SheetLayout, WorkbookLayout } from '../../../shared/export/layout'
import { buildWorkbookLayout, cellRef, STYLE_MARKERS } from '../../../shared/export/layout'
import { readStoredZip, zipEntries } from './zip'

export type WriteOptions = LayoutOptions

/** The SheetJS workbook object for a layout. Cells are the layout's own objects (no copy). */
export function layoutToWorkbook(layout: WorkbookLayout): XLSX.WorkBook {
  const wb = XLSX.utils.book_new()
  for (const sheet of layout.sheets) {
    const ws = XLSX.utils.aoa_to_sheet(sheet.rows as unknown as XLSX.CellObject[][], { dense: true })
    ws['!cols'] = sheet.cols.map((c) => (c.hidden ? { wch: c.wch, hidden: true } : { wch: c.wch }))
    if (sheet.rowHeights) {
      const heights: XLSX.RowInfo[] = []
      for (const [r, hpt] of Object.entries(sheet.rowHeights)) heights[Number(r)] = { hpt }
      ws['!rows'] = heights
    }
    // Margins make SheetJS write <pageMargins>, after which the post-pass adds the page setup.
    ws['!margins'] = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
    XLSX.utils.book_append_sheet(wb, ws, sheet.name)
  }
  const printTitles = layout.sheets.flatMap((s, i) =>
    s.freeze && s.freeze.rows > 0 && !s.hidden
      ? [
          {
            Name: '_xlnm.Print_Titles',
            Sheet: i,
            Ref: `'${s.name.replace(/'/g, "''")}'!$1:$${s.freeze.rows}`
          }
        ]
      : []
  )
  wb.Workbook = {
    Sheets: layout.sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })),
    Names: [...layout.names.map((n) => ({ Name: n.Name, Ref: n.Ref })), ...printTitles]
  }
  return wb
}

/** The finished .xlsx bytes for a plan. */
export function writeAllocationWorkbook(data: PlanData, options: WriteOptions): Promise<Uint8Array> {
  return writeLayout(buildWorkbookLayout(data, options))
}

export function writeLayout(layout: WorkbookLayout): Promise<Uint8Array> {
  // The hidden data sheet (megabytes of JSON) is written here directly rather than by SheetJS:
  // one escaping pass instead of several, quotes left as they are (legal in XML text), and
  // literal "_xHHHH_" runs protected so a reader never decodes them as escapes.
  const dataIndex = layout.sheets.findIndex((sh) => sh.kind === 'data')
  const forSheetJs =
    dataIndex < 0
      ? layout
      : { ...layout, sheets: layout.sheets.map((sh, i) => (i === dataIndex ? { ...sh, rows: [] } : sh)) }
  const wb = layoutToWorkbook(forSheetJs)
  // Uncompressed first: the post-pass reads it without inflating, then compresses with zlib (see zip.ts).
  const raw = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer
  const replace =
    dataIndex < 0 ? undefined : { index: dataIndex, xml: plainSheetXml(layout.sheets[dataIndex]) }
  return finishPackage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), layout.sheets, replace)
}

const escapeText = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/_([xX][0-9a-fA-F]{4}_)/g, '_x005F_$1')

/** A sheet of plain text and number cells (no styles, formulas or views) as worksheet XML. */
export function plainSheetXml(sheet: SheetLayout): Uint8Array {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>',
    `<cols><col min="1" max="1" width="${(sheet.cols[0]?.wch ?? 10) + 0.83}" customWidth="1"/></cols><sheetData>`
  ]
  sheet.rows.forEach((row, r) => {
    if (!row.length) return
    parts.push(`<row r="${r + 1}">`)
    row.forEach((cell, c) => {
      if (!cell) return
      const ref = cellRef(c, r)
      if (cell.t === 'n') parts.push(`<c r="${ref}"><v>${cell.v}</v></c>`)
      else if (cell.t === 'b') parts.push(`<c r="${ref}" t="b"><v>${cell.v ? 1 : 0}</v></c>`)
      else
        parts.push(
          `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(cell.v)}</t></is></c>`
        )
    })
    parts.push('</row>')
  })
  parts.push('</sheetData></worksheet>')
  return strToU8(parts.join(''))
}

/** Adds frozen panes and header/total styles to a SheetJS-written package, then compresses it. */
export function finishPackage(
  bytes: Uint8Array,
  sheets: SheetLayout[],
  replace?: { index: number; xml: Uint8Array }
): Promise<Uint8Array> {
  const entries = readStoredZip(bytes)
  const byName = new Map(entries.map((e, i) => [e.name, i]))
  sheets.forEach((sheet, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`
    const at = byName.get(name)
    if (at === undefined) throw new Error(`The written workbook lacks ${name}.`)
    if (replace?.index === i) entries[at].data = replace.xml
    else if (!sheet.hidden) entries[at].data = patchSheetView(entries[at].data, sheet, i === 0)
  })
  const styles = byName.get('xl/styles.xml')
  if (styles !== undefined) entries[styles].data = strToU8(patchStyles(strFromU8(entries[styles].data)))
  return zipEntries(entries.map((e) => ({ ...e, compress: true })))
}

const decoder = new TextDecoder()

/**
 * Head: the frozen pane replaces the empty sheetView SheetJS writes, and fit-to-width goes in
 * sheetPr. Tail: landscape, one page wide, after pageMargins. Only the few hundred bytes
 * before sheetData and after it are decoded; the cells in between are copied as bytes.
 */
function patchSheetView(xml: Uint8Array, sheet: SheetLayout, selected: boolean): Uint8Array {
  const headEnd = findBytes(xml, strToU8('<sheetData'), false)
  const tailStart = findBytes(xml, strToU8('</sheetData>'), true)
  if (headEnd < 0 || tailStart < 0) return xml
  let head = decoder.decode(xml.subarray(0, headEnd))
  let tail = decoder.decode(xml.subarray(tailStart))
  head = head.replace(
    /<sheetView\b[^>]*?\/>|<sheetView\b[^>]*>[\s\S]*?<\/sheetView>/,
    sheetViewXml(sheet, selected)
  )
  if (!sheet.hidden) {
    head = head.replace('<dimension', '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension')
    tail = tail.replace(
      /(<pageMargins\b[^>]*\/>)/,
      '$1<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    )
    // conditionalFormatting comes before pageMargins in the schema's order (after mergeCells).
    if (sheet.utilization)
      tail = tail.replace(/<pageMargins\b/, (m) => utilizationRulesXml(sheet.utilization!) + m)
  }
  const headBytes = strToU8(head)
  const tailBytes = strToU8(tail)
  const body = xml.subarray(headEnd, tailStart)
  const out = new Uint8Array(headBytes.length + body.length + tailBytes.length)
  out.set(headBytes, 0)
  out.set(body, headBytes.length)
  out.set(tailBytes, headBytes.length + body.length)
  return out
}

function sheetViewXml(sheet: SheetLayout, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : ''
  const fr = sheet.freeze
  if (!fr || (fr.rows === 0 && fr.cols === 0)) return `<sheetView${tab} workbookViewId="0"/>`
  const topLeft = cellRef(fr.cols, fr.rows)
  const pane = fr.rows && fr.cols ? 'bottomRight' : fr.rows ? 'bottomLeft' : 'topRight'
  const split = `${fr.cols ? ` xSplit="${fr.cols}"` : ''}${fr.rows ? ` ySplit="${fr.rows}"` : ''}`
  return (
    `<sheetView${tab} workbookViewId="0">` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`
  )
}

/** First (or last) place of needle within 64 KiB of the start (or end) of hay. */
function findBytes(hay: Uint8Array, needle: Uint8Array, fromEnd: boolean): number {
  const last = hay.length - needle.length
  const window = 1 << 16
  const match = (i: number) => {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) return false
    return true
  }
  if (fromEnd) {
    for (let i = last; i >= Math.max(0, last - window); i--) if (match(i)) return i
  } else {
    for (let i = 0; i <= Math.min(last, window); i++) if (match(i)) return i
  }
  return -1
}

const FONTS =
  '<fonts count="3">' +
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '</fonts>'
const FILLS =
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>' +
  '</fills>'
const BORDERS =
  '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border>' +
  '<border><left/><right/><top style="thin"><color rgb="FF808080"/></top><bottom/><diagonal/></border>' +
  '</borders>'

// Conditional formats of utilization cells: 0 amber text (the app's --warn-text), 1 red (--danger).
const DXFS =
  '<dxfs count="2">' +
  '<dxf><font><b/><color rgb="FF8A5200"/></font><fill><patternFill><bgColor rgb="FFFFF1D6"/></patternFill></fill></dxf>' +
  '<dxf><font><b/><color rgb="FFC62F2F"/></font><fill><patternFill><bgColor rgb="FFFDE6E6"/></patternFill></fill></dxf>' +
  '</dxfs>'

/** Red above 100 %, else amber above the soft cap: the app's colours of a utilization. */
export function utilizationRulesXml(utilization: NonNullable<SheetLayout['utilization']>): string {
  if (!utilization.ranges.length) return ''
  return (
    `<conditionalFormatting sqref="${utilization.ranges.join(' ')}">` +
    '<cfRule type="cellIs" dxfId="1" priority="1" operator="greaterThan" stopIfTrue="1"><formula>1</formula></cfRule>' +
    `<cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>${utilization.softCap}</formula></cfRule>` +
    '</conditionalFormatting>'
  )
}

type Look = {
  font: number
  fill: number
  border: number
  horizontal?: 'right' | 'center'
  wrap?: boolean
}
const LOOKS = {
  title: { font: 2, fill: 0, border: 0 },
  header: { font: 1, fill: 2, border: 1 },
  headerRight: { font: 1, fill: 2, border: 1, horizontal: 'right' },
  headerCenter: { font: 1, fill: 2, border: 1, horizontal: 'center' },
  total: { font: 1, fill: 3, border: 2 },
  wrap: { font: 0, fill: 0, border: 0, wrap: true },
  center: { font: 0, fill: 0, border: 0, horizontal: 'center' }
} satisfies Record<string, Look>

function lookOf(code: string): Look | null {
  if (code === STYLE_MARKERS.title) return LOOKS.title
  if (code === STYLE_MARKERS.header) return LOOKS.header
  if (code === STYLE_MARKERS.headerRight) return LOOKS.headerRight
  if (code === STYLE_MARKERS.headerCenter) return LOOKS.headerCenter
  if (code === STYLE_MARKERS.wrap) return LOOKS.wrap
  if (code === STYLE_MARKERS.center) return LOOKS.center
  if (code === STYLE_MARKERS.sectionText || code.endsWith(STYLE_MARKERS.totalSuffix)) return LOOKS.total
  return null
}

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Gives the styles whose number format carries a marker their font, fill and rule. */
export function patchStyles(xml: string): string {
  const looks = new Map<string, Look>()
  for (const m of xml.matchAll(/<numFmt\s+numFmtId="(\d+)"\s+formatCode="([^"]*)"\s*\/>/g)) {
    const look = lookOf(unescapeXml(m[2]))
    if (look) looks.set(m[1], look)
  }
  let out = xml
    .replace(/<fonts\b[^>]*>[\s\S]*?<\/fonts>/, FONTS)
    .replace(/<fills\b[^>]*>[\s\S]*?<\/fills>/, FILLS)
    .replace(/<borders\b[^>]*>[\s\S]*?<\/borders>/, BORDERS)
    .replace(/<dxfs\b[^>]*\/>|<dxfs\b[^>]*>[\s\S]*?<\/dxfs>/, DXFS)
    .replace(
      /<cellStyleXfs\b[^>]*>[\s\S]*?<\/cellStyleXfs>/,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment vertical="top"/></xf></cellStyleXfs>'
    )
  out = out.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)\/>/g, (_whole, attrs: string) => {
      // Top alignment everywhere, so rows with wrapped text (risk mitigations) read from the top.
      const id = /numFmtId="(\d+)"/.exec(attrs)?.[1]
      const look = id ? looks.get(id) : undefined
      if (!look) return `<xf${attrs.trimEnd()} applyAlignment="1"><alignment vertical="top"/></xf>`
      const rest = attrs
        .replace(/\s(fontId|fillId|borderId|applyFont|applyFill|applyBorder)="[^"]*"/g, '')
        .trimEnd()
      const horizontal = look.horizontal ? ` horizontal="${look.horizontal}"` : ''
      // Wrapped text follows a column of right-aligned amounts: an indent keeps the two apart.
      const wrap = look.wrap ? ' wrapText="1" horizontal="left" indent="1"' : ''
      return (
        `<xf${rest} fontId="${look.font}" fillId="${look.fill}" borderId="${look.border}" applyFont="1" applyFill="1" ` +
        `applyBorder="1" applyAlignment="1"><alignment${horizontal} vertical="top"${wrap}/></xf>`
      )
    })
  )
  return out
}
