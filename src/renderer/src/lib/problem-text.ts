// A plan problem (src/shared/planning/problems.ts) in words, for the marker on a board chip and
// the problems list under both boards. Names are looked up in the plan the board holds; the
// problems themselves come from the plan's problem index (src/shared/planning/problem-index.ts).
import {
  createContext,
  useContext,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import type { PlanProblem } from '@shared/planning/problems'
import {
  buildProblemIndexStepwise,
  firstProblemChips,
  type ChipProblems,
  type ProblemIndex
} from '@shared/planning/problem-index'
import { adoptProblemIndex, findProblemIndex } from '@shared/planning/known-problems'
import { FOLLOW_IN_RENDER } from './use-sliced-index'
import type { Allocation, BudgetLine, PlanData, QuarterKey } from '@shared/planning/types'
import { i18n, registerStrings } from '../i18n'
import { formatQuarter } from './format'
import { labelTemplate } from './label-template'
import { nextTask, runSliced, SLICE_MS } from './sliced'
import { runFor, runToEnd, type Stepwise } from '@shared/stepwise'

registerStrings('problems', {
  en: {
    title: 'Problems',
    count_one: '{{count, number}} problem on this board',
    count_other: '{{count, number}} problems on this board',
    none: 'No problems: every line and allocation sits within its phase, its workstream’s months and after its dependencies.',
    'line-outside-phase': 'Outside {{phase}} ({{range}})',
    'outside-workstream': 'Outside the months of {{workstream}} ({{range}})',
    'before-dependency': 'Before {{dependency}} ends ({{end}})',
    item: '{{quarter}} · {{what}}: {{reason}}',
    more: 'The first {{shown, number}} are listed; every marked chip on the board shows its problem.'
  },
  de: {
    title: 'Probleme',
    count_one: '{{count, number}} Problem auf dieser Tafel',
    count_other: '{{count, number}} Probleme auf dieser Tafel',
    none: 'Keine Probleme: Jede Position und Zuteilung liegt in ihrer Phase, in den Monaten ihres Arbeitspakets und nach ihren Abhängigkeiten.',
    'line-outside-phase': 'Außerhalb von {{phase}} ({{range}})',
    'outside-workstream': 'Außerhalb der Monate von {{workstream}} ({{range}})',
    'before-dependency': 'Vor dem Ende von {{dependency}} ({{end}})',
    item: '{{quarter}} · {{what}}: {{reason}}',
    more: 'Die ersten {{shown, number}} sind aufgeführt; jede markierte Karte auf der Tafel zeigt ihr Problem.'
  }
})

type Names = {
  workstreams: Map<string, PlanData['workstreams'][number]>
  phases: Map<string, PlanData['phases'][number]>
  roles: Map<string, PlanData['roles'][number]>
}
/** Where a problem's names come from: the plan's workstreams, phases and roles. */
export type NameSource = Pick<PlanData, 'workstreams' | 'phases' | 'roles'>
// Lookups by id, built once per array: a big plan has as many problems as allocations, and
// searching the arrays for each one made the list quadratic. Keyed by the arrays rather than the
// plan, which is a new object after every drop.
const byIdCache = new WeakMap<readonly { id: string }[], Map<string, unknown>>()
function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  let m = byIdCache.get(rows)
  if (!m) byIdCache.set(rows, (m = new Map(rows.map((x) => [x.id, x]))))
  return m as Map<string, T>
}
const names = (data: NameSource): Names => ({
  workstreams: byId(data.workstreams),
  phases: byId(data.phases),
  roles: byId(data.roles)
})

/** How many problems the list under a board shows; the chips carry every marker. */
export const LISTED_PROBLEMS = 100

const range = (from: QuarterKey, to: QuarterKey) =>
  from === to ? formatQuarter(from) : `${formatQuarter(from)} – ${formatQuarter(to)}`

// Each sentence compiled once per language (label-template.ts): the list's 100 items called
// i18next's t() twice each, most of the board's problems task while the 1,000-role plan opened.
const SENTENCES = {
  'line-outside-phase': ['phase', 'range'],
  'outside-workstream': ['workstream', 'range'],
  'before-dependency': ['dependency', 'end'],
  item: ['quarter', 'what', 'reason']
} as const
type Sentence = keyof typeof SENTENCES
type Fill<K extends Sentence> = (values: Record<(typeof SENTENCES)[K][number], string>) => string
const compiled = new Map<string, Fill<Sentence>>()
function sentence<K extends Sentence>(key: K): Fill<K> {
  const id = `${i18n.language}\u0000${key}`
  let fill = compiled.get(id)
  if (!fill) {
    const t = i18n.getFixedT(null, 'problems')
    compiled.set(
      id,
      (fill = labelTemplate((k, values) => t(k, values), key, SENTENCES[key]) as Fill<Sentence>)
    )
  }
  return fill as Fill<K>
}

/** Why a chip is marked: "Outside Foundation (Q4 2025)". */
export function problemReason(p: PlanProblem, data: NameSource): string {
  const n = names(data)
  const wsTitle = (id: string) => n.workstreams.get(id)?.title ?? id
  switch (p.kind) {
    case 'line-outside-phase':
      return sentence(p.kind)({
        phase: n.phases.get(p.phaseId)?.name ?? p.phaseId,
        range: range(p.phaseStart, p.phaseEnd)
      })
    case 'outside-workstream':
      return sentence(p.kind)({
        workstream: wsTitle(p.workstreamId),
        range: range(p.firstQuarter, p.lastQuarter)
      })
    case 'before-dependency':
      return sentence(p.kind)({
        dependency: wsTitle(p.dependsOnId),
        end: formatQuarter(p.dependencyEndQuarter)
      })
  }
}

/** The reasons of one chip's problems, joined: what its marker says on hover and to screen readers. */
export function chipProblemText(
  list: readonly PlanProblem[] | undefined,
  data: NameSource
): string | undefined {
  return list?.length ? list.map((p) => problemReason(p, data)).join('; ') : undefined
}

/**
 * One line of the problems list: where, what (the line, or the role and workstream) and why.
 * `chip` is the line or allocation the problems are about.
 */
export function problemItemText(
  list: readonly PlanProblem[],
  data: NameSource,
  chip: Allocation | BudgetLine | undefined
): string {
  const p = list[0]!
  const n = names(data)
  let what: string
  if (p.entity === 'budgetLine') what = (chip as BudgetLine | undefined)?.title ?? p.id
  else {
    const a = chip as Allocation | undefined
    const role = a ? (n.roles.get(a.roleId)?.name ?? a.roleId) : p.id
    const ws = a ? (n.workstreams.get(a.workstreamId)?.title ?? a.workstreamId) : ''
    what = ws ? `${role} · ${ws}` : role
  }
  return sentence('item')({ what, quarter: formatQuarter(p.quarter), reason: chipProblemText(list, data)! })
}

/** One line of a board's problems list; chipId is the allocation or budget line it marks. */
export type ProblemItem = { key: string; chipId: string; text: string }

export type BoardProblems = {
  /** Marker text of a chip (undefined without problems), put in words when a chip asks for it. */
  textOf: (id: string) => string | undefined
  /** The first LISTED_PROBLEMS chips with problems, in board order. */
  items: ProblemItem[]
  /** How many chips have problems. */
  total: number
  /**
   * Whether the problems of the plan shown are still being found (a big plan's first build, or
   * one after other phases or workstreams): meanwhile the problems last known, or none, are shown.
   */
  pending: boolean
}

const EMPTY: BoardProblems = { textOf: () => undefined, items: [], total: 0, pending: false }
const EMPTY_PENDING: BoardProblems = { ...EMPTY, pending: true }

/**
 * The marker texts of a board's chips, one object for the board's life: a chip reads its own
 * (useChipProblem) and renders again only when that text changes. Handed down as a prop, every
 * commit's new problems made every chip on screen render again, twice per drop.
 */
export type ProblemTexts = {
  textOf: (id: string) => string | undefined
  subscribe: (listener: () => void) => () => void
}

const NO_TEXTS: ProblemTexts = { textOf: () => undefined, subscribe: () => () => undefined }

/** The board's ProblemTexts: its chips (inside the provider) read their marker from it. */
export const ProblemTextsContext = createContext<ProblemTexts>(NO_TEXTS)

/** The marker text of one chip, from the board's ProblemTextsContext. */
export function useChipProblem(id: string): string | undefined {
  const texts = useContext(ProblemTextsContext)
  return useSyncExternalStore(texts.subscribe, () => texts.textOf(id))
}

/**
 * A ProblemTexts that follows `problems`: one object for the board's life, whose chips learn of new
 * texts once the render that brings them is committed (before the screen is painted): a chip whose
 * marker changed renders again then, the others not at all.
 */
export function useProblemTexts(problems: BoardProblems): ProblemTexts {
  const [store] = useState(() => textsStore(problems.textOf))
  useLayoutEffect(() => store.show(problems.textOf), [store, problems.textOf])
  return store.texts
}

/** The store behind ProblemTexts: `show` puts new texts in and tells the chips that listen. */
function textsStore(initial: BoardProblems['textOf']) {
  let shown = initial
  const listeners = new Set<() => void>()
  return {
    texts: {
      textOf: (id: string) => shown(id),
      subscribe: (listener: () => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      }
    } satisfies ProblemTexts,
    show(textOf: BoardProblems['textOf']) {
      if (textOf === shown) return
      shown = textOf
      for (const l of listeners) l()
    }
  }
}

/** A fresh check begun for a plan (in a render, or by the board's effect) and whether tasks go on with it. */
type Work = { steps: Stepwise<ProblemIndex>; taken: boolean }
// Keyed by the plan object: a render that runs the first slice and the effect that goes on with
// the rest share the steps, whichever render of that plan began them.
const begunWork: Record<PlanProblem['entity'], WeakMap<PlanData, Work>> = {
  allocation: new WeakMap(),
  budgetLine: new WeakMap()
}
function workFor(data: PlanData, entity: PlanProblem['entity']): Work {
  let work = begunWork[entity].get(data)
  if (!work) {
    work = { steps: buildProblemIndexStepwise(data, entity), taken: false }
    begunWork[entity].set(data, work)
  }
  return work
}

/**
 * The problem index of `data` if it is known or follows from a known one by a few changes (a drop),
 * or, with `quick`, when a fresh check ends within its first slice; else undefined (checked in tasks).
 */
function problemIndexNow(
  data: PlanData,
  entity: PlanProblem['entity'],
  quick: boolean
): ProblemIndex | undefined {
  const found = findProblemIndex(data, entity)
  if (found && 'index' in found) return found.index.index
  // A big commit (an import, its undo) is checked afresh a slice per task instead: followed here,
  // its changes were one long task of the render.
  if (found && found.changes <= FOLLOW_IN_RENDER) return runToEnd(found.steps()).index
  if (!quick) return undefined
  const work = workFor(data, entity)
  if (work.taken) return undefined
  const end = runFor(work.steps, SLICE_MS)
  if (!end) return undefined
  begunWork[entity].delete(data)
  adoptProblemIndex(data, entity, end.value)
  return end.value
}

/**
 * The problems a board marks and lists (allocations for the capacity board, budget lines for the
 * budget board). Checked on a deferred copy of the plan, so a drop shows first and its problems a
 * moment later: by the changes the drop made when they are known, else checked afresh a slice per
 * task. Texts are made only for what is shown: the chips on screen ask for theirs, and the list
 * takes its first LISTED_PROBLEMS.
 *
 * With `quick`, a fresh check runs its first slice in the render: a small plan's problems are then
 * there in its first frame (never `pending` for a frame). Without, the render leaves it all to the
 * tasks after it (a big plan's first rows, whose render has no time to spare).
 *
 * A render keeps nothing of its own: indexes are kept by the rows they are of (known-problems.ts),
 * so every render of the same plan, committed or not, finds the same index.
 */
export function useBoardProblems(
  data: PlanData,
  entity: PlanProblem['entity'],
  language: string,
  quick = false
): BoardProblems {
  const deferred = useDeferredValue(data)
  // One more whenever a check in tasks has ended: the render then finds its index.
  const [built, setBuilt] = useState(0)
  const followed = useMemo(
    () => problemIndexNow(deferred, entity, quick),
    [deferred, built, quick, entity] // eslint-disable-line react-hooks/exhaustive-deps
  )
  // Whether a check runs in tasks, and how to stop it: the effects' own, never read in a render.
  const building = useRef(false)
  const abort = useRef<AbortController | null>(null)
  useEffect(
    () => () => {
      abort.current?.abort()
      building.current = false
    },
    []
  )
  useEffect(() => {
    // One check at a time, not stopped by a change of the plan meanwhile: that one is followed
    // from the checked one when it can be, else checked next.
    if (followed || building.current) return
    building.current = true
    const signal = (abort.current = new AbortController()).signal
    const target = deferred
    const work = workFor(target, entity)
    work.taken = true
    // From the next task: this effect may run in the task of the render that brought the plan.
    void nextTask()
      .then(() => runSliced(work.steps, signal))
      .then((index) => {
        building.current = false
        begunWork[entity].delete(target)
        adoptProblemIndex(target, entity, index)
        setBuilt((n) => n + 1)
      })
  }, [followed, deferred, built, entity])
  // While a check runs, the problems of the rows these derive from (or of the same rows under other
  // phases or workstreams) stay shown.
  const index = useMemo(() => {
    if (followed) return followed
    const last = findProblemIndex(deferred, entity, true)
    return last && ('index' in last ? last.index.index : last.base.index)
  }, [followed, deferred, entity])
  const version = index?.version
  const { workstreams, phases, roles } = deferred
  // A chip's text is kept while its problem list stays (an apply replaces only the lists it changes).
  const texts = useMemo(
    () => ({
      chip: new WeakMap<ChipProblems, string>(),
      item: new WeakMap<ChipProblems, { chip: unknown; text: string }>()
    }),
    [language, workstreams, phases, roles] // eslint-disable-line react-hooks/exhaustive-deps
  )
  const pending = followed === undefined
  return useMemo(() => {
    if (!index || index.counts[entity] === 0) return pending ? EMPTY_PENDING : EMPTY
    const source: NameSource = { workstreams, phases, roles }
    const textOf = (id: string) => {
      const list = index.byId.get(id)
      if (!list || list[0]!.entity !== entity) return undefined
      let text = texts.chip.get(list)
      if (text === undefined) texts.chip.set(list, (text = chipProblemText(list, source)!))
      return text
    }
    // An item's text is made again only when its chip or its problems changed.
    const itemText = (id: string) => {
      const list = index.byId.get(id)!
      const chip = entity === 'allocation' ? index.allocations.get(id) : index.lines.get(id)
      const known = texts.item.get(list)
      if (known && known.chip === chip) return known.text
      const text = problemItemText(list, source, chip)
      texts.item.set(list, { chip, text })
      return text
    }
    const items = firstProblemChips(index, entity, LISTED_PROBLEMS).map((id) => ({
      key: id,
      chipId: id,
      text: itemText(id)
    }))
    return { textOf, items, total: index.counts[entity], pending }
  }, [index, version, entity, texts, pending]) // eslint-disable-line react-hooks/exhaustive-deps
}
