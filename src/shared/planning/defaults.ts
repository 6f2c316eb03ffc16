// What a new plan starts with, in one place: a blank plan, a plan built from an import, the
// built-in plan and the test plans all take their plan row from newPlanRow.
import type { Plan, ShareBp } from './types'

/** Utilization above 85 % of capacity shows amber until the planner sets another soft cap. */
export const DEFAULT_SOFT_CAP_BP: ShareBp = 8_500
/** EUR per 1 CHF a new plan assumes until the planner sets the rate. */
export const DEFAULT_CHF_TO_EUR = 1.07

/** A new plan's row: the given fields over the defaults (no budget, no notes, not a scenario). */
export function newPlanRow(
  fields: Pick<Plan, 'id' | 'name' | 'quarters'> & Partial<Omit<Plan, 'createdAt' | 'updatedAt'>>,
  now: string
): Plan {
  return {
    baseCurrency: 'EUR',
    chfToEur: DEFAULT_CHF_TO_EUR,
    totalBudgetCents: 0,
    softCapBp: DEFAULT_SOFT_CAP_BP,
    mission: '',
    drivers: [],
    notes: '',
    baseId: null,
    branchedAtSeq: 0,
    archived: false,
    builtin: false,
    ...fields,
    createdAt: now,
    updatedAt: now
  }
}
