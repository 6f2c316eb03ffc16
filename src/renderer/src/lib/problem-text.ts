// A plan problem (src/shared/planning/problems.ts) in words, for the marker on a board chip and
// the problems list under both boards. Names are looked up in the plan the board holds.
import { useDeferredValue, useMemo, useRef } from 'react'
import { planProblems, problemsById, problemsOf, type PlanProblem } from '@shared/planning/problems'
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
    item: '{{quarter}} · {{what}}: {{reason}}'
  },
  de: {
    title: 'Probleme',
    count_one: '{{count}} Problem auf dieser Tafel',
    count_other: '{{count}} Probleme auf dieser Tafel',
    none: 'Keine Probleme: Jede Position und Zuteilung liegt in ihrer Phase, in den Monaten ihres Arbeitspakets und nach ihren Abhängigkeiten.',
    'line-outside-phase': 'Außerhalb von {{phase}} ({{range}})',
    'outside-workstream': 'Außerhalb der Monate von {{workstream}} ({{range}})',
    'before-dependency': 'Vor dem Ende von {{dependency}} ({{end}})',
    item: '{{quarter}} · {{what}}: {{reason}}'
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

/** One line of the problems list: where, what (the line, or the role and workstream) and why. */
export function problemItemText(list: readonly PlanProblem[], data: PlanData): string {
  const t = i18n.getFixedT(null, 'problems')
  const p = list[0]
  let what: string
  if (p.entity === 'budgetLine') what = data.budgetLines.find((l) => l.id === p.id)?.title ?? p.id
  else {
    const a = data.allocations.find((x) => x.id === p.id)
    const role = a ? (data.roles.find((r) => r.id === a.roleId)?.name ?? a.roleId) : p.id
    const ws = a ? (data.workstreams.find((w) => w.id === a.workstreamId)?.title ?? a.workstreamId) : ''
    what = ws ? `${role} · ${ws}` : role
  }
  return t('item', { what, quarter: formatQuarter(p.quarter), reason: chipProblemText(list, data) })
}

/** One line of a board's problems list; chipId is the allocation or budget line it marks. */
export type ProblemItem = { key: string; chipId: string; text: string }

export type BoardProblems = {
  /** Marker text per chip id. */
  byId: ReadonlyMap<string, string>
  items: ProblemItem[]
}

const EMPTY: BoardProblems = { byId: new Map(), items: [] }

/**
 * The problems a board marks and lists (allocations for the capacity board, budget lines for the
 * budget board). Checked on a deferred copy of the plan, so a drop shows first and its problems a
 * moment later; the result keeps its identity while the texts stay the same, so chips do not redraw.
 */
export function useBoardProblems(
  data: PlanData,
  entity: PlanProblem['entity'],
  language: string
): BoardProblems {
  const deferred = useDeferredValue(data)
  const last = useRef<{ sig: string; value: BoardProblems }>({ sig: '', value: EMPTY })
  return useMemo(() => {
    const list = problemsOf(planProblems(deferred), entity)
    const grouped = problemsById(list)
    const byId = new Map<string, string>()
    for (const [id, ps] of grouped) byId.set(id, chipProblemText(ps, deferred)!)
    // One item per chip, in the order of its first problem (by quarter).
    const items = [...grouped].map(([id, ps]) => ({
      key: id,
      chipId: id,
      text: problemItemText(ps, deferred)
    }))
    const sig = `${language}\n${items.map((x) => x.text).join('\n')}\n${[...byId].join('\n')}`
    if (sig !== last.current.sig) last.current = { sig, value: items.length ? { byId, items } : EMPTY }
    return last.current.value
  }, [deferred, entity, language])
}
