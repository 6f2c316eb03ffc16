import { afterEach, describe, expect, it } from 'vitest'
import { describeEntry } from './describe-entry'
import { i18n } from '../i18n'
import '../lib/plan-labels'

const entry = (key: string, values: Record<string, string | number>) => ({
  kind: 'edit' as const,
  summary: { key, values }
})

describe('history sentences of the plan views', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('writes money as the rest of the app does ("€30,000", "30.000 €"), not "30,000.00 EUR"', async () => {
    await i18n.changeLanguage('en')
    expect(
      describeEntry(entry('history.budgetAmount', { title: 'CDN', amount: 30000, currency: 'EUR' }))
    ).toBe('Budget line “CDN” set to €30,000')
    await i18n.changeLanguage('de')
    expect(
      describeEntry(entry('history.budgetAmount', { title: 'CDN', amount: 30000, currency: 'CHF' }))
    ).toBe('Budgetposten „CDN“ auf 30.000\u00a0CHF gesetzt')
  })

  it('formats amounts and shares as numbers of the UI language', async () => {
    await i18n.changeLanguage('en')
    expect(
      describeEntry(entry('history.budgetAmount', { title: 'CDN', amount: 25000.5, currency: 'EUR' }))
    ).toBe('Budget line “CDN” set to €25,000.50')
    expect(
      describeEntry(entry('history.capacity', { role: 'DevOps Lead', quarter: 'Q4 2025', share: 12.5 }))
    ).toBe('Capacity of DevOps Lead in Q4 2025 set to 12.5%')
    await i18n.changeLanguage('de')
    expect(
      describeEntry(entry('history.budgetAmount', { title: 'CDN', amount: 25000.5, currency: 'EUR' }))
    ).toBe('Budgetposten „CDN“ auf 25.000,50\u00a0€ gesetzt')
    expect(
      describeEntry(entry('history.capacity', { role: 'DevOps Lead', quarter: 'Q4 2025', share: 12.5 }))
    ).toBe('Kapazität von DevOps Lead in Q4 2025 auf 12,5 % gesetzt')
  })

  it('names the impact level in the UI language', async () => {
    await i18n.changeLanguage('de')
    expect(describeEntry(entry('history.riskLevel', { title: 'R1', level: 'critical' }))).toBe(
      'Auswirkung von „R1“ auf Kritisch gesetzt'
    )
    await i18n.changeLanguage('en')
    expect(describeEntry(entry('history.riskLevel', { title: 'R1', level: 'high' }))).toBe(
      'Impact level of “R1” set to High'
    )
  })
})
