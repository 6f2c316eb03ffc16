// A plan problem (src/shared/planning/problems.ts) in words, for the marker on a board chip and
// the problems list under both boards. Names are looked up in the plan the board holds.
import type { PlanProblem } from '@shared/planning/problems'
import type { PlanData, QuarterKey } from '@shared/planning/types'
import { i18n, registerStrings } from '../i18n'
import { formatQuarter } from './format'

registerStrings('problems', {
  en: {
    title: 'Problems',
    count_one: '{{count}} problem on this board',
    count_other: '{{count}} problems on this board',
    none: 'No problems: every line and allocation sits within its phase, its workstream’s months and after its dependencies.',
    'line-outside-phase': 'Outside {{phase}} ({{range}})',
    'outside-workstream': 'Outside the months of {{workstream}} ({{range}})',
    'before-dependency': 'Before {{dependency}} ends ({{end}})',
    item: '{{what}}, {{quarter}}: {{reason}}'
  },
  de: {
    title: 'Probleme',
    count_one: '{{count}} Problem auf dieser Tafel',
    count_other: '{{count}} Probleme auf dieser Tafel',
    none: 'Keine Probleme: Jede Position und Zuteilung liegt in ihrer Phase, in den Monaten ihres Arbeitspakets und nach ihren Abhängigkeiten.',
    'line-outside-phase': 'Außerhalb von {{phase}} ({{range}})',
    'outside-workstream': 'Außerhalb der Monate von {{workstream}} ({{range}})',
    'before-dependency': 'Vor dem Ende von {{dependency}} ({{end}})',
    item: '{{what}}, {{quarter}}: {{reason}}'
  }
})

const range = (from: QuarterKey, to: QuarterKey) =>
  from === to ? formatQuarter(from) : `${formatQuarter(from)} – ${formatQuarter(to)}`

/** Why a chip is marked: "Outside Foundation (Q4 2025)". */
export function problemReason(p: PlanProblem, data: PlanData): string {
  const t = i18n.getFixedT(null, 'problems')
  const wsTitle = (id: string) => data.workstreams.find((w) => w.id === id)?.title ?? id
  switch (p.kind) {
    case 'line-outside-phase':
      return t(p.kind, {
        phase: data.phases.find((x) => x.id === p.phaseId)?.name ?? p.phaseId,
        range: range(p.phaseStart, p.phaseEnd)
      })
    case 'outside-workstream':
      return t(p.kind, { workstream: wsTitle(p.workstreamId), range: range(p.firstQuarter, p.lastQuarter) })
    case 'before-dependency':
      return t(p.kind, { dependency: wsTitle(p.dependsOnId), end: formatQuarter(p.dependencyEndQuarter) })
  }
}

/** The reasons of one chip's problems, joined: what its marker says on hover and to screen readers. */
export function chipProblemText(
  list: readonly PlanProblem[] | undefined,
  data: PlanData
): string | undefined {
  return list?.length ? list.map((p) => problemReason(p, data)).join('; ') : undefined
}

/** One line of the problems list: what (the line or the role and workstream), where and why. */
export function problemItemText(p: PlanProblem, data: PlanData): string {
  const t = i18n.getFixedT(null, 'problems')
  let what: string
  if (p.entity === 'budgetLine') what = data.budgetLines.find((l) => l.id === p.id)?.title ?? p.id
  else {
    const a = data.allocations.find((x) => x.id === p.id)
    const role = a ? (data.roles.find((r) => r.id === a.roleId)?.name ?? a.roleId) : p.id
    const ws = a ? (data.workstreams.find((w) => w.id === a.workstreamId)?.title ?? a.workstreamId) : ''
    what = ws ? `${role} · ${ws}` : role
  }
  return t('item', { what, quarter: formatQuarter(p.quarter), reason: problemReason(p, data) })
}
