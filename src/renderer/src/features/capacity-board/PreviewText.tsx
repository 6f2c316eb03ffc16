// What a drop on the capacity board would do, in words: the target's utilization after it, a
// merge, and the dependency problems it would cause; as text for screen readers and as the drag
// overlay's lines; and the short badge of the hovered cell.
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { shownUtilizationBp } from '@shared/planning/board'
import type { DropPreview } from '@shared/planning/capacity-board'
import { utilizationRatio } from '@shared/planning/utilization'
import { formatFte, formatQuarter, formatShare } from '../../lib/format'
import type { CellPreview } from './Cells'

export function describeCapacityPreview(
  p: DropPreview,
  t: TFunction,
  wsTitle: ReadonlyMap<string, string>
): { text: string; node: ReactNode } {
  const pct = formatShare(shownUtilizationBp(utilizationRatio(p.afterBp, p.capacityBp)))
  const utilText = t('preview.util', {
    quarter: formatQuarter(p.quarter),
    pct,
    allocated: formatFte(p.afterBp),
    capacity: formatFte(p.capacityBp)
  })
  const levelText = p.level === 'red' ? t('preview.red') : p.level === 'amber' ? t('preview.amber') : ''
  const violations = p.violations.map((v) =>
    v.kind === 'allocation'
      ? t('preview.violation', {
          workstream: wsTitle.get(v.workstreamId) ?? v.workstreamId,
          dependency: wsTitle.get(v.dependsOnId) ?? v.dependsOnId,
          quarter: formatQuarter(v.quarter),
          end: formatQuarter(v.dependencyEndQuarter)
        })
      : t('preview.schedule', {
          workstream: wsTitle.get(v.workstreamId) ?? v.workstreamId,
          dependency: wsTitle.get(v.dependsOnId) ?? v.dependsOnId
        })
  )
  const parts = [
    utilText + (levelText ? ` — ${levelText}` : ''),
    p.merges ? t('preview.merge') : '',
    ...violations
  ]
  return {
    text: parts.filter(Boolean).join('. '),
    node: (
      <>
        <div className={p.level === 'red' ? 'bad' : p.level === 'amber' ? 'warn' : ''}>
          {utilText}
          {levelText && ` — ${levelText}`}
        </div>
        {p.merges && <div>{t('preview.merge')}</div>}
        {violations.map((v) => (
          <div key={v} className="bad">
            ⚠ {v}
          </div>
        ))}
      </>
    )
  }
}

export function cellPreviewOf(p: DropPreview): CellPreview {
  const pct = shownUtilizationBp(utilizationRatio(p.afterBp, p.capacityBp))
  return {
    level: p.level,
    bad: p.violations.length > 0,
    badge: `→ ${formatShare(pct)}${p.violations.length > 0 ? ' ⚠' : ''}`
  }
}
