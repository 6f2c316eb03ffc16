// What each board cell shows (its words, figures and chips), kept while scrolling renders it
// again: both boards' cell renderers compute a cell once per change of it, not once per render.
import { useMemo, useRef } from 'react'
import type { QuarterKey } from '@shared/planning/types'

/** An index that follows commits and says which cells the last one touched (plan-index, budget-index). */
export type TouchingIndex = {
  readonly version: number
  readonly incremental: boolean
  readonly touched: readonly (readonly [string, QuarterKey])[]
}

export type CellMemo<V> = {
  /** What the cell showed last, if it is still known. */
  get: (id: string, group?: string) => V | undefined
  set: (id: string, value: V, group?: string) => V
}

/** Groups kept at most: several screens of a scrolled board, not every cell ever passed. */
const KEPT = 5_000

/** The memo's group of a cell: a touched entry's key (a role's or row's quarter). */
export const cellGroup = (key: string, quarter: QuarterKey) => `${key}\u0000${quarter}`

type Kept<V> = { cells: Map<string, Map<string, V>>; deps: readonly unknown[]; index?: TouchingIndex }

/**
 * The memo for `deps` and `index` after `prev`: the same cells while every dep is the same and
 * `index` is `prev`'s or the next version of it (then without the groups it touched), else empty.
 */
export function followCellMemo<V>(
  prev: Kept<V> | null,
  deps: readonly unknown[],
  index?: TouchingIndex
): Kept<V> & CellMemo<V> {
  let cells: Map<string, Map<string, V>>
  if (
    prev &&
    deps.length === prev.deps.length &&
    deps.every((d, i) => d === prev.deps[i]) &&
    (prev.index === index ||
      (index && prev.index && index.incremental && prev.index.version === index.version - 1))
  ) {
    cells = prev.cells
    if (index && prev.index !== index) for (const [key, q] of index.touched) cells.delete(cellGroup(key, q))
  } else cells = new Map()
  return {
    cells,
    deps,
    index,
    get: (id, group = id) => cells.get(group)?.get(id),
    set: (id, value, group = id) => {
      let byId = cells.get(group)
      if (!byId) {
        // Emptied when full: the cells on screen are computed again once, the rest not kept.
        if (cells.size >= KEPT) cells.clear()
        cells.set(group, (byId = new Map()))
      }
      byId.set(id, value)
      return value
    }
  }
}

/**
 * A memo of cells by group, then cell id (a role has a cell per lane it is in), kept across
 * renders as followCellMemo says. Without an index the caller checks what it gets back (e.g. a
 * row's name and amount).
 */
export function useCellMemo<V>(deps: readonly unknown[], index?: TouchingIndex): CellMemo<V> {
  const last = useRef<Kept<V> | null>(null)
  return useMemo(
    () => (last.current = followCellMemo(last.current, deps, index)),
    [index, ...deps] // eslint-disable-line react-hooks/exhaustive-deps
  )
}
