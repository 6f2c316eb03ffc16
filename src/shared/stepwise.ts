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

/** Items split by `test` into those that pass and those that do not, in order, yielding every `step`. */
export function* partitionStepwise<T>(
  items: readonly T[],
  test: (item: T) => boolean,
  step = 1_000
): Stepwise<{ matching: T[]; rest: T[] }> {
  const matching: T[] = []
  const rest: T[] = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    ;(test(item) ? matching : rest).push(item)
    if ((i + 1) % step === 0) yield
  }
  return { matching, rest }
}

/**
 * A time budget for loops that cannot be generators (passes inside an IndexedDB transaction, which
 * end each slice with a request instead of a timer): `spent()` is true once `budgetMs` have passed
 * since the slice began, reading the clock every `every` calls only; `next()` begins the next slice.
 * A slice always does at least `every` items, so a busy machine still makes progress.
 */
export function sliceBudget(
  budgetMs: number,
  now: () => number = () => performance.now(),
  every = 64
): { spent: () => boolean; next: () => void } {
  let until = now() + budgetMs
  let calls = 0
  return {
    spent: () => ++calls % every === 0 && now() >= until,
    next: () => {
      until = now() + budgetMs
      calls = 0
    }
  }
}

/**
 * Sorted runs merged into one sorted array, a pass of pairwise merges at a time, yielding every
 * `step` items: what a sort of rows read back from sorted packs costs, without one long sort.
 * Stable: of equal items, those of an earlier run come first.
 */
export function* mergeSortedStepwise<T>(
  runs: readonly (readonly T[])[],
  compare: (a: T, b: T) => number,
  step = 1_000
): Stepwise<T[]> {
  let level = runs.filter((r) => r.length > 0)
  if (level.length === 0) return []
  let n = 0
  while (level.length > 1) {
    const next: T[][] = []
    for (let k = 0; k < level.length; k += 2) {
      const a = level[k]!
      const b = level[k + 1]
      if (!b) {
        next.push(a as T[])
        continue
      }
      const out = new Array<T>(a.length + b.length)
      let i = 0
      let j = 0
      let o = 0
      while (i < a.length && j < b.length) {
        out[o++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!
        if (++n % step === 0) yield
      }
      while (i < a.length) out[o++] = a[i++]!
      while (j < b.length) out[o++] = b[j++]!
      next.push(out)
    }
    level = next
  }
  return level[0]!.slice()
}
