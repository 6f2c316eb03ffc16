import { afterEach, describe, expect, it } from 'vitest'
import { i18n, LANGUAGES } from '../i18n'
import { msg, translate } from '../i18n/text'
import { errorText, errorTitle, problemText } from './error-text'
import type { StorageProblem } from '../db/storage-status'

type Bundle = Record<string, string>

describe('storage errors in words', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('every storage problem db/ names has a sentence in English and German', () => {
    const keys = [
      'quota',
      'newerVersion',
      'blocked',
      'duplicate',
      'failed',
      'redoPromotionStale',
      'undoPromotionStale',
      'planGone',
      'entryGone',
      'deletedGone',
      'nothingToUndo',
      'nothingToRedo',
      'undoConflict',
      'redoConflict',
      'alreadyUndone',
      'revertTouched',
      'revertReferenced',
      'mergeClash',
      'nameEmpty',
      'nameTooLong',
      'identityExists',
      'notAScenario'
    ] as const satisfies readonly StorageProblem['key'][]
    for (const lng of LANGUAGES) {
      const bundle = i18n.getResourceBundle(lng, 'storage') as Bundle
      for (const key of keys) expect(bundle[key] ?? bundle[`${key}_other`], `${lng}:${key}`).toBeTruthy()
    }
    const en = Object.keys(i18n.getResourceBundle('en', 'storage') as Bundle).sort()
    expect(Object.keys(i18n.getResourceBundle('de', 'storage') as Bundle).sort()).toEqual(en)
  })

  it('a full disk reads in the language shown when the notice is read', async () => {
    const text = problemText({ key: 'quota' })
    expect(translate(text)).toMatch(/^The disk is full/)
    await i18n.changeLanguage('de')
    expect(translate(text)).toMatch(/^Der Datenträger ist voll/)
  })

  it('an error carrying a problem says it; any other error says its own message', async () => {
    const failed = Object.assign(new Error('failed: quota'), {
      problem: { key: 'failed' as const, values: { detail: 'disk on fire' } }
    })
    await i18n.changeLanguage('de')
    expect(translate(errorText(failed))).toBe('Speichern fehlgeschlagen, nichts wurde geändert: disk on fire')
    expect(translate(errorText(new Error('plain')))).toBe('plain')
    expect(translate(errorText('text'))).toBe('text')
  })

  it('a refused redo of Make baseline has its own title; a failure to save keeps the general one', async () => {
    const general = msg('storage:failed', { detail: '' })
    const refused = Object.assign(new Error('redoPromotionStale: S'), {
      problem: { key: 'redoPromotionStale' as const, values: { name: 'Backup later' } }
    })
    expect(translate(errorTitle(refused, general))).toBe('Cannot make “Backup later” the baseline again')
    expect(translate(errorText(refused))).toMatch(/^“Backup later” was changed or removed/)
    const quota = Object.assign(new Error('quota'), { problem: { key: 'quota' as const } })
    expect(errorTitle(quota, general)).toBe(general)
    expect(errorTitle(new Error('x'), general)).toBe(general)
    await i18n.changeLanguage('de')
    expect(translate(errorTitle(refused, general))).toBe('„Backup later“ kann nicht wieder zur Basis werden')
  })
})
