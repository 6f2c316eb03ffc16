// A quarter picked from the plan's quarters (Radix Select): the trigger shows the quarter in the
// UI language, or "—" until one is chosen.
import { Select } from 'radix-ui'
import type { QuarterKey } from '@shared/planning/types'
import { formatQuarter } from '../lib/format'
import './quarter-select.css'

export function QuarterSelect({
  quarters,
  value,
  onChange,
  label
}: {
  quarters: readonly QuarterKey[]
  value: QuarterKey | ''
  onChange: (quarter: QuarterKey) => void
  /** The trigger's accessible name. */
  label: string
}) {
  return (
    <Select.Root value={value} onValueChange={(q) => onChange(q as QuarterKey)}>
      <Select.Trigger className="text quarter-select" aria-label={label}>
        <Select.Value placeholder="—" />
        <Select.Icon className="quarter-select-icon">▾</Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="quarter-select-content" position="popper" sideOffset={4}>
          <Select.Viewport>
            {quarters.map((q) => (
              <Select.Item key={q} value={q} className="quarter-select-item">
                <Select.ItemText>{formatQuarter(q)}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  )
}
