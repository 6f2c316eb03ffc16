import { useTranslation } from 'react-i18next'
import type { ViewProps } from '../../shell/view-props'
import { ViewHeader } from '../../components/ViewHeader'
import { usePlanData } from '../../db/plan-data'
import { openAllocationForm, openRoleForm } from './role-forms'
import { UtilizationTable } from './UtilizationTable'
import { HiringPlan } from './HiringPlan'
import { FteChart } from './FteChart'
import { WorkstreamBreakdown } from './WorkstreamBreakdown'
import './strings'
import './team.css'

export function TeamView({ planId }: ViewProps) {
  const { t: tf } = useTranslation('forms')
  const data = usePlanData(planId)
  if (!data) return <ViewHeader view="team" />
  return (
    <div className="team-view">
      <ViewHeader
        view="team"
        actions={
          <>
            <button type="button" className="btn btn-primary" onClick={() => void openRoleForm(planId, data)}>
              {tf('role.add')}
            </button>
            <button type="button" className="btn" onClick={() => void openAllocationForm(planId, data)}>
              {tf('allocation.add')}
            </button>
          </>
        }
      />
      <UtilizationTable planId={planId} data={data} />
      <HiringPlan data={data} />
      <FteChart data={data} />
      <WorkstreamBreakdown planId={planId} data={data} />
    </div>
  )
}
