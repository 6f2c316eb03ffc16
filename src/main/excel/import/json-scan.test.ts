import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonScanner, JsonSyntaxError } from './json-scan'

const bytes = (text: string) => new TextEncoder().encode(text)

/** The scanner's value for `text` pushed in pieces cut at `cuts` (byte offsets). */
function scan(text: string, cuts: number[] = []): unknown {
  const all = bytes(text)
  const s = new JsonScanner()
  let at = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    s.push(all.subarray(at, Math.max(at, cut)))
    at = Math.max(at, cut)
  }
  s.push(all.subarray(at))
  return s.end()
}

const BACKUP_LIKE = JSON.stringify({
  plans: [
    {
      plan: { id: 'p', name: 'Übergabe 🚚 "Straße" \\ , ] }', quarters: ['2026-Q1', '2026-Q2'] },
      allocations: [
        { id: 'a1', planId: 'p', share: 5000, note: 'a, b ] [ } {' },
        { id: 'a2', planId: 'p', share: 2500, tags: [[1, 2], { x: '\\"' }] }
      ],
      budgetLines: [],
      risks: [null, true, 1.5e3, -0, 'x']
    }
  ],
  history: [{ seq: 1, changes: [{ table: 'allocations', id: 'a1', before: null, after: { id: 'a1' } }] }],
  mappings: [{ id: 'm', mapping: { a: 'b', c: null }, options: {} }],
  settings: [
    { key: 'language', value: 'de' },
    { key: 'list', value: [1, [2, [3]]] }
  ]
})

describe('JsonScanner', () => {
  it('reads a backup-shaped text cut anywhere into what JSON.parse gives for it whole', () => {
    const text = BACKUP_LIKE
    const whole = JSON.parse(text) as unknown
    const n = bytes(text).length
    expect(scan(text)).toEqual(whole)
    for (let cut = 0; cut <= n; cut++) expect(scan(text, [cut])).toEqual(whole)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: n }), { maxLength: 30 }), (cuts) => {
        expect(scan(text, cuts)).toEqual(whole)
      })
    )
  })

  it('agrees with JSON.parse on any JSON value, cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom('', ' ', '\n\t '),
        (value, cuts, space) => {
          const text = space + JSON.stringify(value, null, space ? 1 : 0) + space
          const n = bytes(text).length
          expect(
            scan(
              text,
              cuts.map((c) => c % (n + 1))
            )
          ).toStrictEqual(JSON.parse(text))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('keeps "__proto__" an own key, as JSON.parse does', () => {
    const value = scan('{"a":[{"__proto__":{"x":1}}],"__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >
    expect(Object.keys(value)).toEqual(['a', '__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })

  it('refuses what JSON.parse refuses, cut anywhere', () => {
    const bad = [
      '',
      ' ',
      '{',
      '{"plans":[',
      '{"plans":[{"rows":[1,2,]}]}',
      '{"plans":[{"rows":[,1]}]}',
      '{"plans":[{"rows":[1,,2]}]}',
      '{"plans":[{"rows":[1 2]}]}',
      '{"plans":[{"rows":[{"a":1]}]}',
      '{"plans":[{"rows":[1}]}]}',
      '{"plans":[{"rows":["a]}]}',
      '{"plans":[1,]}',
      '{"plans":[,]}',
      '{"a":1,}',
      '{"a" 1}',
      '{a:1}',
      '{"a":tru}',
      '{"a":1}x',
      '{"a":1}{}',
      '[1][2]',
      '{"a":"\\x"}',
      '{"plans":[{"rows":["\\u12"]}]}',
      '{"a":01}',
      '{"a":[1}',
      '{"a":{"b":[1]]}'
    ]
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow()
      const n = bytes(text).length
      for (let cut = 0; cut <= n; cut++) expect(() => scan(text, [cut]), `${text} cut at ${cut}`).toThrow()
    }
  })

  it('refuses a piece as soon as it cannot go on as JSON, and everything after it', () => {
    const s = new JsonScanner()
    s.push(bytes('{"plans":[{"rows":[{"id":1},{"id":2},'))
    expect(() => s.push(bytes('{"id":3]},'))).toThrow(JsonSyntaxError)
    expect(() => s.push(bytes('{"id":4}]}]}'))).toThrow(JsonSyntaxError)
    expect(() => s.end()).toThrow(JsonSyntaxError)
  })
})
