// The head of a table with a column per quarter (budget, plan vs actual, team utilization and
// breakdown): the rows' title, each quarter as the app names it, then the columns after them.
import type { ReactNode } from 'react'
import { formatQuarter } from '../lib/format'

export type HeadColumn = { label: ReactNode; className?: string }

export function QuarterTableHead({
  first,
  quarters,
  quarterClass = 'num',
  after = []
}: {
  first: ReactNode
  quarters: readonly string[]
  quarterClass?: string
  /** Columns after the quarters; numeric ('num') unless a class is given. */
  after?: HeadColumn[]
}) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {quarters.map((q) => (
          <th key={q} scope="col" className={quarterClass || undefined}>
            {formatQuarter(q)}
          </th>
        ))}
        {after.map((c, i) => (
          <th key={i} scope="col" className={c.className ?? 'num'}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
