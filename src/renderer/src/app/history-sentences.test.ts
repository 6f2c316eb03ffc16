// History sentences registered by the features: every key the code writes exists in both languages.
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { describeEntry } from '../shell/describe-entry'
import '../lib/plan-labels'
import '../features/overview/strings'
import '../features/scenarios/strings'
import '../features/import/strings'
import '../features/transfer/strings'

describe('history sentences of every feature', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('the CHF rate reads as a number of the UI language', async () => {
    const rate = { kind: 'edit' as const, summary: { key: 'history.chfRate', values: { rate: 1.0725 } } }
    await i18n.changeLanguage('en')
    expect(describeEntry(rate)).toBe('CHF rate set to 1.0725 EUR')
    await i18n.changeLanguage('de')
    expect(describeEntry(rate)).toBe('CHF-Kurs auf 1,0725 EUR gesetzt')
  })

  it('every history sentence the code writes exists in English and German', () => {
    const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.*'], {
      query: '?raw',
      import: 'default',
      eager: true
    })
    const keys = new Set<string>()
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/'(history\.[A-Za-z]+)'/g)) keys.add(m[1]!)
    expect(keys.size).toBeGreaterThan(40)
    // A sentence with a count is a plural: it exists for one and for many.
    const exists = (k: string, lng: string) =>
      [1, 2].every((count) => i18n.exists(k, { ns: 'history', lng, count }))
    const missing = [...keys].flatMap((k) =>
      (['en', 'de'] as const).filter((lng) => !exists(k, lng)).map((l) => `${l}:${k}`)
    )
    expect(missing).toEqual([])
  })
})
