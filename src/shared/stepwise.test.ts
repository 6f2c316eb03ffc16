import { describe, expect, it } from 'vitest'
import { runFor, runToEnd, type Stepwise } from './stepwise'

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
