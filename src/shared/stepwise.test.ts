import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  mergeSortedStepwise,
  partitionStepwise,
  runFor,
  runToEnd,
  sliceBudget,
  type Stepwise
} from './stepwise'

function* count(n: number): Stepwise<number> {
  let sum = 0
  for (let i = 1; i <= n; i++) {
    sum += i
    yield
  }
  return sum
}

describe('stepwise computations', () => {
  it('run to their end at once', () => {
    expect(runToEnd(count(100))).toBe(5050)
  })

  it('run for a time budget, at least one step, and go on where they stopped', () => {
    let clock = 0
    const now = () => clock
    const steps = count(10)
    // Each step "takes" 3 ms: a budget of 7 ms runs three steps (the check comes after a step).
    const tick = () => {
      clock += 3
    }
    const timed = (function* () {
      for (;;) {
        const r = steps.next()
        tick()
        if (r.done) return r.value
        yield
      }
    })()
    expect(runFor(timed, 7, now)).toBeUndefined()
    expect(clock).toBe(9)
    // A zero budget still makes progress.
    expect(runFor(timed, 0, now)).toBeUndefined()
    expect(clock).toBe(12)
    expect(runFor(timed, Infinity, now)).toEqual({ done: true, value: 55 })
  })
})

describe('partitioning stepwise', () => {
  it('splits items as two filters would, in order, pausing every `step` items', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 9 }), (items, step) => {
        const steps = partitionStepwise(items, (n) => n % 2 === 0, step)
        let pauses = 0
        let r = steps.next()
        while (!r.done) {
          pauses++
          r = steps.next()
        }
        expect(pauses).toBe(Math.floor(items.length / step))
        expect(r.value).toEqual({
          matching: items.filter((n) => n % 2 === 0),
          rest: items.filter((n) => n % 2 !== 0)
        })
      })
    )
  })
})

describe('a slice budget for loops', () => {
  /** Items a loop takes before the budget says stop (`tick` moves the clock by an item's time). */
  function slice(budget: ReturnType<typeof sliceBudget>, tick: () => void, max = 10_000): number {
    let n = 0
    while (n < max) {
      n++
      tick()
      if (budget.spent()) break
    }
    return n
  }

  it('ends a slice once its time is spent, reading the clock every so many items', () => {
    let clock = 0
    let reads = 0
    const now = () => (reads++, clock)
    const budget = sliceBudget(8, now, 4)
    // 1 ms an item: the clock is read at items 4 and 8; at 8 the 8 ms are spent.
    expect(slice(budget, () => (clock += 1))).toBe(8)
    expect(reads).toBe(1 + 2)
    // The next slice has its own 8 ms.
    budget.next()
    expect(slice(budget, () => (clock += 1))).toBe(8)
    // Half a millisecond an item: 16 items.
    budget.next()
    expect(slice(budget, () => (clock += 0.5))).toBe(16)
  })

  it('does at least `every` items however slow each one is', () => {
    let clock = 0
    const budget = sliceBudget(8, () => clock, 64)
    expect(slice(budget, () => (clock += 100))).toBe(64)
  })
})

describe('merging sorted runs stepwise', () => {
  const byNumber = (a: { n: number }, b: { n: number }) => a.n - b.n
  it('gives what a stable sort of the runs put together gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 7 }),
        (lists, step) => {
          const runs = lists.map((l, r) => l.sort((a, b) => a - b).map((n, i) => ({ n, tag: `${r}.${i}` })))
          const merged = runToEnd(mergeSortedStepwise(runs, byNumber, step))
          expect(merged).toEqual(runs.flat().sort(byNumber))
        }
      )
    )
  })

  it('yields between slices of a long merge', () => {
    const runs = [
      [1, 3, 5, 7],
      [2, 4, 6, 8]
    ].map((r) => r.map((n) => ({ n })))
    const steps = mergeSortedStepwise(runs, byNumber, 2)
    let yields = 0
    for (let r = steps.next(); !r.done; r = steps.next()) yields++
    expect(yields).toBeGreaterThan(1)
  })
})
