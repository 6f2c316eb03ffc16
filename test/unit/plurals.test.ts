// Every count a string shows reads right for one and for many: a string with {{count}} is an
// i18next plural (key_one and key_other) in English and in German, in every namespace.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { i18n } from '../../src/renderer/src/i18n'

const RENDERER = join(__dirname, '../../src/renderer/src')

/** Every module of the renderer that registers strings (so a new namespace is checked too). */
function stringModules(): string[] {
  return (readdirSync(RENDERER, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(RENDERER, f))
    .filter(
      (f) => /\bregisterStrings\(/.test(readFileSync(f, 'utf8')) && !f.endsWith(join('i18n', 'index.ts'))
    )
}

type Bundle = { [key: string]: string | Bundle }
const entries = (b: Bundle, prefix = ''): [string, string][] =>
  Object.entries(b).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : entries(v, `${prefix}${k}.`)
  )

const PLURAL = /_(zero|one|two|few|many|other)$/

/** Keys whose strings show {{count}} without being a plural with _one and _other forms. */
function missingPlurals(lng: 'en' | 'de'): string[] {
  const out: string[] = []
  for (const ns of Object.keys(i18n.store.data[lng] ?? {})) {
    const strings = new Map(entries(i18n.getResourceBundle(lng, ns) as Bundle))
    for (const [key, text] of strings) {
      if (!/\{\{\s*count\b/.test(text)) continue
      const base = key.replace(PLURAL, '')
      for (const form of ['_one', '_other'])
        if (!strings.has(base + form)) out.push(`${lng}:${ns}:${base}${form}`)
    }
  }
  return [...new Set(out)].sort()
}

describe('counts in strings', () => {
  beforeAll(async () => {
    const modules = stringModules()
    expect(modules.map((f) => relative(RENDERER, f))).toContain(join('features', 'import', 'strings.ts'))
    for (const f of modules) await import(f)
  })

  it.each(['en', 'de'] as const)('every %s string with {{count}} has its _one and _other forms', (lng) => {
    expect(missingPlurals(lng)).toEqual([])
  })
})
