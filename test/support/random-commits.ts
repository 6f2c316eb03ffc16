// Random commit sequences for the property tests of the indexes that follow commits: each commit
// is a list of adds, edits and deletes of allocations or budget lines, made into entity changes
// against the plan as the commit's earlier changes left it.
import fc from 'fast-check'
import { applyChanges } from '../../src/shared/planning/changes'
import type { Allocation, BudgetLine, EntityChange, PlanData } from '../../src/shared/planning/types'

/** The values a random add or edit gives a row's fields; fields left out keep the row's own. */
export type RowFields<T> = { [K in keyof T]?: fc.Arbitrary<T[K]> }

export type TableSpec<T> = {
  /** What an edit writes over the picked row, and an add over the new row. */
  fields: RowFields<T>
  /** A new row with this id, before the random fields are written over it. */
  add: (id: string) => T
}

export type CommitSpec = {
  allocations?: TableSpec<Allocation>
  budgetLines?: TableSpec<BudgetLine>
}

type Table = keyof CommitSpec

export type RandomOp =
  | { table: Table; kind: 'add'; fields: Record<string, unknown> }
  | { table: Table; kind: 'edit'; pick: number; fields: Record<string, unknown> }
  | { table: Table; kind: 'delete'; pick: number }

export type RandomCommits = {
  /** Up to maxCommits commits of one to maxChanges (default 4) operations. */
  arbitrary: fc.Arbitrary<RandomOp[][]>
  /** Each commit's changes and the plan after it, in order; an edit or delete of an empty table is dropped. */
  replay: (start: PlanData, commits: RandomOp[][]) => Generator<{ data: PlanData; changes: EntityChange[] }>
}

function opsOf(table: Table, spec: TableSpec<Allocation> | TableSpec<BudgetLine>): fc.Arbitrary<RandomOp> {
  const fields = fc.record(spec.fields as Record<string, fc.Arbitrary<unknown>>)
  return fc.oneof(
    fc.record({ table: fc.constant(table), kind: fc.constant('add' as const), fields }),
    fc.record({ table: fc.constant(table), kind: fc.constant('edit' as const), pick: fc.nat(), fields }),
    fc.record({ table: fc.constant(table), kind: fc.constant('delete' as const), pick: fc.nat() })
  )
}

function changeFor(spec: CommitSpec, data: PlanData, op: RandomOp, n: number): EntityChange | null {
  const rows: readonly (Allocation | BudgetLine)[] = data[op.table]
  if (op.kind === 'add') {
    const after = { ...spec[op.table]!.add(`new${n}`), ...op.fields } as Allocation | BudgetLine
    return { table: op.table, id: after.id, before: null, after } as EntityChange
  }
  if (rows.length === 0) return null
  const before = rows[op.pick % rows.length]!
  const after = op.kind === 'delete' ? null : { ...before, ...op.fields }
  return { table: op.table, id: before.id, before, after } as EntityChange
}

export function randomCommits(
  spec: CommitSpec,
  options: { maxCommits: number; maxChanges?: number }
): RandomCommits {
  const tables = (Object.keys(spec) as Table[]).filter((t) => spec[t])
  const op = fc.oneof(...tables.map((t) => opsOf(t, spec[t]!)))
  return {
    arbitrary: fc.array(fc.array(op, { minLength: 1, maxLength: options.maxChanges ?? 4 }), {
      maxLength: options.maxCommits
    }),
    *replay(start, commits) {
      let data = start
      let n = 0
      for (const ops of commits) {
        const changes: EntityChange[] = []
        for (const op of ops) {
          const c = changeFor(spec, data, op, n++)
          if (!c) continue
          changes.push(c)
          data = applyChanges(data, [c])
        }
        yield { data, changes }
      }
    }
  }
}
