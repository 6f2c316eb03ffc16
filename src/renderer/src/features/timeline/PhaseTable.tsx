// The phases with their quarters, cap and impact, each with move up/down, edit and remove.
import { useTranslation } from 'react-i18next'
import type { PlanData } from '@shared/planning/types'
import { formatMoney, formatQuarter } from '../../lib/format'
import { phaseLabel, sortedPhases } from '../../lib/plan-labels'
import { RowActions } from '../../components/plan-form/RowActions'
import { movePhase, openPhaseForm, removePhaseWithQuestion } from './timeline-forms'
import './strings'

export function PhaseTable({ planId, data }: { planId: string; data: PlanData }) {
  const { t } = useTranslation('timeline')
  const { t: tf } = useTranslation('forms')
  const phases = sortedPhases(data)
  return (
    <section className="card" aria-label={tf('phase.add')}>
      <h2>{t('phases')}</h2>
      <table className="data schedule-table">
        <tbody>
          {phases.map((p, index) => (
            <tr key={p.id}>
              <th scope="row">
                <span className={`badge badge-${p.priority.toLowerCase()}`}>{p.priority}</span>{' '}
                {phaseLabel(p)}
              </th>
              <td>
                {formatQuarter(p.startQuarter)} – {formatQuarter(p.endQuarter)}
              </td>
              <td className="num">{formatMoney(p.capCents, 'EUR', { whole: true })}</td>
              <td className="muted small">{p.businessImpact}</td>
              <RowActions
                name={phaseLabel(p)}
                move={{ index, count: phases.length, onMove: (by) => movePhase(planId, p, by) }}
                onEdit={() => void openPhaseForm(planId, data, p)}
                onRemove={() => void removePhaseWithQuestion(planId, data, p)}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
