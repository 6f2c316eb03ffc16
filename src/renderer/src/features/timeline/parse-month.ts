// The start month of a workstream as people type it, in either UI language.
import type { MonthKey } from '@shared/planning/types'
import type { Validation } from '@shared/planning/validate'

/** Reads "2026-05", "05/2026", "5.2026" or "2026/5" as a month key. */
export function parseMonthInput(text: string): Validation<MonthKey> {
  const s = text.trim()
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(s)
  let year: number, month: number
  if (m) {
    year = Number(m[1])
    month = Number(m[2])
  } else {
    m = /^(\d{1,2})[-/.](\d{4})$/.exec(s)
    if (!m) return { ok: false, error: 'not-a-number' }
    year = Number(m[2])
    month = Number(m[1])
  }
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return { ok: false, error: 'out-of-range' }
  return { ok: true, value: `${year}-${String(month).padStart(2, '0')}` }
}
