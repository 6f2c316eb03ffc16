import { afterEach, describe, expect, it } from 'vitest'
import { i18n, registerStrings } from './index'
import { asIs, msg, translate } from './text'

registerStrings('text-test', {
  en: {
    made: 'Scenario “{{name}}” created',
    undone: 'Undone: {{what}}',
    moved_one: '{{count}} line moved',
    moved_other: '{{count}} lines moved'
  },
  de: {
    made: 'Szenario „{{name}}“ erstellt',
    undone: 'Rückgängig: {{what}}',
    moved_one: '{{count}} Zeile verschoben',
    moved_other: '{{count}} Zeilen verschoben'
  }
})

afterEach(() => i18n.changeLanguage('en'))

describe('text translated when shown', () => {
  it('a message made in English reads in German after a language switch', async () => {
    await i18n.changeLanguage('en')
    const text = msg('text-test:made', { name: 'DevOps early' })
    expect(translate(text)).toBe('Scenario “DevOps early” created')
    await i18n.changeLanguage('de')
    expect(translate(text)).toBe('Szenario „DevOps early“ erstellt')
  })

  it('translates messages and functions among the values, and keeps counts plural', async () => {
    const text = msg('text-test:undone', { what: msg('text-test:moved', { count: 2 }) })
    const fn = msg('text-test:undone', { what: () => i18n.t('text-test:moved', { count: 1 }) })
    await i18n.changeLanguage('en')
    expect(translate(text)).toBe('Undone: 2 lines moved')
    expect(translate(fn)).toBe('Undone: 1 line moved')
    await i18n.changeLanguage('de')
    expect(translate(text)).toBe('Rückgängig: 2 Zeilen verschoben')
    expect(translate(fn)).toBe('Rückgängig: 1 Zeile verschoben')
  })

  it('shows a text as it is in every language', () => {
    expect(translate(asIs('/home/me/plan.xlsx'))).toBe('/home/me/plan.xlsx')
  })
})
