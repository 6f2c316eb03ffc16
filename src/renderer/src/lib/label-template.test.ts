import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { labelTemplate } from './label-template'

describe('labelTemplate', () => {
  it('fills values exactly as t() interpolates them, in any order and repeated', async () => {
    const i18n = i18next.createInstance()
    await i18n.init({
      lng: 'en',
      interpolation: { escapeValue: false },
      resources: {
        en: {
          translation: {
            cell: '{{role}}, {{quarter}}: {{allocated}} of {{capacity}} ({{pct}}){{state}}',
            swapped: '{{b}} before {{a}}, {{a}} again',
            plain: 'no values'
          }
        }
      }
    })
    const t = (key: string, values: Record<string, string>) => i18n.t(key, values)
    const values = {
      role: 'R&D <Lead> $1 {{x}}',
      quarter: 'Q1 2026',
      allocated: '1.5 FTE',
      capacity: '1 FTE',
      pct: '150%',
      state: ', over capacity'
    }
    const cell = labelTemplate(t, 'cell', ['role', 'quarter', 'allocated', 'capacity', 'pct', 'state'])
    expect(cell(values)).toBe(i18n.t('cell', values))
    expect(cell({ ...values, state: '' })).toBe(i18n.t('cell', { ...values, state: '' }))
    const swapped = labelTemplate(t, 'swapped', ['a', 'b'])
    expect(swapped({ a: 'A', b: 'B' })).toBe('B before A, A again')
    expect(labelTemplate(t, 'plain', [])({})).toBe('no values')
  })
})
