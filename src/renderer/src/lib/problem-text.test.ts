import { afterAll, describe, expect, it } from 'vitest'
import type { PlanProblem } from '@shared/planning/problems'
import type { Allocation, BudgetLine } from '@shared/planning/types'
import { i18n } from '../i18n'
import { formatQuarter } from './format'
import { chipProblemText, problemItemText, problemReason, type NameSource } from './problem-text'

// Names that i18next's own interpolation would treat specially if they were templates.
const data = {
  phases: [{ id: 'p1', name: 'Foundation {{x}} $1' }],
  workstreams: [
    { id: 'w1', title: 'Scale & <Ops>' },
    { id: 'w2', title: 'Data $& Platform' }
  ],
  roles: [{ id: 'r1', name: 'DevOps Lead' }]
} as unknown as NameSource

const outsidePhase: PlanProblem = {
  kind: 'line-outside-phase',
  entity: 'budgetLine',
  id: 'l1',
  phaseId: 'p1',
  quarter: '2026-Q3',
  phaseStart: '2025-Q4',
  phaseEnd: '2026-Q1'
}
const outsideWorkstream: PlanProblem = {
  kind: 'outside-workstream',
  entity: 'allocation',
  id: 'a1',
  workstreamId: 'w1',
  quarter: '2026-Q3',
  firstQuarter: '2026-Q1',
  lastQuarter: '2026-Q1'
}
const beforeDependency: PlanProblem = {
  kind: 'before-dependency',
  entity: 'allocation',
  id: 'a1',
  workstreamId: 'w1',
  dependsOnId: 'w2',
  quarter: '2026-Q3',
  dependencyEndQuarter: '2026-Q4'
}
const allocation = { id: 'a1', roleId: 'r1', workstreamId: 'w1', quarter: '2026-Q3' } as unknown as Allocation
const line = {
  id: 'l1',
  title: 'Cloud {{credits}}',
  phaseId: 'p1',
  quarter: '2026-Q3'
} as unknown as BudgetLine

const t = (key: string, values: Record<string, string>) => i18n.t(key, { ns: 'problems', ...values })

describe('problem texts', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it.each(['en', 'de'])('say in %s exactly what i18next makes of each sentence', async (lng) => {
    await i18n.changeLanguage(lng)
    const q = formatQuarter
    expect(problemReason(outsidePhase, data)).toBe(
      t('line-outside-phase', { phase: 'Foundation {{x}} $1', range: `${q('2025-Q4')} – ${q('2026-Q1')}` })
    )
    expect(problemReason(outsideWorkstream, data)).toBe(
      t('outside-workstream', { workstream: 'Scale & <Ops>', range: q('2026-Q1') })
    )
    expect(problemReason(beforeDependency, data)).toBe(
      t('before-dependency', { dependency: 'Data $& Platform', end: q('2026-Q4') })
    )
    const both = chipProblemText([outsideWorkstream, beforeDependency], data)
    expect(both).toBe(`${problemReason(outsideWorkstream, data)}; ${problemReason(beforeDependency, data)}`)
    expect(problemItemText([outsideWorkstream, beforeDependency], data, allocation)).toBe(
      t('item', { quarter: q('2026-Q3'), what: 'DevOps Lead · Scale & <Ops>', reason: both! })
    )
    expect(problemItemText([outsidePhase], data, line)).toBe(
      t('item', {
        quarter: q('2026-Q3'),
        what: 'Cloud {{credits}}',
        reason: problemReason(outsidePhase, data)
      })
    )
  })

  it('follow a change of language', async () => {
    await i18n.changeLanguage('en')
    const en = problemReason(outsidePhase, data)
    await i18n.changeLanguage('de')
    const de = problemReason(outsidePhase, data)
    expect(en).toMatch(/^Outside /)
    expect(de).toMatch(/^Außerhalb von /)
  })
})
