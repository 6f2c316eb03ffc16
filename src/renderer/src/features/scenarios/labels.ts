// Sentences for dependency warnings, entities and apply problems, in the UI language.
import type { TFunction } from 'i18next'
import type { DependencyWarning } from '@shared/scenarios/compare-report'
import type { ApplyProblem } from '@shared/scenarios/to-base'
import type { Allocation, BudgetLine, HistoryEntry, PlanData } from '@shared/planning/types'
import { formatMonth, formatQuarter } from '../../lib/format'
import { describeEntry } from '../../shell/describe-entry'

export function warningText(t: TFunction, w: DependencyWarning): string {
  if (w.kind === 'schedule') {
    if (w.dependencyEnd === null) return t('dep.missing', { ws: w.workstream })
    return t('dep.schedule', {
      ws: w.workstream,
      start: formatMonth(w.start),
      dep: w.dependsOn,
      end: formatMonth(w.dependencyEnd)
    })
  }
  return t('dep.allocation', {
    ws: w.workstream,
    quarter: formatQuarter(w.quarter),
    dep: w.dependsOn,
    end: formatQuarter(w.dependencyEnd)
  })
}

/**
 * Every entity a scenario has or had, by id, so a label can be found for since-deleted ones too;
 * with the base's entities as well (ids differ between plans), which a problem may name.
 */
export function entityIndex(
  data: PlanData,
  history: readonly HistoryEntry[],
  base?: PlanData
): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>()
  for (const h of history) {
    for (const c of h.changes) {
      const e = (c.after ?? c.before) as Record<string, unknown> | null
      if (e && c.table !== 'plans') out.set(c.id, e)
    }
  }
  for (const t of [
    'phases',
    'workstreams',
    'roles',
    'allocations',
    'budgetLines',
    'risks',
    'deliverables'
  ] as const) {
    for (const e of data[t]) out.set(e.id, e as unknown as Record<string, unknown>)
    for (const e of base?.[t] ?? [])
      if (!out.has(e.id)) out.set(e.id, e as unknown as Record<string, unknown>)
  }
  return out
}

// Tables named as the comparison names them ('Workstream', 'Arbeitspaket'), not by their key.
const KINDS: Record<string, string> = {
  phases: 'phase',
  workstreams: 'workstream',
  roles: 'role',
  risks: 'risk',
  deliverables: 'deliverable'
}

export function entityText(
  t: TFunction,
  table: string,
  entity: unknown,
  index: Map<string, Record<string, unknown>>
): string {
  const name = (id: unknown) => {
    const e = typeof id === 'string' ? index.get(id) : undefined
    return String(e?.['name'] ?? e?.['key'] ?? e?.['title'] ?? id)
  }
  if (table === 'allocations') {
    const a = entity as Allocation
    return t('entity.allocation', {
      role: name(a.roleId),
      ws: name(a.workstreamId),
      quarter: formatQuarter(a.quarter)
    })
  }
  if (table === 'budgetLines') return t('entity.budgetLine', { title: (entity as BudgetLine).title })
  const e = entity as Record<string, unknown>
  const kind = KINDS[table]
  return t('entity.other', {
    table: kind ? t(`view.kind_${kind}`) : table,
    name: String(e?.['name'] ?? e?.['key'] ?? e?.['title'] ?? e?.['id'] ?? '')
  })
}

export function problemText(
  t: TFunction,
  p: ApplyProblem,
  history: readonly HistoryEntry[],
  index: Map<string, Record<string, unknown>>
): string {
  const entry = history.find((h) => h.seq === p.seq)
  const what =
    p.table === 'plans'
      ? t('problem.plan', { fields: (p.fields ?? []).join(', ') })
      : entityText(t, p.table, p.entity, index)
  const ref = p.reference
    ? entityText(t, p.reference.table, index.get(p.reference.id) ?? { id: p.reference.id }, index)
    : ''
  const sentence = t(`problem.${p.reason}`, { what, ref })
  return entry ? `${t('problem.entry', { what: describeEntry(entry) })} — ${sentence}` : sentence
}
