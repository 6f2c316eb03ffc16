// Re-importing an allocation workbook someone edited in Excel: the values they can see
// (read by main from the Budget and Team allocation sheets) are compared with the plan the
// hidden sheet carries (what was exported), and each edit becomes one reviewable change
// against the plan as it is now. Pure: ids for new allocations come from the caller.
import { applyChanges } from '../planning/changes'
import type {
  Allocation,
  BudgetLine,
  Currency,
  EntityChange,
  Plan,
  PlanData,
  QuarterKey,
  Role
} from '../planning/types'
import { CURRENCIES, FULL_FTE } from '../planning/types'
import { validatePlanSettings } from '../planning/edit'
import { capacityOf } from '../planning/utilization'
import { TEXT_MAX } from '../limits'
import { clipText } from './layout'

/** What main read from the visible sheets. Money in cents, shares in basis points, cells as "C7". */
export type VisibleValues = {
  budgetLines: {
    id: string
    cell: string
    title: string
    category: string
    currency: string
    /** Non-empty quarter cells of the line's row. */
    amounts: { quarter: QuarterKey; cents: number; cell: string }[]
  }[]
  phases: { id: string; capCents: number; cell: string }[]
  /** Every quarter cell of every workstream row under a role, blank cells as 0. */
  allocations: { roleId: string; workstreamId: string; quarter: QuarterKey; shareBp: number; cell: string }[]
  capacities: { roleId: string; quarter: QuarterKey; capacityBp: number; cell: string }[]
  /**
   * Each role row's person and open position: openFrom null is someone on the team, 'start' an
   * open position from the plan's first quarter, a quarter the one the hire starts; absent when
   * the cell could not be read (listed in unreadable).
   */
  roles: {
    id: string
    personName: string
    personCell: string
    openFrom?: QuarterKey | 'start' | null
    openCell: string
  }[]
  /** Plan settings the summary and budget sheets show. Money in cents, the soft cap in bp. */
  settings: { field: SettingField; value: number | string; cell: string }[]
  /** Cells that held something that is not a number (or quarter) where one belongs. */
  unreadable: { sheet: 'team' | 'budget' | 'summary'; cell: string; text: string }[]
}

export type SettingField = 'name' | 'totalBudget' | 'rate' | 'softCap' | 'notes'

export type ExportChangeKind =
  | 'amount'
  | 'quarter'
  | 'line-edit'
  | 'line-removed'
  | 'share'
  | 'capacity'
  | 'cap'
  | 'role-edit'
  | 'settings'
export type ExportField =
  | 'amount'
  | 'quarter'
  | 'title'
  | 'category'
  | 'currency'
  | 'share'
  | 'capacity'
  | 'cap'
  | 'person'
  | 'openPosition'
  | SettingField

export type ExportChange = {
  /** Stable within one diff, for lists and accept/reject state. */
  key: string
  kind: ExportChangeKind
  sheet: 'team' | 'budget' | 'summary'
  /** Where the edit is in the workbook, e.g. "F12". */
  cell: string
  /** Budget line title, phase name, or role and workstream names. */
  label: string
  /** Field-level detail: values now in the app (from) and in the file (to). Money in cents, shares in bp. */
  fields: {
    field: ExportField
    quarter?: QuarterKey
    from: number | string | null
    to: number | string | null
  }[]
  currency?: Currency
  /** The app's value had also changed since the export: accepting overwrites that change. */
  conflict: boolean
  /** Applying these (e.g. with commitChanges) carries the edit into the plan. */
  changes: EntityChange[]
}

export type ExportWarningCode =
  | 'split-line'
  | 'unknown-currency'
  | 'missing-in-plan'
  | 'unreadable-cell'
  | 'negative-share'
  | 'other-plan'
  | 'refused-value'

export type ExportWarning = { code: ExportWarningCode; cell: string; message: string }

export type ExportDiff = { changes: ExportChange[]; warnings: ExportWarning[] }

export type DiffOptions = { newId: () => string }

const pairKey = (roleId: string, workstreamId: string, quarter: string) =>
  `${roleId}\u0000${workstreamId}\u0000${quarter}`

/**
 * Edits in the file (visible vs stored) as changes to `current`. Budget lines: amount, quarter
 * (the amount sits in another quarter column), title, category, currency; a line row deleted in
 * the file is offered as a deletion. Team: each share cell, each role's capacities. Phases: caps.
 */
export function diffExport(
  stored: PlanData,
  visible: VisibleValues,
  current: PlanData,
  options: DiffOptions
): ExportDiff {
  const changes: ExportChange[] = []
  const warnings: ExportWarning[] = []
  for (const u of visible.unreadable) {
    warnings.push({
      code: 'unreadable-cell',
      cell: u.cell,
      message: `Cell ${u.cell} on the ${u.sheet} sheet holds "${u.text.slice(0, 40)}", not a ${u.cell.startsWith('B') && u.sheet === 'summary' ? 'number' : 'number or quarter'}; it was left out.`
    })
  }
  if (stored.plan.id !== current.plan.id) {
    warnings.push({
      code: 'other-plan',
      cell: '',
      message: `The file was exported from the plan "${stored.plan.name}", not from "${current.plan.name}".`
    })
  }
  diffSettings(stored, visible, current, changes, warnings)
  diffBudget(stored, visible, current, changes, warnings)
  diffTeam(stored, visible, current, changes, warnings, options)
  diffRoles(stored, visible, current, changes, warnings)
  return { changes, warnings }
}

const SETTING_KEYS = {
  name: 'name',
  totalBudget: 'totalBudgetCents',
  rate: 'chfToEur',
  softCap: 'softCapBp',
  notes: 'notes'
} as const satisfies Record<SettingField, keyof Plan>

/** Name, total budget, CHF rate, soft cap and notes edited in the file: one change to the plan row. */
function diffSettings(
  stored: PlanData,
  visible: VisibleValues,
  current: PlanData,
  changes: ExportChange[],
  warnings: ExportWarning[]
) {
  const patch: Partial<Plan> = {}
  const fields: ExportChange['fields'] = []
  let conflict = false
  let cell = ''
  for (const v of visible.settings) {
    const key = SETTING_KEYS[v.field]
    const was = stored.plan[key]
    // A text longer than a cell holds was clipped on export: the clipped form is no edit.
    const same = typeof was === 'string' ? v.value === clipText(was) : v.value === was
    if (same) continue
    const problems = validatePlanSettings({
      [key]: typeof was === 'string' ? String(v.value).trim() : v.value
    })
    if (Object.keys(problems).length) {
      warnings.push({
        code: 'refused-value',
        cell: v.cell,
        message: `Cell ${v.cell} holds "${String(v.value).slice(0, 40)}", which the plan's ${v.field === 'rate' ? 'CHF rate' : v.field === 'softCap' ? 'soft cap' : v.field === 'totalBudget' ? 'total budget' : v.field} cannot take (${Object.values(problems)[0]}); it was left out.`
      })
      continue
    }
    const value = typeof was === 'string' ? String(v.value).trim() : v.value
    Object.assign(patch, { [key]: value })
    fields.push({ field: v.field, from: current.plan[key] as number | string, to: value })
    if (current.plan[key] !== was) conflict = true
    cell ||= v.cell
  }
  if (!fields.length) return
  const after: Plan = { ...current.plan, ...patch }
  changes.push({
    key: 'settings',
    kind: 'settings',
    sheet: 'summary',
    cell,
    label: current.plan.name,
    fields,
    currency: 'EUR',
    conflict,
    changes: [{ table: 'plans', id: current.plan.id, before: current.plan, after }]
  })
}

/** A person's name or an open position edited on a role's row. */
function diffRoles(
  stored: PlanData,
  visible: VisibleValues,
  current: PlanData,
  changes: ExportChange[],
  warnings: ExportWarning[]
) {
  const storedRoles = new Map(stored.roles.map((r) => [r.id, r]))
  const currentRoles = new Map(current.roles.map((r) => [r.id, r]))
  const first = stored.plan.quarters[0]
  // Where the hire starts, as the sheet writes it (null: on the team).
  const startOf = (r: Role): QuarterKey | null => (r.openPosition ? (r.hireQuarter ?? first ?? null) : null)
  for (const v of visible.roles) {
    const was = storedRoles.get(v.id)
    if (!was) continue
    const patch: Partial<Role> = {}
    const fields: ExportChange['fields'] = []
    const now = currentRoles.get(v.id)
    if (v.personName !== clipText(was.personName ?? '').trim()) {
      if (v.personName.length > TEXT_MAX.name) {
        warnings.push({
          code: 'refused-value',
          cell: v.personCell,
          message: `The person's name in ${v.personCell} is longer than ${TEXT_MAX.name} characters; it was left out.`
        })
      } else {
        patch.personName = v.personName
        fields.push({ field: 'person', from: now?.personName ?? '', to: v.personName })
      }
    }
    if (v.openFrom !== undefined) {
      const to = v.openFrom === 'start' ? (first ?? null) : v.openFrom
      if (to !== startOf(was)) {
        if (to !== null && !stored.plan.quarters.includes(to)) {
          warnings.push({
            code: 'refused-value',
            cell: v.openCell,
            message: `The hire quarter in ${v.openCell} is outside the plan's quarters; it was left out.`
          })
        } else {
          patch.openPosition = to !== null
          patch.hireQuarter = to === null || to === first ? null : to
          fields.push({ field: 'openPosition', from: now ? startOf(now) : null, to })
        }
      }
    }
    if (!fields.length) continue
    if (!now) {
      warnings.push({
        code: 'missing-in-plan',
        cell: v.personCell,
        message: `The role "${was.name}" no longer exists in the plan.`
      })
      continue
    }
    const after: Role = { ...now, ...patch }
    if (!after.personName) delete after.personName
    if (!after.openPosition) {
      delete after.openPosition
      delete after.hireQuarter
    }
    changes.push({
      key: `role:${v.id}`,
      kind: 'role-edit',
      sheet: 'team',
      cell: fields[0].field === 'person' ? v.personCell : v.openCell,
      label: now.name,
      fields,
      conflict:
        (patch.personName !== undefined && (now.personName ?? '') !== (was.personName ?? '')) ||
        (patch.openPosition !== undefined && startOf(now) !== startOf(was)),
      changes: [{ table: 'roles', id: v.id, before: now, after }]
    })
  }
}

function diffBudget(
  stored: PlanData,
  visible: VisibleValues,
  current: PlanData,
  changes: ExportChange[],
  warnings: ExportWarning[]
) {
  const storedLines = new Map(stored.budgetLines.map((l) => [l.id, l]))
  const currentLines = new Map(current.budgetLines.map((l) => [l.id, l]))
  const seen = new Set<string>()
  for (const v of visible.budgetLines) {
    const was = storedLines.get(v.id)
    if (!was) continue
    seen.add(v.id)
    if (v.amounts.length > 1) {
      warnings.push({
        code: 'split-line',
        cell: v.cell,
        message: `"${v.title}" (row ${v.cell.replace(/^[A-Z]+/, '')}) has amounts in ${v.amounts.length} quarters; a line belongs to one quarter, so this row was left out.`
      })
      continue
    }
    const quarter = v.amounts.length ? v.amounts[0].quarter : was.quarter
    const cents = v.amounts.length ? v.amounts[0].cents : 0
    const cell = v.amounts.length ? v.amounts[0].cell : v.cell
    let currency = was.currency
    if (v.currency !== was.currency) {
      if ((CURRENCIES as readonly string[]).includes(v.currency)) currency = v.currency as Currency
      else {
        warnings.push({
          code: 'unknown-currency',
          cell: v.cell,
          message: `"${v.currency}" is not a currency the plan knows (EUR, CHF); the currency of "${v.title}" was kept.`
        })
      }
    }
    const edited: Partial<BudgetLine> = {}
    if (cents !== was.amountCents) edited.amountCents = cents
    if (quarter !== was.quarter) edited.quarter = quarter
    // A text longer than a cell holds was clipped on export: the clipped form is no edit.
    if (v.title !== clipText(was.title)) edited.title = v.title
    if (v.category !== clipText(was.category)) edited.category = v.category
    if (currency !== was.currency) edited.currency = currency
    const keys = Object.keys(edited) as (keyof BudgetLine)[]
    if (!keys.length) continue
    const now = currentLines.get(v.id)
    if (!now) {
      warnings.push({
        code: 'missing-in-plan',
        cell,
        message: `"${v.title}" was edited in the file but no longer exists in the plan; the edit was left out.`
      })
      continue
    }
    const after: BudgetLine = { ...now, ...edited }
    const fieldName: Record<string, ExportField> = {
      amountCents: 'amount',
      quarter: 'quarter',
      title: 'title',
      category: 'category',
      currency: 'currency'
    }
    changes.push({
      key: `line:${v.id}`,
      kind:
        edited.quarter !== undefined ? 'quarter' : edited.amountCents !== undefined ? 'amount' : 'line-edit',
      sheet: 'budget',
      cell,
      label: now.title,
      fields: keys.map((k) => ({
        field: fieldName[k],
        from: now[k] as number | string,
        to: after[k] as number | string
      })),
      currency: after.currency,
      conflict: keys.some((k) => now[k] !== was[k]),
      changes: [{ table: 'budgetLines', id: v.id, before: now, after }]
    })
  }
  // A line row deleted in the file: offered as a deletion, so the user decides.
  for (const was of stored.budgetLines) {
    if (seen.has(was.id)) continue
    const now = currentLines.get(was.id)
    if (!now) continue
    changes.push({
      key: `line-removed:${was.id}`,
      kind: 'line-removed',
      sheet: 'budget',
      cell: '',
      label: now.title,
      fields: [{ field: 'amount', quarter: now.quarter, from: now.amountCents, to: null }],
      currency: now.currency,
      conflict: now.amountCents !== was.amountCents || now.quarter !== was.quarter,
      changes: [{ table: 'budgetLines', id: now.id, before: now, after: null }]
    })
  }
  const storedPhases = new Map(stored.phases.map((p) => [p.id, p]))
  const currentPhases = new Map(current.phases.map((p) => [p.id, p]))
  for (const v of visible.phases) {
    const was = storedPhases.get(v.id)
    if (!was || v.capCents === was.capCents) continue
    const now = currentPhases.get(v.id)
    if (!now) {
      warnings.push({
        code: 'missing-in-plan',
        cell: v.cell,
        message: `The phase "${was.name}" no longer exists in the plan.`
      })
      continue
    }
    changes.push({
      key: `cap:${v.id}`,
      kind: 'cap',
      sheet: 'budget',
      cell: v.cell,
      label: now.name,
      fields: [{ field: 'cap', from: now.capCents, to: v.capCents }],
      currency: 'EUR',
      conflict: now.capCents !== was.capCents,
      changes: [{ table: 'phases', id: now.id, before: now, after: { ...now, capCents: v.capCents } }]
    })
  }
}

function diffTeam(
  stored: PlanData,
  visible: VisibleValues,
  current: PlanData,
  changes: ExportChange[],
  warnings: ExportWarning[],
  options: DiffOptions
) {
  const storedSums = new Map<string, number>()
  for (const a of stored.allocations) {
    const k = pairKey(a.roleId, a.workstreamId, a.quarter)
    storedSums.set(k, (storedSums.get(k) ?? 0) + a.shareBp)
  }
  const currentByKey = new Map<string, Allocation[]>()
  for (const a of current.allocations) {
    const k = pairKey(a.roleId, a.workstreamId, a.quarter)
    const list = currentByKey.get(k)
    if (list) list.push(a)
    else currentByKey.set(k, [a])
  }
  const roles = new Map(current.roles.map((r) => [r.id, r]))
  const workstreams = new Map(current.workstreams.map((w) => [w.id, w]))
  const storedRoles = new Map(stored.roles.map((r) => [r.id, r]))
  const storedWs = new Map(stored.workstreams.map((w) => [w.id, w]))

  for (const v of visible.allocations) {
    const k = pairKey(v.roleId, v.workstreamId, v.quarter)
    const was = storedSums.get(k) ?? 0
    if (v.shareBp === was) continue
    const role = roles.get(v.roleId)
    const ws = workstreams.get(v.workstreamId)
    const label = `${(role ?? storedRoles.get(v.roleId))?.name ?? v.roleId} · ${(ws ?? storedWs.get(v.workstreamId))?.title ?? v.workstreamId}`
    if (!role || !ws) {
      warnings.push({
        code: 'missing-in-plan',
        cell: v.cell,
        message: `${label}: the role or workstream no longer exists in the plan; the share in ${v.cell} was left out.`
      })
      continue
    }
    if (v.shareBp < 0) {
      warnings.push({
        code: 'negative-share',
        cell: v.cell,
        message: `${label}: a share cannot be negative (${v.cell}).`
      })
      continue
    }
    const list = currentByKey.get(k) ?? []
    const now = list.reduce((t, a) => t + a.shareBp, 0)
    if (v.shareBp === now) continue
    const entityChanges: EntityChange[] = []
    if (v.shareBp === 0) {
      for (const a of list) entityChanges.push({ table: 'allocations', id: a.id, before: a, after: null })
    } else if (list.length === 0) {
      const created: Allocation = {
        id: options.newId(),
        planId: current.plan.id,
        roleId: v.roleId,
        workstreamId: v.workstreamId,
        quarter: v.quarter,
        shareBp: v.shareBp,
        note: ''
      }
      entityChanges.push({ table: 'allocations', id: created.id, before: null, after: created })
    } else {
      // Several allocations share the cell (e.g. with different notes): the difference goes to the last one.
      const last = list[list.length - 1]
      const rest = now - last.shareBp
      const share = v.shareBp - rest
      if (share < 0) {
        const first = list[0]
        entityChanges.push({
          table: 'allocations',
          id: first.id,
          before: first,
          after: { ...first, shareBp: v.shareBp }
        })
        for (const a of list.slice(1))
          entityChanges.push({ table: 'allocations', id: a.id, before: a, after: null })
      } else {
        entityChanges.push({
          table: 'allocations',
          id: last.id,
          before: last,
          after: { ...last, shareBp: share }
        })
      }
    }
    changes.push({
      key: `share:${k}`,
      kind: 'share',
      sheet: 'team',
      cell: v.cell,
      label,
      fields: [{ field: 'share', quarter: v.quarter, from: now, to: v.shareBp }],
      conflict: now !== was,
      changes: entityChanges
    })
  }

  // Capacities: one change per role, so accepting or rejecting it never leaves a stale "before".
  const byRole = new Map<string, VisibleValues['capacities']>()
  for (const c of visible.capacities) {
    const was = storedRoles.get(c.roleId)
    if (!was || capacityOf(was, c.quarter) === c.capacityBp) continue
    const list = byRole.get(c.roleId)
    if (list) list.push(c)
    else byRole.set(c.roleId, [c])
  }
  for (const [roleId, edits] of byRole) {
    const now = roles.get(roleId)
    const was = storedRoles.get(roleId)!
    if (!now) {
      warnings.push({
        code: 'missing-in-plan',
        cell: edits[0].cell,
        message: `The role "${was.name}" no longer exists in the plan.`
      })
      continue
    }
    const after: Role = { ...now, capacityBp: { ...now.capacityBp } }
    for (const e of edits) {
      if (e.capacityBp === FULL_FTE) delete after.capacityBp[e.quarter]
      else after.capacityBp[e.quarter] = e.capacityBp
    }
    changes.push({
      key: `capacity:${roleId}`,
      kind: 'capacity',
      sheet: 'team',
      cell: edits[0].cell,
      label: now.name,
      fields: edits.map((e) => ({
        field: 'capacity',
        quarter: e.quarter,
        from: capacityOf(now, e.quarter),
        to: e.capacityBp
      })),
      conflict: edits.some((e) => capacityOf(now, e.quarter) !== capacityOf(was, e.quarter)),
      changes: [{ table: 'roles', id: roleId, before: now, after }]
    })
  }
}

/** The plan as the file shows it: the hidden data with every visible edit applied (for "import as a new plan"). */
export function planFromExport(stored: PlanData, visible: VisibleValues, options: DiffOptions): PlanData {
  const { changes } = diffExport(stored, visible, stored, options)
  return applyChanges(
    stored,
    changes.flatMap((c) => c.changes)
  )
}

/** Applies the accepted changes of a diff to a plan in memory (the renderer commits the same list to Dexie). */
export function applyExportChanges(current: PlanData, accepted: readonly ExportChange[]): PlanData {
  return applyChanges(
    current,
    accepted.flatMap((c) => c.changes)
  )
}
