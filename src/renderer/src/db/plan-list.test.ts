import 'fake-indexeddb/auto'
import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setBudgetAmount } from '@shared/planning/moves'
import { smallPlan } from '../../../../test/support/testing'
import { db } from './db'
import { commitChanges } from './commit'
import { createPlanFromData, planListQuery, type PlanListItem } from './plans'
import { branchScenario, renamePlan } from './scenarios'

async function wipe() {
  await Promise.all(db.tables.map((t) => t.clear()))
}
beforeEach(wipe)
afterEach(wipe)

/** Waits until the live query has answered after the last write (it answers in a later task). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60))

describe("the sidebar's plan list", () => {
  // dexie-react-hooks renders again only when a live query's answer is another object than the
  // last one: the answers that are new objects are the list's renders.
  it('gives a new answer when a name or the plans change, and the same one after an edit of the plan', async () => {
    await createPlanFromData(smallPlan())
    const answers: (readonly PlanListItem[])[] = []
    const sub = liveQuery(planListQuery()).subscribe((v) => answers.push(v))
    try {
      await settle()
      expect(answers).toHaveLength(1)
      const first = answers[0]!
      expect(first.map((p) => p.name)).toEqual(['Test plan'])

      // Two edits: each rewrites the plan row (its updatedAt), nothing the list shows.
      const data = smallPlan()
      await commitChanges('p', 'edit', { key: 'a', values: {} }, setBudgetAmount(data, 'l1', 100))
      await commitChanges('p', 'edit', { key: 'b', values: {} }, setBudgetAmount(data, 'l1', 200))
      await settle()
      expect(answers.length).toBeGreaterThanOrEqual(1)
      expect(new Set(answers).size).toBe(1)
      expect(answers.at(-1)).toBe(first)

      await renamePlan('p', 'Renamed')
      await settle()
      expect(answers.at(-1)).not.toBe(first)
      expect(answers.at(-1)!.map((p) => p.name)).toEqual(['Renamed'])

      await branchScenario('p', 'What if')
      await settle()
      expect(
        answers
          .at(-1)!
          .map((p) => p.name)
          .sort()
      ).toEqual(['Renamed', 'What if'])
      expect(new Set(answers).size).toBe(3)
    } finally {
      sub.unsubscribe()
    }
  })
})
