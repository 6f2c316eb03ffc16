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
  applyProblemChanges,
  buildProblemIndexStepwise,
  firstProblemChips,
  problemIndexFits,
  type ChipProblems,
  type ProblemIndex
} from '@shared/planning/problem-index'
import { derivationChanges } from '@shared/planning/plan-index'
import { FOLLOW_IN_RENDER } from './use-sliced-index'
import type { Allocation, BudgetLine, PlanData, QuarterKey } from '@shared/planning/types'
import { i18n, registerStrings } from '../i18n'
import { formatQuarter } from './format'
import { labelTemplate } from './label-template'
import { nextTask, runSliced, SLICE_MS } from './sliced'
import { runFor, type Stepwise } from '@shared/stepwise'

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
 * A ProblemTexts that follows `problems`: read as they are during the render that brings them (the
 * chips rendered in it see them), and announced after it to the chips that did not render.
 */
export function useProblemTexts(problems: BoardProblems): ProblemTexts {
  const [store] = useState(() => {
    const listeners = new Set<() => void>()
    const current = { textOf: problems.textOf }
    return {
      current,
      listeners,
      texts: {
        textOf: (id: string) => current.textOf(id),
        subscribe: (listener: () => void) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        }
      } satisfies ProblemTexts
    }
  })
  store.current.textOf = problems.textOf
  useLayoutEffect(() => {
    for (const l of store.listeners) l()
  }, [store, problems.textOf])
  return store.texts
}

/** The index and the arrays it is up to date with. */
type Followed = {
  index: ProblemIndex
  allocations: PlanData['allocations']
  lines: PlanData['budgetLines']
}

/**
 * The index for `data` from `prev` by the changes of the commits between them; undefined when they
 * are not known (rows read again from the database, other phases or workstreams).
 */
function follow(prev: Followed | null, data: PlanData): Followed | undefined {
  if (!prev || !problemIndexFits(prev.index, data)) return undefined
  if (prev.allocations === data.allocations && prev.lines === data.budgetLines) return prev
  const byAllocations = derivationChanges(prev.allocations, data.allocations)
  const byLines = derivationChanges(prev.lines, data.budgetLines)
  if (!byAllocations || !byLines) return undefined
  // A big commit (an import, its undo) is checked afresh a slice per task instead: followed here,
  // its changes were one long task of the render.
  let changes = 0
  for (const list of [...byAllocations, ...byLines]) changes += list.length
  if (changes > FOLLOW_IN_RENDER) return undefined
  let index = prev.index
  // A commit that wrote both tables is in both chains: each chain gives its own table's changes.
  for (const changes of byAllocations)
    index = applyProblemChanges(
      index,
      changes.filter((c) => c.table === 'allocations')
    )
  for (const changes of byLines)
    index = applyProblemChanges(
      index,
      changes.filter((c) => c.table === 'budgetLines')
    )
  return { index, allocations: data.allocations, lines: data.budgetLines }
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
 */
export function useBoardProblems(
  data: PlanData,
  entity: PlanProblem['entity'],
  language: string,
  quick = false
): BoardProblems {
  const deferred = useDeferredValue(data)
  const current = useRef<Followed | null>(null)
  const building = useRef(false)
  // A check begun in the render that did not end in its slice: the effect goes on with it.
  const begun = useRef<{ target: PlanData; steps: Stepwise<ProblemIndex> } | null>(null)
  const [built, setBuilt] = useState(0)
  // `built` runs the follow again once a build has ended.
  const followed = useMemo(() => {
    const next = follow(current.current, deferred)
    if (next) return (current.current = next)
    if (!quick || building.current || begun.current?.target === deferred) return undefined
    const steps = buildProblemIndexStepwise(deferred, entity)
    const end = runFor(steps, SLICE_MS)
    if (!end) {
      begun.current = { target: deferred, steps }
      return undefined
    }
    begun.current = null
    return (current.current = {
      index: end.value,
      allocations: deferred.allocations,
      lines: deferred.budgetLines
    })
  }, [deferred, built, quick]) // eslint-disable-line react-hooks/exhaustive-deps
  const abort = useRef<AbortController | null>(null)
  useEffect(
    () => () => {
      abort.current?.abort()
      building.current = false
    },
    []
  )
  useEffect(() => {
    // One build at a time, not stopped by a change of the plan meanwhile: that one is followed
    // from the built one when it can be, else built next.
    if (followed || building.current) return
    building.current = true
    const signal = (abort.current = new AbortController()).signal
    const target = deferred
    const steps =
      begun.current?.target === target ? begun.current.steps : buildProblemIndexStepwise(target, entity)
    begun.current = null
    // From the next task: this effect may run in the task of the render that brought the plan.
    void nextTask()
      .then(() => runSliced(steps, signal))
      .then((index) => {
        building.current = false
        current.current = { index, allocations: target.allocations, lines: target.budgetLines }
        setBuilt((n) => n + 1)
      })
  }, [followed, deferred, built, entity])
  // While a build runs, the problems last known stay shown.
  const shown = followed ?? current.current
  const index = shown?.index
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
  // The list as last shown: kept, items and all, while a commit leaves its first chips as they were.
  const lastItems = useRef<ProblemItem[]>([])
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
    const ids = firstProblemChips(index, entity, LISTED_PROBLEMS)
    const last = lastItems.current
    const items =
      ids.length === last.length &&
      ids.every((id, i) => last[i]!.chipId === id && last[i]!.text === itemText(id))
        ? last
        : ids.map((id) => ({ key: id, chipId: id, text: itemText(id) }))
    lastItems.current = items
    return { textOf, items, total: index.counts[entity], pending }
  }, [index, version, entity, texts, pending]) // eslint-disable-line react-hooks/exhaustive-deps
}
