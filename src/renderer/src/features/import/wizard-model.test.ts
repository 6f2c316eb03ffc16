import { describe, expect, it } from 'vitest'
import type { ColumnMapping } from '@shared/import/types'
import type { MappingSuggestion } from '@shared/import/mapping'
import {
  recallMapping,
  recalledScaleByHand,
  redetectScale,
  rememberedEncoding,
  rememberMapping
} from './wizard-model'

const mapping: ColumnMapping = {
  kind: 'budget',
  columns: { phase: 0, workstream: 1, quarter: 2, amount: 5, title: 4 },
  numberStyle: 'de',
  shareScale: 'auto',
  defaultCurrency: 'EUR'
}
const headers = [
  'Phase',
  'Arbeitspaket',
  'Quartal',
  'Kategorie',
  'Leistungsbeschreibung',
  'Betrag',
  'Währung'
]

describe('remembered mappings', () => {
  it('round-trip through header names and survive a moved column', () => {
    const stored = rememberMapping('L1-x', headers, mapping, 4)
    expect(stored.mapping).toMatchObject({ amount: 'Betrag', title: 'Leistungsbeschreibung' })
    expect(recallMapping(stored, headers, { ...mapping, numberStyle: 'auto' })).toEqual(mapping)
    const moved = ['Betrag', ...headers.filter((h) => h !== 'Betrag')]
    expect(recallMapping(stored, moved, mapping)?.columns.amount).toBe(0)
  })
  it('are not used when a mapped column is gone', () => {
    const stored = rememberMapping('L1-x', headers, mapping, 4)
    expect(recallMapping(stored, headers.slice(0, 3), mapping)).toBeNull()
  })
  it('keep the encoding and the wide-layout choices', () => {
    const wide: ColumnMapping = { ...mapping, layout: 'wide', monthLines: true, year: 2026 }
    const stored = rememberMapping('L1-x', headers, wide, 4, 'windows-1252')
    expect(stored.options).toMatchObject({
      encoding: 'windows-1252',
      layout: 'wide',
      monthLines: true,
      year: 2026
    })
    expect(recallMapping(stored, headers, mapping)).toEqual(wide)
  })
  it('keep the unit amounts are written in, also "as written" over a unit the next file names', () => {
    const thousands = rememberMapping('L1-x', headers, { ...mapping, amountScale: 1000 }, 4)
    // Before, the recalled mapping dropped the unit and a TEUR sheet came in 1,000 times too small.
    expect(recallMapping(thousands, headers, mapping)).toEqual({ ...mapping, amountScale: 1000 })
    const asWritten = rememberMapping('L1-x', headers, mapping, 4)
    expect(asWritten.options['amountScale']).toBe(1)
    expect(recallMapping(asWritten, headers, { ...mapping, amountScale: 1000 })).toEqual(mapping)
    // Entries stored before the unit was kept take what this file names.
    const old = { ...asWritten, options: { ...asWritten.options, amountScale: undefined } }
    expect(recallMapping(old, headers, { ...mapping, amountScale: 1_000_000 })?.amountScale).toBe(1_000_000)
  })
})

describe('rememberedEncoding', () => {
  const stored = rememberMapping('L1-x', headers, mapping, 1, 'iso-8859-15')
  it('reads a text file again in the encoding its layout was last imported in', () => {
    expect(rememberedEncoding(stored, 'windows-1252')).toBe('iso-8859-15')
  })
  it('leaves it when detection agrees, for workbooks, and for unknown or missing encodings', () => {
    expect(rememberedEncoding(stored, 'iso-8859-15')).toBeNull()
    expect(rememberedEncoding(stored, null)).toBeNull()
    expect(rememberedEncoding(rememberMapping('L1-x', headers, mapping, 1), 'utf-8')).toBeNull()
    expect(rememberedEncoding({ options: { encoding: 'koi8-r' } }, 'utf-8')).toBeNull()
  })
  it('a remembered workstream for rows without one comes back with the mapping', () => {
    const allocs: ColumnMapping = {
      ...mapping,
      kind: 'allocations',
      columns: { role: 0, quarter: 2 },
      defaultWorkstream: 'betrieb'
    }
    const back = recallMapping(rememberMapping('L1-y', headers, allocs, 1), headers, mapping)
    expect(back?.defaultWorkstream).toBe('betrieb')
  })
})

describe('redetectScale', () => {
  // "Plan (TEUR)" in E, "Ist" in F without a unit; nothing above the table.
  const cols = ['Phase', 'Quartal', 'Kategorie', 'Titel', 'Plan (TEUR)', 'Ist']
  const teur = { scale: 1000, where: 'header', text: 'Plan (TEUR)' } as const
  const read = {
    headers: cols,
    suggestion: { scale: teur, tableScale: null } as Pick<
      MappingSuggestion,
      'scale' | 'tableScale'
    > as MappingSuggestion
  }
  const plan: ColumnMapping = { ...mapping, columns: { phase: 0, quarter: 1, amount: 4 }, amountScale: 1000 }
  it('a new amount column takes the unit its title names, or none', () => {
    const ist = redetectScale(plan, { ...plan, columns: { ...plan.columns, amount: 5 } }, read, false)
    expect(ist.amountScale).toBeUndefined()
    const back = redetectScale(ist, { ...ist, columns: { ...ist.columns, amount: 4 } }, read, false)
    expect(back.amountScale).toBe(1000)
  })
  it('a unit named above the table holds for any amount column without its own', () => {
    const above = {
      ...read,
      suggestion: { ...read.suggestion, tableScale: { ...teur, scale: 1_000_000 as const } }
    }
    expect(
      redetectScale(plan, { ...plan, columns: { ...plan.columns, amount: 5 } }, above, false).amountScale
    ).toBe(1_000_000)
  })
  it('switching allocations to budget lines applies the unit; other changes leave it', () => {
    const allocs: ColumnMapping = { ...mapping, kind: 'allocations', columns: { role: 0, quarter: 1 } }
    expect(redetectScale(allocs, { ...plan, amountScale: undefined }, read, false).amountScale).toBe(1000)
    expect(
      redetectScale(plan, { ...plan, amountScale: undefined, numberStyle: 'en' }, read, false).amountScale
    ).toBeUndefined()
  })
  it('a unit the user chose by hand stays, and is remembered as such', () => {
    const chosen = { ...plan, amountScale: 1_000_000 as const }
    expect(
      redetectScale(chosen, { ...chosen, columns: { ...plan.columns, amount: 5 } }, read, true).amountScale
    ).toBe(1_000_000)
    expect(recalledScaleByHand(rememberMapping('L1-x', cols, chosen, 1, null, true))).toBe(true)
    expect(recalledScaleByHand(rememberMapping('L1-x', cols, chosen, 1))).toBe(false)
  })
})
