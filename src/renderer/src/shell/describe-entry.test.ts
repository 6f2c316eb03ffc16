import { afterEach, describe, expect, it } from 'vitest'
import { describeEntry } from './describe-entry'
import { i18n } from '../i18n'
import '../lib/plan-labels'
import { budgetMoveSummary } from '../lib/history-summaries'
import { smallPlan } from '../../../../test/support/testing'

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

  it('a schedule change from the Timeline names its month in the UI language', async () => {
    const schedule = entry('history.schedule', { workstream: 'leistung', month: '2026-03', weeks: 6 })
    await i18n.changeLanguage('en')
    expect(describeEntry(schedule)).toBe('Schedule of leistung: starts Mar 2026, 6 weeks')
    await i18n.changeLanguage('de')
    expect(describeEntry(schedule)).toBe('Zeitplan von leistung: Beginn März 2026, 6 Wochen')
  })

  it('a scenario’s quick edits store values and read in the UI language; entries stored as text still read', async () => {
    const share = entry('history.quickMoveAllocation', {
      pct: 12.5,
      role: 'DevOps Lead',
      from: 'Q4 2025',
      to: 'Q1 2026'
    })
    const reschedule = entry('history.quickRescheduleMonth', { ws: 'leistung', month: '2026-03', weeks: 6 })
    await i18n.changeLanguage('en')
    expect(describeEntry(share)).toBe('Moved 12.5% of DevOps Lead from Q4 2025 to Q1 2026')
    expect(describeEntry(reschedule)).toBe('Rescheduled leistung to start Mar 2026 for 6 weeks')
    await i18n.changeLanguage('de')
    expect(describeEntry(share)).toBe('12,5 % von DevOps Lead von Q4 2025 nach Q1 2026 verschoben')
    expect(describeEntry(reschedule)).toBe('leistung neu geplant: Beginn März 2026, 6 Wochen')
    // Written before entries stored values: the text as it was stored.
    const old = entry('history.quickMoveShare', {
      share: '25 %',
      role: 'DevOps Lead',
      from: 'Q4 2025',
      to: 'Q1 2026'
    })
    expect(describeEntry(old)).toBe('25 % von DevOps Lead von Q4 2025 nach Q1 2026 verschoben')
    await i18n.changeLanguage('en')
    expect(describeEntry(old)).toBe('Moved 25 % of DevOps Lead from Q4 2025 to Q1 2026')
    expect(
      describeEntry(entry('history.quickReschedule', { ws: 'leistung', start: 'März 2026', weeks: 6 }))
    ).toBe('Rescheduled leistung to start März 2026 for 6 weeks')
  })

  it('a budget line moved to another category row names the category in the UI language, not its key', async () => {
    const data = smallPlan()
    const line = data.budgetLines[0]! // l1: phase ph1, workstream a, tools
    const toConsulting = {
      kind: 'move' as const,
      summary: budgetMoveSummary(data, line, { category: 'consulting' }, 20_000)
    }
    const toNoWorkstream = {
      kind: 'move' as const,
      summary: budgetMoveSummary(data, line, { workstreamId: null, category: 'tools' }, 20_000)
    }
    await i18n.changeLanguage('en')
    expect(describeEntry(toConsulting)).toBe('Moved €200 of “l1” to a / Consulting (Phase 1, Q4 2025)')
    expect(describeEntry(toNoWorkstream)).toBe(
      'Moved €200 of “l1” to Tools without a workstream (Phase 1, Q4 2025)'
    )
    await i18n.changeLanguage('de')
    expect(describeEntry(toConsulting)).toBe(
      '200\u00a0€ von „l1“ nach a / Beratung (Phase 1, Q4 2025) verschoben'
    )
    expect(describeEntry(toNoWorkstream)).toBe(
      '200\u00a0€ von „l1“ nach Werkzeuge ohne Arbeitspaket (Phase 1, Q4 2025) verschoben'
    )
    // Entries written before the category was stored apart: the key in the stored row is named too.
    const old = entry('history.moveLineRow', {
      amount: 200,
      currency: 'EUR',
      line: 'l1',
      toRow: 'a / tools',
      toPhase: 'Phase 1',
      to: 'Q4 2025'
    })
    expect(describeEntry(old)).toBe('200\u00a0€ von „l1“ nach a / Werkzeuge (Phase 1, Q4 2025) verschoben')
  })

  it('a metric’s status reads in the UI language', async () => {
    const status = entry('history.metricStatus', { text: 'Uptime 99.9%', status: 'met' })
    await i18n.changeLanguage('en')
    expect(describeEntry(status)).toBe('Metric “Uptime 99.9%” set to Met')
    await i18n.changeLanguage('de')
    expect(describeEntry(status)).toBe('Kennzahl „Uptime 99.9%“ auf Erreicht gesetzt')
  })
})
