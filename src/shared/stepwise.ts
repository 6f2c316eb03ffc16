// Long computations written as generators that yield every so many items: the same code runs
// to the end at once (tests, the command line, small plans) or a slice per task in the window,
// which then keeps painting while 100,000 imported lines are added up.

/** A computation that yields between slices of its work and returns its result. */
export type Stepwise<T> = Generator<void, T, void>

/** Runs a stepwise computation to its end, here and now. */
export function runToEnd<T>(steps: Stepwise<T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/**
 * Runs a stepwise computation for at most `budgetMs` (at least one step). Returns the result
 * when it ended, else undefined: call again to go on.
 */
export function runFor<T>(
  steps: Stepwise<T>,
  budgetMs: number,
  now: () => number = () => performance.now()
): { done: true; value: T } | undefined {
  const until = now() + budgetMs
  for (;;) {
    const r = steps.next()
    if (r.done) return { done: true, value: r.value }
    if (now() >= until) return undefined
  }
}
