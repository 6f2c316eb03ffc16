// Month and quarter names as column titles ("Jan", "Dezember", "2026-03", "Q1", "1. Quartal",
// "Q4 2025", dates) and year totals ("Summe", "Gesamt 2026"), for sheets with periods across.
import type { CellValue } from './types'
import { MONTHS, serialToQuarter } from './quarters'

export type Period = { kind: 'month' | 'quarter'; year: number | null; index: number }

const TOTAL = /^(summe|gesamt|gesamtsumme|jahressumme|jahr|jahreswert|insgesamt|total|sum|year|fy|gj)\b/

function fullYear(y: string | undefined): number | null {
  if (!y) return null
  const n = Number(y)
  return y.length === 2 ? 2000 + n : n >= 1990 && n <= 2100 ? n : null
}

/** A header cell as a month or a quarter (with its year where it names one), a total, or neither. */
export function readPeriodHeader(value: CellValue, date1904 = false): Period | 'total' | null {
  if (typeof value === 'number') {
    const q = serialToQuarter(value, date1904)
    if (!q.ok) return null
    const d = new Date((Math.floor(value) + (date1904 ? 1462 : 0) - 25569) * 86_400_000)
    return { kind: 'month', year: d.getUTCFullYear(), index: d.getUTCMonth() + 1 }
  }
  if (typeof value !== 'string') return null
  const t = value
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase()
  if (!t || t.length > 40) return null
  if (TOTAL.test(t)) return 'total'
  return readPeriod(t.replace(UNIT, '').replace(PLAN_WORD, '').replace(UNIT, '').trim())
}

/**
 * "Plan Q1 2026", "Jan 26 Budget", "Soll März": the plan's value of that period. Actuals ("Ist
 * Q1 2026") stay unread, so a sheet of plan and actual columns reads its plan columns.
 */
const PLAN_WORD = /^(?:plan|budget|soll|forecast|fc)\s+|\s+(?:plan|budget|soll|forecast|fc)$/

/** A unit beside a period title: "Q1 2026 (FTE)", "Jan 26 in %", "Feb [EUR]", "Mär €", "Apr TEUR". */
const UNIT =
  /\s*[([]?\s*(?:in\s+)?(?:(?:tsd\.?|tausend|mio\.?)\s*)?(fte|vze|%|[tkm]?eur|[tkm]?chf|[tkm]?€)\s*[)\]]?$/i

/** The unit a column title names beside its period or field: cells' share scale or currency. */
export function headerUnit(value: CellValue): 'fte' | 'percent' | 'EUR' | 'CHF' | null {
  if (typeof value !== 'string') return null
  const u = UNIT.exec(value.trim())?.[1]?.toLowerCase()
  if (!u) return null
  return u === 'fte' || u === 'vze' ? 'fte' : u === '%' ? 'percent' : u.endsWith('chf') ? 'CHF' : 'EUR'
}

function readPeriod(t: string): Period | null {
  let m: RegExpExecArray | null
  // 2026-03, 2026-03-01 (a date as header), 03/2026, 03.2026, 1.3.2026
  if ((m = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:[t ].*)?$/.exec(t))) return month(Number(m[2]), fullYear(m[1]))
  if ((m = /^(\d{1,2})[./](\d{4})$/.exec(t))) return month(Number(m[1]), fullYear(m[2]))
  if ((m = /^(\d{4})[./](\d{1,2})$/.exec(t))) return month(Number(m[2]), fullYear(m[1]))
  if ((m = /^\d{1,2}\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t))) return month(Number(m[1]), fullYear(m[2]))
  // Quarters: Q1, Q1 2026, Q1/26, 2026-Q1, 1. Quartal, 1. Quartal 2026, Quartal 1, 1. Qu. 26, QI
  if ((m = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/.exec(t))) return quarter(Number(m[2]), fullYear(m[1]))
  if ((m = /^q([1-4])(?:\s*[-/ .]?\s*'?(\d{4}|\d{2}))?$/.exec(t)))
    return quarter(Number(m[1]), fullYear(m[2]))
  if ((m = /^([1-4])\s*\.?\s*(?:quartal|quarter|qtr\.?|qu\.?|q)(?:\s*[-/ .]?\s*'?(\d{4}|\d{2}))?$/.exec(t)))
    return quarter(Number(m[1]), fullYear(m[2]))
  if ((m = /^(?:quartal|quarter|qtr\.?)\s*([1-4])(?:\s*[-/ ]?\s*'?(\d{4}|\d{2}))?$/.exec(t)))
    return quarter(Number(m[1]), fullYear(m[2]))
  // Months by name: Jan, Januar, Jan., März 2026, Mar-26, Jan '26
  if ((m = /^([a-zäöü]+)\.?(?:\s*[-/ ]?\s*'?(\d{4}|\d{2}))?$/.exec(t)) && MONTHS[m[1]])
    return month(MONTHS[m[1]], fullYear(m[2]))
  return null
}

function month(index: number, year: number | null): Period | null {
  return index >= 1 && index <= 12 ? { kind: 'month', year, index } : null
}
function quarter(index: number, year: number | null): Period {
  return { kind: 'quarter', year, index }
}
