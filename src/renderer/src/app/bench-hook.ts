// A small, documented hook for bench/board.mjs: Playwright cannot reach the app's modules from
// outside, so the renderer exposes just enough to load a generated plan through the app's own
// storage path (createPlanFromData), the same path an import uses. It changes nothing by itself.
import { generateLargePlan, type LargePlanOptions } from '../../../../test/support/large-plan'
import { createPlanFromData, deletePlan, setCurrentPlanId } from '../db/plans'

export type QuartermasterBenchHook = {
  /** Generates the large plan in the page, stores it and makes it the current plan; resolves to its id. */
  loadLargePlan: (options?: LargePlanOptions) => Promise<string>
  /** Makes an existing plan the current one (e.g. the built-in 'freshfoodz'). */
  selectPlan: (planId: string) => Promise<void>
}

const hook: QuartermasterBenchHook = {
  loadLargePlan: async (options = {}) => {
    const data = generateLargePlan(options)
    await deletePlan(data.plan.id)
    await createPlanFromData(data)
    await setCurrentPlanId(data.plan.id)
    return data.plan.id
  },
  selectPlan: (planId) => setCurrentPlanId(planId)
}

;(window as unknown as { __quartermaster?: QuartermasterBenchHook }).__quartermaster = hook
