// Carrying a scenario's content back onto its base. A scenario's entities have their own ids
// (Dexie keys are unique across plans) and remember their root entity in originId, so every
// scenario id is translated to the base entity with the same origin; entities the scenario
// created get one fresh base id each, remembered for the whole operation.
import { deepEqual, findConflicts, applyChanges } from '../planning/changes'
import { newId as randomId } from '../planning/ids'
import type { EntityChange, EntityOf, EntityTable, HistoryEntry, Plan, PlanData } from '../planning/types'
import { ENTITY_TABLES, isSideTable } from '../planning/types'
import { referencesOf, strandedReferences } from '../planning/references'

type Keyed = { id: string; originId?: string }
type AnyEntity = EntityOf<EntityTable>

/** Plan fields that describe the plan as a record, not its content: never carried over. */
export const PLAN_IDENTITY_FIELDS = [
  'id',
  'name',
  'baseId',
  'branchedAtSeq',
  'archived',
  'builtin',
  'createdAt',
  'updatedAt'
] as const satisfies readonly (keyof Plan)[]

const keyOf = (e: Keyed): string => e.originId ?? e.id

/**
 * Translates scenario entity ids into base entity ids. `scenarioEntities` must hold every
 * entity the scenario ever had that a change may mention (current rows and the before/after
 * rows of its history), so references to since-deleted entities still resolve.
 */
export class BaseIdMapper {
  private readonly baseByKey = new Map<string, Keyed>()
  private readonly scenarioKey = new Map<string, string>()
  private readonly created = new Map<string, string>()
  private readonly resolved = new Map<string, Keyed | null>()

  constructor(
    private readonly base: PlanData,
    scenarioEntities: Iterable<Keyed>,
    private readonly makeId: () => string = randomId
  ) {
    for (const t of ENTITY_TABLES) {
      for (const e of base[t] as Keyed[]) {
        // The base's own id is a key too: a scenario of a root plan has originId = base id.
        if (!this.baseByKey.has(keyOf(e))) this.baseByKey.set(keyOf(e), e)
        if (!this.baseByKey.has(e.id)) this.baseByKey.set(e.id, e)
      }
    }
    for (const e of scenarioEntities) if (!this.scenarioKey.has(e.id)) this.scenarioKey.set(e.id, keyOf(e))
  }

  /** The base entity a scenario id stands for, or undefined when the base has none. */
  baseEntityOf(scenarioId: string): Keyed | undefined {
    // Each id is asked for several times (its own id, origin, and as a reference): resolve once.
    let found = this.resolved.get(scenarioId)
    if (found === undefined) {
      found = this.baseByKey.get(this.scenarioKey.get(scenarioId) ?? scenarioId) ?? null
      this.resolved.set(scenarioId, found)
    }
    return found ?? undefined
  }

  /** Base id for a scenario id: the paired base entity's id, else one fresh id per scenario id. */
  id(scenarioId: string): string {
    const found = this.baseEntityOf(scenarioId)
    if (found) return found.id
    let id = this.created.get(scenarioId)
    if (!id) {
      id = this.makeId()
      this.created.set(scenarioId, id)
    }
    return id
  }

  /**
   * The originId the base copy carries: the paired base entity's own (absent on a root plan),
   * or, for an entity new to the base, the scenario's key, so later comparisons and applies
   * pair the two again.
   */
  originId(scenarioId: string): string | undefined {
    const found = this.baseEntityOf(scenarioId)
    if (found) return found.originId
    return this.scenarioKey.get(scenarioId) ?? scenarioId
  }

  /** A scenario entity rewritten as the base's: ids, planId and every reference translated. */
  entity<T extends EntityTable>(table: T, e: EntityOf<T>): EntityOf<T> {
    // A shallow copy is enough: every field this rewrites is replaced, never mutated in place,
    // and nested values (criteria, capacities) are written as they are.
    // Built without `delete`, which would drop V8's fast object shape for 30,000 rows.
    const { originId: _omit, ...rest } = e as AnyEntity
    const origin = this.originId(e.id)
    const out = (
      origin === undefined
        ? { ...rest, id: this.id(e.id), planId: this.base.plan.id }
        : { ...rest, id: this.id(e.id), planId: this.base.plan.id, originId: origin }
    ) as AnyEntity
    const ref = (id: string) => this.id(id)
    const refOrNull = (id: string | null) => (id === null ? null : this.id(id))
    switch (table) {
      case 'workstreams': {
        const w = out as EntityOf<'workstreams'>
        w.phaseId = ref(w.phaseId)
        w.dependsOn = w.dependsOn.map(ref)
        break
      }
      case 'allocations': {
        const a = out as EntityOf<'allocations'>
        a.roleId = ref(a.roleId)
        a.workstreamId = ref(a.workstreamId)
        break
      }
      case 'budgetLines': {
        const l = out as EntityOf<'budgetLines'>
        l.phaseId = ref(l.phaseId)
        l.workstreamId = refOrNull(l.workstreamId)
        break
      }
      case 'risks': {
        const r = out as EntityOf<'risks'>
        r.phaseIds = r.phaseIds.map(ref)
        r.workstreamIds = r.workstreamIds.map(ref)
        break
      }
      case 'dependencies': {
        const d = out as EntityOf<'dependencies'>
        d.workstreamId = refOrNull(d.workstreamId)
        d.phaseId = refOrNull(d.phaseId)
        break
      }
      case 'deliverables': {
        const d = out as EntityOf<'deliverables'>
        d.workstreamId = refOrNull(d.workstreamId)
        break
      }
    }
    return out as EntityOf<T>
  }
}

/** Every entity a scenario has or had: its rows and the before/after rows of its history. */
export function scenarioEntitiesOf(scenario: PlanData, history: readonly HistoryEntry[]): Keyed[] {
  const out: Keyed[] = []
  for (const t of ENTITY_TABLES) out.push(...(scenario[t] as Keyed[]))
  for (const h of history) {
    for (const c of h.changes) {
      if (c.table === 'plans') continue
      if (c.before) out.push(c.before)
      if (c.after) out.push(c.after)
    }
  }
  return out
}

function contentFields(before: Plan, after: Plan): (keyof Plan)[] {
  const skip = new Set<string>(PLAN_IDENTITY_FIELDS)
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Plan)[])
  return [...keys].filter((k) => !skip.has(k) && !deepEqual(before[k], after[k]))
}

function withFields(plan: Plan, source: Plan, fields: (keyof Plan)[]): Plan {
  const out = { ...plan } as Record<string, unknown>
  for (const f of fields) out[f] = structuredClone(source[f])
  return out as Plan
}

/**
 * The changes that make the base's content equal to the scenario's: entities paired by
 * origin are updated, the rest created or deleted, and the plan's content fields (budget,
 * soft cap, quarters, mission...) copied; its name and identity stay the base's.
 */
export function baselineChanges(
  base: PlanData,
  scenario: PlanData,
  history: readonly HistoryEntry[] = [],
  makeId?: () => string
): EntityChange[] {
  const mapper = new BaseIdMapper(base, scenarioEntitiesOf(scenario, history), makeId)
  const changes: EntityChange[] = []
  const fields = contentFields(base.plan, scenario.plan)
  if (fields.length > 0) {
    changes.push({
      table: 'plans',
      id: base.plan.id,
      before: base.plan,
      after: withFields(base.plan, scenario.plan, fields)
    })
  }
  for (const t of ENTITY_TABLES) {
    const mapped = new Map<string, AnyEntity>()
    for (const e of scenario[t] as AnyEntity[]) {
      const m = mapper.entity(t, e as never) as AnyEntity
      mapped.set(m.id, m)
    }
    const current = new Map((base[t] as AnyEntity[]).map((e) => [e.id, e]))
    for (const [id, before] of current) {
      const after = mapped.get(id)
      if (!after) changes.push({ table: t, id, before, after: null } as EntityChange)
      else if (!deepEqual(before, after)) changes.push({ table: t, id, before, after } as EntityChange)
    }
    for (const [id, after] of mapped) {
      if (!current.has(id)) changes.push({ table: t, id, before: null, after } as EntityChange)
    }
  }
  return changes
}

export type ApplyProblemReason =
  /** The base no longer has the entity the entry changed. */
  | 'missing-in-base'
  /** The base's entity differs from what the scenario had when it made the change. */
  | 'changed-in-base'
  /** The base already looks like the entry's result. */
  | 'already-applied'
  /** The entry creates something the base already has. */
  | 'exists-in-base'
  /** After applying, an entity points at something the base does not have. */
  | 'missing-reference'
  /** The entry removes something the base has since given new referents (work on a removed role). */
  | 'still-referenced'

export type ApplyProblem = {
  seq: number
  reason: ApplyProblemReason
  table: EntityChange['table']
  /** The scenario's version of the entity (after, else before), for labelling it. */
  entity: unknown
  /** The base's current version (null when absent). */
  current: unknown
  /** Plan fields concerned, for plan-row changes. */
  fields?: string[]
  /**
   * For missing-reference: the table and scenario-side id referred to. For still-referenced: the
   * base entity (table and base id) that would be left pointing at what the entry removes.
   */
  reference?: { table: EntityTable; id: string }
}

export type EntriesOntoBase = {
  /** The translated changes of the chosen entries, in history order. Empty when problems exist. */
  changes: EntityChange[]
  problems: ApplyProblem[]
  /** seqs actually used (chosen, found and not undone), oldest first. */
  seqs: number[]
}

/**
 * Translates chosen entries of a scenario's history onto its base and checks each change
 * against the base as it is now (findConflicts, in order, so an entity touched by two chosen
 * entries is judged by the first's result). Any problem means nothing may be applied.
 * `history` is the scenario's whole history (for resolving ids of since-deleted entities).
 */
export function entriesOntoBase(
  base: PlanData,
  scenario: PlanData,
  history: readonly HistoryEntry[],
  chosenSeqs: readonly number[],
  makeId?: () => string
): EntriesOntoBase {
  const mapper = new BaseIdMapper(base, scenarioEntitiesOf(scenario, history), makeId)
  const chosen = new Set(chosenSeqs)
  const entries = history
    .filter((h) => h.seq !== undefined && chosen.has(h.seq) && !h.undone)
    .sort((a, b) => a.seq! - b.seq!)
  const changes: EntityChange[] = []
  const origin: { seq: number; source: EntityChange; fields?: string[] }[] = []
  let runningPlan = base.plan
  for (const h of entries) {
    for (const c of h.changes) {
      // Actuals belong to the base plan (a scenario reads them there): nothing to carry over.
      if (isSideTable(c.table)) continue
      if (c.table === 'plans') {
        // Only the content fields this change touched travel; renames and bookkeeping stay.
        if (!c.before || !c.after) continue
        const fields = contentFields(c.before, c.after)
        if (fields.length === 0) continue
        const before = withFields(runningPlan, c.before, fields)
        const after = withFields(runningPlan, c.after, fields)
        runningPlan = after
        changes.push({ table: 'plans', id: base.plan.id, before, after })
        origin.push({ seq: h.seq!, source: c, fields })
        continue
      }
      const before = c.before ? mapper.entity(c.table, c.before as never) : null
      const after = c.after ? mapper.entity(c.table, c.after as never) : null
      changes.push({ table: c.table, id: mapper.id(c.id), before, after } as EntityChange)
      origin.push({ seq: h.seq!, source: c })
    }
  }
  const problems: ApplyProblem[] = []
  for (const conflict of findConflicts(base, changes, 'before')) {
    const { seq, source, fields } = origin[conflict.index]
    const mapped = changes[conflict.index]
    let reason: ApplyProblemReason
    if (mapped.after !== null && deepEqual(conflict.current, mapped.after)) reason = 'already-applied'
    else if (conflict.expected === null) reason = 'exists-in-base'
    else if (conflict.current === null) reason = 'missing-in-base'
    else reason = 'changed-in-base'
    problems.push({
      seq,
      reason,
      table: source.table,
      entity: source.after ?? source.before,
      current: conflict.current,
      ...(fields ? { fields: fields as string[] } : {})
    })
  }
  if (problems.length === 0 && changes.length > 0) {
    // Dangling references: an entry refers to something created by an entry not chosen.
    const result = applyChanges(base, changes)
    const ids = new Map(ENTITY_TABLES.map((t) => [t, new Set((result[t] as AnyEntity[]).map((e) => e.id))]))
    changes.forEach((c, i) => {
      if (c.table === 'plans' || isSideTable(c.table) || c.after === null) return
      if (!ids.get(c.table)!.has(c.id)) return
      const source = origin[i].source
      const sourceAfter = source.after as AnyEntity
      const scenarioRefs = referencesOf(c.table, sourceAfter)
      referencesOf(c.table, c.after as AnyEntity).forEach((r, k) => {
        if (ids.get(r.table)!.has(r.id)) return
        problems.push({
          seq: origin[i].seq,
          reason: 'missing-reference',
          table: c.table,
          entity: sourceAfter,
          current: null,
          reference: scenarioRefs[k]
        })
      })
    })
    // What the chosen entries remove may have gained referents in the base since the branch (an
    // allocation on a removed workstream): the entry's own cascade never saw them.
    for (const st of strandedReferences(result, changes)) {
      problems.push({
        seq: origin[st.change].seq,
        reason: 'still-referenced',
        table: changes[st.change].table,
        entity: origin[st.change].source.before,
        current: (result[st.by.table] as AnyEntity[]).find((e) => e.id === st.by.id) ?? null,
        reference: st.by
      })
    }
  }
  return { changes: problems.length ? [] : changes, problems, seqs: entries.map((h) => h.seq!) }
}
