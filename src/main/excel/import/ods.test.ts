// LibreOffice files as LibreOffice writes them: repeated rows and cells read in full up to the
// limits, refused with the counts past them, large ordinary sheets opened, data past the column
// limit named. The ODS files are built here with fflate.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importFile } from './service'
import type { ImportError } from './errors'

const dir = mkdtempSync(join(tmpdir(), 'qm-ods-'))
let seq = 0

const text = (v: string, attrs = '') =>
  `<table:table-cell office:value-type="string" calcext:value-type="string"${attrs}><text:p>${v}</text:p></table:table-cell>`
const num = (v: number, attrs = '') =>
  `<table:table-cell office:value-type="float" office:value="${v}" calcext:value-type="float"${attrs}><text:p>${v}</text:p></table:table-cell>`
const row = (cells: string, repeat = 1) =>
  `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells}</table:table-row>`
/** What LibreOffice writes after the data: the rest of the sheet's million rows, empty. */
const TRAILING = row('<table:table-cell table:number-columns-repeated="1024"/>', 1_048_000)

function ods(rows: string): string {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet>' +
    `<table:table table:name="Budget"><table:table-column table:number-columns-repeated="1024"/>${rows}</table:table>` +
    '</office:spreadsheet></office:body></office:document-content>'
  const zip = zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'styles.xml': strToU8(
        '<?xml version="1.0"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
      ),
      'META-INF/manifest.xml': strToU8(
        '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
      )
    },
    { level: 9 }
  )
  const path = join(dir, `sheet-${++seq}.ods`)
  writeFileSync(path, zip)
  return path
}

const header = row(text('Phase') + text('Quarter') + text('Title') + text('Amount'))
const lineCells = text('Phase 1') + text('Q1 2026') + text('Licence') + num(100)
const line = row(lineCells)

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p
  } catch (err) {
    return err as ImportError
  }
  throw new Error('expected the import to fail')
}

describe('ODS as LibreOffice writes it', () => {
  it('reads a filled row repeated 5,000 times as 5,000 rows, and clamps only the trailing empty rows', async () => {
    const { summary, sheet } = await importFile(ods(header + row(lineCells, 5_000) + TRAILING))
    expect(summary.sheets[0].rowCount).toBe(5_001)
    expect(summary.sheets[0].truncated).toBe(false)
    expect(summary.warnings).toEqual([])
    expect(sheet.result.counts.good).toBe(5_000)
  })

  it('keeps empty rows between data, so row numbers stay right', async () => {
    const emptyGap = row('<table:table-cell table:number-columns-repeated="4"/>', 3_000)
    const { sheet } = await importFile(ods(header + line + emptyGap + line + TRAILING))
    expect(sheet.result.rows.map((r) => r.row)).toEqual([2, 3_003])
  })

  it('reads a filled cell repeated across columns as that many cells', async () => {
    const { summary } = await importFile(
      ods(header + row(text('Phase 1') + text('Q1 2026') + text('x', ' table:number-columns-repeated="2"')))
    )
    expect(summary.sheets[0].colCount).toBe(4)
  })

  it('refuses a filled row repeated past the row limit, naming the counts', async () => {
    const err = await failure(importFile(ods(header + row(lineCells, 600_000) + TRAILING)))
    expect(err.reason).toBe('too-large')
    expect(err.message).toBe(
      `Sheet "Budget": row 2 is repeated 600,000 times, to row 600,001, past the import's limit of 500,000 rows.`
    )
  })

  it('refuses a filled cell repeated past the column limit, naming the counts', async () => {
    const err = await failure(
      importFile(ods(header + row(text('Phase 1') + text('wide', ' table:number-columns-repeated="1000"'))))
    )
    expect(err.reason).toBe('too-large')
    expect(err.message).toMatch(
      /row 2: a filled cell in column B is repeated 1,000 times, to column ALM, past the import's limit of 512 columns/
    )
  })

  it('names data that lies past the column limit instead of calling the sheet empty', async () => {
    const far = (cells: string) => row(`<table:table-cell table:number-columns-repeated="600"/>${cells}`)
    const err = await failure(importFile(ods(far(text('Phase') + text('Amount')) + far(text('P1') + num(5)))))
    expect(err.message).toMatch(/lies past column SR, beyond the 512 columns the import reads/)
  })

  it('opens an ordinary 1,009 x 14 text sheet whose content.xml packs about 200:1', async () => {
    const words = 'Infrastructure roadmap line with a long, repeated description of the work '.repeat(14)
    const cells = (r: number) =>
      Array.from({ length: 14 }, (_, c) => text(c === 0 ? `Row ${r}` : `${words}${c}`)).join('')
    const rows = Array.from({ length: 1_009 }, (_, r) => row(cells(r))).join('')
    const path = ods(rows + TRAILING)
    const { summary } = await importFile(path)
    expect(summary.sheets[0].rowCount).toBe(1_009)
    expect(summary.sheets[0].colCount).toBe(14)
  }, 60_000)
})
