// Creating, listing and removing whole plans (and scenarios, which are plans with a base).
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { Plan, PlanData } from '@shared/planning/types'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import { db, describeStorageError, PLAN_TABLES, SIDE_TABLES } from './db'
import { addPlanRows, CommitError } from './commit'
import { deletePlanHistory, HISTORY_TABLES } from './history-store'
import { addRows, deletePlansRows, PLAN_STORES } from './rows'

export const BUILTIN_PLAN_ID = 'freshfoodz'
const CURRENT_PLAN_KEY = 'currentPlanId'

/** Writes a whole plan in one transaction: all of it or nothing. */
export async function createPlanFromData(data: PlanData): Promise<string> {
  try {
    await db.transaction('rw', ['plans', ...PLAN_STORES], async () => addPlanRows(data))
    return data.plan.id
  } catch (err) {
    throw new CommitError('storage', describeStorageError(err))
  }
}

/** Deletes a plan, its rows and its history, in one transaction. */
export async function deletePlan(planId: string): Promise<void> {
  await db.transaction('rw', ['plans', ...HISTORY_TABLES, ...PLAN_STORES, ...SIDE_TABLES], async () => {
    for (const t of [...PLAN_TABLES, ...SIDE_TABLES]) await deletePlansRows(t, [planId])
    await deletePlanHistory([planId])
    await db.plans.delete(planId)
  })
}

/**
 * On first start (no plan at all) writes the FreshFoodz roadmap as the built-in plan.
 * Resolves to the plan to open.
 */
export async function ensureBuiltinPlan(): Promise<string> {
  const count = await db.plans.count()
  if (count === 0) {
    await createPlanFromData(buildFreshFoodzPlan({ planId: BUILTIN_PLAN_ID }))
    await setCurrentPlanId(BUILTIN_PLAN_ID)
    return BUILTIN_PLAN_ID
  }
  const current = await getCurrentPlanId()
  if (current && (await db.plans.get(current))) return current
  const first = (await db.plans.orderBy('id').toArray()).find((p) => !p.archived && !p.baseId)
  const id = first?.id ?? (await db.plans.toCollection().first())!.id
  await setCurrentPlanId(id)
  return id
}

/** Replaces the built-in plan with a fresh copy of the roadmap (its history goes too). */
export async function resetToBuiltin(): Promise<string> {
  const fresh = buildFreshFoodzPlan({ planId: BUILTIN_PLAN_ID })
  try {
    await db.transaction('rw', ['plans', ...HISTORY_TABLES, ...PLAN_STORES, ...SIDE_TABLES], async () => {
      // The built-in plan comes back as shipped: without the actuals imported into it.
      for (const t of [...PLAN_TABLES, ...SIDE_TABLES]) await deletePlansRows(t, [BUILTIN_PLAN_ID])
      await deletePlanHistory([BUILTIN_PLAN_ID])
      await db.plans.put(fresh.plan)
      for (const t of PLAN_TABLES) await addRows(t, fresh[t])
    })
  } catch (err) {
    throw new CommitError('storage', describeStorageError(err))
  }
  await setCurrentPlanId(BUILTIN_PLAN_ID)
  return BUILTIN_PLAN_ID
}

export async function getCurrentPlanId(): Promise<string | null> {
  const s = await db.settings.get(CURRENT_PLAN_KEY)
  return typeof s?.value === 'string' ? s.value : null
}

export async function setCurrentPlanId(planId: string): Promise<void> {
  await db.settings.put({ key: CURRENT_PLAN_KEY, value: planId })
}

export function useCurrentPlanSetting(): string | null | undefined {
  return useLiveQuery(async () => (await getCurrentPlanId()) ?? null)
}

/** All plans, baselines first, each followed by its scenarios. */
export function usePlans(): Plan[] | undefined {
  return useLiveQuery(() => db.plans.toArray())
}

/** What the sidebar's plan list shows of a plan: not updatedAt, which every commit moves. */
export type PlanListItem = Pick<Plan, 'id' | 'name' | 'baseId' | 'archived' | 'builtin' | 'createdAt'>

const listItem = (p: Plan): PlanListItem => ({
  id: p.id,
  name: p.name,
  baseId: p.baseId,
  archived: p.archived,
  builtin: p.builtin,
  createdAt: p.createdAt
})
const sameItem = (a: PlanListItem, b: PlanListItem) =>
  a.id === b.id &&
  a.name === b.name &&
  a.baseId === b.baseId &&
  a.archived === b.archived &&
  a.builtin === b.builtin &&
  a.createdAt === b.createdAt

/**
 * The plans as the list shows them, for a live query: the same array as its last answer while
 * none of that changed, so a commit (which rewrites the plan row) renders nothing again.
 */
export function planListQuery(): () => Promise<readonly PlanListItem[]> {
  let last: readonly PlanListItem[] | undefined
  return async () => {
    const next = (await db.plans.toArray()).map(listItem)
    if (last && last.length === next.length && last.every((p, i) => sameItem(p, next[i]!))) return last
    return (last = next)
  }
}

/** The sidebar's plan list, live; renders again only when a name, a plan or its place changes. */
export function usePlanList(): readonly PlanListItem[] | undefined {
  const [query] = useState(planListQuery)
  return useLiveQuery(query)
}

/** Every plan and scenario (for names and the plan tree's walks). */
export function allPlans(): Promise<Plan[]> {
  return db.plans.toArray()
}

export function getPlan(planId: string): Promise<Plan | undefined> {
  return db.plans.get(planId)
}

/** The scenarios branched directly from a plan. */
export function scenariosOf(baseId: string): Promise<Plan[]> {
  return db.plans.where('baseId').equals(baseId).toArray()
}
