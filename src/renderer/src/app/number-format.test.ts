// Counts in every registered string are written in the UI language's number format.
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, LANGUAGES } from '../i18n'

// Every module that registers strings, so the checks below see every bundle.
import.meta.glob(
  ['../**/strings.ts', '../shell/history-strings.ts', '../lib/problem-text.ts', '../lib/plan-labels.ts'],
  {
    eager: true
  }
)

type Bundle = { [key: string]: string | Bundle }
const entries = (b: Bundle, prefix = ''): [string, string][] =>
  Object.entries(b).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)
  )

describe('numbers in the UI strings', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('every plural count is formatted as a number in English and German', () => {
    const namespaces = Object.keys(i18n.store.data.en ?? {})
    expect(namespaces.length).toBeGreaterThan(15)
    const bare: string[] = []
    let counts = 0
    for (const lng of LANGUAGES)
      for (const ns of namespaces)
        for (const [key, text] of entries((i18n.getResourceBundle(lng, ns) ?? {}) as Bundle)) {
          if (text.includes('{{count')) counts++
          if (text.includes('{{count}}')) bare.push(`${lng}:${ns}:${key}`)
        }
    expect(counts).toBeGreaterThan(100)
    expect(bare).toEqual([])
  })

  it('the capacity board summary line writes 1274 as 1,274 and 1.274', async () => {
    const line = () => i18n.t('capacityBoard:summaryCells', { red: 1274, amber: 12345 })
    expect(line()).toBe('1,274 over capacity · 12,345 above soft cap')
    await i18n.changeLanguage('de')
    expect(line()).toBe('1.274 überlastet · 12.345 über der Warnschwelle')
    expect(i18n.t('capacityBoard:rolesShown', { count: 10000 })).toBe('10.000 Rollen')
    expect(i18n.t('capacityBoard:heatmapTop', { shown: 30, total: 10000 })).toBe(
      'Gezeigt werden die 30 am stärksten ausgelasteten von 10.000 Rollen.'
    )
  })

  it('the budget board, the deliverables and the problems list write their counts the same way', async () => {
    await i18n.changeLanguage('de')
    expect(i18n.t('budgetBoard:lines', { count: 50000 })).toBe('50.000 Positionen')
    expect(i18n.t('deliverables:summary', { met: 1200, missed: 3, open: 4500 })).toBe(
      '1.200 erreicht · 3 verfehlt · 4.500 offen'
    )
    expect(i18n.t('problems:more', { shown: 1000 })).toMatch(/^Die ersten 1\.000 sind/)
    await i18n.changeLanguage('en')
    expect(i18n.t('team:showAll', { n: 10000 })).toBe('Show all 10,000 roles')
    expect(i18n.t('transfer:backupCounts', { plans: 3, history: 25000, mappings: 2 })).toBe(
      'plans and scenarios: 3, history entries: 25,000, remembered mappings: 2'
    )
  })
})
