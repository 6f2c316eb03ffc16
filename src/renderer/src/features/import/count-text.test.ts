import { describe, expect, it } from 'vitest'
import { i18n } from '../../i18n'
import { rowCountsText } from './count-text'
import './strings'

describe('the wizard’s row counts', () => {
  it('say one row and one total row in the singular, in English and German', async () => {
    await i18n.changeLanguage('de')
    const de = i18n.getFixedT('de', 'import')
    expect(rowCountsText(de, 1, 0, 1)).toBe('1 Zeile bereit, 0 mit Problemen, 1 Summenzeile übersprungen')
    expect(rowCountsText(de, 1200, 2, 3)).toBe(
      '1.200 Zeilen bereit, 2 mit Problemen, 3 Summenzeilen übersprungen'
    )
    await i18n.changeLanguage('en')
    const en = i18n.getFixedT('en', 'import')
    expect(rowCountsText(en, 1, 1, 1)).toBe('1 row ready, 1 with problems, 1 total row skipped')
    expect(rowCountsText(en, 0, 0, 0)).toBe('0 rows ready, 0 with problems, 0 total rows skipped')
  })
})
