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
    item: '{{quarter}} · {{what}}: {{reason}}',
    more: 'The first {{shown}} are listed; every marked chip on the board shows its problem.'
  },
  de: {
    title: 'Probleme',
    count_one: '{{count}} Problem auf dieser Tafel',
    count_other: '{{count}} Probleme auf dieser Tafel',
    none: 'Keine Probleme: Jede Position und Zuteilung liegt in ihrer Phase, in den Monaten ihres Arbeitspakets und nach ihren Abhängigkeiten.',
    'line-outside-phase': 'Außerhalb von {{phase}} ({{range}})',
    'outside-workstream': 'Außerhalb der Monate von {{workstream}} ({{range}})',
    'before-dependency': 'Vor dem Ende von {{dependency}} ({{end}})',
    item: '{{quarter}} · {{what}}: {{reason}}',
    more: 'Die ersten {{shown}} sind aufgeführt; jede markierte Karte auf der Tafel zeigt ihr Problem.'
  }
})

type Names = {
  workstreams: Map<string, PlanData['workstreams'][number]>
  phases: Map<string, PlanData['phases'][number]>
  roles: Map<string, PlanData['roles'][number]>
  allocations: Map<string, PlanData['allocations'][number]>
  lines: Map<string, PlanData['budgetLines'][number]>
}
// Lookups by id, built once per plan object: a big plan has as many problems as allocations, and
// searching the arrays for each one made the list quadratic.
const namesCache = new WeakMap<PlanData, Names>()
function names(data: PlanData): Names {
  let n = namesCache.get(data)
  if (!n) {
    n = {
      workstreams: new Map(data.workstreams.map((x) => [x.id, x])),
      phases: new Map(data.phases.map((x) => [x.id, x])),
      roles: new Map(data.roles.map((x) => [x.id, x])),
      allocations: new Map(data.allocations.map((x) => [x.id, x])),
      lines: new Map(data.budgetLines.map((x) => [x.id, x]))
    }
    namesCache.set(data, n)
  }
  return n
}

/** How many problems the list under a board shows; the chips carry every marker. */
export const LISTED_PROBLEMS = 100

const range = (from: QuarterKey, to: QuarterKey) =>
  from === to ? formatQuarter(from) : `${formatQuarter(from)} – ${formatQuarter(to)}`

/** Why a chip is marked: "Outside Foundation (Q4 2025)". */
export function problemReason(p: PlanProblem, data: PlanData): string {
  const t = i18n.getFixedT(null, 'problems')
  const n = names(data)
  const wsTitle = (id: string) => n.workstreams.get(id)?.title ?? id
  switch (p.kind) {
    case 'line-outside-phase':
      return t(p.kind, {
        phase: n.phases.get(p.phaseId)?.name ?? p.phaseId,
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
  const n = names(data)
  let what: string
  if (p.entity === 'budgetLine') what = n.lines.get(p.id)?.title ?? p.id
  else {
    const a = n.allocations.get(p.id)
    const role = a ? (n.roles.get(a.roleId)?.name ?? a.roleId) : p.id
    const ws = a ? (n.workstreams.get(a.workstreamId)?.title ?? a.workstreamId) : ''
    what = ws ? `${role} · ${ws}` : role
  }
  return t('item', { what, quarter: formatQuarter(p.quarter), reason: chipProblemText(list, data) })
}

/** One line of a board's problems list; chipId is the allocation or budget line it marks. */
export type ProblemItem = { key: string; chipId: string; text: string }

export type BoardProblems = {
  /** Marker text per chip id. */
  byId: ReadonlyMap<string, string>
  /** The first LISTED_PROBLEMS chips with problems, in board order. */
  items: ProblemItem[]
  /** How many chips have problems. */
  total: number
}

const EMPTY: BoardProblems = { byId: new Map(), items: [], total: 0 }

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
    const items: ProblemItem[] = []
    for (const [id, ps] of grouped) {
      if (items.length === LISTED_PROBLEMS) break
      items.push({ key: id, chipId: id, text: problemItemText(ps, deferred) })
    }
    const sig = `${language}\n${items.map((x) => x.text).join('\n')}\n${[...byId].join('\n')}`
    if (sig !== last.current.sig)
      last.current = { sig, value: items.length ? { byId, items, total: grouped.size } : EMPTY }
    return last.current.value
  }, [deferred, entity, language])
}
