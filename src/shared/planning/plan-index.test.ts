import fc from 'fast-check'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { quarterStats } from './board'
import { applyChanges } from './changes'
import { runFor, runToEnd } from '../stepwise'
import {
  adoptAllocationIndex,
  allocatedAfter,
  allocationIndexOf,
  applyAllocationChanges,
  applyAllocationChangesStepwise,
  buildAllocationIndex,
  buildAllocationIndexStepwise,
  buildUtilization,
  buildUtilizationStepwise,
  DERIVATION_LIMIT,
  derivationChanges,
  findFollow,
  knownAllocationIndex,
  noteDerivation,
  updateUtilization,
  type AllocationIndex,
  type UtilizationState
} from './plan-index'
import { randomCommits } from '../../../test/support/random-commits'
import { smallPlan, testAllocation, testRole } from '../../../test/support/testing'
import type { Allocation, EntityChange, QuarterKey } from './types'
import { utilization } from './utilization'

/** An index as plain, order-free data: equal for equal contents whatever the order of the lists. */
function plain(index: AllocationIndex) {
  const cells: Record<string, string[]> = {}
  for (const [r, byQ] of index.cells)
    for (const [q, list] of byQ) cells[`${r}|${q}`] = list.map((a) => a.id).sort()
  const sums: Record<string, number> = {}
  for (const [r, byQ] of index.sums) for (const [q, bp] of byQ) sums[`${r}|${q}`] = bp
  const ws: Record<string, string[]> = {}
  for (const [w, set] of index.byWorkstream) ws[w] = [...set].map((a) => a.id).sort()
  for (const set of index.byWorkstream.values()) for (const a of set) expect(index.byId.get(a.id)).toBe(a)
  return { ws, byId: Object.fromEntries([...index.byId].sort(([a], [b]) => (a < b ? -1 : 1))), cells, sums }
}

function plainUtil(s: UtilizationState) {
  const table: Record<string, unknown> = {}
  for (const [r, cells] of s.table) for (const [q, c] of cells) table[`${r}|${q}`] = c
  return {
    table,
    stats: Object.fromEntries(s.stats),
    red: s.red,
    amber: s.amber,
    roleStats: Object.fromEntries(s.roleStats)
  }
}

const move = (a: Allocation, to: Partial<Allocation>): EntityChange => ({
  table: 'allocations',
  id: a.id,
  before: a,
  after: { ...a, ...to }
})

describe('allocation index', () => {
  it('follows a move: both cells get new lists, the others keep theirs, sums move with the chip', () => {
    const data = smallPlan()
    const index = buildAllocationIndex(data.allocations)
    const untouched = index.cells.get('r2')!.get('2026-Q1')!
    const source = index.cells.get('r1')!.get('2025-Q4')!
    const x1 = data.allocations[0]!
    const next = applyAllocationChanges(index, [move(x1, { quarter: '2026-Q1' })])
    expect(next.version).toBe(1)
    expect(next.incremental).toBe(true)
    expect([...next.touched].map(([r, q]) => `${r}|${q}`).sort()).toEqual(['r1|2025-Q4', 'r1|2026-Q1'])
    expect(next.cells.get('r2')!.get('2026-Q1')).toBe(untouched)
    expect(next.cells.get('r1')!.get('2025-Q4')).not.toBe(source)
    expect(next.sums.get('r1')!.get('2025-Q4')).toBe(5_000)
    expect(next.sums.get('r1')!.get('2026-Q1')).toBe(7_500)
    expect(next.byId.get('x1')!.quarter).toBe('2026-Q1')
  })

  it('tells the load of a cell after a change list without applying it', () => {
    const data = smallPlan()
    const index = buildAllocationIndex(data.allocations)
    const changes = [move(data.allocations[0]!, { quarter: '2026-Q1' })]
    expect(allocatedAfter(index, changes, 'r1', '2026-Q1')).toBe(7_500)
    expect(allocatedAfter(index, changes, 'r1', '2025-Q4')).toBe(5_000)
    expect(allocatedAfter(index, changes, 'r2', '2026-Q1')).toBe(5_000)
  })

  it('drops a cell that a delete empties, as a full build would not have it', () => {
    const data = smallPlan()
    const x3 = data.allocations[2]!
    const next = applyAllocationChanges(buildAllocationIndex(data.allocations), [
      { table: 'allocations', id: x3.id, before: x3, after: null }
    ])
    expect(next.cells.has('r2')).toBe(false)
    expect(next.sums.has('r2')).toBe(false)
    expect(plain(next)).toEqual(
      plain(
        buildAllocationIndex(
          applyChanges(data, [{ table: 'allocations', id: x3.id, before: x3, after: null }]).allocations
        )
      )
    )
  })

  it('carries an index along the arrays a commit derives, building only for unknown arrays', () => {
    const data = smallPlan()
    const first = allocationIndexOf(data.allocations)
    expect(allocationIndexOf(data.allocations)).toBe(first)
    const changes = [move(data.allocations[0]!, { quarter: '2026-Q2' })]
    const next = applyChanges(data, changes)
    noteDerivation(data.allocations, next.allocations, changes)
    const carried = allocationIndexOf(next.allocations)
    expect(carried.version).toBe(1)
    expect(carried.byId).toBe(first.byId)
    // Two commits between two looks: applied in order, but not marked incremental.
    const c2 = [move(next.allocations[1]!, { quarter: '2026-Q2' })]
    const d2 = applyChanges(next, c2)
    noteDerivation(next.allocations, d2.allocations, c2)
    const c3 = [move(d2.allocations[2]!, { quarter: '2026-Q2' })]
    const d3 = applyChanges(d2, c3)
    noteDerivation(d2.allocations, d3.allocations, c3)
    const twice = allocationIndexOf(d3.allocations)
    expect(twice.version).toBe(3)
    expect(twice.incremental).toBe(false)
    expect(plain(twice)).toEqual(plain(buildAllocationIndex(d3.allocations)))
    // An array nobody derived gets a build of its own.
    expect(allocationIndexOf([...d3.allocations]).version).toBe(0)
  })

  it('keeps no more than DERIVATION_LIMIT links back from the newest array', () => {
    const data = smallPlan()
    const arrays: (readonly unknown[])[] = [data.allocations]
    let at = data
    for (let i = 0; i < DERIVATION_LIMIT + 10; i++) {
      const changes = [move(at.allocations[i % at.allocations.length]!, { quarter: '2026-Q2' })]
      const next = applyChanges(at, changes)
      noteDerivation(at.allocations, next.allocations, changes)
      arrays.push(next.allocations)
      at = next
    }
    const newest = arrays.at(-1)!
    // The link that would reach past the limit is cut, so the older arrays can be collected.
    expect(derivationChanges(arrays.at(-1 - DERIVATION_LIMIT)!, newest, Infinity)).toHaveLength(
      DERIVATION_LIMIT
    )
    expect(derivationChanges(arrays.at(-2 - DERIVATION_LIMIT)!, newest, Infinity)).toBeUndefined()
    expect(derivationChanges(arrays[0]!, newest, Infinity)).toBeUndefined()
  })
  it('keeps no replaced array alive, while a follower of an older one still learns every change', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const data = smallPlan()
    // What a follower (the problems list) holds: the array it is up to date with.
    const held = data.allocations
    const replaced: WeakRef<readonly unknown[]>[] = []
    let at = data
    for (let i = 0; i < 5; i++) {
      const changes = [move(at.allocations[i % at.allocations.length]!, { quarter: '2026-Q2' })]
      const next = applyChanges(at, changes)
      noteDerivation(at.allocations, next.allocations, changes)
      if (i < 4) replaced.push(new WeakRef(next.allocations))
      at = next
    }
    // A WeakRef holds its target until the task that made it has ended.
    await new Promise((r) => setTimeout(r, 0))
    gc()
    expect(replaced.map((r) => r.deref())).toEqual([undefined, undefined, undefined, undefined])
    expect(derivationChanges(held, at.allocations)).toHaveLength(5)
    expect(plain(allocationIndexOf(at.allocations))).toEqual(plain(buildAllocationIndex(at.allocations)))
  })
})

describe('stepwise build', () => {
  it('builds the same index a step at a time', () => {
    const data = smallPlan()
    for (let i = 0; i < 12_000; i++)
      data.allocations.push(testAllocation(`s${i}`, i % 2 ? 'r1' : 'r2', 'a', QUARTERS[i % 5]!, 100))
    const steps = buildAllocationIndexStepwise(data.allocations)
    let slices = 0
    let end
    while (!(end = runFor(steps, 0))) slices++
    expect(slices).toBeGreaterThan(1)
    expect(plain(end.value)).toEqual(plain(buildAllocationIndex(data.allocations)))
  })

  it('adopts a built index for its array, which then follows commits', () => {
    const data = smallPlan()
    expect(knownAllocationIndex(data.allocations)).toBeUndefined()
    const index = buildAllocationIndex(data.allocations)
    adoptAllocationIndex(data.allocations, index)
    expect(knownAllocationIndex(data.allocations)).toBe(index)
    const changes = [move(data.allocations[0]!, { quarter: '2026-Q2' })]
    const next = applyChanges(data, changes)
    noteDerivation(data.allocations, next.allocations, changes)
    const followed = knownAllocationIndex(next.allocations)
    expect(followed?.version).toBe(1)
    expect(plain(followed!)).toEqual(plain(buildAllocationIndex(next.allocations)))
  })
})

describe('utilization by deltas', () => {
  it('updates the touched cells and the red and amber counts of their quarters', () => {
    const data = smallPlan()
    const index = buildAllocationIndex(data.allocations)
    const state = buildUtilization(data, index)
    expect(plainUtil(state).table).toEqual(plainUtil({ ...state, table: utilization(data) }).table)
    const changes = [move(data.allocations[3]!, { quarter: '2025-Q4', shareBp: 2_500 })]
    const after = applyChanges(data, changes)
    const next = updateUtilization(state, after, applyAllocationChanges(index, changes))
    expect(next).not.toBe(state)
    const full = quarterStats(utilization(after), after.plan.quarters)
    expect(next.red).toBe(full.red)
    expect(next.amber).toBe(full.amber)
    expect(Object.fromEntries(next.stats)).toEqual(Object.fromEntries(full.stats))
    expect(next.table.get('r1')!.get('2025-Q4')!.level).toBe('red')
  })

  it('takes a state built for this very index as it is, and builds for an index of another build', () => {
    const data = smallPlan()
    const index = buildAllocationIndex(data.allocations)
    const steps = buildUtilizationStepwise(data, index)
    let end
    while (!(end = runFor(steps, 0)));
    const state = end.value
    expect(plainUtil(state)).toEqual(plainUtil(buildUtilization(data, index)))
    expect(updateUtilization(state, data, index)).toBe(state)
    // Same version, another build (say, rows read again): not the state of that index.
    const other = buildAllocationIndex(data.allocations)
    const rebuilt = updateUtilization(state, data, other)
    expect(rebuilt).not.toBe(state)
    expect(rebuilt.indexSums).toBe(other.sums)
  })

  it('builds afresh when the soft cap changes', () => {
    const data = smallPlan()
    const index = buildAllocationIndex(data.allocations)
    const state = buildUtilization(data, index)
    const capped = { ...data, plan: { ...data.plan, softCapBp: 4_000 } }
    const next = updateUtilization(state, capped, applyAllocationChanges(index, []))
    expect(next.amber).toBe(quarterStats(utilization(capped), capped.plan.quarters).amber)
  })
})

// ------------------------------------------------------------------------------------------
// Property: after any sequence of adds, moves, resizes and deletes, the index and the
// utilization updated by deltas equal a full recompute.

const QUARTERS: QuarterKey[] = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
const ROLES = ['r1', 'r2', 'r3', 'ghost']
const commits = randomCommits(
  {
    allocations: {
      fields: {
        roleId: fc.constantFrom(...ROLES),
        quarter: fc.constantFrom(...QUARTERS),
        shareBp: fc.integer({ min: 1, max: 15_000 })
      },
      add: (id) => testAllocation(id, 'r1', 'a', QUARTERS[0]!, 1)
    }
  },
  { maxCommits: 30 }
)

describe('incremental equals full recompute', () => {
  it('holds for the index and utilization after random change sequences (several changes per commit)', () => {
    fc.assert(
      fc.property(commits.arbitrary, (ops) => {
        const start = smallPlan()
        start.roles.push(testRole('r3', 2, {}, null))
        start.roles[2] = { ...start.roles[2]!, openPosition: true, hireQuarter: '2026-Q2' }
        let index = buildAllocationIndex(start.allocations)
        let state = buildUtilization(start, index)
        for (const { data, changes } of commits.replay(start, ops)) {
          index = applyAllocationChanges(index, changes)
          state = updateUtilization(state, data, index)
          expect(plain(index)).toEqual(plain(buildAllocationIndex(data.allocations)))
          for (const r of ROLES)
            for (const q of QUARTERS)
              expect(index.sums.get(r)?.get(q) ?? 0).toBe(
                data.allocations
                  .filter((a) => a.roleId === r && a.quarter === q)
                  .reduce((s, a) => s + a.shareBp, 0)
              )
          expect(plainUtil(state)).toEqual(
            plainUtil(buildUtilization(data, buildAllocationIndex(data.allocations)))
          )
          const full = quarterStats(utilization(data), data.plan.quarters)
          expect([state.red, state.amber]).toEqual([full.red, full.amber])
          expect(Object.fromEntries(state.stats)).toEqual(Object.fromEntries(full.stats))
        }
      }),
      { numRuns: 200 }
    )
  })
})

// ------------------------------------------------------------------------------------------
// Property: the follow of several commits at once, a step per slice, equals the follow run to
// its end at once, and both a fresh build.

describe('stepwise follow', () => {
  it('equals the unsliced follow and a fresh build, whatever the slices', () => {
    fc.assert(
      fc.property(commits.arbitrary, fc.integer({ min: 1, max: 4 }), (ops, step) => {
        const start = smallPlan()
        const sliced = new WeakMap<readonly unknown[], AllocationIndex>()
        const whole = new WeakMap<readonly unknown[], AllocationIndex>()
        sliced.set(start.allocations, buildAllocationIndex(start.allocations))
        whole.set(start.allocations, buildAllocationIndex(start.allocations))
        let rows: readonly Allocation[] = start.allocations
        let last = start
        let count = 0
        let longest = 0
        for (const { data, changes } of commits.replay(start, ops)) {
          noteDerivation(rows, data.allocations, changes)
          rows = data.allocations
          last = data
          count += changes.length
          longest = Math.max(longest, changes.length)
        }
        const apply = (i: AllocationIndex, c: readonly EntityChange[]) =>
          applyAllocationChangesStepwise(i, c, step)
        const a = findFollow(rows, sliced, apply)
        const b = findFollow(rows, whole, applyAllocationChangesStepwise)
        if (rows === start.allocations) {
          expect(a && 'index' in a).toBe(true)
          return
        }
        if (!a || 'index' in a || !b || 'index' in b) throw new Error('expected a follow')
        expect(a.changes).toBe(count)
        const steps = a.steps()
        let end
        let slices = 0
        while (!(end = runFor(steps, 0))) slices++
        if (longest >= step) expect(slices).toBeGreaterThan(0)
        const fresh = plain(buildAllocationIndex(last.allocations))
        expect(plain(end.value)).toEqual(fresh)
        expect(plain(runToEnd(b.steps()))).toEqual(fresh)
        // Kept for the rows it is of; the base is spent.
        expect(sliced.get(rows)).toBe(end.value)
        expect(sliced.has(start.allocations)).toBe(false)
      }),
      { numRuns: 200 }
    )
  })

  it('says what a view would follow before applying anything, and spends the base only once stepped', () => {
    const data = smallPlan()
    const cache = new WeakMap<readonly unknown[], AllocationIndex>()
    const base = buildAllocationIndex(data.allocations)
    cache.set(data.allocations, base)
    const changes = [move(data.allocations[0]!, { quarter: '2026-Q2' })]
    const next = applyChanges(data, changes)
    noteDerivation(data.allocations, next.allocations, changes)
    const found = findFollow(next.allocations, cache, applyAllocationChangesStepwise)
    if (!found || 'index' in found) throw new Error('expected a follow')
    expect(found.base).toBe(base)
    expect(found.changes).toBe(1)
    expect(cache.get(data.allocations)).toBe(base)
    expect(base.version).toBe(0)
    const steps = found.steps()
    steps.next()
    expect(cache.has(data.allocations)).toBe(false)
  })
})
