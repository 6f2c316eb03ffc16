import { describe, expect, it } from 'vitest'
import { foldText, textMatcher } from './text-filter'

describe('board text filter', () => {
  it('matches whatever the case and accents of either side', () => {
    const match = textMatcher('Uberwachung')!
    expect(match('Überwachung')).toBe(true)
    expect(match('ÜBERWACHUNG der Systeme')).toBe(true)
    expect(textMatcher('überWACHUNG')!('Uberwachung')).toBe(true)
    expect(textMatcher('securite')!('Sécurité')).toBe(true)
    expect(match('Werkzeuge')).toBe(false)
  })

  it('an empty or blank filter matches everything', () => {
    expect(textMatcher('')).toBeUndefined()
    expect(textMatcher('   ')).toBeUndefined()
  })

  it('folds to lower case without accents', () => {
    expect(foldText('Ärger Öl Ça')).toBe('arger ol ca')
    expect(foldText('Plain ASCII')).toBe('plain ascii')
  })
})
