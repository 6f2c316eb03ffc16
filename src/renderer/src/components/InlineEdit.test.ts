import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildFreshFoodzPlan } from '@shared/planning/seed/freshfoodz'
import { setRiskImpactCents, setRiskProbability, setBudgetAmount } from '@shared/planning/moves'
import { db } from '../db/db'
import { createPlanFromData } from '../db/plans'
import { commitEdit } from './InlineEdit'
import { tableRows } from '../db/testing'
import type { BudgetLine } from '@shared/planning/types'

const budgetLineRows = tableRows<BudgetLine>('budgetLines')

const PLAN = 'freshfoodz'
const RISK = 'freshfoodz:risk:1'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}

beforeEach(async () => {
  await wipe()
  await createPlanFromData(buildFreshFoodzPlan({ planId: PLAN }))
})
afterEach(wipe)

describe('commitEdit', () => {
  it('keeps both of two quick edits to the same risk (the second starts from the first)', async () => {
    const summary = { key: 'history.riskProbability', values: {} }
    await Promise.all([
      commitEdit(PLAN, summary, (d) => setRiskProbability(d, RISK, 45)),
      commitEdit(PLAN, summary, (d) => setRiskImpactCents(d, RISK, 20_000_000))
    ])
    const risk = await db.risks.get(RISK)
    expect(risk).toMatchObject({ probabilityPct: 45, impactCents: 20_000_000 })
    expect(await db.history.where('planId').equals(PLAN).count()).toBe(2)
  })

  it('stores nothing and records no history when the edit helper refuses the value', async () => {
    const summary = { key: 'history.budgetAmount', values: {} }
    await expect(
      commitEdit(PLAN, summary, (d) => setBudgetAmount(d, 'freshfoodz:line:1', -1))
    ).rejects.toThrow(/Amount must be an integer/)
    expect((await budgetLineRows.get('freshfoodz:line:1'))?.amountCents).toBe(2_000_000)
    expect(await db.history.count()).toBe(0)
    // A refused edit does not block the next one.
    await commitEdit(PLAN, summary, (d) => setBudgetAmount(d, 'freshfoodz:line:1', 2_500_000))
    expect((await budgetLineRows.get('freshfoodz:line:1'))?.amountCents).toBe(2_500_000)
  })
})
