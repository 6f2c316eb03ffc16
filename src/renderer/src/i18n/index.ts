// English and German from the first string. Each feature registers its own namespace of strings.
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'

export type Language = 'en' | 'de'
export const LANGUAGES: Language[] = ['en', 'de']
const STORAGE_KEY = 'qm.language'

type Strings = { [key: string]: string | Strings }

export function detectLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'de') return stored
  } catch {
    // storage unavailable: fall back to the system language
  }
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}

void i18n.use(initReactI18next).init({
  lng: typeof navigator === 'undefined' ? 'en' : detectLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: ['common'],
  resources: {},
  interpolation: { escapeValue: false },
  returnNull: false
})

/** Adds a namespace of strings in both languages. Call at module load of the feature. */
export function registerStrings<T extends Strings>(namespace: string, strings: { en: T; de: T }): void {
  i18n.addResourceBundle('en', namespace, strings.en, true, true)
  i18n.addResourceBundle('de', namespace, strings.de, true, true)
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not persisted; the switch still applies for this session
  }
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
}

export function currentLanguage(): Language {
  return i18n.language === 'de' ? 'de' : 'en'
}

export { i18n }
