import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import './strings'

type Bundle = { [key: string]: string | Bundle }
const keysOf = (b: Bundle, prefix = ''): string[] =>
  Object.entries(b).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)))

describe('the generic components’ strings', () => {
  it.each(['estimate', 'number-hint', 'inline-edit'])(
    '%s is registered by components/strings.ts with the same keys in English and German',
    (ns) => {
      const en = keysOf(i18n.getResourceBundle('en', ns) as Bundle).sort()
      const de = keysOf(i18n.getResourceBundle('de', ns) as Bundle).sort()
      expect(en.length).toBeGreaterThan(0)
      expect(de).toEqual(en)
    }
  )

  it('reads in the UI language', async () => {
    await i18n.changeLanguage('de')
    expect(i18n.t('label', { ns: 'estimate' })).toBe('Schätzung')
    expect(i18n.t('stores', { ns: 'number-hint', value: '20.000,00 €' })).toBe(
      'Wird gespeichert als 20.000,00 €'
    )
    expect(i18n.t('error.ambiguous', { ns: 'inline-edit' })).toMatch(/^Deutsch und Englisch/)
    await i18n.changeLanguage('en')
    expect(i18n.t('label', { ns: 'estimate' })).toBe('Estimate')
    expect(i18n.t('saveFailed', { ns: 'inline-edit' })).toBe('Could not save')
  })
})
