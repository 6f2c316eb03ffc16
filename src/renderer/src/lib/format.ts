// Numbers, money, shares, quarters and dates formatted for the UI language.
import type { Cents, Currency, QuarterKey, ShareBp } from '@shared/planning/types'
import { quarterLabel } from '@shared/planning/quarters'
import { currentLanguage, type Language } from '../i18n'

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' }
const cache = new Map<string, Intl.NumberFormat>()

function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key)
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f
}

export function locale(lang: Language = currentLanguage()): string {
  return LOCALES[lang]
}

/** 1234567 cents -> "€12,345.67" (en) or "12.345,67 €" (de). whole: no cents shown. */
export function formatMoney(
  cents: Cents,
  currency: Currency = 'EUR',
  opts: { whole?: boolean } = {}
): string {
  const lang = currentLanguage()
  const digits = opts.whole ? 0 : 2
  const f = nf(
    `money:${lang}:${currency}:${digits}`,
    () =>
      new Intl.NumberFormat(LOCALES[lang], {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits
      })
  )
  return f.format(cents / 100)
}

/** Compact money for charts and tight cells: "€415k". */
export function formatMoneyShort(cents: Cents, currency: Currency = 'EUR'): string {
  const lang = currentLanguage()
  const f = nf(
    `moneyShort:${lang}:${currency}`,
    () =>
      new Intl.NumberFormat(LOCALES[lang], {
        style: 'currency',
        currency,
        notation: 'compact',
        maximumFractionDigits: 1
      })
  )
  return f.format(cents / 100)
}

/** 5000 bp -> "50 %" (de) / "50%" (en). */
export function formatShare(bp: ShareBp): string {
  const lang = currentLanguage()
  const f = nf(
    `pct:${lang}`,
    () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 })
  )
  return f.format(bp / 10_000)
}

/** 5000 bp -> "0.5 FTE". */
export function formatFte(bp: ShareBp): string {
  const lang = currentLanguage()
  const f = nf(`fte:${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }))
  return `${f.format(bp / 10_000)} FTE`
}

export function formatNumber(n: number, digits = 0): string {
  const lang = currentLanguage()
  return nf(
    `num:${lang}:${digits}`,
    () =>
      new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits })
  ).format(n)
}

/** "2026-Q1" -> "Q1 2026" in both languages (the one label: quarterLabel in src/shared). */
export function formatQuarter(q: QuarterKey | string): string {
  return quarterLabel(q)
}

/** "2026-02" -> "Feb 2026" / "Feb. 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, 1))
  )
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

/** A size in bytes as kB, MB or GB (decimal units, as file managers show them). */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let i = 0
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000
    i++
  }
  return new Intl.NumberFormat(locale(), {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1
  }).format(value)
}
