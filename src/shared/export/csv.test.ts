import { describe, expect, it } from 'vitest'
import { smallPlan } from '../../../test/support/testing'
import { boardCsv, escapeCsvText } from './csv'

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://example.com","x")', `"'=HYPERLINK(""http://example.com"",""x"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTab', `"'\tTab"`],
    ['\rCR', `"'\rCR"`],
    ['plain, with "quotes"', `"plain, with ""quotes"""`],
    ['', '""']
  ])('escapes %j as OWASP advises', (input, expected) => {
    expect(escapeCsvText(input)).toBe(expected)
  })

  it('writes the team board with the role named like a formula as inert text', () => {
    const plan = smallPlan()
    plan.roles[0] = { ...plan.roles[0], name: '=HYPERLINK("http://example.com","x")' }
    const csv = boardCsv(plan, 'team', 'en')
    expect(csv.startsWith('\uFEFF"Role","Workstream","Q4 2025"')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""x"")","Allocated",1.00,0.25,0.00`)
    expect(csv).not.toMatch(/(^|[,\r\n])=/)
    expect(csv).not.toContain('qm:')
  })

  it('writes the budget board with German separators and keeps negative amounts numeric', () => {
    const plan = smallPlan()
    plan.budgetLines[0] = { ...plan.budgetLines[0], amountCents: -123_456, title: '-Gutschrift' }
    const csv = boardCsv(plan, 'budget', 'de')
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      '\uFEFF"Phase / Position";"Kategorie";"Arbeitspaket";"Währung";"Q4 2025";"Q1 2026";"Q2 2026";"Q3 2026";"Summe";"Summe (EUR)";"Obergrenze (EUR)";"Verbleibend (EUR)"'
    )
    expect(lines).toContain(`"'-Gutschrift";"tools";"a";"EUR";-1234,56;;;;-1234,56;-1234,56;;`)
  })
})
