// What a preview cell shows, and the widths of the preview's columns taken from its first page of
// rows (the table's layout is fixed, so rows scrolling by never change them).
import type { PreviewRow } from '@shared/import/plan-import'
import type { ColumnMapping, ImportField } from '@shared/import/types'
import { formatMoney, formatQuarter, formatShare } from '../../lib/format'

/** A cell's text: the value read, or for a row that did not parse its cell as written. */
export function previewCellText(row: PreviewRow, f: string, columns: ColumnMapping['columns']): string {
  const r = row.parsed
  // A row that did not parse shows its cells as written, so the problem can be seen.
  if (!r.ok) {
    const col = columns[f as ImportField]
    return col === undefined ? '' : (r.cells[col] ?? '')
  }
  const values = r.values as Record<string, unknown>
  if (f === 'amount') {
    const money = formatMoney(values['amountCents'] as number, values['currency'] as 'EUR' | 'CHF')
    return r.source === undefined ? money : `${r.source} → ${money}`
  }
  if (f === 'share') {
    // The cell as written beside what is stored: "0,5 → 50 %".
    const share = formatShare(values['shareBp'] as number)
    const same = r.source?.replace(/\s/g, '') === share.replace(/\s/g, '')
    return r.source && !same ? `${r.source} → ${share}` : share
  }
  if (f === 'quarter') return formatQuarter(String(values['quarter']))
  return values[f] === null || values[f] === undefined ? '' : String(values[f])
}

/** Width in px a "plan" or "shortened" mark takes beside a cell's text. */
const MARK_PX = 60
/** A name column narrower than this keeps to its text; a wider one shares the rest. */
const NARROW_PX = 120
/** A cell's padding and border, with a little room. */
const PAD_PX = 24

let canvas: CanvasRenderingContext2D | null | undefined
/**
 * The width of a text in the table's 12 px font (bold for a header), measured on a canvas so no
 * layout is forced; about 7.5 px a character where there is no canvas.
 */
function textWidth(text: string, bold = false): number {
  if (canvas === undefined)
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!canvas) return text.length * 7.5
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif'
  canvas.font = `${bold ? 600 : 400} 12px ${family}`
  return canvas.measureText(text).width
}

/**
 * Widths from the first rows: the amount or share whole as written and as stored ("1.234,56 →
 * €1,234,560.00"; 112 px cut it at either window size), a phase or workstream column of short names
 * (or none) only as wide as those, so the title gets the room; problems take a quarter of the width
 * where the first rows have some, less where they have none. Undefined: the stylesheet's width.
 */
export function previewWidths(
  rows: readonly PreviewRow[],
  fields: readonly string[],
  columns: ColumnMapping['columns'],
  headers: Record<string, string>
): Record<string, string | undefined> {
  const longest = new Map<string, { text: string; mark: boolean }>()
  let problems = false
  for (const row of rows) {
    if (row.issues.length || (row.parsed.ok && row.parsed.warnings?.length)) problems = true
    for (const f of fields) {
      const from = row.derived?.find((d) => d.field === f)
      const text = from ? from.value : previewCellText(row, f, columns)
      const mark = Boolean(from || (row.parsed.ok && row.parsed.warnings?.some((w) => w.field === f)))
      const was = longest.get(f)
      if (!was || text.length + (mark ? 8 : 0) > was.text.length + (was.mark ? 8 : 0))
        longest.set(f, { text, mark })
    }
  }
  const out: Record<string, string | undefined> = {}
  for (const f of fields) {
    const l = longest.get(f)
    const cell = l ? textWidth(l.text) + (l.mark ? MARK_PX : 0) : 0
    const px = Math.ceil(Math.max(cell, textWidth(headers[f] ?? '', true)) + PAD_PX)
    // The stylesheet's 112 px where that holds them (a share, a plain amount); at most 300.
    if (f === 'amount' || f === 'share') out[f] = px > 112 ? `${Math.min(px, 300)}px` : undefined
    else if ((f === 'phase' || f === 'workstream') && fields.includes('title') && px <= NARROW_PX)
      out[f] = `${px}px`
  }
  out['problems'] = problems ? undefined : '16%'
  return out
}
