// Every view of the app, in sidebar order. Each lives in features/<id>/.
import type { ComponentType } from 'react'
import type { ViewProps } from '../shell/view-props'
import { OverviewView } from '../features/overview/OverviewView'
import { TimelineView } from '../features/timeline/TimelineView'
import { TeamView } from '../features/team/TeamView'
import { BudgetView } from '../features/budget/BudgetView'
import { RisksView } from '../features/risks/RisksView'
import { DependenciesView } from '../features/dependencies/DependenciesView'
import { DeliverablesView } from '../features/deliverables/DeliverablesView'
import { CapacityBoardView } from '../features/capacity-board/CapacityBoardView'
import { BudgetBoardView } from '../features/budget-board/BudgetBoardView'
import { HistoryView } from '../features/history/HistoryView'
import { ScenariosView } from '../features/scenarios/ScenariosView'

export type ViewDef = {
  id: string
  /** Key in the 'common' namespace: nav.<id> */
  group: 'plan' | 'reallocate' | 'whatif'
  component: ComponentType<ViewProps>
}

export const VIEWS: ViewDef[] = [
  { id: 'overview', group: 'plan', component: OverviewView },
  { id: 'timeline', group: 'plan', component: TimelineView },
  { id: 'team', group: 'plan', component: TeamView },
  { id: 'budget', group: 'plan', component: BudgetView },
  { id: 'risks', group: 'plan', component: RisksView },
  { id: 'dependencies', group: 'plan', component: DependenciesView },
  { id: 'deliverables', group: 'plan', component: DeliverablesView },
  { id: 'capacity-board', group: 'reallocate', component: CapacityBoardView },
  { id: 'budget-board', group: 'reallocate', component: BudgetBoardView },
  { id: 'history', group: 'reallocate', component: HistoryView },
  { id: 'scenarios', group: 'whatif', component: ScenariosView }
]
